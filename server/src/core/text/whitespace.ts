/**
 * Whitespace helpers that give exactly the answers of the usual regex idioms without building
 * arrays or new strings when there is nothing to change (they run on every sentence and label).
 * "Whitespace" is exactly what `\s` matches (and what `trim` removes).
 */

/** The character code is matched by `\s`. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** White space other than a lone plain space: what `collapseSpaces` has to change. */
const FOLDABLE = /[^\S ]| \s/;

/** Same as `s.replace(/\s+/g, ' ')`. */
export function collapseSpaces(s: string): string {
  const n = s.length;
  const found = FOLDABLE.exec(s);
  if (!found) return s;
  let i = found.index;
  let out = s.slice(0, i);
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) {
      out += ' ';
      i++;
      while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    } else {
      const from = i;
      while (i < n && !isSpaceCode(s.charCodeAt(i))) i++;
      out += s.slice(from, i);
    }
  }
  return out;
}

/**
 * The last character of `s` that is not white space, or '' when there is none. With it, an
 * end-anchored test like `/[.!?]\s*$/.test(s)` becomes a look at one character instead of a regex
 * attempt at every position of `s`.
 */
export function lastNonSpace(s: string): string {
  let i = s.length - 1;
  while (i >= 0 && isSpaceCode(s.charCodeAt(i))) i--;
  return i >= 0 ? s[i] : '';
}

/** `c` is one character of `set` (false for ''). */
export function oneOf(c: string, set: string): boolean {
  return c.length === 1 && set.includes(c);
}

/** Plain spaces in `s`: `s.split(' ').length - 1`, without the array. */
export function spaceCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

/** Same as `s.replace(/\s+/g, ' ').trim()`. */
export function squish(s: string): string {
  return collapseSpaces(s).trim();
}

/** Same as `s.split(/\s+/).length`: runs of whitespace plus one (counting stops at `stopAt`). */
export function splitSpaceCount(s: string, stopAt = Infinity): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < s.length && n < stopAt; i++) {
    const sp = isSpaceCode(s.charCodeAt(i));
    if (sp && !inSpace) n++;
    inSpace = sp;
  }
  return n;
}

/** Same as `s.split(/\s+/).filter(Boolean).length`: runs of non-whitespace (counting stops at `stopAt`). */
export function wordRunCount(s: string, stopAt = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < stopAt; i++) {
    const w = !isSpaceCode(s.charCodeAt(i));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}
