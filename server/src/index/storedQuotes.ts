/**
 * An article's quotations as the snapshot stores them: eight Int32 per quote, the quoted text and
 * the speaker's name being spans of the article's text where they are (nearly always), and strings
 * of their own otherwise. Restored quotes are objects whose text and speaker name are cut from the
 * article's text when first read: a warm start at 10,000 articles made 86,000 quotes from 15 MB of
 * JSON, most of whose texts no feature reads in a session.
 *
 * Per quote: start, end, kind, textStart, textEnd, speakerStart, speakerEnd, speakerName where
 *   textStart -1: the text is own string textEnd;
 *   speakerStart -2: no speaker; -1: a speaker without a span (speakerEnd unused);
 *   speakerName -1: the name is the span's text; k >= 0: own string k.
 */
import type { Quote, QuoteKind, QuoteSpeaker } from '../core/types';

const KINDS: readonly QuoteKind[] = ['direct', 'partial', 'scare'];
export const QUOTE_FIELDS = 8;

export interface EncodedQuotes {
  ints: Int32Array;
  /** Texts and names that are not spans of the article's text. */
  strings: string[];
}

/**
 * The numbers and own strings of `quotes`, quotes of the text `text` gives (read only for quotes
 * that are not restored ones: a restored quote is written from what it holds, without making its
 * text, so writing a snapshot after a warm start does not make every quote's text).
 */
export function encodeQuotes(quotes: readonly Quote[], text: () => string): EncodedQuotes {
  const ints = new Int32Array(quotes.length * QUOTE_FIELDS);
  const strings: string[] = [];
  const own = (s: string): number => strings.push(s) - 1;
  let articleText: string | undefined;
  const textOf = (): string => (articleText ??= text());
  quotes.forEach((q, k) => {
    const f = k * QUOTE_FIELDS;
    if (q instanceof StoredQuote) return q.encodeInto(ints, f, own);
    ints[f] = q.start;
    ints[f + 1] = q.end;
    ints[f + 2] = Math.max(0, KINDS.indexOf(q.kind));
    // Within the quote's own span (the marks around it excluded), so the search is as short as the quote.
    const body = textOf();
    const at = q.end <= body.length ? body.slice(q.start, q.end).indexOf(q.text) + q.start : -1;
    if (q.text.length > 0 && at >= q.start) {
      ints[f + 3] = at;
      ints[f + 4] = at + q.text.length;
    } else {
      ints[f + 3] = -1;
      ints[f + 4] = own(q.text);
    }
    encodeSpeaker(q.speaker, ints, f, own, textOf);
  });
  return { ints, strings };
}

function encodeSpeaker(speaker: QuoteSpeaker | null, ints: Int32Array, f: number, own: (s: string) => number, textOf: () => string): void {
  if (!speaker) ints[f + 5] = -2;
  else if (speaker instanceof StoredSpeaker) speaker.encodeInto(ints, f, own);
  else if (speaker.start === undefined || speaker.end === undefined) {
    ints[f + 5] = -1;
    ints[f + 7] = own(speaker.name);
  } else {
    ints[f + 5] = speaker.start;
    ints[f + 6] = speaker.end;
    ints[f + 7] = textOf().slice(speaker.start, speaker.end) === speaker.name ? -1 : own(speaker.name);
  }
}

/** What restored quotes of one article share: its text and its own strings, both read when first needed. */
class QuoteSource {
  private ownStrings: string[] | undefined;

  constructor(
    readonly textOf: () => string,
    private readonly stringsOf: () => string[],
  ) {}

  own(k: number): string {
    this.ownStrings ??= this.stringsOf();
    return this.ownStrings[k] ?? '';
  }
}

class StoredSpeaker implements QuoteSpeaker {
  // Declared only: a speaker without a span has no such properties (as the analysis makes it).
  declare start?: number;
  declare end?: number;
  private nameText: string | undefined;

  constructor(
    private readonly source: QuoteSource,
    start: number,
    end: number,
    /** -1: the span's text; else own string k. */
    private readonly nameRef: number,
  ) {
    if (start >= 0) {
      this.start = start;
      this.end = end;
    }
  }

