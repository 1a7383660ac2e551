/**
 * Work done ahead of requests, after the index changes: the costly parts of the most frequent
 * actors' hover cards (their cost grows with the actor's articles; a rare actor's card is cheap to
 * make on first hover; articles' line tables are made while indexing), and the reference locations
 * of the very frequent ones (a thousand locations take ~10 ms to make and serialize). Runs in slices of a few milliseconds
 * between requests, after a pause (edits in a burst start it once), and stops when the index
 * changes again.
 */
import type { CorpusEntity } from '../core/linking/corpusEntities';
import type { CorpusIndex } from '../index/corpusIndex';
import { prepareEntityCard } from './hover';
import { prepareReferences } from './navigation';

/** Actors prepared ahead: the most mentioned, down to this many mentions, at most this many. */
const MIN_MENTIONS = 300;
const MAX_ACTORS = 300;
/** Actors whose reference locations are made ahead: down to this many mentions (at most MAX_ACTORS). */
const MIN_MENTIONS_FOR_REFERENCES = 500;

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
    const work = this.work(actors);
    const step = (): void => {
      if (index.changes !== changes) return; // a newer change schedules its own warm-up
      const until = performance.now() + this.sliceMs;
      while (performance.now() < until) if (work.next().done) return;
      setImmediate(step);
    };
    setImmediate(step);
  }

  /** The warm-up in steps (the index does not change between two steps of one run: the run stops first). */
  private *work(actors: readonly CorpusEntity[]): Generator<void, void> {
    for (const actor of actors) {
      prepareEntityCard(this.index, actor);
      yield;
      if (actor.mentionCount >= MIN_MENTIONS_FOR_REFERENCES) yield* prepareReferences(this.index, actor.id);
    }
  }
}
