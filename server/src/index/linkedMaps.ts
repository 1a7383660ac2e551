/**
 * The corpus maps as a full link leaves them, in typed arrays by article position (link order) and
 * entity number: each entity's articles with its mentions there, the calendar dates by value, and
 * the quotations by speaker. A full link computes them in one pass over the articles; the snapshot
 * stores them, so a warm start installs them (corpusMaps.ts) without walking ten thousand articles.
 * Edits after the link never change them: the corpus maps keep an edit's changes beside them.
 */
import type { Quote } from '../core/types';
import type { ArticleColumns } from './articleColumns';
import { EntityArticleTableBuilder } from './entityArticleTable';
import type { StringTable } from './snapshotArticles';

/** Dates of an article beyond this index are not grouped (a date is numbered slot × this + index). */
export const DATES_PER_SLOT = 2 ** 24;

/** What a full link reads of one article (in link order). */
export interface LinkedArticle {
  readonly analysis: { readonly columns: ArticleColumns; readonly quotes: readonly Quote[] };
  /** The entity id of each cluster ('' for none). */
  readonly clusterIds: readonly string[];
}

export interface LinkedMaps {
  readonly articles: number;
  readonly entities: number;
  /** Entity e's articles: positions rowArticle[rowAt[e] … rowAt[e + 1]) in link order, with its mentions there in rowCount. */
  readonly rowAt: Int32Array;
  readonly rowArticle: Int32Array;
  readonly rowCount: Int32Array;
  /** The distinct calendar date values, sorted; value v's dates are (dateArticle, dateIndex)[valueAt[v] … valueAt[v + 1]) in corpus order. */
  readonly values: readonly string[];
  readonly valueAt: Int32Array;
  readonly dateArticle: Int32Array;
  readonly dateIndex: Int32Array;
  /** Entity e's quotations: (quoteArticle, quoteIndex)[quoteAt[e] … quoteAt[e + 1]) in corpus order; said[e]: how many are no scare quotes. */
  readonly quoteAt: Int32Array;
  readonly quoteArticle: Int32Array;
  readonly quoteIndex: Int32Array;
  readonly said: Int32Array;
  /**
   * Ids a row names that are no entity (a full link gives none; kept exact, never stored): their
   * articles (position → mentions) and quotations, which the typed arrays cannot number.
   */
  readonly strays?: ReadonlyMap<string, { rows: Array<[number, number]>; quotes: Array<[number, number]> }>;
}

/** The mention a quotation's speaker span falls in (-1: none). */
export function speakerMention(columns: ArticleColumns, quote: Quote): number {
  if (!quote.speaker || quote.speaker.start === undefined) return -1;
  return columns.mentionCovering(quote.speaker.start);
}

