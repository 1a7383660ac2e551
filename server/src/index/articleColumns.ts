/**
 * An article's mentions and dates as columns of typed arrays in one buffer, instead of an object
 * per mention and per date. At 10,000 articles the index holds about 640,000 mentions and 490,000
 * dates: as objects they took some 150 MB of heap and most of a warm start's time (parsing them,
 * then collecting the garbage); as columns they take 23 MB, outside the heap, and a warm start
 * copies their bytes from the snapshot. The corpus maps (counts, reference locations, covering
 * spans) read the columns; the objects of one article are made when a feature asks for them.
 *
 * Layout of `bytes` (little-endian as the platform's typed arrays; one ArrayBuffer of its own):
 *   Int32 mentionCount, Int32 dateCount,
 *   Float64 confidence × M,
 *   Int32 mentionStart × M, mentionEnd × M, cluster × M, dateStart × D, dateEnd × D, dateValue × D, dateAnchor × D,
 *   Uint8 mentionType × M, mentionSource × M, dateKind × D, dateRelative × D.
 * Strings (date values and anchors) are in `strings`; mention texts are cut from the article's text
 * (kept in `mentionExtras` only where they differ), with titles and roles.
 */
import { ENTITY_TYPES, type DateKind, type DateMention, type EntityMention, type RecognitionSource } from '../core/types';
import { intern } from './stringPool';

const SOURCES: readonly RecognitionSource[] = ['model', 'gazetteer', 'rule', 'consistency', 'note', 'user'];
const DATE_KINDS: readonly DateKind[] = ['date', 'duration', 'time', 'set'];
const DATE_CODE = DATE_KINDS.indexOf('date');

/** What a mention has beyond its columns: its text when not the span's, its title and role. */
export interface MentionExtras {
  t?: string;
  ti?: string;
  r?: string;
}

/** Mention extras and date texts as stored: entry lists. */
export interface StoredExtras {
  x: Array<[number, MentionExtras]>;
  y: Array<[number, string]>;
}

export const columnsByteLength = (m: number, d: number): number => 8 + 8 * m + 4 * (3 * m + 4 * d) + 2 * m + 2 * d;

export class ArticleColumns {
  readonly mentionCount: number;
  readonly dateCount: number;
  readonly confidence: Float64Array;
  readonly mentionStart: Int32Array;
  readonly mentionEnd: Int32Array;
  /** The document cluster of each mention (-1: none). */
  readonly cluster: Int32Array;
  readonly dateStart: Int32Array;
  readonly dateEnd: Int32Array;
  /** Index into `strings`. */
  readonly dateValue: Int32Array;
  /** Index into `strings`, -1 for none. */
  readonly dateAnchor: Int32Array;
  readonly mentionType: Uint8Array;
  readonly mentionSource: Uint8Array;
  readonly dateKind: Uint8Array;
  readonly dateRelative: Uint8Array;

  private extrasMap: ReadonlyMap<number, MentionExtras> | undefined;
  private dateTextMap: ReadonlyMap<number, string> | undefined;

  private constructor(
    /** The columns' bytes (see the layout above), 8-byte aligned: an ArrayBuffer of their own, or a view into a snapshot slab. */
    readonly bytes: Uint8Array,
    readonly strings: readonly string[],
    extras: ReadonlyMap<number, MentionExtras> | undefined,
    dateTexts: ReadonlyMap<number, string> | undefined,
    /** Gives the extras and date texts when they were not given (read on first use; undefined: damaged, read as none). */
    private lazyExtras?: () => StoredExtras | undefined,
  ) {
    this.extrasMap = extras;
    this.dateTextMap = dateTexts;
    const header = new Int32Array(bytes.buffer, bytes.byteOffset, 2);
    const m = (this.mentionCount = header[0]);
    const d = (this.dateCount = header[1]);
    let at = bytes.byteOffset + 8;
    const buffer = bytes.buffer;
    this.confidence = new Float64Array(buffer, at, m);
    at += 8 * m;
    const int32 = (n: number): Int32Array => {
      const view = new Int32Array(buffer, at, n);
      at += 4 * n;
      return view;
    };
    this.mentionStart = int32(m);
    this.mentionEnd = int32(m);
    this.cluster = int32(m);
    this.dateStart = int32(d);
    this.dateEnd = int32(d);
    this.dateValue = int32(d);
    this.dateAnchor = int32(d);
    const uint8 = (n: number): Uint8Array => {
      const view = new Uint8Array(buffer, at, n);
      at += n;
      return view;
    };
    this.mentionType = uint8(m);
    this.mentionSource = uint8(m);
    this.dateKind = uint8(d);
    this.dateRelative = uint8(d);
  }

