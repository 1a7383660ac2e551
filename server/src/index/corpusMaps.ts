/**
 * What the articles add to the corpus maps, and how one article's share is taken back: each
 * entity's articles with its mentions there (after a full link a compact table, `EntityArticleTable`;
 * rows an edit touches become maps), the quotations by speaker, the dated mentions (`DateGroups`),
 * and the count of entities with mentions. An edit removes the article's old contribution and adds
 * its new one, at a cost in proportion to the article.
 */
import type { CorpusEntity } from '../core/linking/corpusEntities';
import type { Quote } from '../core/types';
import { ArticleEntry, mentionIds } from './articleEntry';
import type { CompactAnalysis } from './compactAnalysis';
import { DateGroups } from './dateGroups';
import { EntityArticleTable, EntityArticleTableBuilder } from './entityArticleTable';

/** What the maps read of the index: the current linking's entities, and the articles by slot. */
export interface MapsContext {
  entity(id: string): CorpusEntity | undefined;
  /** The entity's number (its position in the linking's entity list). */
  entityNumber(id: string): number | undefined;
  /** The article in a slot (undefined once replaced or removed). */
  articleAt(slot: number): ArticleEntry | undefined;
  slotOf(uri: string): number | undefined;
}

/** What one article added to the corpus maps. */
export interface Contribution {
  /**
   * The entities it adds to: its linked entities in order of first mention, then the speakers of its
   * quotes not among them; `counts` holds its mentions of each (0 for those speakers).
   */
  ids: readonly string[];
  counts: Int32Array;
  /** The article's slot when it was added. */
  slot: number;
  /** How many date codes it added to the date groups. */
  dateCodes: number;
  /** The analysis and the entity id of each of its clusters as added (to take back their spellings). */
  analysis: CompactAnalysis;
  clusterIds: readonly string[];
  /** The article's distinct linked entities, as entity numbers, in order of first mention. */
  entities: Int32Array;
  /** The entities its quotations are attributed to. */
  speakers: readonly string[];
}

/** The entity a quotation's speaker span names, if any. */
export function speakerId(article: Pick<ArticleEntry, 'analysis' | 'entityIdAt'>, quote: Quote): string {
  if (!quote.speaker || quote.speaker.start === undefined) return '';
  const i = article.analysis.columns.mentionCovering(quote.speaker.start);
  return i >= 0 ? article.entityIdAt(i) : '';
}

export class CorpusMaps {
  /** The corpus's dated mentions by value. */
  readonly dates: DateGroups;
  /** speaker entity id → quotations attributed to it. */
  private quotesByEntity = new Map<string, Array<{ uri: string; quote: Quote }>>();
  /** speaker entity id → how many of its quotations are no scare quotes (an actor's card shows it). */
  private saidByEntity = new Map<string, number>();
  /** Scratch of `linkedCounts`: mentions per document cluster (left all zero), the clusters in order of first mention, and each entity number's output position (left all -1). */
  private clusterCounts = new Int32Array(256);
  private readonly firstMentions: number[] = [];
  private entitySlot = new Int32Array(0);
  /**
   * entity id → article URI → mentions there, for the entities read or changed since the last full
   * link (`articleRow` reads the others from `linkedRows`).
   */
  private perArticle = new Map<string, Map<string, number>>();
  /** The last full link's entity → articles table; a full link fills `linkedRowsBuilder` instead of maps. */
  private linkedRows: EntityArticleTable | undefined;
  private linkedRowsBuilder: EntityArticleTableBuilder | undefined;
  /** What each article added, so an edit can take it back. */
  private readonly contributions = new Map<string, Contribution>();
  /** Entities with at least one mention (the status line shows it after every edit). */
  private live = 0;

  constructor(private readonly context: MapsContext) {
    this.dates = new DateGroups((slot) => context.articleAt(slot));
  }

  /** A full link of `entityCount` entities begins: every map is emptied, and filled by `add` for each article. */
  beginLink(entityCount: number): void {
    this.perArticle = new Map();
    this.linkedRows = undefined;
    this.linkedRowsBuilder = new EntityArticleTableBuilder();
    this.quotesByEntity = new Map();
    this.saidByEntity = new Map();
    this.contributions.clear();
    this.dates.clear();
    if (this.entitySlot.length < entityCount) this.entitySlot = new Int32Array(Math.max(1024, entityCount * 2)).fill(-1);
  }

