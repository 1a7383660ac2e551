/**
 * The corpus's dated mentions by value, for date hover cards ("also in …") and the timeline: each
 * value's mentions in corpus order (link order, then edits appended), the distinct values sorted.
 * A mention is a number (its article's slot and its index among the article's dates), not an
 * object; the date object is made when read, from its article's columns. A full link's groups are
 * installed as one typed array of codes (linkedMaps.ts); an edit copies only the groups of its own
 * values into lists it then changes.
 */
import type { DateMention } from '../core/types';
import { firstAtLeast } from '../core/sortedSpans';
import type { CompactAnalysis } from './compactAnalysis';
import { DATES_PER_SLOT, type LinkedMaps } from './linkedMaps';

/** A dated mention of the corpus. */
export interface DateEntry {
  readonly value: string;
  readonly uri: string;
  readonly date: DateMention;
}

/** What the date groups read of an indexed article. */
export interface DatedArticle {
  readonly uri: string;
  readonly analysis: CompactAnalysis;
}

/** A dated mention as the groups hold it: its date object is made when read (from its article's columns). */
class IndexedDate implements DateEntry {
  constructor(
    readonly value: string,
    readonly uri: string,
    private readonly analysis: CompactAnalysis,
    private readonly index: number,
  ) {}

  get date(): DateMention {
    return this.analysis.dates[this.index];
  }
}

/** A dated mention as a number: its article's slot and its index among the article's dates (exact below 2^53). */
const dateCode = (slot: number, index: number): number => slot * DATES_PER_SLOT + index;
const slotOfCode = (code: number): number => Math.floor(code / DATES_PER_SLOT);
const indexOfCode = (code: number): number => code % DATES_PER_SLOT;

export class DateGroups {
  /** Groups made or changed since the link (a value's group here replaces its linked one). */
  private groups = new Map<string, number[]>();
  /** The groups a full link left, as codes: value → its number in `linkedAt`; its codes linkedCodes[linkedAt[k] … linkedAt[k + 1]). */
  private linkedValue = new Map<string, number>();
  private linkedAt: Int32Array = new Int32Array(1);
  private linkedCodes: Float64Array = new Float64Array(0);
  /** The distinct values, sorted. */
  private values: string[] = [];
  /**
   * Codes in the groups whose slot is gone (its article replaced or removed): readers skip them,
   * and they are swept out together once they outnumber the live ones, so an edit's cost does not
   * grow with the corpus's date groups.
   */
  private staleCodes = 0;
  private liveCodes = 0;
  /** Every dated mention in time order, made on first use after a change. */
  private flat: DateEntry[] | undefined;

  /** `articleAt(slot)`: the article in a slot, undefined once it was replaced or removed. */
  constructor(private readonly articleAt: (slot: number) => DatedArticle | undefined) {}

  /**
   * The groups of a full link (linkedMaps.ts), replacing all: `slotOf[d]` is the slot of the
   * article in link position d. One pass over typed arrays; no group is made until an edit changes it.
   */
  install(linked: LinkedMaps, slotOf: Int32Array): void {
    this.groups = new Map();
    this.values = linked.values.slice();
    const linkedValue = new Map<string, number>();
    for (let k = 0; k < linked.values.length; k++) linkedValue.set(linked.values[k], k);
    this.linkedValue = linkedValue;
    this.linkedAt = linked.valueAt;
    const { dateArticle, dateIndex } = linked;
    const codes = new Float64Array(dateArticle.length);
    for (let k = 0; k < codes.length; k++) codes[k] = dateCode(slotOf[dateArticle[k]], dateIndex[k]);
    this.linkedCodes = codes;
    this.staleCodes = 0;
    this.liveCodes = codes.length;
    this.flat = undefined;
  }

  /** Empties the groups. */
  clear(): void {
    this.groups = new Map();
    this.dropLinked();
    this.values = [];
    this.staleCodes = 0;
    this.liveCodes = 0;
    this.flat = undefined;
  }

  private dropLinked(): void {
    this.linkedValue = new Map();
    this.linkedAt = new Int32Array(1);
    this.linkedCodes = new Float64Array(0);
  }

