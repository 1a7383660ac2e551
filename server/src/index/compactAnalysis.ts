/**
 * An article's analysis as the index holds it: what queries and corpus maps read all the time
 * (mentions, dates, quotes, metadata) as objects, and the two largest parts that are read rarely
 * (the outline: document symbols and folding of one article; the document clusters: a corpus
 * relink) as UTF-8 JSON bytes, parsed on each read. At 10,000 articles the objects of those two
 * parts took about 180 MB of heap; their bytes take a third of that, outside the heap, and a warm
 * start copies them from the snapshot without parsing them.
 */
import type { ArticleAnalysis } from '../core/analyzeArticle';
import type { DocCluster } from '../core/linking/documentEntities';
import type { DateMention, EntityMention, OutlineNode, Problem, Quote } from '../core/types';
import { intern } from './stringPool';

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

/** The parts kept as objects. */
export interface ResidentParts {
  meta: ArticleAnalysis['meta'];
  bodyStart: number;
  mentions: EntityMention[];
  clusterOf: number[];
  dates: DateMention[];
  quotes: Quote[];
  problems: Problem[];
}

export class CompactAnalysis implements ArticleAnalysis {
  readonly meta: ArticleAnalysis['meta'];
  readonly bodyStart: number;
  readonly mentions: EntityMention[];
  readonly clusterOf: number[];
  readonly dates: DateMention[];
  readonly quotes: Quote[];
  readonly problems: Problem[];
  /** True once a stored part turned out not to be valid JSON (it then reads as empty). */
  damaged = false;

  constructor(
    parts: ResidentParts,
    /** How many clusters `clustersJson` holds (known without parsing it). */
    readonly clusterCount: number,
    private readonly outlineJson: Buffer,
    private readonly clustersJson: Buffer,
  ) {
    this.meta = parts.meta;
    this.bodyStart = parts.bodyStart;
    this.mentions = parts.mentions;
    this.clusterOf = parts.clusterOf;
    this.dates = parts.dates;
    this.quotes = parts.quotes;
    this.problems = parts.problems;
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

  /** Heap-independent bytes this analysis keeps for its lazy parts. */
  get lazyBytes(): number {
    return this.outlineJson.length + this.clustersJson.length;
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

function residentParts(a: ArticleAnalysis): ResidentParts {
  return { meta: a.meta, bodyStart: a.bodyStart, mentions: a.mentions, clusterOf: a.clusterOf, dates: a.dates, quotes: a.quotes, problems: a.problems };
}

/**
 * The compact form of an analysis (the same object when it already is one). Its mentions' and
 * dates' texts and values are replaced by pooled copies (stringPool.ts), in place: the analysis
 * is the caller's to hand over.
 */
export function compactAnalysis(a: ArticleAnalysis): CompactAnalysis {
  if (a instanceof CompactAnalysis) return a;
  for (const m of a.mentions) m.text = intern(m.text);
  for (const d of a.dates) {
    d.text = intern(d.text);
    d.value = intern(d.value);
    if (d.anchor !== undefined) d.anchor = intern(d.anchor);
  }
  return new CompactAnalysis(residentParts(a), a.clusters.length, Buffer.from(JSON.stringify(a.outline), 'utf8'), Buffer.from(JSON.stringify(storedClusters(a.clusters)), 'utf8'));
}

/** Every part of an analysis as a plain object (for serializing: a compact one's lazy parts are getters). */
export function plainAnalysis(a: ArticleAnalysis): ArticleAnalysis {
  return { meta: a.meta, bodyStart: a.bodyStart, mentions: a.mentions, clusters: a.clusters, clusterOf: a.clusterOf, dates: a.dates, quotes: a.quotes, outline: a.outline, problems: a.problems };
}
