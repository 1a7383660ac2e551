/**
 * An article's analysis as the index holds it: mentions and dates as typed-array columns (their
 * objects made for one article when a feature asks), quotes and metadata as objects, and the two
 * largest parts that are read rarely (the outline: document symbols and folding of one article;
 * the document clusters: a corpus relink) as UTF-8 JSON bytes, parsed on each read. At 10,000 articles the objects of those two
 * parts took about 180 MB of heap; their bytes take a third of that, outside the heap, and a warm
 * start copies them from the snapshot without parsing them.
 */
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

/** The parts kept as objects (mentions and dates are columns: articleColumns.ts). */
export interface ResidentParts {
  meta: ArticleAnalysis['meta'];
  bodyStart: number;
  quotes: Quote[];
  problems: Problem[];
}

export class CompactAnalysis implements ArticleAnalysis {
  readonly meta: ArticleAnalysis['meta'];
  readonly bodyStart: number;
  readonly quotes: Quote[];
  readonly problems: Problem[];
  /** True once a stored part turned out not to be valid JSON (it then reads as empty). */
  damaged = false;
  private mentionList: EntityMention[] | undefined;
  private dateList: DateMention[] | undefined;

  constructor(
    parts: ResidentParts,
    /** The mentions (with their clusters) and dates. */
    readonly columns: ArticleColumns,
    /** How many clusters `clustersJson` holds (known without parsing it). */
    readonly clusterCount: number,
    private readonly outlineJson: Buffer,
    private readonly clustersJson: Buffer,
    /** The analysed text (read only when mention or date objects are made). */
    private readonly textOf: () => string,
  ) {
    this.meta = parts.meta;
    this.bodyStart = parts.bodyStart;
    this.quotes = parts.quotes;
    this.problems = parts.problems;
  }

  /** The same analysis reading its text from `textOf` (the index's document, so no copy of the text is kept). */
  withText(textOf: () => string): CompactAnalysis {
    return new CompactAnalysis(this, this.columns, this.clusterCount, this.outlineJson, this.clustersJson, textOf);
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
    const parsed = this.parse(this.outlineJson);
    return Array.isArray(parsed) ? (parsed as OutlineNode[]) : this.damage([]);
  }

  get clusters(): DocCluster[] {
    const clusters = restoreClusters(this.parse(this.clustersJson));
    return clusters && clusters.length === this.clusterCount ? clusters : this.damage([]);
  }

  /** The outline as JSON text (as stored: no parse). */
  outlineText(): string {
    return this.outlineJson.toString('utf8');
  }

  /** The clusters as JSON text of their plain form (see `storedClusters`). */
  clustersText(): string {
    return this.clustersJson.toString('utf8');
  }

  /** Heap-independent bytes this analysis keeps for its lazy parts and columns. */
  get lazyBytes(): number {
    return this.outlineJson.length + this.clustersJson.length + this.columns.bytes.length;
  }

  private parse(bytes: Buffer): unknown {
    try {
      return JSON.parse(bytes.toString('utf8'));
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
 * outline and clusters as bytes. A compact analysis is rebound to `textOf` (nothing is copied).
 */
export function compactAnalysis(a: ArticleAnalysis, textOf: () => string): CompactAnalysis {
  if (a instanceof CompactAnalysis) return a.withText(textOf);
  const columns = ArticleColumns.of(a.mentions, a.clusterOf, a.dates, textOf());
  return new CompactAnalysis(a, columns, a.clusters.length, Buffer.from(JSON.stringify(a.outline), 'utf8'), Buffer.from(JSON.stringify(storedClusters(a.clusters)), 'utf8'), textOf);
}

/** The analysis as plain JSON data (the clusters' spelling maps as entry lists; a compact analysis's lazy parts read). */
export function storedAnalysis(a: ArticleAnalysis): Omit<ArticleAnalysis, 'clusters'> & { clusters: StoredCluster[] } {
  const plain = plainAnalysis(a);
  return { ...plain, clusters: storedClusters(plain.clusters) };
}

/** Every part of an analysis as a plain object (for serializing: a compact one's lazy parts are getters). */
export function plainAnalysis(a: ArticleAnalysis): ArticleAnalysis {
  return { meta: a.meta, bodyStart: a.bodyStart, mentions: a.mentions, clusters: a.clusters, clusterOf: a.clusterOf, dates: a.dates, quotes: a.quotes, outline: a.outline, problems: a.problems };
}
