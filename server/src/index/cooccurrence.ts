/**
 * An actor's co-occurrence row: how many of its articles each other actor shares, read from a
 * sample of its articles (the first `CO_OCCURRENCE_SAMPLE` in corpus order: for very frequent
 * actors a sample ranks co-actors well enough, and the counts shown are then a lower bound). The row
 * keeps its sample, so after an edit it is brought up to date from the articles that left or
 * entered the sample (one or two), not by reading the sample again.
 */
import type { CorpusEntity } from '../core/linking/corpusEntities';

/** At most this many articles of one actor are read to rank its co-actors. */
export const CO_OCCURRENCE_SAMPLE = 300;

/**
 * One article of the sample: its URI and its distinct linked entities as entity numbers (an
 * article's contribution: a new array whenever the article changes; `NO_ENTITIES` when not counted).
 */
export interface SampledArticle {
  readonly uri: string;
  readonly entities: Int32Array;
}

export const NO_ENTITIES = new Int32Array(0);

export interface CoActor {
  entity: CorpusEntity;
  articles: number;
}

/**
 * Net changes of counts by entity number, in a dense scratch array shared by every row (rows are
 * updated one at a time on the one thread), with the numbers touched listed so that only they are
 * read and reset.
 */
class CountChanges {
  private delta = new Int32Array(1024);
  private touched: number[] = [];

  add(entities: Int32Array, self: number, by: 1 | -1): void {
    for (let k = 0; k < entities.length; k++) {
      const other = entities[k];
      if (other === self || other < 0) continue;
      if (other >= this.delta.length) {
        const grown = new Int32Array(Math.max(other + 1, this.delta.length * 2));
        grown.set(this.delta);
        this.delta = grown;
      }
      if (this.delta[other] === 0) this.touched.push(other);
      this.delta[other] += by;
    }
  }

  /**
   * Merges the net changes into sorted (numbers, counts) and resets the scratch; returns undefined
   * when nothing changed (every change cancelled out), else new exact-length arrays without zeros.
   */
  mergeInto(numbers: Int32Array, counts: Int32Array): [Int32Array, Int32Array] | undefined {
    const changed = this.touched.filter((n) => this.delta[n] !== 0).sort((a, b) => a - b);
    if (changed.length === 0) {
      for (const n of this.touched) this.delta[n] = 0;
      this.touched.length = 0;
      return undefined;
    }
    const outNumbers = new Int32Array(numbers.length + changed.length);
    const outCounts = new Int32Array(numbers.length + changed.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < numbers.length || j < changed.length) {
      let number: number;
      let count: number;
      if (j >= changed.length || (i < numbers.length && numbers[i] < changed[j])) {
        number = numbers[i];
        count = counts[i++];
      } else {
        number = changed[j++];
        count = this.delta[number];
        if (i < numbers.length && numbers[i] === number) count += counts[i++];
      }
      if (count > 0) {
        outNumbers[o] = number;
        outCounts[o++] = count;
      }
    }
    for (const n of this.touched) this.delta[n] = 0;
    this.touched.length = 0;
    return [outNumbers.slice(0, o), outCounts.slice(0, o)];
  }
}

const changes = new CountChanges();

export class CooccurrenceRow {
  /**
   * Other entity numbers in ascending order, and how many articles of the sample each is in (never
   * 0). Typed arrays, not a map: a frequent actor's row has thousands of co-actors, and the warm-up
   * keeps a row for each of hundreds of actors (a map took ~70 KB per row at 10,000 articles).
   */
  private others: Int32Array = NO_ENTITIES;
  private counts: Int32Array = NO_ENTITIES;
  /** The sample: URI → the entities counted for it. */
  private sample = new Map<string, Int32Array>();

  /** `self`: the actor's own entity number (never counted as its own co-actor; -1: none). */
  constructor(private readonly self: number, sample: readonly SampledArticle[]) {
    this.update(sample);
  }

  /**
   * Makes the row that of `sample`: articles that left it (or whose entities changed) are taken
   * out, those that entered are added. Returns the row.
   */
  update(sample: readonly SampledArticle[]): this {
    const left = this.sample;
    const next = new Map<string, Int32Array>();
    for (const s of sample) {
      next.set(s.uri, s.entities);
      if (left.get(s.uri) === s.entities) left.delete(s.uri);
      else changes.add(s.entities, this.self, 1);
    }
    for (const entities of left.values()) changes.add(entities, this.self, -1);
    this.sample = next;
    const merged = changes.mergeInto(this.others, this.counts);
    if (merged) [this.others, this.counts] = merged;
    return this;
  }

  /** Whether the article is in the sample. */
  samples(uri: string): boolean {
    return this.sample.has(uri);
  }

  /**
   * The `limit` co-actors sharing the most articles; ties go to the co-actor with more mentions
   * (which changes with edits elsewhere, so this is ranked on each call), then to the lower entity
   * number.
   */
  top(limit: number, entities: readonly CorpusEntity[]): CoActor[] {
    const best: Array<CoActor & { number: number }> = [];
    if (limit <= 0) return [];
    const before = (articles: number, entity: CorpusEntity, number: number, other: CoActor & { number: number }): boolean =>
      articles > other.articles ||
      (articles === other.articles && (entity.mentionCount > other.entity.mentionCount || (entity.mentionCount === other.entity.mentionCount && number < other.number)));
    for (let k = 0; k < this.others.length; k++) {
      const number = this.others[k];
      const articles = this.counts[k];
      const entity = entities[number];
      if (!entity) continue;
      if (best.length === limit && !before(articles, entity, number, best[limit - 1])) continue;
      let at = best.length;
      while (at > 0 && before(articles, entity, number, best[at - 1])) at--;
      best.splice(at, 0, { entity, articles, number });
      if (best.length > limit) best.pop();
    }
    return best.map(({ entity, articles }) => ({ entity, articles }));
  }
}
