/**
 * What the articles add to the corpus maps, and how one article's share is taken back: each
 * entity's articles with its mentions there, the quotations by speaker, the dated mentions
 * (`DateGroups`), and the count of entities with mentions. A full link installs its maps as typed
 * arrays (linkedMaps.ts: computed, or restored from the snapshot); what an edit touches (an
 * entity's row, a speaker's quotations, a date value's group) is copied into a map first. An edit
 * removes the article's old contribution and adds its new one, at a cost in proportion to the
 * article; an article's contribution to the full link is made when first asked for.
 */
import type { CorpusEntity } from '../core/linking/corpusEntities';
import type { Quote } from '../core/types';
import { ArticleEntry, mentionIds } from './articleEntry';
import type { CompactAnalysis } from './compactAnalysis';
import { DateGroups } from './dateGroups';
import { EntityArticleTable } from './entityArticleTable';
import { ClusterMentionCounts, DATES_PER_SLOT, type LinkedMaps } from './linkedMaps';

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

/** A quotation of the corpus with its article. */
export interface QuoteEntry {
  uri: string;
  quote: Quote;
}

/** The entity numbers among an article's counted ids (`linkedCounts`' idNumbers; -1: no entity). */
function entityNumbersOf(idNumbers: readonly number[]): Int32Array {
  return Int32Array.from(idNumbers.filter((n) => n >= 0));
}

export class CorpusMaps {
  /** The corpus's dated mentions by value. */
  readonly dates: DateGroups;
  /** speaker entity id → quotations attributed to it, for the speakers read or changed since the last full link (the others are read from `linked`). */
  private quotesByEntity = new Map<string, QuoteEntry[]>();
  /** speaker entity id → how many of its quotations are no scare quotes, for those changed since the last full link. */
  private saidByEntity = new Map<string, number>();
  /** Scratch of `linkedCounts`: mentions per document cluster, and each entity number's output position (left all -1). */
  private readonly clusterCounts = new ClusterMentionCounts();
  private entitySlot = new Int32Array(0);
  /**
   * entity id → article URI → mentions there, for the entities read or changed since the last full
   * link (`articleRow` reads the others from `linkedRows`).
   */
  private perArticle = new Map<string, Map<string, number>>();
  /** The last full link's entity → articles table (by slot). */
  private linkedRows: EntityArticleTable | undefined;
  /** The last full link's maps (linkedMaps.ts), its articles in link order as linked, and their rows as entity numbers. */
  private linked: LinkedMaps | undefined;
  private linkedArticles: readonly ArticleEntry[] = [];
  private linkedNumbers: readonly Int32Array[] = [];
  /** The link position of the article in each slot whose contribution is still the link's and not yet made (-1: none). */
  private linkedPosition = new Int32Array(0);
  /** The distinct entity numbers of each article in link order, made on first use (`entitiesOf`). */
  private linkedEntities: Array<Int32Array | undefined> = [];
  /** What each article added, so an edit can take it back (made on first use for a linked article: `contribution`). */
  private readonly contributions = new Map<string, Contribution>();
  /** Entities with at least one mention (the status line shows it after every edit). */
  private live = 0;

  constructor(private readonly context: MapsContext) {
    this.dates = new DateGroups((slot) => context.articleAt(slot));
  }

  /**
   * The maps of a full link replace all: `articles` in link order (in their slots already, linked
   * to their rows), `numbers[d]` article d's row as entity numbers, `linked` the maps computed from
   * them (`computeLinkedMaps`) or restored from a snapshot. Costs a few passes over typed arrays:
   * no article is read, and each article's contribution is made when first needed.
   */
  installLink(articles: readonly ArticleEntry[], numbers: readonly Int32Array[], linked: LinkedMaps, entities: readonly CorpusEntity[]): void {
    const slotOf = new Int32Array(articles.length);
    let slots = 0;
    for (let d = 0; d < articles.length; d++) {
      slotOf[d] = this.context.slotOf(articles[d].uri) ?? -1;
      slots = Math.max(slots, slotOf[d] + 1);
    }
    const position = new Int32Array(slots).fill(-1);
    for (let d = 0; d < articles.length; d++) if (slotOf[d] >= 0) position[slotOf[d]] = d;
    this.linkedPosition = position;
    this.linked = linked;
    this.linkedArticles = articles;
    this.linkedNumbers = numbers;
    this.linkedEntities = [];
    this.contributions.clear();
    this.perArticle = new Map();
    this.quotesByEntity = new Map();
    this.saidByEntity = new Map();
    const rowSlots = new Int32Array(linked.rowArticle.length);
    for (let k = 0; k < rowSlots.length; k++) rowSlots[k] = slotOf[linked.rowArticle[k]];
    this.linkedRows = new EntityArticleTable(linked.rowAt, rowSlots, linked.rowCount);
    this.dates.install(linked, slotOf);
    // Ids that are no entity (a full link names none): kept as maps at once.
    for (const [id, { rows, quotes }] of linked.strays ?? []) {
      if (rows.length) this.perArticle.set(id, new Map(rows.map(([d, n]) => [articles[d].uri, n])));
      if (!quotes.length) continue;
      const list = quotes.map(([d, q]) => ({ uri: articles[d].uri, quote: articles[d].analysis.quotes[q] }));
      this.quotesByEntity.set(id, list);
      this.saidByEntity.set(id, list.filter((e) => e.quote.kind !== 'scare').length);
    }
    if (this.entitySlot.length < entities.length) this.entitySlot = new Int32Array(Math.max(1024, entities.length * 2)).fill(-1);
    let live = 0;
    for (const e of entities) if (e.mentionCount > 0) live++;
    this.live = live;
  }

