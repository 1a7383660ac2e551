/**
 * Readers for the pieces of a date expression at a token position: month, day of month, year,
 * weekday, cardinal number. Each returns the value and the index of the next token, or undefined.
 */
import { lowerAt, tok, type ScanContext } from './context';
import { MONTHS, MONTH_ABBREVIATIONS, NUMBER_WORDS, ORDINALS, WEEKDAYS, WEEKDAY_ABBREVIATIONS } from './lexicon';
import { adjacent } from './tokenize';

export interface Read<T> {
  v: T;
  next: number;
}

/** "January", "Jan.", "Sept." → month. Abbreviations need a period or a following number. */
export function readMonth(ctx: ScanContext, i: number): Read<number> | undefined {
  const t = tok(ctx, i);
  if (!t || t.kind !== 'word') return undefined;
  const full = MONTHS.get(t.lower);
  if (full !== undefined) {
    if (t.text[0] !== t.text[0].toUpperCase()) return undefined; // "march", "may" lower-case are not months
    return { v: full, next: i + 1 };
  }
  const abbr = MONTH_ABBREVIATIONS.get(t.lower);
  if (abbr !== undefined && t.text[0] === t.text[0].toUpperCase()) {
    const dot = tok(ctx, i + 1);
    if (dot && dot.text === '.' && adjacent(t, dot)) return { v: abbr, next: i + 2 };
    const n = tok(ctx, i + 1);
    if (n && n.kind === 'num') return { v: abbr, next: i + 1 };
  }
  return undefined;
}

/** Day of month: "16", "16th", "1st", or an ordinal word ("eighth"). */
export function readDay(ctx: ScanContext, i: number): Read<number> | undefined {
  const t = tok(ctx, i);
  if (!t) return undefined;
  if (t.kind === 'num') {
    const m = /^(\d{1,2})(st|nd|rd|th)?$/i.exec(t.text);
    if (!m) return undefined;
    const d = Number(m[1]);
    return d >= 1 && d <= 31 ? { v: d, next: i + 1 } : undefined;
  }
  const o = readOrdinal(ctx, i);
  if (o && o.v >= 1 && o.v <= 31) return o;
  return undefined;
}

/** Ordinal word, also hyphenated "twenty-first". */
export function readOrdinal(ctx: ScanContext, i: number): Read<number> | undefined {
  const t = tok(ctx, i);
  if (!t || t.kind !== 'word') return undefined;
  const a = ORDINALS.get(t.lower);
  if (a !== undefined) return { v: a, next: i + 1 };
  const h = tok(ctx, i + 1);
  const b = tok(ctx, i + 2);
  if (h && b && h.text === '-' && adjacent(t, h) && adjacent(h, b)) {
    const tens = NUMBER_WORDS.get(t.lower);
    const unit = ORDINALS.get(b.lower);
    if (tens !== undefined && tens >= 20 && tens <= 90 && unit !== undefined && unit < 10) return { v: tens + unit, next: i + 3 };
  }
  return undefined;
}

/** Four-digit year 1000..2099 written in digits, or a spoken year ("nineteen ninety-six"). */
export function readYear(ctx: ScanContext, i: number): Read<number> | undefined {
  const t = tok(ctx, i);
  if (!t) return undefined;
  if (t.kind === 'num') {
    if (!/^\d{4}$/.test(t.text)) return undefined;
    const y = Number(t.text);
    return y >= 1000 && y <= 2099 ? { v: y, next: i + 1 } : undefined;
  }
  return readSpokenYear(ctx, i);
}

/** "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand and one". */
export function readSpokenYear(ctx: ScanContext, i: number): Read<number> | undefined {
  const t = tok(ctx, i);
  if (!t || t.kind !== 'word') return undefined;
  if (t.lower === 'nineteen' || t.lower === 'eighteen') {
    const century = t.lower === 'nineteen' ? 1900 : 1800;
    const n = readCardinal(ctx, i + 1);
    if (n && n.v >= 10 && n.v <= 99) return { v: century + n.v, next: n.next };
    return undefined;
  }
  if (t.lower === 'two' && tok(ctx, i + 1)?.lower === 'thousand') {
    let next = i + 2;
    if (tok(ctx, next)?.lower === 'and') next++;
    const n = readCardinal(ctx, next);
    if (n && n.v >= 1 && n.v <= 99) return { v: 2000 + n.v, next: n.next };
    return { v: 2000, next: i + 2 };
  }
  return undefined;
}

/** Cardinal: digits ("6", "1,000" is refused), a number word, or "twenty-five". */
export function readCardinal(ctx: ScanContext, i: number): Read<number> | undefined {
  const t = tok(ctx, i);
  if (!t) return undefined;
  if (t.kind === 'num') {
    if (!/^\d{1,4}$/.test(t.text)) return undefined;
    return { v: Number(t.text), next: i + 1 };
  }
  if (t.kind !== 'word') return undefined;
  const a = NUMBER_WORDS.get(t.lower);
  if (a === undefined || a < 0 || a === 100) return undefined;
  const h = tok(ctx, i + 1);
  const b = tok(ctx, i + 2);
  if (a >= 20 && h && b && h.text === '-' && adjacent(t, h) && adjacent(h, b)) {
    const u = NUMBER_WORDS.get(b.lower);
    if (u !== undefined && u > 0 && u < 10) return { v: a + u, next: i + 3 };
  }
  return { v: a, next: i + 1 };
}

export function readWeekday(ctx: ScanContext, i: number): Read<number> | undefined {
  const t = tok(ctx, i);
  if (!t || t.kind !== 'word') return undefined;
  if (t.text[0] !== t.text[0].toUpperCase()) return undefined;
  const base = t.lower.endsWith("'s") || t.lower.endsWith('\u2019s') ? t.lower.slice(0, -2) : t.lower;
  const w = WEEKDAYS.get(base);
  if (w !== undefined) return { v: w, next: i + 1 };
  const a = WEEKDAY_ABBREVIATIONS.get(t.lower);
  const dot = tok(ctx, i + 1);
  if (a !== undefined && dot && dot.text === '.' && adjacent(t, dot)) return { v: a, next: i + 2 };
  return undefined;
}

/** Skips one comma token at i, if any. */
export function skipComma(ctx: ScanContext, i: number): number {
  return tok(ctx, i)?.text === ',' ? i + 1 : i;
}

/** "last year" / "a year ago" / "a year earlier" / "of last year" at i: the token index past it, else undefined. */
export function yearBackAt(ctx: ScanContext, i: number): number | undefined {
  const k = lowerAt(ctx, i) === 'of' ? i + 1 : i;
  if (lowerAt(ctx, k) === 'last' && lowerAt(ctx, k + 1) === 'year' && lowerAt(ctx, k + 2) !== "'s") return k + 2;
  if (k === i && lowerAt(ctx, k) === 'a' && lowerAt(ctx, k + 1) === 'year' && (lowerAt(ctx, k + 2) === 'ago' || lowerAt(ctx, k + 2) === 'earlier')) return k + 3;
  return undefined;
}
