/**
 * The corpus's dated mentions by value, for date hover cards ("also in …") and the timeline: each
 * value's mentions in corpus order (link order, then edits appended), the distinct values sorted.
 * A mention is a number (its article's slot and its index among the article's dates), not an
 * object; the date object is made when read, from its article's columns. An edit touches only its
 * own values' groups.
 */
import type { DateMention } from '../core/types';
import { firstAtLeast } from '../core/sortedSpans';
import type { CompactAnalysis } from './compactAnalysis';

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
const DATES_PER_SLOT = 2 ** 24;
const dateCode = (slot: number, index: number): number => slot * DATES_PER_SLOT + index;
const slotOfCode = (code: number): number => Math.floor(code / DATES_PER_SLOT);
const indexOfCode = (code: number): number => code % DATES_PER_SLOT;

export class DateGroups {
  private groups = new Map<string, number[]>();
  /** The distinct values, sorted (during a full link: in arrival order until `finishLink`). */
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

  /** Empties the groups (a full link adds every article again). */
  clear(): void {
    this.groups = new Map();
    this.values = [];
    this.staleCodes = 0;
    this.liveCodes = 0;
    this.flat = undefined;
  }

  /**
   * Adds the calendar dates of the article in `slot`; returns how many. `incremental`: after a full
   * link each new value goes in its sorted place; during one they are sorted once by `finishLink`.
   */
  add(slot: number, analysis: CompactAnalysis, incremental: boolean): number {
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
        group = this.groups.get(value);
        if (!group) {
          this.groups.set(value, (group = []));
          if (incremental) this.values.splice(firstAtLeast(this.values, value), 0, value);
          else this.values.push(value);
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

  /** After a full link has added every article: the values in order. */
  finishLink(): void {
    this.values.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
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
    for (const [value, codes] of this.groups) {
      const left = codes.filter((code) => slotOfCode(code) !== slot && this.articleAt(slotOfCode(code)) !== undefined);
      if (left.length) this.groups.set(value, left);
      else this.groups.delete(value);
    }
    this.values = this.values.filter((value) => this.groups.has(value));
    let live = 0;
    for (const codes of this.groups.values()) live += codes.length;
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
      for (const code of this.groups.get(values[i]) ?? []) {
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
        for (const code of this.groups.get(value) ?? []) {
          const article = this.articleAt(slotOfCode(code));
          if (article) flat.push(new IndexedDate(value, article.uri, article.analysis, indexOfCode(code)));
        }
      }
      this.flat = flat;
    }
    return this.flat;
  }
}
