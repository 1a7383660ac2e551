/**
 * An article's analysis as the index holds it: mentions and dates as typed-array columns (their
 * objects made for one article when a feature asks), quotes and metadata as objects, and the two
 * largest parts that are read rarely (the outline: document symbols and folding of one article;
 * the document clusters: a corpus relink) as deflated UTF-8 JSON, inflated and parsed on each read.
 * At 10,000 articles the objects of those two parts took about 180 MB of heap, their JSON 80 MB
 * outside the heap, and deflated they take under a third of that (inflating one costs tens of
 * microseconds). A warm start copies them from the snapshot as they are stored.
 */
import { deflateRawSync, inflateRawSync, constants } from 'zlib';
import type { ArticleAnalysis } from '../core/analyzeArticle';
import type { DocCluster } from '../core/linking/documentEntities';
import type { DateMention, EntityMention, OutlineNode, Problem, Quote } from '../core/types';
import { ArticleColumns } from './articleColumns';

type StoredCluster = Omit<DocCluster, 'spellings'> & { spellings: Array<[string, number]> };

/** The clusters as plain JSON data (spelling maps as entry lists). */
export function storedClusters(clusters: readonly DocCluster[]): StoredCluster[] {
  return clusters.map((c) => ({ ...c, spellings: [...c.spellings] }));
}

/** Clusters from their plain form; undefined when the value is not a list of them. */
export function restoreClusters(value: unknown): DocCluster[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: DocCluster[] = [];
  for (const c of value as StoredCluster[]) {
    if (!c || typeof c.key !== 'string' || !Array.isArray(c.keys) || !Array.isArray(c.spellings) || !Array.isArray(c.mentions) || !Array.isArray(c.roles)) return undefined;
    out.push({ ...c, spellings: new Map(c.spellings) });
  }
  return out;
}

/**
 * The parts kept as objects (mentions and dates are columns: articleColumns.ts); a restored
 * analysis gives them through getters that parse them on first read (snapshotArticles.ts).
 */
export interface ResidentParts {
  meta: ArticleAnalysis['meta'];
  bodyStart: number;
  quotes: Quote[];
  problems: Problem[];
}

export class CompactAnalysis implements ArticleAnalysis {
  /** True once a stored part turned out not to be valid JSON (it then reads as empty). */
  damaged = false;
  private mentionList: EntityMention[] | undefined;
  private dateList: DateMention[] | undefined;

  constructor(
    /** Read through on each access (not copied: a restored analysis parses its metadata on first read). */
    private readonly parts: ResidentParts,
    /** The mentions (with their clusters) and dates. */
    readonly columns: ArticleColumns,
    /** How many clusters `clustersPacked` holds (known without unpacking it). */
    readonly clusterCount: number,
    /** The outline's JSON, deflated (`packJson`). */
    private readonly outlinePacked: Buffer,
    /** The clusters' JSON (their plain form: `storedClusters`), deflated. */
    private readonly clustersPacked: Buffer,
    /** The analysed text (read only when mention or date objects are made). */
    private readonly textOf: () => string,
  ) {}

  get meta(): ArticleAnalysis['meta'] {
    return this.parts.meta;
  }

  get bodyStart(): number {
    return this.parts.bodyStart;
  }

  get quotes(): Quote[] {
    return this.parts.quotes;
  }

  get problems(): Problem[] {
    return this.parts.problems;
  }

  /** The same analysis reading its text from `textOf` (the index's document, so no copy of the text is kept). */
  withText(textOf: () => string): CompactAnalysis {
    return new CompactAnalysis(this.parts, this.columns, this.clusterCount, this.outlinePacked, this.clustersPacked, textOf);
  }

  /** Made from the columns on first read and kept. */
  get mentions(): EntityMention[] {
    return (this.mentionList ??= this.columns.mentions(this.textOf()));
  }

  get dates(): DateMention[] {
    return (this.dateList ??= this.columns.dates(this.textOf()));
  }

  /** A new list on each read. */
  get clusterOf(): number[] {
    return this.columns.clusterList();
  }

  /** A new list on each read (callers keep what they derive from it, not the list). */
  get outline(): OutlineNode[] {
    const parsed = this.parse(this.outlinePacked);
    return Array.isArray(parsed) ? (parsed as OutlineNode[]) : this.damage([]);
  }

  get clusters(): DocCluster[] {
    const clusters = restoreClusters(this.parse(this.clustersPacked));
    return clusters && clusters.length === this.clusterCount ? clusters : this.damage([]);
  }

  /** The outline's deflated JSON, as stored (to write it elsewhere without unpacking it). */
  packedOutline(): Buffer {
    return this.outlinePacked;
  }

  /** The clusters' deflated JSON (of their plain form, see `storedClusters`), as stored. */
  packedClusters(): Buffer {
    return this.clustersPacked;
  }

  /** Heap-independent bytes this analysis keeps for its lazy parts and columns. */
  get lazyBytes(): number {
    return this.outlinePacked.length + this.clustersPacked.length + this.columns.bytes.length;
  }

  private parse(packed: Buffer): unknown {
    try {
      return JSON.parse(unpackJson(packed));
    } catch {
      return undefined;
    }
  }

  private damage<T>(empty: T): T {
    this.damaged = true;
    return empty;
  }
}

/**
 * The compact form of an analysis of the text `textOf` returns: mentions and dates as columns,
 * outline and clusters as deflated JSON. A compact analysis is rebound to `textOf` (nothing is copied).
 */
export function compactAnalysis(a: ArticleAnalysis, textOf: () => string): CompactAnalysis {
  if (a instanceof CompactAnalysis) return a.withText(textOf);
  const columns = ArticleColumns.of(a.mentions, a.clusterOf, a.dates, textOf());
  const parts: ResidentParts = { meta: a.meta, bodyStart: a.bodyStart, quotes: a.quotes, problems: a.problems };
  return new CompactAnalysis(parts, columns, a.clusters.length, packJson(a.outline), packJson(storedClusters(a.clusters)), textOf);
}

/** `value`'s JSON, deflated (raw deflate at the fastest level: these parts shrink about 3.5 times). */
export function packJson(value: unknown): Buffer {
  return deflateRawSync(JSON.stringify(value), { level: constants.Z_BEST_SPEED });
}

/** The JSON text `packJson` packed; throws when the bytes are not its output. */
export function unpackJson(packed: Buffer): string {
  return inflateRawSync(packed).toString('utf8');
}
