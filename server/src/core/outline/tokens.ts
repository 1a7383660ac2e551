/**
 * A small word tokenizer for the bounded windows the outline's rules look at. Words keep inner
 * dots and hyphens ("U.S", "al-Maliki"); a possessive "’s" stays on its word and is flagged.
 */

export interface Tok {
  start: number;
  end: number;
  text: string;
  lower: string;
  word: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Ends in a possessive "’s" / "'s" (kept in text; `base` drops it). */
  poss: boolean;
  base: string;
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

function isWordChar(c: string): boolean {
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57);
  return NON_ASCII_WORD.test(c);
}

/** Tokens of text[start, end). Linear; never throws. */
export function tokenize(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0') {
      i++;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < end) {
        const d = text[j];
        if (isWordChar(d)) j++;
        else if ((d === '.' || d === '-' || d === '’' || d === "'" || d === '&') && j + 1 < end && isWordChar(text[j + 1])) j += 2;
        else break;
      }
      // an initial or abbreviation keeps its final dot: "W." "U.S."
      const w = text.slice(i, j);
      let e = j;
      if (text[j] === '.' && (w.length === 1 || w.includes('.')) && /^[A-Za-z.]+$/.test(w)) e = j + 1;
      const t = text.slice(i, e);
      const last = t.charCodeAt(t.length - 1);
      const poss = t.length > 2 && (last === 115 || last === 83) && (t[t.length - 2] === '’' || t[t.length - 2] === "'");
      const k = c.charCodeAt(0);
      const cap = (k < 128 ? k >= 65 && k <= 90 : c !== c.toLowerCase()) || /^(?:al|el|ad|as|an|ar|ash|ul|bin|ibn)-\p{Lu}/u.test(t);
      out.push({ start: i, end: e, text: t, lower: t.toLowerCase(), word: true, cap, poss, base: poss ? t.slice(0, -2) : t });
      i = e;
    } else {
      out.push({ start: i, end: i + 1, text: c, lower: c, word: false, cap: false, poss: false, base: c });
      i++;
    }
  }
  return out;
}
