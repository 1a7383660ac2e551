/**
 * Optimal-string-alignment (Damerau–Levenshtein with adjacent transpositions) distance, bounded:
 * returns `limit + 1` as soon as the distance is known to exceed `limit`. O(n·m) on short names.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length > 64 || b.length > 64) return limit + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] <= limit ? prev[m] : limit + 1;
}

/** How many edits a name of this length may differ by and still be called a misspelling. */
export function misspellingBudget(length: number): number {
  if (length < 5) return 0;
  if (length < 9) return 1;
  return 2;
}

/** Consonant skeleton, for transliteration variants ("nuri"/"nouri" → "nr"). */
export function consonantSkeleton(token: string): string {
  return token.replace(/[aeiouy'’-]/g, '').replace(/(.)\1+/g, '$1');
}

/**
 * Two names of as many words that differ in exactly one word, as a transliteration (same first
 * letter and consonant skeleton, three letters or more: "nuri"/"nouri") or a one-edit typo (five
 * letters or more): "Nuri al-Maliki" ~ "Nouri al-Maliki", not "Jalil Nouri" ~ "Nouri al-Maliki".
 */
export function isVariantName(tokens: readonly string[], other: readonly string[], skeleton: (token: string) => string = consonantSkeleton): boolean {
  if (other.length !== tokens.length) return false;
  let differing = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === other[i]) continue;
    if (differing >= 0 || tokens[i].charAt(0) !== other[i].charAt(0)) return false;
    differing = i;
  }
  if (differing < 0) return false;
  const t = tokens[differing];
  const o = other[differing];
  return (t.length >= 3 && skeleton(t) === skeleton(o)) || (t.length >= 5 && boundedEditDistance(t, o, 1) <= 1);
}
