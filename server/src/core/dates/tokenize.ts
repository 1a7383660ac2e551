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
// Each alternative is a single loop of disjoint character classes: no catastrophic backtracking.
const TOKEN_RE = /[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,:/]\d+)*[A-Za-z]*|\S/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const t = m[0];
    const c = t.charCodeAt(0);
    const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
    const kind: Token['kind'] = c >= 48 && c <= 57 ? 'num' : isLetter ? 'word' : 'punct';
    const lower = t.toLowerCase();
    // The possessive "'s" is its own token: TIMEX3 extents stop before it ("[Friday]'s ruling").
    if (kind === 'word' && t.length > 2 && (lower.endsWith("'s") || lower.endsWith('\u2019s'))) {
      const cut = m.index + t.length - 2;
      out.push({ text: t.slice(0, -2), lower: lower.slice(0, -2), start: m.index, end: cut, kind });
      out.push({ text: t.slice(-2), lower: "'s", start: cut, end: cut + 2, kind: 'word' });
      continue;
    }
    out.push({ text: t, lower, start: m.index, end: m.index + t.length, kind });
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
    // "Jan. 16", "Gen. Petraeus", "U.S. troops": a period after an abbreviation ends no sentence.
    const before = tokens[i - 2];
    if (prev.text === '.' && before && before.end === prev.start && (ABBREVIATIONS.has(before.lower) || before.text.length === 1)) return false;
    return true;
  }
  // A blank line also ends a sentence (scan the gap without allocating).
  let newlines = 0;
  for (let k = prev.end; k < tokens[i].start; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      if (++newlines >= 2) return true;
    } else if (c !== 32 && c !== 9 && c !== 13) newlines = 0;
  }
  return false;
}
