/**
 * An indexed article: its document, its analysis and the entity its mentions belong to. Every
 * mention of a document cluster belongs to the cluster's entity, so the linking is kept as one
 * entity id per cluster (the linking's assignment row, shared, not copied), and the list of ids per
 * mention is made from it on first read: a warm start links ten thousand articles without making
 * a string list for each (about 640,000 mentions at 10,000 articles).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArticleColumns } from './articleColumns';
import type { CompactAnalysis } from './compactAnalysis';

const NONE: readonly string[] = [];

/** Entity id per mention from the id per cluster ('' for a mention of no cluster or an unlinked one). */
export function mentionIds(columns: ArticleColumns, clusterIds: readonly string[]): string[] {
  const { cluster, mentionCount } = columns;
  const ids: string[] = new Array(mentionCount);
  for (let i = 0; i < mentionCount; i++) ids[i] = cluster[i] >= 0 ? clusterIds[cluster[i]] ?? '' : '';
  return ids;
}

export class ArticleEntry {
  private ids: string[] | undefined;
  /** Entity id per document cluster (empty: nothing linked yet). */
  private linkedClusters: readonly string[] = NONE;

  constructor(
    readonly uri: string,
    /** Editor version when open, else -1 for the disk copy. */
    public version: number,
    readonly hash: string,
    public document: TextDocument,
    readonly analysis: CompactAnalysis,
    /** Fingerprint of the reader decisions the analysis was made under. */
    readonly decisionsKey: string,
  ) {}

  /** Entity id per mention (parallel to analysis.mentions); '' until linked. Made on first read and kept. */
  get entityIds(): string[] {
    return (this.ids ??= mentionIds(this.analysis.columns, this.linkedClusters));
  }

  /** The entity id per cluster the mentions' ids come from (never changed in place: a new link gives a new row). */
  get clusterIds(): readonly string[] {
    return this.linkedClusters;
  }

  /** Links the article: `row` gives the entity id of each document cluster (kept, not copied). */
  link(row: readonly string[]): void {
    this.linkedClusters = row;
    this.ids = undefined;
  }

  /** The entity id of mention `i`, without making the list. */
  entityIdAt(i: number): string {
    if (this.ids) return this.ids[i] ?? '';
    const c = this.analysis.columns.cluster[i];
    return c >= 0 ? this.linkedClusters[c] ?? '' : '';
  }
}
