/**
 * Normal forms of names, so that spellings of one actor meet: case, diacritics, dots in
 * abbreviations, possessives, a leading "the", Arabic article prefixes on surnames.
 */

const POSSESSIVE = /['’`]s?$/;
const DIACRITICS = /[\u0300-\u036f]/g;
const ARTICLE_PREFIX = /^(?:al|el|ad|an|ar|as|at|az|ash|ad-|bin|ibn|abu|abd)[-‐‑ ]/;
/** "al" / "el" in lower case, then spaces and a capitalised word. */
const SPACED_ARTICLE = /(^|\s)(al|el) +(?=\p{Lu})/gu;

/**
 * Keys already worked out, by surface: a corpus repeats its names from article to article, and a
 * key takes eight passes over the name. Bounded: emptied when it reaches KEY_CACHE_LIMIT.
 */
const keyCache = new Map<string, string>();
export const KEY_CACHE_LIMIT = 20000;

/** Lower-cased, diacritics removed, dots and possessive removed, hyphens/spaces folded. */
export function nameKey(surface: string): string {
  let key = keyCache.get(surface);
  if (key === undefined) {
    key = computeNameKey(surface);
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(surface, key);
  }
  return key;
}

/** nameKey without the cache (for tests). */
export function computeNameKey(surface: string): string {
  let s = surface.normalize('NFKD').replace(DIACRITICS, '');
  s = s.replace(/[’‘`]/g, "'").trim();
  // a lowercase Arabic article written apart joins its name as it does written with a hyphen ("al Qaeda" = "al-Qaeda")
  s = s.replace(SPACED_ARTICLE, '$1$2-');
  s = s.replace(POSSESSIVE, '');
  s = s.toLowerCase();
  s = s.replace(/\./g, '');
  s = s.replace(/[‐‑–—]/g, '-');
  s = s.replace(/\s+/g, ' ').trim();
  if (s.startsWith('the ')) s = s.slice(4);
  return s;
}

/** Tokens of a key ("nouri al-maliki" → ["nouri", "al-maliki"]). */
export function keyTokens(key: string): string[] {
  return key.split(' ').filter(Boolean);
}

/** `keyTokens(key).length`, without the array: the runs between plain spaces. */
export function keyTokenCount(key: string): number {
  let n = 0;
  let inToken = false;
  for (let i = 0; i < key.length; i++) {
    const space = key.charCodeAt(i) === 32;
    if (!space && !inToken) n++;
    inToken = !space;
  }
  return n;
}

/** The last of `keyTokens(key)` ('' when none), without the array. */
function lastKeyToken(key: string): string {
  let end = key.length;
  while (end > 0 && key.charCodeAt(end - 1) === 32) end--;
  let start = end;
  while (start > 0 && key.charCodeAt(start - 1) !== 32) start--;
  return start === 0 && end === key.length ? key : key.slice(start, end);
}

/** The family-name part used to link surnames: last token without an Arabic article prefix. */
export function surnameKey(key: string): string {
  return stripArticle(lastKeyToken(key));
}

export function stripArticle(token: string): string {
  const stripped = token.replace(ARTICLE_PREFIX, '');
  return stripped.length >= 2 ? stripped : token;
}

const LOWER_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'al', 'du', 'la', 'le', 'von', 'van', '&']);

/** Initials of the significant words ("United Iraqi Alliance" → "uia", "New York Times" → "nyt"). */
export function initialsKey(surface: string): string {
  const words = surface.split(/[\s-]+/).filter((w) => w && !LOWER_WORDS.has(w.toLowerCase()));
  if (words.length < 2) return '';
  let out = '';
  for (const w of words) {
    const c = w.charAt(0);
    if (c.toUpperCase() === c.toLowerCase()) return '';
    out += c.toLowerCase();
  }
  return out;
}

/** True when a surface is written like an acronym: 2-6 capitals, optionally dotted ("UIA", "U.S."). */
export function looksLikeAcronym(surface: string): boolean {
  const bare = surface.replace(/\./g, '');
  if (bare.length < 2 || bare.length > 6) return false;
  for (let i = 0; i < bare.length; i++) {
    const c = bare.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/**
 * Plural group names share the singular's key ("Iraqis" → "iraqi", "Shiites" → "shiite"), and an
 * apostrophe inside the word is dropped ("Shi'ites" → "shiite", as "Shiites").
 */
export function groupKey(key: string): string {
  const bare = key.includes("'") ? key.replace(/'/g, '') : key;
  if (bare.length > 4 && bare.endsWith('s') && !bare.endsWith('ss')) return bare.slice(0, -1);
  return bare;
}

/** A stable id from a canonical name: "Nouri al-Maliki" → "nouri-al-maliki". */
export function slugify(name: string): string {
  const dashed = nameKey(name).replace(/[^a-z0-9]+/g, '-');
  // Trim dashes by index: /^-+|-+$/ backtracks quadratically on long dash runs.
  let a = 0;
  let b = dashed.length;
  while (a < b && dashed.charCodeAt(a) === 45) a++;
  while (b > a && dashed.charCodeAt(b - 1) === 45) b--;
  return dashed.slice(a, b) || 'entity';
}

/**
 * A person's key without its one-letter initials, and the initials: "george w casey" →
 * { bare: "george casey", initials: "w" }. `bare` is '' when fewer than two other words remain.
 */
export function splitInitials(key: string): { bare: string; initials: string } {
  const words: string[] = [];
  let initials = '';
  for (const t of keyTokens(key)) {
    if (t.length === 1) initials += t;
    else words.push(t);
  }
  return { bare: words.length >= 2 ? words.join(' ') : '', initials };
}

/** Two persons' initials agree when one name gives none or both give the same ("George Casey"/"George W. Casey", not "George H W Bush"/"George W Bush"). */
export function initialsAgree(a: string, b: string): boolean {
  return a === '' || b === '' || a === b;
}
