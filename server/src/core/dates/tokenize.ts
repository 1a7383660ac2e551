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
    const kind: Token['kind'] = c >= 48 && c <= 57 ? 'num' : /[A-Za-z\u00C0-\u024F]/u.test(t[0]) ? 'word' : 'punct';
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

/** Whether a sentence boundary lies between tokens i-1 and i. */
export function sentenceBreakBefore(tokens: readonly Token[], i: number, text: string): boolean {
  if (i <= 0) return true;
  const prev = tokens[i - 1];
  if (prev.text === '.' || prev.text === '!' || prev.text === '?') {
    // "Jan." / "Mr." abbreviations are not sentence ends when a lower-case word follows.
    const cur = tokens[i];
    return !!cur && !/^[a-z]/.test(cur.text);
  }
  // A blank line also ends a sentence.
  const gap = text.slice(prev.end, tokens[i].start);
  return gap.indexOf('\n\n') >= 0;
}
