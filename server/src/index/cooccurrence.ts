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

export class CooccurrenceRow {
  /** Other entity number → articles of the sample it is in (entries with 0 are removed). */
  private readonly counts = new Map<number, number>();
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
      else this.count(s.entities, 1);
    }
    for (const entities of left.values()) this.count(entities, -1);
    this.sample = next;
    return this;
  }

  /** Whether the article is in the sample. */
  samples(uri: string): boolean {
    return this.sample.has(uri);
  }

  private count(entities: Int32Array, delta: 1 | -1): void {
    for (let k = 0; k < entities.length; k++) {
      const other = entities[k];
      if (other === this.self) continue;
      const n = (this.counts.get(other) ?? 0) + delta;
      if (n > 0) this.counts.set(other, n);
      else this.counts.delete(other);
    }
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
    for (const [number, articles] of this.counts) {
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
