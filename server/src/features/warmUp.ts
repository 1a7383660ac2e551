/**
 * Work done ahead of requests, after the index changes: the costly parts of the most frequent
 * actors' hover cards (their cost grows with the actor's articles; a rare actor's card is cheap to
 * make on first hover; articles' line tables are made while indexing). Runs in steps of about a
 * millisecond between requests, after a pause (edits in a burst start it once), and stops when the
 * index changes again. An actor's articles are read ahead one per step (their metadata, and the
 * entities of those its co-occurrence row samples), so no step makes a request wait for a whole
 * card of an actor named in thousands of articles.
 */
import { CO_OCCURRENCE_SAMPLE } from '../index/cooccurrence';
import type { CorpusEntity } from '../core/linking/corpusEntities';
import type { CorpusIndex } from '../index/corpusIndex';
import { prepareEntityCard, preparedCard } from './hover';

/** Actors prepared ahead: the most mentioned, down to this many mentions, at most this many. */
const MIN_MENTIONS = 300;
const MAX_ACTORS = 300;

export class QueryWarmUp {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly index: CorpusIndex,
    private readonly delayMs = 200,
    private readonly sliceMs = 1,
    private readonly minMentions = MIN_MENTIONS,
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
      .filter((e) => e.mentionCount >= this.minMentions)
      .sort((a, b) => b.mentionCount - a.mentionCount)
      .slice(0, MAX_ACTORS);
    const steps = this.steps(actors);
    const step = (): void => {
      if (index.changes !== changes) return; // a newer change schedules its own warm-up
      const until = performance.now() + this.sliceMs;
      do {
        if (steps.next().done) return;
      } while (performance.now() < until);
      setImmediate(step);
    };
    setImmediate(step);
  }

  /** The warm-up, one small piece of work per step. */
  private *steps(actors: readonly CorpusEntity[]): Generator<void> {
    const index = this.index;
    for (const actor of actors) {
      // kept from before (an edit patches what it touched): nothing to read again
      if (!preparedCard(index, actor)) {
        const uris: string[] = [];
        index.visitArticlesOf(actor.id, (article) => void uris.push(article.uri));
        for (let k = 0; k < uris.length; k++) {
          index.prepareArticle(uris[k], k < CO_OCCURRENCE_SAMPLE);
          yield;
        }
      }
      prepareEntityCard(index, actor);
      yield;
    }
  }
}