/** A growable Int32 list. */
class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(n: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = n;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * An article's mentions counted per linked document cluster, the clusters in order of first mention
 * (every mention of a cluster has the cluster's entity, so a count per entity merges these). The
 * count array is reused from one article to the next: `take` reads a cluster's count and clears it.
 */
export class ClusterMentionCounts {
  private counts = new Int32Array(256);
  /** The linked clusters of the article counted last, in order of first mention. */
  readonly first: number[] = [];

  /** Counts the mentions of clusters that have an entity id (`clusterIds[c]` not empty). */
  count(cluster: Int32Array, mentionCount: number, clusterIds: readonly string[]): void {
    const first = this.first;
    first.length = 0;
    let counts = this.counts;
    for (let i = 0; i < mentionCount; i++) {
      const c = cluster[i];
      if (c < 0 || !clusterIds[c]) continue;
      if (c >= counts.length) {
        const grown = new Int32Array(Math.max(c + 1, counts.length * 2));
        grown.set(counts);
        this.counts = counts = grown;
      }
      if (counts[c]++ === 0) first.push(c);
    }
  }

  /** The mentions of cluster `c` counted last (call once for each of `first`: it clears the count). */
  take(c: number): number {
    const n = this.counts[c];
    this.counts[c] = 0;
    return n;
  }
}

/** Offsets of a counting sort: at[k + 1] - at[k] = count[k]. */
function offsetsOf(count: Int32Array): Int32Array {
  const at = new Int32Array(count.length + 1);
  for (let k = 0; k < count.length; k++) at[k + 1] = at[k] + count[k];
  return at;
}

/**
 * The maps of a full link: `articles` in link order, `numbers[d]` the entity number of each of
 * article d's clusters (-1: none, or an id that is no entity), `entityCount` entities.
 */
export function computeLinkedMaps(articles: readonly LinkedArticle[], numbers: readonly Int32Array[], entityCount: number): LinkedMaps {
  const table = new EntityArticleTableBuilder();
  const strays = new Map<string, { rows: Array<[number, number]>; quotes: Array<[number, number]> }>();
  const stray = (id: string): { rows: Array<[number, number]>; quotes: Array<[number, number]> } => {
    let s = strays.get(id);
    if (!s) strays.set(id, (s = { rows: [], quotes: [] }));
    return s;
  };
  const perCluster = new ClusterMentionCounts();
  // Dates: each value's codes, grouped after the pass (a value's number is its first arrival).
  const valueNumber = new Map<string, number>();
  const arrivals: string[] = [];
  const dateValue = new Ints();
  const dateArticle = new Ints();
  const dateIndex = new Ints();
  // Quotes, grouped by speaker after the pass.
  const quoteSpeaker = new Ints();
  const quoteArticle = new Ints();
  const quoteIndex = new Ints();
  const said = new Int32Array(entityCount);
  const at = new Int32Array(entityCount).fill(-1);
  for (let d = 0; d < articles.length; d++) {
    const { analysis, clusterIds } = articles[d];
    const row = numbers[d];
    const { columns } = analysis;
    const { cluster } = columns;
    // Mentions per cluster, clusters in order of first mention, merged per entity.
    perCluster.count(cluster, columns.mentionCount, clusterIds);
    const seen: number[] = [];
    const seenCount: number[] = [];
    // Position of each entity number in `seen` (-1: not yet; left all -1).
    const seenStray: string[] = [];
    const strayCount: number[] = [];
    for (const c of perCluster.first) {
      const n = perCluster.take(c);
      const number = c < row.length ? row[c] : -1;
      if (number >= 0 && number < entityCount) {
        const k = at[number];
        if (k >= 0) seenCount[k] += n;
        else {
          at[number] = seen.length;
          seen.push(number);
          seenCount.push(n);
        }
      } else {
        const k = seenStray.indexOf(clusterIds[c]);
        if (k >= 0) strayCount[k] += n;
        else {
          seenStray.push(clusterIds[c]);
          strayCount.push(n);
        }
      }
    }
    for (let k = 0; k < seen.length; k++) {
      table.add(seen[k], d, seenCount[k]);
      at[seen[k]] = -1;
    }
    for (let k = 0; k < seenStray.length; k++) stray(seenStray[k]).rows.push([d, strayCount[k]]);
    // Calendar dates.
    const last = Math.min(columns.dateCount, DATES_PER_SLOT);
    if (last > 0) {
      const { dateValue: values, strings } = columns;
      for (let i = 0; i < last; i++) {
        if (!columns.isCalendarDate(i)) continue;
        const value = strings[values[i]];
        let v = valueNumber.get(value);
        if (v === undefined) {
          valueNumber.set(value, (v = arrivals.length));
          arrivals.push(value);
        }
        dateValue.push(v);
        dateArticle.push(d);
        dateIndex.push(i);
      }
    }
    // Quotations by speaker.
    const quotes = analysis.quotes;
    for (let q = 0; q < quotes.length; q++) {
      const m = speakerMention(columns, quotes[q]);
      if (m < 0) continue;
      const c = cluster[m];
      const id = c >= 0 ? clusterIds[c] ?? '' : '';
      if (!id) continue;
      const number = c < row.length ? row[c] : -1;
      if (number >= 0 && number < entityCount) {
        quoteSpeaker.push(number);
        quoteArticle.push(d);
        quoteIndex.push(q);
        if (quotes[q].kind !== 'scare') said[number]++;
      } else stray(id).quotes.push([d, q]);
    }
  }
  const rows = table.build(entityCount);
  const rowAt = new Int32Array(entityCount + 1);
  const rowArticle: number[] = [];
  const rowCount: number[] = [];
  for (let e = 0; e < entityCount; e++) {
    rows.forEach(e, (d, n) => {
      rowArticle.push(d);
      rowCount.push(n);
    });
    rowAt[e + 1] = rowArticle.length;
  }
  // Dates grouped by value (sorted), each group in arrival order.
  const order = arrivals.map((_, v) => v).sort((x, y) => (arrivals[x] < arrivals[y] ? -1 : arrivals[x] > arrivals[y] ? 1 : 0));
  const rank = new Int32Array(arrivals.length);
  order.forEach((v, r) => (rank[v] = r));
  const perValue = new Int32Array(arrivals.length);
  for (let k = 0; k < dateValue.length; k++) perValue[rank[dateValue.data[k]]]++;
  const valueAt = offsetsOf(perValue);
  const fill = valueAt.slice(0, arrivals.length);
  const groupedArticle = new Int32Array(dateValue.length);
  const groupedIndex = new Int32Array(dateValue.length);
  for (let k = 0; k < dateValue.length; k++) {
    const at = fill[rank[dateValue.data[k]]]++;
    groupedArticle[at] = dateArticle.data[k];
    groupedIndex[at] = dateIndex.data[k];
  }
  // Quotes grouped by speaker, each group in corpus order.
  const perSpeaker = new Int32Array(entityCount);
  for (let k = 0; k < quoteSpeaker.length; k++) perSpeaker[quoteSpeaker.data[k]]++;
  const quoteAt = offsetsOf(perSpeaker);
  const quoteFill = quoteAt.slice(0, entityCount);
  const groupedQuoteArticle = new Int32Array(quoteSpeaker.length);
  const groupedQuoteIndex = new Int32Array(quoteSpeaker.length);
  for (let k = 0; k < quoteSpeaker.length; k++) {
    const at = quoteFill[quoteSpeaker.data[k]]++;
    groupedQuoteArticle[at] = quoteArticle.data[k];
    groupedQuoteIndex[at] = quoteIndex.data[k];
  }
  return {
    articles: articles.length,
    entities: entityCount,
    rowAt,
    rowArticle: Int32Array.from(rowArticle),
    rowCount: Int32Array.from(rowCount),
    values: order.map((v) => arrivals[v]),
    valueAt,
    dateArticle: groupedArticle,
    dateIndex: groupedIndex,
    quoteAt,
    quoteArticle: groupedQuoteArticle,
    quoteIndex: groupedQuoteIndex,
    said,
    ...(strays.size ? { strays } : {}),
  };
}

/**
 * Whether stored maps are consistent with `articles` articles and `entities` entities: offsets
 * rising from 0 to their lists' lengths, positions in range, values sorted and distinct. (What
 * each index names inside an article is not checked here: the part's CRC vouches for it.)
 */
export function linkedMapsFit(m: LinkedMaps): boolean {
  const offsets = (at: Int32Array, count: number, length: number): boolean => {
    if (at.length !== count + 1 || at[0] !== 0 || at[count] !== length) return false;
    for (let k = 0; k < count; k++) if (at[k + 1] < at[k]) return false;
    return true;
  };
  const positions = (list: Int32Array): boolean => {
    for (let k = 0; k < list.length; k++) if (list[k] < 0 || list[k] >= m.articles) return false;
    return true;
  };
  const below = (list: Int32Array, limit: number): boolean => {
    for (let k = 0; k < list.length; k++) if (list[k] < 0 || list[k] >= limit) return false;
    return true;
  };
  if (m.rowArticle.length !== m.rowCount.length || m.dateArticle.length !== m.dateIndex.length || m.quoteArticle.length !== m.quoteIndex.length || m.said.length !== m.entities) return false;
  if (!offsets(m.rowAt, m.entities, m.rowArticle.length) || !offsets(m.valueAt, m.values.length, m.dateArticle.length) || !offsets(m.quoteAt, m.entities, m.quoteArticle.length)) return false;
  for (let v = 1; v < m.values.length; v++) if (!(m.values[v - 1] < m.values[v])) return false;
  return positions(m.rowArticle) && positions(m.dateArticle) && positions(m.quoteArticle) && below(m.dateIndex, DATES_PER_SLOT) && below(m.quoteIndex, 2 ** 31 - 1);
}

const MAPS_HEADER = 6;

/** The snapshot's maps part (corpusSnapshot.ts): a header, then the arrays (see the file's layout above); values as indexes into `strings`. */
export function encodeLinkedMaps(m: LinkedMaps, strings: StringTable): Buffer {
  if (m.strays) throw new Error('the corpus maps name ids that are no entity');
  const values = Int32Array.from(m.values, (v) => strings.at(v));
  const lists = [m.rowAt, m.rowArticle, m.rowCount, values, m.valueAt, m.dateArticle, m.dateIndex, m.quoteAt, m.quoteArticle, m.quoteIndex, m.said];
  const out = new Int32Array(MAPS_HEADER + lists.reduce((n, l) => n + l.length, 0));
  out.set([m.articles, m.entities, m.values.length, m.rowArticle.length, m.dateArticle.length, m.quoteArticle.length]);
  let at = MAPS_HEADER;
  for (const l of lists) {
    out.set(l, at);
    at += l.length;
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** The maps of a maps part (views into it); undefined when its lengths do not add up or a value is no string of the table. */
export function decodeLinkedMaps(ints: Int32Array, strings: readonly string[]): LinkedMaps | undefined {
  if (ints.length < MAPS_HEADER) return undefined;
  const [articles, entities, valueCount, rowPairs, dates, quotes] = ints;
  if ([articles, entities, valueCount, rowPairs, dates, quotes].some((n) => n < 0)) return undefined;
  const lengths = [entities + 1, rowPairs, rowPairs, valueCount, valueCount + 1, dates, dates, entities + 1, quotes, quotes, entities];
  if (MAPS_HEADER + lengths.reduce((n, l) => n + l, 0) !== ints.length) return undefined;
  let at = MAPS_HEADER;
  const [rowAt, rowArticle, rowCount, valueIndex, valueAt, dateArticle, dateIndex, quoteAt, quoteArticle, quoteIndex, said] = lengths.map((l) => ints.subarray(at, (at += l)));
  const values: string[] = new Array(valueCount);
  for (let v = 0; v < valueCount; v++) {
    const s = strings[valueIndex[v]];
    if (s === undefined) return undefined;
    values[v] = s;
  }
  return { articles, entities, rowAt, rowArticle, rowCount, values, valueAt, dateArticle, dateIndex, quoteAt, quoteArticle, quoteIndex, said };
}