  /** What the article added (as of its last `add`, or the full link). */
  contribution(uri: string): Contribution | undefined {
    const kept = this.contributions.get(uri);
    if (kept) return kept;
    const slot = this.context.slotOf(uri);
    if (slot === undefined || slot >= this.linkedPosition.length || this.linkedPosition[slot] < 0) return undefined;
    const made = this.linkedContribution(this.linkedPosition[slot], slot);
    this.contributions.set(uri, made);
    return made;
  }

  /**
   * The distinct linked entities of an indexed article as entity numbers, in order of first mention:
   * its contribution's when made; else counted from its link row as the contribution would be
   * (`linkedCounts`) and kept, without making the rest of the contribution (its quotes parsed, its
   * speakers: co-occurrence rows read hundreds of articles for each frequent actor).
   */
  entitiesOf(uri: string): Int32Array | undefined {
    const kept = this.contributions.get(uri);
    if (kept) return kept.entities;
    const slot = this.context.slotOf(uri);
    if (slot === undefined || slot >= this.linkedPosition.length || this.linkedPosition[slot] < 0) return undefined;
    const d = this.linkedPosition[slot];
    return (this.linkedEntities[d] ??= this.linkedEntitySet(d));
  }

  private linkedEntitySet(d: number): Int32Array {
    const ids: string[] = [];
    const idNumbers: number[] = [];
    this.linkedCounts(this.linkedArticles[d], this.linkedNumbers[d], ids, [], idNumbers);
    return entityNumbersOf(idNumbers);
  }

  /** Entities with at least one mention. */
  get liveEntities(): number {
    return this.live;
  }

  /** The entity's number in the last full link's maps (undefined: none there). */
  private linkedNumber(id: string): number | undefined {
    const number = this.context.entityNumber(id);
    return this.linked && number !== undefined && number >= 0 && number < this.linked.entities ? number : undefined;
  }

  /** Every quotation attributed to the entity, in corpus order (read from the link's maps on first use, then kept). */
  quotesOf(id: string): ReadonlyArray<QuoteEntry> {
    return this.quoteList(id) ?? [];
  }

  private quoteList(id: string): QuoteEntry[] | undefined {
    const kept = this.quotesByEntity.get(id);
    if (kept) return kept;
    const number = this.linkedNumber(id);
    if (number === undefined) return undefined;
    const { quoteAt, quoteArticle, quoteIndex } = this.linked!;
    if (quoteAt[number] === quoteAt[number + 1]) return undefined;
    const list: QuoteEntry[] = [];
    for (let k = quoteAt[number]; k < quoteAt[number + 1]; k++) {
      const article = this.linkedArticles[quoteArticle[k]];
      list.push({ uri: article.uri, quote: article.analysis.quotes[quoteIndex[k]] });
    }
    this.quotesByEntity.set(id, list);
    return list;
  }

  /** How many quotations attributed to the entity are no scare quotes. */
  saidCount(id: string): number {
    const kept = this.saidByEntity.get(id);
    if (kept !== undefined) return kept;
    const number = this.linkedNumber(id);
    return number === undefined ? 0 : this.linked!.said[number];
  }