  /** The codes of a value (undefined: none). */
  private codesOf(value: string): ArrayLike<number> | undefined {
    const own = this.groups.get(value);
    if (own) return own;
    const k = this.linkedValue.get(value);
    return k === undefined ? undefined : this.linkedCodes.subarray(this.linkedAt[k], this.linkedAt[k + 1]);
  }

  /** The value's group, to change: its linked codes are copied into one first; undefined when the value has none. */
  private ownGroup(value: string): number[] | undefined {
    let group = this.groups.get(value);
    if (!group) {
      const k = this.linkedValue.get(value);
      if (k === undefined) return undefined;
      this.groups.set(value, (group = Array.from(this.linkedCodes.subarray(this.linkedAt[k], this.linkedAt[k + 1]))));
    }
    return group;
  }

  /** Adds the calendar dates of the article in `slot` (an edit after a full link); returns how many. Each new value goes in its sorted place. */
  add(slot: number, analysis: CompactAnalysis): number {
    const { columns } = analysis;
    let added = 0;
    // The group of each of the article's value strings, looked up once per distinct value, not per date.
    const groupOf: Array<number[] | undefined> = new Array(columns.strings.length);
    for (let i = 0; i < Math.min(columns.dateCount, DATES_PER_SLOT); i++) {
      if (!columns.isCalendarDate(i)) continue;
      const string = columns.dateValue[i];
      let group = groupOf[string];
      if (!group) {
        const value = columns.strings[string];
        group = this.ownGroup(value);
        if (!group) {
          this.groups.set(value, (group = []));
          this.values.splice(firstAtLeast(this.values, value), 0, value);
        }
        groupOf[string] = group;
      }
      group.push(dateCode(slot, i));
      added++;
    }
    this.liveCodes += added;
    if (added) this.flat = undefined;
    return added;
  }

  /**
   * The `count` dates of the article added in `slot` are gone. Its slot should be freed already
   * (its codes are then skipped, and swept with others later); if it is not, they go now.
   */
  remove(slot: number, count: number): void {
    if (count <= 0) return;
    this.flat = undefined;
    this.liveCodes -= count;
    this.staleCodes += count;
    if (this.articleAt(slot)) this.sweep(slot);
    else if (this.staleCodes > Math.max(1024, this.liveCodes)) this.sweep();
  }

  /** Takes the codes of freed slots (and of `slot`) out of the groups, and the values left empty. */
  private sweep(slot = -1): void {
    const groups = new Map<string, number[]>();
    let live = 0;
    for (const value of this.values) {
      const left = Array.prototype.filter.call(this.codesOf(value) ?? [], (code: number) => slotOfCode(code) !== slot && this.articleAt(slotOfCode(code)) !== undefined) as number[];
      if (left.length) groups.set(value, left);
      live += left.length;
    }
    // Every group is now one of its own: the linked codes are dropped.
    this.groups = groups;
    this.dropLinked();
    this.values = this.values.filter((value) => groups.has(value));
    this.liveCodes = live;
    this.staleCodes = 0;
  }

  /**
   * Dated mentions sharing a value prefix (same day, month or year), at most `limit`. Each entry's
   * date object is made when read (a date's hover card reads only the articles).
   */
  withValue(prefix: string, limit = 1000): DateEntry[] {
    const out: DateEntry[] = [];
    const values = this.values;
    for (let i = firstAtLeast(values, prefix); i < values.length && out.length < limit && values[i].startsWith(prefix); i++) {
      const codes = this.codesOf(values[i]) ?? [];
      for (let k = 0; k < codes.length; k++) {
        const code = codes[k];
        if (out.length === limit) break;
        const article = this.articleAt(slotOfCode(code));
        if (article) out.push(new IndexedDate(values[i], article.uri, article.analysis, indexOfCode(code)));
      }
    }
    return out;
  }

  /** All dated mentions in time order (equal values in corpus order). */
  all(): ReadonlyArray<DateEntry> {
    if (!this.flat) {
      const flat: DateEntry[] = [];
      for (const value of this.values) {
        const codes = this.codesOf(value) ?? [];
        for (let k = 0; k < codes.length; k++) {
          const code = codes[k];
          const article = this.articleAt(slotOfCode(code));
          if (article) flat.push(new IndexedDate(value, article.uri, article.analysis, indexOfCode(code)));
        }
      }
      this.flat = flat;
    }
    return this.flat;
  }
}
