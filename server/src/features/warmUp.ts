/**
 * Work done ahead of requests, after the index changes: the costly parts of the most frequent
 * actors' hover cards (their cost grows with the actor's articles; a rare actor's card is cheap to
 * make on first hover; articles' line tables are made while indexing). Runs in slices of a few milliseconds
 * between requests, after a pause (edits in a burst start it once), and stops when the index
 * changes again.
 */
import type { CorpusIndex } from '../index/corpusIndex';
import { prepareEntityCard } from './hover';

/** Actors prepared ahead: the most mentioned, down to this many mentions, at most this many. */
const MIN_MENTIONS = 300;
const MAX_ACTORS = 300;

export class QueryWarmUp {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly index: CorpusIndex,
    private readonly delayMs = 200,
    private readonly sliceMs = 4,
  ) {}

  /** (Re)starts the warm-up after `delayMs` without changes. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, this.delayMs);
    this.timer.unref?.();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    const index = this.index;
    const changes = index.changes;
    const actors = index
      .entities()
      .filter((e) => e.mentionCount >= MIN_MENTIONS)
      .sort((a, b) => b.mentionCount - a.mentionCount)
      .slice(0, MAX_ACTORS);
    let a = 0;
    const step = (): void => {
      if (index.changes !== changes) return; // a newer change schedules its own warm-up
      const until = performance.now() + this.sliceMs;
      while (performance.now() < until) {
        if (a < actors.length) prepareEntityCard(index, actors[a++]);
        else return;
      }
      setImmediate(step);
    };
    setImmediate(step);
  }
}