  /** The contribution of the article at link position `d` (in `slot`), as the full link made it. */
  private linkedContribution(d: number, slot: number): Contribution {
    const article = this.linkedArticles[d];
    const { analysis } = article;
    const ids: string[] = [];
    const counts: number[] = [];
    const idNumbers: number[] = [];
    this.linkedCounts(article, this.linkedNumbers[d], ids, counts, idNumbers);
    const { columns } = analysis;
    let dateCodes = 0;
    for (let i = 0; i < Math.min(columns.dateCount, DATES_PER_SLOT); i++) if (columns.isCalendarDate(i)) dateCodes++;
    const speakers: string[] = [];
    for (const quote of analysis.quotes) {
      const id = speakerId(article, quote);
      if (!id) continue;
      if (!speakers.includes(id)) speakers.push(id);
      if (!ids.includes(id)) {
        ids.push(id);
        counts.push(0);
      }
    }
    return { ids, counts: Int32Array.from(counts), analysis, clusterIds: article.clusterIds, slot, dateCodes, entities: entityNumbersOf(idNumbers), speakers };
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
   * As a full link counts them, the article's mentions per entity in order of first mention, into
   * `ids` and `counts`. Every mention of a document cluster has the cluster's entity, so mentions
   * are counted per cluster and clusters per entity number in typed arrays, with no map.
   * `numbers`: the entity number of each cluster (-1: none or no entity).
   */
  private linkedCounts(article: ArticleEntry, numbers: Int32Array, ids: string[], counts: number[], idNumbers: number[]): void {
    const { cluster, mentionCount } = article.analysis.columns;
    const row = article.clusterIds;
    const perCluster = this.clusterCounts;
    perCluster.count(cluster, mentionCount, row);
    // Position of each entity number in the output (-1: not yet); ids that are no entity (never in a
    // full link, but kept exact) are merged by a search over the few outputs.
    const at = this.entitySlot;
    for (const c of perCluster.first) {
      const n = perCluster.take(c);
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
   * Adds what an article edited after a full link contributes: its entity ids are counted and the
   * entities' mention counts and spellings updated.
   */
  add(article: ArticleEntry): void {
    const { analysis } = article;
    const ids: string[] = [];
    const counts: number[] = [];
    const idNumbers: number[] = [];
    for (const [id, n] of this.incrementalCounts(article)) {
      ids.push(id);
      counts.push(n);
      idNumbers.push(this.context.entityNumber(id) ?? -1);
    }
    const slot = this.context.slotOf(article.uri) ?? -1;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      const n = counts[k];
      let row = this.articleRow(id);
      if (!row) this.perArticle.set(id, (row = new Map()));
      row.set(article.uri, n);
      const e = this.context.entity(id);
      if (!e) continue;
      if (e.mentionCount === 0 && n > 0) this.live++;
      e.mentionCount += n;
    }
    const dateCodes = slot >= 0 ? this.dates.add(slot, analysis) : 0;
    const speakers: string[] = [];
    for (const quote of analysis.quotes) {
      const id = speakerId(article, quote);
      if (!id) continue;
      let list = this.quoteList(id);
      if (!list) this.quotesByEntity.set(id, (list = []));
      if (!speakers.includes(id)) speakers.push(id);
      if (quote.kind !== 'scare') this.saidByEntity.set(id, this.saidCount(id) + 1);
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
      // its distinct entities in order of first mention (the counts' order), as numbers (for co-occurrence rows)
      entities: entityNumbersOf(idNumbers),
      speakers,
    });
  }

  /** Takes back what the article added (as of its last `add`, or the full link); returns it (undefined: nothing). */
  remove(uri: string): Contribution | undefined {
    const old = this.contribution(uri);
    if (!old) return undefined;
    for (const id of old.speakers) {
      const quotes = this.quoteList(id);
      if (!quotes) continue;
      let said = 0;
      for (const q of quotes) if (q.uri === uri && q.quote.kind !== 'scare') said++;
      if (said) this.saidByEntity.set(id, this.saidCount(id) - said);
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
    if (old.slot >= 0 && old.slot < this.linkedPosition.length) this.linkedPosition[old.slot] = -1;
    return old;
  }

  /**
   * Calls `visit(article, count, slot)` for each article naming the entity, in the order of `articleRow`,
   * until it returns false. A row that is still the link's is read from its table in place: no map
   * is made (and kept) for it, and no article is looked up by URI (listing every actor made a map
   * for each).
   */
  visitArticles(id: string, visit: (article: ArticleEntry, count: number, slot: number) => boolean | void): void {
    const kept = this.perArticle.get(id);
    if (kept) {
      for (const [uri, n] of kept) {
        const slot = this.context.slotOf(uri);
        const article = slot === undefined ? undefined : this.context.articleAt(slot);
        if (article && visit(article, n, slot!) === false) return;
      }
      return;
    }
    const table = this.linkedRows;
    const number = this.context.entityNumber(id);
    if (!table || number === undefined || number >= table.entityCount) return;
    table.forEach(number, (slot, n) => {
      const article = this.context.articleAt(slot);
      return article ? visit(article, n, slot) : undefined;
    });
  }

  /** How many articles name the entity (the size of `articleRow`, without making it). */
  articleCount(id: string): number {
    const kept = this.perArticle.get(id);
    if (kept) return kept.size;
    let n = 0;
    this.visitArticles(id, () => void n++);
    return n;
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