  /** The columns of an analysis's mentions (with their clusters) and dates, `text` being the analysed text. */
  static of(mentions: readonly EntityMention[], clusterOf: readonly number[], dates: readonly DateMention[], text: string): ArticleColumns {
    const bytes = new Uint8Array(columnsByteLength(mentions.length, dates.length));
    const strings: string[] = [];
    const stringIndex = new Map<string, number>();
    const stringAt = (s: string): number => {
      let i = stringIndex.get(s);
      if (i === undefined) {
        stringIndex.set(s, (i = strings.length));
        strings.push(intern(s));
      }
      return i;
    };
    const extras = new Map<number, MentionExtras>();
    const dateTexts = new Map<number, string>();
    new Int32Array(bytes.buffer, 0, 2).set([mentions.length, dates.length]);
    const c = new ArticleColumns(bytes, strings, extras, dateTexts);
    mentions.forEach((x, i) => {
      c.confidence[i] = x.confidence;
      c.mentionStart[i] = x.start;
      c.mentionEnd[i] = x.end;
      c.cluster[i] = clusterOf[i] ?? -1;
      c.mentionType[i] = Math.max(0, ENTITY_TYPES.indexOf(x.type));
      c.mentionSource[i] = Math.max(0, SOURCES.indexOf(x.source));
      const extra: MentionExtras = {};
      if (x.text !== text.slice(x.start, x.end)) extra.t = intern(x.text);
      if (x.title !== undefined) extra.ti = intern(x.title);
      if (x.role !== undefined) extra.r = intern(x.role);
      if (extra.t !== undefined || extra.ti !== undefined || extra.r !== undefined) extras.set(i, extra);
    });
    dates.forEach((x, i) => {
      c.dateStart[i] = x.start;
      c.dateEnd[i] = x.end;
      c.dateValue[i] = stringAt(x.value);
      c.dateAnchor[i] = x.anchor === undefined ? -1 : stringAt(x.anchor);
      c.dateKind[i] = Math.max(0, DATE_KINDS.indexOf(x.type));
      c.dateRelative[i] = x.relative ? 1 : 0;
      if (x.text !== text.slice(x.start, x.end)) dateTexts.set(i, intern(x.text));
    });
    return c;
  }

  /**
   * Columns from stored bytes (copied, so the source buffer is not kept); undefined when the bytes
   * are not columns consistent with the strings (a damaged store is a miss, never an error).
   */
  static fromBytes(source: Uint8Array, strings: readonly string[], mentionExtras: ReadonlyMap<number, MentionExtras>, dateTexts: ReadonlyMap<number, string>): ArticleColumns | undefined {
    if (source.length < 8) return undefined;
    const bytes = new Uint8Array(source.length);
    bytes.set(source);
    const header = new Int32Array(bytes.buffer, 0, 2);
    if (header[0] < 0 || header[1] < 0 || columnsByteLength(header[0], header[1]) !== bytes.length) return undefined;
    const c = new ArticleColumns(bytes, strings, mentionExtras, dateTexts);
    if (!c.consistent()) return undefined;
    if (!extrasFit(mentionExtras, dateTexts, c.mentionCount, c.dateCount)) return undefined;
    return c;
  }

  /**
   * Columns read in place from `bytes` (not copied: a view into a snapshot slab, which it keeps
   * alive), with the extras and date texts given by `lazyExtras` on first use. Undefined when the
   * bytes are not 8-byte aligned columns consistent with the strings. Extras that turn out damaged
   * read as none (the texts are then cut from the article's text).
   */
  static view(bytes: Uint8Array, strings: readonly string[], lazyExtras: () => StoredExtras | undefined): ArticleColumns | undefined {
    if (bytes.length < 8 || bytes.byteOffset % 8 !== 0) return undefined;
    const header = new Int32Array(bytes.buffer, bytes.byteOffset, 2);
    if (header[0] < 0 || header[1] < 0 || columnsByteLength(header[0], header[1]) !== bytes.length) return undefined;
    const c = new ArticleColumns(bytes, strings, undefined, undefined, lazyExtras);
    return c.consistent() ? c : undefined;
  }

  /** The extras of mentions that have any (own text, title, role), by mention index. */
  get mentionExtras(): ReadonlyMap<number, MentionExtras> {
    if (!this.extrasMap) this.loadExtras();
    return this.extrasMap!;
  }

  /** Date texts that are not the span's, by date index. */
  get dateTexts(): ReadonlyMap<number, string> {
    if (!this.dateTextMap) this.loadExtras();
    return this.dateTextMap!;
  }