  /** Every article of a full link is added: the table is made, and the entities with mentions counted. */
  finishLink(entities: readonly CorpusEntity[]): void {
    this.linkedRows = this.linkedRowsBuilder!.build(entities.length);
    this.linkedRowsBuilder = undefined;
    this.dates.finishLink();
    let live = 0;
    for (const e of entities) if (e.mentionCount > 0) live++;
    this.live = live;
  }

  /** What the article added (as of its last `add`). */
  contribution(uri: string): Contribution | undefined {
    return this.contributions.get(uri);
  }

  /** Entities with at least one mention. */
  get liveEntities(): number {
    return this.live;
  }

  /** Every quotation attributed to the entity, in corpus order. */
  quotesOf(id: string): ReadonlyArray<{ uri: string; quote: Quote }> {
    return this.quotesByEntity.get(id) ?? [];
  }

  /** How many quotations attributed to the entity are no scare quotes. */
  saidCount(id: string): number {
    return this.saidByEntity.get(id) ?? 0;
  }

  /**
   * An edited article's mentions per entity, in order of first mention; the entity's spellings gain
   * the article's (a full link counts them itself).
   */
  private incrementalCounts(article: ArticleEntry): Map<string, number> {
    const ids = article.entityIds;
    const counts = new Map<string, number>();
    const mentions = article.analysis.mentions;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!id) continue;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      const e = this.context.entity(id);
      if (e) e.spellings.set(mentions[i].text, (e.spellings.get(mentions[i].text) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * After a full link, the article's mentions per entity in order of first mention, into `ids` and
   * `counts`. Every mention of a document cluster has the cluster's entity, so mentions are counted
   * per cluster and clusters per entity number in typed arrays, with no map (a warm start does this
   * for every article). `numbers`: the entity number of each cluster (-1: none or no entity).
   */
  private linkedCounts(article: ArticleEntry, numbers: Int32Array, ids: string[], counts: number[], idNumbers: number[]): void {
    const { cluster, mentionCount } = article.analysis.columns;
    const row = article.clusterIds;
    const first = this.firstMentions;
    first.length = 0;
    let perCluster = this.clusterCounts;
    for (let i = 0; i < mentionCount; i++) {
      const c = cluster[i];
      if (c < 0 || !row[c]) continue;
      if (c >= perCluster.length) {
        const grown = new Int32Array(Math.max(c + 1, perCluster.length * 2));
        grown.set(perCluster);
        this.clusterCounts = perCluster = grown;
      }
      if (perCluster[c]++ === 0) first.push(c);
    }
    // Position of each entity number in the output (-1: not yet); ids that are no entity (never in a
    // full link, but kept exact) are merged by a search over the few outputs.
    const at = this.entitySlot;
    for (const c of first) {
      const n = perCluster[c];
      perCluster[c] = 0;
      const number = c < numbers.length ? numbers[c] : -1;
      const k = number >= 0 ? at[number] : ids.indexOf(row[c]);
      if (k >= 0) counts[k] += n;
      else {
        if (number >= 0) at[number] = ids.length;
        ids.push(row[c]);
        counts.push(n);
        idNumbers.push(number);
      }
    }
    for (const number of idNumbers) if (number >= 0) at[number] = -1;
  }

  /**
   * Adds what the article contributes. `numbers` (a full link): the entity number of each of its
   * clusters; without them (`incremental`, an edit after a link) its entity ids are counted and the
   * entities' mention counts and spellings updated.
   */
  add(article: ArticleEntry, incremental: boolean, numbers?: Int32Array): void {
    const { analysis } = article;
    const ids: string[] = [];
    const counts: number[] = [];
    const idNumbers: number[] = [];
    if (numbers) this.linkedCounts(article, numbers, ids, counts, idNumbers);
    else {
      for (const [id, n] of this.incrementalCounts(article)) {
        ids.push(id);
        counts.push(n);
        idNumbers.push(this.context.entityNumber(id) ?? -1);
      }
    }
    // The article's distinct entities in order of first mention (the counts' order), as numbers (for co-occurrence rows).
    const entities = new Int32Array(ids.length);
    let distinct = 0;
    const slot = this.context.slotOf(article.uri) ?? -1;
    const builder = incremental ? undefined : this.linkedRowsBuilder;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      const n = counts[k];
      const number = idNumbers[k];
      if (number >= 0) entities[distinct++] = number;
      if (builder && number >= 0 && slot >= 0) builder.add(number, slot, n);
      else {
        let row = this.articleRow(id);
        if (!row) this.perArticle.set(id, (row = new Map()));
        row.set(article.uri, n);
      }
      if (!incremental) continue;
      const e = this.context.entity(id);
      if (!e) continue;
      if (e.mentionCount === 0 && n > 0) this.live++;
      e.mentionCount += n;
    }
    const dateCodes = slot >= 0 ? this.dates.add(slot, analysis, incremental) : 0;
    const linkedIds = distinct;
    const speakers: string[] = [];
    for (const quote of analysis.quotes) {
      const id = speakerId(article, quote);
      if (!id) continue;
      let list = this.quotesByEntity.get(id);
      if (!list) this.quotesByEntity.set(id, (list = []));
      if (!speakers.includes(id)) speakers.push(id);
      if (quote.kind !== 'scare') this.saidByEntity.set(id, (this.saidByEntity.get(id) ?? 0) + 1);
      list.push({ uri: article.uri, quote });
      if (!ids.includes(id)) {
        ids.push(id);
        counts.push(0);
      }
    }
    this.contributions.set(article.uri, {
      ids,
      counts: Int32Array.from(counts),
      analysis,
      clusterIds: article.clusterIds,
      slot,
      dateCodes,
      entities: linkedIds === entities.length ? entities : entities.slice(0, linkedIds),
      speakers,
    });
  }

  /** Takes back what the article added (as of its last `add`); returns it (undefined: nothing). */
  remove(uri: string): Contribution | undefined {
    const old = this.contributions.get(uri);
    if (!old) return undefined;
    for (const id of old.speakers) {
      const quotes = this.quotesByEntity.get(id);
      if (!quotes) continue;
      let said = 0;
      for (const q of quotes) if (q.uri === uri && q.quote.kind !== 'scare') said++;
      if (said) this.saidByEntity.set(id, this.saidByEntity.get(id)! - said);
      this.quotesByEntity.set(id, quotes.filter((q) => q.uri !== uri));
    }
    for (let k = 0; k < old.ids.length; k++) {
      const id = old.ids[k];
      this.articleRow(id)?.delete(uri);
      const e = this.context.entity(id);
      if (!e) continue;
      const was = e.mentionCount;
      e.mentionCount = Math.max(0, was - old.counts[k]);
      if (was > 0 && e.mentionCount === 0) this.live--;
    }
    const linked = old.clusterIds.some((id) => id);
    const mentions = linked ? old.analysis.mentions : [];
    const ids = linked ? mentionIds(old.analysis.columns, old.clusterIds) : [];
    for (let i = 0; i < mentions.length; i++) {
      const e = ids[i] ? this.context.entity(ids[i]) : undefined;
      if (!e) continue;
      const spelling = mentions[i].text;
      const left = (e.spellings.get(spelling) ?? 0) - 1;
      if (left > 0) e.spellings.set(spelling, left);
      else e.spellings.delete(spelling);
    }
    this.dates.remove(old.slot, old.dateCodes);
    this.contributions.delete(uri);
    return old;
  }

  /**
   * The entity's articles (URI → its mentions there): kept as a map once read or changed, else read
   * from the last full link's table (articles replaced or removed since are left out: their new
   * contributions are in the map).
   */
  articleRow(id: string): Map<string, number> | undefined {
    const kept = this.perArticle.get(id);
    if (kept) return kept;
    const table = this.linkedRows;
    const number = this.context.entityNumber(id);
    if (!table || number === undefined || number >= table.entityCount) return undefined;
    const row = new Map<string, number>();
    table.forEach(number, (slot, n) => {
      const article = this.context.articleAt(slot);
      if (article) row.set(article.uri, n);
    });
    this.perArticle.set(id, row);
    return row;
  }
}
