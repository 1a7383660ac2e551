/**
 * A tokenizer for date recognition: words (letters with inner apostrophes), numbers (digits with
 * inner separators, optional letter suffix as in "1990s" / "16th"), and single punctuation marks.
 * Offsets are UTF-16 indices into the original text. Linear time: one sticky scan.
 */

export interface Token {
  text: string;
  /** Lower case text. */
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'num' | 'punct';
}

// Words: letters (Latin incl. accents), optional inner apostrophes ("year's"). Numbers: digits with
// inner , . : / separators followed by a digit, then optional letters ("1990s", "16th", "5pm").
// Anything else that is not white space is a token of one code point. TOKEN_PATTERN states the
// rule; `tokenize` implements it with a hand-written scan (no regex, no match arrays: it runs over
// every article of the corpus), and a property test checks that both agree.
export const TOKEN_PATTERN = /[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,:/]\d+)*[A-Za-z]*|\S/gu;

function isWordLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f);
}
function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** JavaScript's \s. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let kind: Token['kind'];
    // Whether the word has a letter that lower-casing changes (A-Z or beyond ASCII): noted during
    // the scan, so a lower-case word is its own lower case without a second pass.
    let upper = false;
    // Whether the word has an inner apostrophe: only such a word can end in a possessive "'s".
    let apostrophe = false;
    if (isWordLetter(c)) {
      kind = 'word';
      upper = c <= 90 || c >= 0x80;
      i++;
      for (let w = i < n ? text.charCodeAt(i) : 0; i < n && isWordLetter(w); w = text.charCodeAt(++i)) {
        if (w <= 90 || w >= 0x80) upper = true;
      }
      // (?:['\u2019][A-Za-z]+)*
      while (i + 1 < n) {
        const q = text.charCodeAt(i);
        if ((q !== 39 && q !== 0x2019) || !isAsciiLetter(text.charCodeAt(i + 1))) break;
        upper = true; // checked no further: lower-casing gives the same string either way
        apostrophe = true;
        i += 2;
        while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
      }
    } else if (isDigit(c)) {
      kind = 'num';
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      // (?:[.,:/]\d+)*
      while (i + 1 < n) {
        const q = text.charCodeAt(i);
        if ((q !== 46 && q !== 44 && q !== 58 && q !== 47) || !isDigit(text.charCodeAt(i + 1))) break;
        i += 2;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
    } else {
      kind = 'punct';
      // one code point: a surrogate pair stays together
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    const t = text.slice(start, i);
    const lower = upper ? t.toLowerCase() : t;
    // The possessive "'s" is its own token: TIMEX3 extents stop before it ("[Friday]'s ruling").
    if (apostrophe && t.length > 2 && (lower.endsWith("'s") || lower.endsWith('\u2019s'))) {
      const cut = i - 2;
      out.push({ text: t.slice(0, -2), lower: lower.slice(0, -2), start, end: cut, kind });
      out.push({ text: t.slice(-2), lower: "'s", start: cut, end: cut + 2, kind: 'word' });
      continue;
    }
    out.push({ text: t, lower, start, end: i, kind });
  }
  return out;
}

/** True when token b starts exactly where token a ends (no space between). */
export function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}

const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed',
  'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj',
  'sen', 'rep', 'gov', 'pres', 'st', 'jr', 'sr', 'no', 'vs', 'prof', 'adm', 'cmdr', 'rev', 'ft', 'mt',
]);

/** Whether a sentence boundary lies between tokens i-1 and i. */
export function sentenceBreakBefore(tokens: readonly Token[], i: number, text: string): boolean {
  if (i <= 0) return true;
  const prev = tokens[i - 1];
  if (prev.text === '.' || prev.text === '!' || prev.text === '?') {
    const cur = tokens[i];
    if (!cur || /^[a-z]/.test(cur.text)) return false;
    // "Birmingham, Ala., killed": a comma or semicolon after the period continues the sentence.
    if (cur.text === ',' || cur.text === ';') return false;
    // "Jan. 16", "Gen. Petraeus", "U.S. troops": a period after an abbreviation ends no sentence.
    const before = tokens[i - 2];
    // A one-letter initial ("J. Smith") counts; a one-digit number ("effective June 1.") does not.
    if (prev.text === '.' && before && before.end === prev.start && (ABBREVIATIONS.has(before.lower) || (before.text.length === 1 && before.kind === 'word'))) {
      return blankLineBetween(prev, cur, text);
    }
    return true;
  }
  // A blank line also ends a sentence.
  return blankLineBetween(prev, tokens[i], text);
}

/** Whether the gap between two tokens holds a blank line (scanned without allocating). */
function blankLineBetween(prev: Token, cur: Token, text: string): boolean {
  let newlines = 0;
  for (let k = prev.end; k < cur.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      if (++newlines >= 2) return true;
    } else if (c !== 32 && c !== 9 && c !== 13) newlines = 0;
  }
  return false;
}
