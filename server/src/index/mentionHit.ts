/**
 * What is found at an offset of an article: the mention covering it (its entity id, and the mention
 * object made only when read), and the covering search over sorted spans.
 */
import type { EntityMention } from '../core/types';
import type { IndexedArticle } from './indexedTypes';

/** A mention found at an offset: its article, index, entity id ('' when unlinked) and, when read, the mention. */
export class MentionHit {
  private made: EntityMention | undefined;

  constructor(
    readonly article: IndexedArticle,
    readonly index: number,
    readonly entityId: string,
  ) {}

  /** The mention as an object (made from the article's columns, not kept by the article). */
  get mention(): EntityMention {
    return (this.made ??= this.article.analysis.columns.mentionAt(this.index, this.article.document.getText()));
  }
}

/** Binary search over spans sorted by start, non-overlapping: the one containing offset. */
export function findCovering(spans: ReadonlyArray<{ start: number; end: number }>, offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  // Cursor right after the last character of a name still counts (as in VS Code's word hover).
  if (hi >= 0 && spans[hi].end === offset) return hi;
  return -1;
}