  private loadExtras(): void {
    let extras: Map<number, MentionExtras> | undefined;
    let dateTexts: Map<number, string> | undefined;
    try {
      const stored = this.lazyExtras?.();
      if (stored && Array.isArray(stored.x) && Array.isArray(stored.y)) {
        extras = new Map(stored.x);
        dateTexts = new Map(stored.y);
        for (const e of extras.values()) {
          if (e.t !== undefined) e.t = intern(e.t);
          if (e.ti !== undefined) e.ti = intern(e.ti);
          if (e.r !== undefined) e.r = intern(e.r);
        }
        for (const [i, t] of dateTexts) dateTexts.set(i, intern(t));
      }
    } catch {
      extras = undefined;
    }
    if (!extras || !dateTexts || !extrasFit(extras, dateTexts, this.mentionCount, this.dateCount)) {
      extras = new Map();
      dateTexts = new Map();
    }
    this.extrasMap = extras;
    this.dateTextMap = dateTexts;
    this.lazyExtras = undefined;
  }

  /** The extras and date texts as stored (entry lists). */
  storedExtras(): StoredExtras {
    return { x: [...this.mentionExtras], y: [...this.dateTexts] };
  }

  /** Whether the columns hold spans, types and string indexes that make sense. */
  private consistent(): boolean {
    const c = this;
    const strings = this.strings;
    for (let i = 0; i < c.mentionCount; i++) {
      if (c.mentionStart[i] < 0 || c.mentionEnd[i] < c.mentionStart[i] || c.mentionType[i] >= ENTITY_TYPES.length || c.mentionSource[i] >= SOURCES.length || c.cluster[i] < -1) return false;
    }
    for (let i = 0; i < c.dateCount; i++) {
      if (c.dateStart[i] < 0 || c.dateEnd[i] < c.dateStart[i] || c.dateKind[i] >= DATE_KINDS.length || c.dateValue[i] < 0 || c.dateValue[i] >= strings.length || c.dateAnchor[i] < -1 || c.dateAnchor[i] >= strings.length) return false;
    }
    return true;
  }

  /** The mentions as objects; `text` is the article's text. */
  mentions(text: string): EntityMention[] {
    const out: EntityMention[] = new Array(this.mentionCount);
    for (let i = 0; i < this.mentionCount; i++) {
      const start = this.mentionStart[i];
      const end = this.mentionEnd[i];
      const extra = this.mentionExtras.get(i);
      const mention: EntityMention = { start, end, type: ENTITY_TYPES[this.mentionType[i]], text: extra?.t ?? intern(text.slice(start, end)), source: SOURCES[this.mentionSource[i]], confidence: this.confidence[i] };
      if (extra?.ti !== undefined) mention.title = extra.ti;
      if (extra?.r !== undefined) mention.role = extra.r;
      out[i] = mention;
    }
    return out;
  }

  /** The dates as objects; `text` is the article's text. */
  dates(text: string): DateMention[] {
    const out: DateMention[] = new Array(this.dateCount);
    for (let i = 0; i < this.dateCount; i++) {
      const start = this.dateStart[i];
      const end = this.dateEnd[i];
      const date: DateMention = { start, end, text: this.dateTexts.get(i) ?? intern(text.slice(start, end)), value: this.strings[this.dateValue[i]], type: DATE_KINDS[this.dateKind[i]], relative: this.dateRelative[i] === 1 };
      if (this.dateAnchor[i] >= 0) date.anchor = this.strings[this.dateAnchor[i]];
      out[i] = date;
    }
    return out;
  }

  /** The cluster of each mention as a plain list. */
  clusterList(): number[] {
    return Array.from(this.cluster);
  }

  isCalendarDate(i: number): boolean {
    return this.dateKind[i] === DATE_CODE;
  }

  dateValueOf(i: number): string {
    return this.strings[this.dateValue[i]];
  }

  /** The mention containing `offset` (or ending right at it), as `findCovering` finds it; -1 for none. */
  mentionCovering(offset: number): number {
    return covering(this.mentionStart, this.mentionEnd, this.mentionCount, offset);
  }

  dateCovering(offset: number): number {
    return covering(this.dateStart, this.dateEnd, this.dateCount, offset);
  }
}

/** Whether stored extras and date texts name only mentions and dates that exist. */
function extrasFit(extras: ReadonlyMap<number, MentionExtras>, dateTexts: ReadonlyMap<number, string>, mentionCount: number, dateCount: number): boolean {
  for (const [i, extra] of extras) if (!Number.isInteger(i) || i < 0 || i >= mentionCount || typeof extra !== 'object' || extra === null) return false;
  for (const [i, t] of dateTexts) if (!Number.isInteger(i) || i < 0 || i >= dateCount || typeof t !== 'string') return false;
  return true;
}

/** Binary search over spans sorted by start, non-overlapping: the one containing offset. */
function covering(starts: Int32Array, ends: Int32Array, n: number, offset: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < starts[mid]) hi = mid - 1;
    else if (offset >= ends[mid]) lo = mid + 1;
    else return mid;
  }
  // Cursor right after the last character of a name still counts (as in VS Code's word hover).
  if (hi >= 0 && ends[hi] === offset) return hi;
  return -1;
}