  get name(): string {
    return (this.nameText ??= this.nameRef >= 0 ? this.source.own(this.nameRef) : this.source.textOf().slice(this.start, this.end));
  }

  set name(value: string) {
    this.nameText = value;
  }

  /** Writes this speaker's fields of quote numbers at f (its name made only if it was set or is an own string). */
  encodeInto(ints: Int32Array, f: number, own: (s: string) => number): void {
    ints[f + 5] = this.start ?? -1;
    ints[f + 6] = this.end ?? 0;
    if (this.nameText !== undefined) ints[f + 7] = this.start === undefined || this.nameRef >= 0 || this.nameText !== this.source.textOf().slice(this.start, this.end) ? own(this.nameText) : -1;
    else ints[f + 7] = this.nameRef >= 0 ? own(this.source.own(this.nameRef)) : -1;
  }

  toJSON(): QuoteSpeaker {
    return this.start === undefined ? { name: this.name } : { start: this.start, end: this.end, name: this.name };
  }
}

class StoredQuote implements Quote {
  private quoted: string | undefined;

  constructor(
    private readonly source: QuoteSource,
    public start: number,
    public end: number,
    public kind: QuoteKind,
    public speaker: QuoteSpeaker | null,
    private readonly textStart: number,
    private readonly textEnd: number,
  ) {}

  get text(): string {
    return (this.quoted ??= this.textStart >= 0 ? this.source.textOf().slice(this.textStart, this.textEnd) : this.source.own(this.textEnd));
  }

  set text(value: string) {
    this.quoted = value;
  }

  /** Writes this quote's numbers at f (its text made only if it was set or is an own string). */
  encodeInto(ints: Int32Array, f: number, own: (s: string) => number): void {
    ints[f] = this.start;
    ints[f + 1] = this.end;
    ints[f + 2] = Math.max(0, KINDS.indexOf(this.kind));
    if (this.quoted !== undefined && (this.textStart < 0 || this.quoted !== this.source.textOf().slice(this.textStart, this.textEnd))) {
      ints[f + 3] = -1;
      ints[f + 4] = own(this.quoted);
    } else {
      ints[f + 3] = this.textStart;
      ints[f + 4] = this.textStart >= 0 ? this.textEnd : own(this.source.own(this.textEnd));
    }
    encodeSpeaker(this.speaker, ints, f, own, this.source.textOf);
  }

  /** A plain quote (what JSON of the analysis holds). */
  toJSON(): Quote {
    return { start: this.start, end: this.end, text: this.text, kind: this.kind, speaker: this.speaker instanceof StoredSpeaker ? this.speaker.toJSON() : this.speaker };
  }
}

/**
 * The quotes of `ints` (QUOTE_FIELDS per quote), texts read from `textOf` and own strings from
 * `stringsOf` when first asked. Undefined when the numbers are not quotes (a damaged record).
 */
export function decodeQuotes(ints: Int32Array, textOf: () => string, stringsOf: () => string[]): Quote[] | undefined {
  if (ints.length % QUOTE_FIELDS !== 0) return undefined;
  const source = new QuoteSource(textOf, stringsOf);
  const out: Quote[] = new Array(ints.length / QUOTE_FIELDS);
  for (let k = 0, f = 0; f < ints.length; k++, f += QUOTE_FIELDS) {
    const [start, end, kind, textStart, textEnd, speakerStart, speakerEnd, speakerName] = [ints[f], ints[f + 1], ints[f + 2], ints[f + 3], ints[f + 4], ints[f + 5], ints[f + 6], ints[f + 7]];
    if (start < 0 || end < start || kind >= KINDS.length || kind < 0 || textStart < -1 || textEnd < 0 || (textStart >= 0 && textEnd < textStart) || speakerStart < -2) return undefined;
    if (speakerStart >= 0 && speakerEnd < speakerStart) return undefined;
    if (speakerStart !== -2 && speakerName < -1) return undefined;
    if (speakerStart === -1 && speakerName < 0) return undefined;
    const speaker = speakerStart === -2 ? null : new StoredSpeaker(source, speakerStart, speakerEnd, speakerName);
    out[k] = new StoredQuote(source, start, end, KINDS[kind], speaker, textStart, textEnd);
  }
  return out;
}
