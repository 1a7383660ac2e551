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
/** What nextCapital has to look at: an ASCII capital or any code unit outside ASCII. */
const CAPITAL_OR_WIDE = /[A-Z\u0080-\uffff]/g;

export function nextCapital(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    // straight to the next character that is not a small ASCII one (those are passed over)
    CAPITAL_OR_WIDE.lastIndex = i;
    if (!CAPITAL_OR_WIDE.test(text)) return -1;
    i = CAPITAL_OR_WIDE.lastIndex - 1;
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

const LETTER_OR_MARK = /[\p{L}\p{M}]/uy;

/** The code point at i, inside a slice ending at `to`, matches the sticky class (a pair cut by `to` is a lone surrogate: no). */
function matchesWithin(re: RegExp, text: string, i: number, to: number): boolean {
  if (i + 1 >= to && isHighSurrogatePair(text, i)) return false;
  // a low surrogate reached on its own (its pair cut by the slice's start) is no letter in the
  // slice; a /u sticky test there would step back and read the whole pair
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  re.lastIndex = i;
  return re.test(text);
}

/** UTF-16 length of the code point at i inside a slice ending at `to`. */
function stepWithin(text: string, i: number, to: number): number {
  return i + 1 < to && isHighSurrogatePair(text, i) ? 2 : 1;
}

/**
 * The words `/[\p{L}\p{M}][\p{L}\p{M}.'’-]*\/gu` finds in text.slice(from, to), as offsets into
 * `text`, scanned by character code (ASCII) and one-character sticky tests (the rest).
 */
export function letterWords(text: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const starts = c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : matchesWithin(LETTER_OR_MARK, text, i, to);
    if (!starts) {
      i += c < 128 ? 1 : stepWithin(text, i, to);
      continue;
    }
    let j = i + (c < 128 ? 1 : stepWithin(text, i, to));
    while (j < to) {
      const d = text.charCodeAt(j);
      if (d < 128) {
        if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || d === 39 || d === 46 || d === 45) j++;
        else break;
        continue;
      }
      if (!matchesWithin(NAME_CHAR, text, j, to)) break;
      j += stepWithin(text, j, to);
    }
    out.push({ start: i, end: j });
    i = j;
  }
  return out;
}
