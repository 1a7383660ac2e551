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
const ARTICLE_PREFIXED = /^(?:al|el|ad|as|an|ar|ash|ul|bin|ibn)-\p{Lu}/u;
const ABBREVIATION = /^[A-Za-z.]+$/;

function isWordCode(k: number, text: string, i: number): boolean {
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57);
  return NON_ASCII_WORD.test(text[i]);
}

/** A character that joins two word parts: . - ’ ' & */
function isJoiner(k: number): boolean {
  return k === 46 || k === 45 || k === 0x2019 || k === 39 || k === 38;
}

/** The white space the tokenizer skips (tokens never contain it). */
function isSkipped(k: number): boolean {
  return k === 32 || k === 10 || k === 9 || k === 13 || k === 0xa0;
}

/**
 * The last tokens of text[start, end), exactly as at the end of `tokenize(text, start, end)`: at
 * least `count` of them, or all of them when the window holds fewer. Tokens never contain skipped
 * white space, so tokenizing from just after a white-space character gives the same tokens from
 * there on; each run of non-space characters gives at least one token.
 */
export function tokenizeTail(text: string, start: number, end: number, count: number): Tok[] {
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  let k = end;
  let chunks = 0;
  while (k > start) {
    while (k > start && isSkipped(text.charCodeAt(k - 1))) k--;
    if (k === start) break;
    while (k > start && !isSkipped(text.charCodeAt(k - 1))) k--;
    if (++chunks >= count) break;
  }
  return tokenize(text, k, end);
}

/** Tokens of text[start, end), at most `limit` of them. Linear; never throws. */
export function tokenize(text: string, start: number, end: number, limit = Infinity): Tok[] {
  const out: Tok[] = [];
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  let i = start;
  while (i < end && out.length < limit) {
    const k = text.charCodeAt(i);
    if (isSkipped(k)) {
      i++;
      continue;
    }
    if (isWordCode(k, text, i)) {
      let j = i + 1;
      let dotted = false;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isWordCode(d, text, j)) j++;
        else if (isJoiner(d) && j + 1 < end && isWordCode(text.charCodeAt(j + 1), text, j + 1)) {
          if (d === 46) dotted = true;
          j += 2;
        } else break;
      }
      // an initial or abbreviation keeps its final dot: "W." "U.S."
      let e = j;
      if (text.charCodeAt(j) === 46 && (j - i === 1 || dotted) && ABBREVIATION.test(text.slice(i, j))) e = j + 1;
      const t = text.slice(i, e);
      const last = t.charCodeAt(t.length - 1);
      const poss = t.length > 2 && (last === 115 || last === 83) && (t[t.length - 2] === '’' || t[t.length - 2] === "'");
      let cap = k < 128 ? k >= 65 && k <= 90 : text[i] !== text[i].toLowerCase();
      // "al-Maliki": the prefix is at most 3 letters, so its hyphen is at index 2 or 3
      if (!cap && (t.charCodeAt(2) === 45 || t.charCodeAt(3) === 45)) cap = ARTICLE_PREFIXED.test(t);
      out.push({ start: i, end: e, text: t, lower: t.toLowerCase(), word: true, cap, poss, base: poss ? t.slice(0, -2) : t });
      i = e;
    } else {
      const c = text[i];
      out.push({ start: i, end: i + 1, text: c, lower: c, word: false, cap: false, poss: false, base: c });
      i++;
    }
  }
  return out;
}
