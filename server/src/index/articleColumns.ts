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
  private extrasMap: ReadonlyMap<number, MentionExtras> | undefined;
  private dateTextMap: ReadonlyMap<number, string> | undefined;

  private constructor(
    /** The columns' bytes (see the layout above), 8-byte aligned: an ArrayBuffer of their own, a view into a snapshot slab, or a part of the index's byte arena (byteArena.ts). */
    readonly bytes: Uint8Array,
    readonly strings: readonly string[],
    extras: ReadonlyMap<number, MentionExtras> | undefined,
    dateTexts: ReadonlyMap<number, string> | undefined,
    /** The extras and date texts as stored JSON (`StoredExtras`), when they were not given: parsed on first use (damaged: read as none). */
    private extrasJson?: Uint8Array,
  ) {
    this.extrasMap = extras;
    this.dateTextMap = dateTexts;
    const header = new Int32Array(bytes.buffer, bytes.byteOffset, 2);
    this.mentionCount = header[0];
    this.dateCount = header[1];
  }

  // Each column is a view made on first use: a warm start reads 5 of the 12 columns of each article
  // (clusters, calendar dates, spans of quoted speakers); views not made are 70,000 objects fewer at 10,000 articles.
  private confidenceView: Float64Array | undefined;
  private mentionStartView: Int32Array | undefined;
  private mentionEndView: Int32Array | undefined;
  private clusterView: Int32Array | undefined;
  private dateStartView: Int32Array | undefined;
  private dateEndView: Int32Array | undefined;
  private dateValueView: Int32Array | undefined;
  private dateAnchorView: Int32Array | undefined;
  private mentionTypeView: Uint8Array | undefined;
  private mentionSourceView: Uint8Array | undefined;
  private dateKindView: Uint8Array | undefined;
  private dateRelativeView: Uint8Array | undefined;

  /** Byte offset (in `bytes.buffer`) of column k in the layout's order. */
  private at(k: number): number {
    const m = this.mentionCount;
    const d = this.dateCount;
    const base = this.bytes.byteOffset + 8;
    const offsets = [0, 8 * m, 12 * m, 16 * m, 20 * m, 20 * m + 4 * d, 20 * m + 8 * d, 20 * m + 12 * d, 20 * m + 16 * d, 21 * m + 16 * d, 22 * m + 16 * d, 22 * m + 17 * d];
    return base + offsets[k];
  }

  private int32(k: number, n: number): Int32Array {
    return new Int32Array(this.bytes.buffer, this.at(k), n);
  }

  private uint8(k: number, n: number): Uint8Array {
    return new Uint8Array(this.bytes.buffer, this.at(k), n);
  }

  get confidence(): Float64Array {
    return (this.confidenceView ??= new Float64Array(this.bytes.buffer, this.at(0), this.mentionCount));
  }

  get mentionStart(): Int32Array {
    return (this.mentionStartView ??= this.int32(1, this.mentionCount));
  }

  get mentionEnd(): Int32Array {
    return (this.mentionEndView ??= this.int32(2, this.mentionCount));
  }

  /** The document cluster of each mention (-1: none). */
  get cluster(): Int32Array {
    return (this.clusterView ??= this.int32(3, this.mentionCount));
  }

  get dateStart(): Int32Array {
    return (this.dateStartView ??= this.int32(4, this.dateCount));
  }

  get dateEnd(): Int32Array {
    return (this.dateEndView ??= this.int32(5, this.dateCount));
  }

  /** Index into `strings`. */
  get dateValue(): Int32Array {
    return (this.dateValueView ??= this.int32(6, this.dateCount));
  }

  /** Index into `strings`, -1 for none. */
  get dateAnchor(): Int32Array {
    return (this.dateAnchorView ??= this.int32(7, this.dateCount));
  }

  get mentionType(): Uint8Array {
    return (this.mentionTypeView ??= this.uint8(8, this.mentionCount));
  }

  get mentionSource(): Uint8Array {
    return (this.mentionSourceView ??= this.uint8(9, this.mentionCount));
  }

  get dateKind(): Uint8Array {
    return (this.dateKindView ??= this.uint8(10, this.dateCount));
  }

  get dateRelative(): Uint8Array {
    return (this.dateRelativeView ??= this.uint8(11, this.dateCount));
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
   * Columns from stored bytes (copied, so the source buffer is not kept, unless `handedOver`: the
   * caller's own 8-byte-aligned copy, used in place); undefined when the bytes are not columns
   * consistent with the strings (a damaged store is a miss, never an error).
   */
  static fromBytes(source: Uint8Array, strings: readonly string[], mentionExtras: ReadonlyMap<number, MentionExtras>, dateTexts: ReadonlyMap<number, string>, handedOver = false): ArticleColumns | undefined {
    if (source.length < 8) return undefined;
    const bytes = handedOver && source.byteOffset % 8 === 0 ? source : Uint8Array.from(source);
    const header = new Int32Array(bytes.buffer, bytes.byteOffset, 2);
    if (header[0] < 0 || header[1] < 0 || columnsByteLength(header[0], header[1]) !== bytes.length) return undefined;
    const c = new ArticleColumns(bytes, strings, mentionExtras, dateTexts);
    if (!c.consistent()) return undefined;
    if (!extrasFit(mentionExtras, dateTexts, c.mentionCount, c.dateCount)) return undefined;
    return c;
  }

  /**
   * Columns read in place from `bytes` (not copied: a view into a snapshot slab, which it keeps
   * alive), with the extras and date texts parsed from `extrasJson` (their stored JSON; empty:
   * none) on first use. Undefined when the
   * bytes are not 8-byte aligned columns consistent with the strings. Extras that turn out damaged
   * read as none (the texts are then cut from the article's text).
   */
  static view(bytes: Uint8Array, strings: readonly string[], extrasJson: Uint8Array): ArticleColumns | undefined {
    if (bytes.length < 8 || bytes.byteOffset % 8 !== 0) return undefined;
    const header = new Int32Array(bytes.buffer, bytes.byteOffset, 2);
    if (header[0] < 0 || header[1] < 0 || columnsByteLength(header[0], header[1]) !== bytes.length) return undefined;
    const c = extrasJson.length ? new ArticleColumns(bytes, strings, undefined, undefined, extrasJson) : new ArticleColumns(bytes, strings, new Map(), new Map());
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
      const json = this.extrasJson;
      const stored = json ? (JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.length).toString('utf8')) as StoredExtras) : undefined;
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
    this.extrasJson = undefined;
  }

  /** The extras and date texts as stored JSON (`StoredExtras`), empty when there are none; not parsed when still packed. */
  storedExtrasJson(): Uint8Array {
    if (this.extrasJson) return this.extrasJson;
    if (this.mentionExtras.size === 0 && this.dateTexts.size === 0) return new Uint8Array(0);
    const stored: StoredExtras = { x: [...this.mentionExtras], y: [...this.dateTexts] };
    return Buffer.from(JSON.stringify(stored));
  }

  /** Whether the columns hold spans, types and string indexes that make sense (read through views of its own, so none is kept). */
  private consistent(): boolean {
    const m = this.mentionCount;
    const d = this.dateCount;
    const strings = this.strings;
    const [mentionStart, mentionEnd, cluster, mentionType, mentionSource] = [this.int32(1, m), this.int32(2, m), this.int32(3, m), this.uint8(8, m), this.uint8(9, m)];
    for (let i = 0; i < m; i++) {
      if (mentionStart[i] < 0 || mentionEnd[i] < mentionStart[i] || mentionType[i] >= ENTITY_TYPES.length || mentionSource[i] >= SOURCES.length || cluster[i] < -1) return false;
    }
    const [dateStart, dateEnd, dateValue, dateAnchor, dateKind] = [this.int32(4, d), this.int32(5, d), this.int32(6, d), this.int32(7, d), this.uint8(10, d)];
    for (let i = 0; i < d; i++) {
      if (dateStart[i] < 0 || dateEnd[i] < dateStart[i] || dateKind[i] >= DATE_KINDS.length || dateValue[i] < 0 || dateValue[i] >= strings.length || dateAnchor[i] < -1 || dateAnchor[i] >= strings.length) return false;
    }
    return true;
  }

  /** The mentions as objects; `text` is the article's text. */
  mentions(text: string): EntityMention[] {
    const out: EntityMention[] = new Array(this.mentionCount);
    for (let i = 0; i < this.mentionCount; i++) out[i] = this.mentionAt(i, text);
    return out;
  }

  /** Mention i (0 ≤ i < mentionCount) as an object, made alone (a hover needs one, not the article's list). */
  mentionAt(i: number, text: string): EntityMention {
    const start = this.mentionStart[i];
    const end = this.mentionEnd[i];
    const extra = this.mentionExtras.get(i);
    const mention: EntityMention = { start, end, type: ENTITY_TYPES[this.mentionType[i]], text: extra?.t ?? intern(text.slice(start, end)), source: SOURCES[this.mentionSource[i]], confidence: this.confidence[i] };
    if (extra?.ti !== undefined) mention.title = extra.ti;
    if (extra?.r !== undefined) mention.role = extra.r;
    return mention;
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
