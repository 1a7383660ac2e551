/**
 * The capitalised words of a text (an upper-case letter, then letters, marks, apostrophes, dots and
 * hyphens: the words the regex in the test finds), scanned by hand:
 * ASCII is decided by character code and only other characters go through a one-character sticky
 * regex. Gives the same words as the regex (code points, surrogate pairs included).
 */

const UPPER_LETTER = /\p{Lu}/uy;
const NAME_CHAR = /[\p{L}\p{M}'’.-]/uy;

function isHighSurrogatePair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Where the next upper-case letter (`\p{Lu}`, by code point) at or after `from` is, or -1. */
export function nextCapital(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) return i;
      continue;
    }
    UPPER_LETTER.lastIndex = i;
    if (UPPER_LETTER.test(text)) return i;
    if (isHighSurrogatePair(text, i)) i++;
  }
  return -1;
}

/** End of the capitalised word starting at `start`: its capital, then any run of NAME_CHAR. */
export function nameRunEnd(text: string, start: number): number {
  let j = start + (isHighSurrogatePair(text, start) ? 2 : 1);
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 46 || c === 45) j++;
      else break;
      continue;
    }
    NAME_CHAR.lastIndex = j;
    if (!NAME_CHAR.test(text)) break;
    j += isHighSurrogatePair(text, j) ? 2 : 1;
  }
  return j;
}
