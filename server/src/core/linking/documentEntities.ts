/**
 * Document-level linking: groups the mentions of one article into clusters, one per actor, and
 * makes the article consistent with itself:
 * - a surname links to the full name introduced in the same article ("Maliki" → "Nouri al-Maliki"),
 *   also when the recognizer was unsure it was a person (surnameTypes.ts);
 * - an acronym introduced in parentheses joins its long form ("United Iraqi Alliance (UIA)");
 * - a likely misspelling of a name that is frequent in the article joins it ("Malikik"), and two
 *   spellings of one full name join ("Moqtada"/"Muqtada al-Sadr", nameVariants.ts);
 * - a name recognised once is recognised at its other occurrences too (source 'consistency');
 * - an organization or place keeps one type in the article (clusterTypes.ts);
 * - an acronym the article introduces for a common noun is no actor (commonAcronyms.ts).
 * Pure: text and mentions in, clusters out.
 */
import type { EntityMention, EntityType } from '../types';
import { boundedEditDistance, misspellingBudget } from './editDistance';
import { groupKey, initialsKey, keyTokenCount, keyTokens, looksLikeAcronym, nameKey, stripArticle, surnameKey } from './nameKey';
import { roleAfter, roleBefore } from './roleCues';
import { isSpaceCode } from '../text/whitespace';
import { nameRunEnd, nextCapital } from './capitalisedWords';
import { joinMistypedSurnames } from './surnameTypes';
import { alignMentionTypes } from './clusterTypes';
import { commonNounAcronyms } from './commonAcronyms';
import { mergeNameVariants } from './nameVariants';
import { absorbCluster } from './clusterMerge';
import { splitGovernmentSeats } from './governmentSeats';

export interface DocCluster {
  /** Normal form of the cluster's longest name. */
  key: string;
  type: EntityType;
  /** Every distinct normal form its mentions use (aliases). */
  keys: string[];
  /** Distinct spellings as written, with counts. */
  spellings: Map<string, number>;
  /** Indexes into `LinkedDocument.mentions`. */
  mentions: number[];
  /** An acronym introduced for it in this article ("uia"). */
  acronym?: string;
  /** Roles seen for it (titles before, appositions after). */
  roles: string[];
  /** The recognizer's highest confidence in a mention of it typed as the cluster is (1 for a reader's
   * mention; mentions added for consistency do not count). Absent: unknown (taken as sure). */
  confidence?: number;
  /** Its mentions are a capital standing for its government ("Washington warned Tehran"): an
   * organization that links to the city's entity (governmentSeats.ts). */
  governmentSeat?: boolean;
}

export interface LinkedDocument {
  /** Sorted by start, non-overlapping; includes mentions added for consistency. */
  mentions: EntityMention[];
  clusters: DocCluster[];
  /** For each mention, the index of its cluster. */
  clusterOf: number[];
}

/** Name keys of the surfaces seen in one call (an article repeats its names). */
type KeyMemo = Map<string, string>;

function memoNameKey(memo: KeyMemo, surface: string): string {
  let key = memo.get(surface);
  if (key === undefined) {
    key = nameKey(surface);
    memo.set(surface, key);
  }
  return key;
}

function mentionKey(m: EntityMention, memo: KeyMemo): string {
  const key = memoNameKey(memo, m.text);
  return m.type === 'group' ? groupKey(key) : key;
}

/** Token counts of keys (`keyTokens(key).length`), memoised for the call. */
class TokenCounts {
  private readonly counts = new Map<string, number>();
  of(key: string): number {
    let n = this.counts.get(key);
    if (n === undefined) {
      n = keyTokenCount(key);
      this.counts.set(key, n);
    }
    return n;
  }
}

/** Removes overlapping mentions, keeping the longer (then the earlier) one. */
function dropOverlaps(mentions: EntityMention[]): EntityMention[] {
  const sorted = mentions
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: EntityMention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

const ACRONYM_AFTER = /^\s?\(([A-Z][A-Za-z.&]{1,9})\)/;

/** "United Iraqi Alliance (UIA)" → the acronym key "uia" when its letters are the name's initials. */
function acronymIntroducedAfter(text: string, m: EntityMention): string | undefined {
  // the pattern needs "(" right after the name or after one white-space character
  const c = text.charCodeAt(m.end);
  if (c !== 40 && !(isSpaceCode(c) && text.charCodeAt(m.end + 1) === 40)) return undefined;
  const after = ACRONYM_AFTER.exec(text.slice(m.end, m.end + 14));
  if (!after) return undefined;
  const acr = nameKey(after[1]);
  const initials = initialsKey(m.text);
  if (initials && (initials === acr || initials.replace(/[^a-z]/g, '') === acr)) return acr;
  return undefined;
}


function capitalisedWordAfter(text: string, end: number): boolean {
  let i = end;
  if (text.charAt(i) !== ' ') return false;
  while (text.charAt(i) === ' ') i++;
  const c = text.charAt(i);
  return c !== '' && c !== c.toLowerCase() && c === c.toUpperCase();
}

function capitalisedWordBefore(text: string, start: number): boolean {
  let i = start - 1;
  if (text.charAt(i) !== ' ') return false;
  while (i >= 0 && text.charAt(i) === ' ') i--;
  // The word before: walk back to its start.
  let j = i;
  while (j >= 0 && /[\p{L}.'’-]/u.test(text.charAt(j))) j--;
  const word = text.slice(j + 1, i + 1);
  if (!word || !/^\p{Lu}/u.test(word)) return false;
  // A sentence-initial capital ("The", after a full stop or at a line start) does not count.
  let k = j;
  while (k >= 0 && text.charAt(k) === ' ') k--;
  return !(k < 0 || /[.!?\n“"]/.test(text.charAt(k)));
}

/** Adds mentions for untagged occurrences of names already recognised in this article. */
function propagate(text: string, mentions: EntityMention[], forms: Map<string, EntityType>): EntityMention[] {
  const byFirstWord = new Map<string, string[]>();
  for (const form of forms.keys()) {
    if (form.length < 3) continue;
    const first = form.split(/\s/)[0];
    const list = byFirstWord.get(first);
    if (list) list.push(form);
    else byFirstWord.set(first, [form]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  const added: EntityMention[] = [];
  if (byFirstWord.size === 0) return added;
  const occupied = mentions.map((m) => [m.start, m.end] as const);
  let oi = 0;
  // The capitalised words, scanned by hand (`capitalisedWords.ts`): a /u regex was the stage's hot spot.
  // The first two characters of every first word (or the one, for a one-character word): a word
  // starting otherwise cannot be one, and is passed over without building its string.
  const pairs = new Set<number>();
  const singles = new Set<number>();
  for (const first of byFirstWord.keys()) {
    if (first.length >= 2) pairs.add(first.charCodeAt(0) * 65536 + first.charCodeAt(1));
    else if (first.length === 1) singles.add(first.charCodeAt(0));
  }
  for (let start = nextCapital(text, 0); start >= 0; ) {
    const wordEnd = nameRunEnd(text, start);
    let resume = wordEnd;
    // (stripping a possessive or trailing dots keeps the word's start, so its prefix decides)
    const c0 = text.charCodeAt(start);
    if (!singles.has(c0) && !(wordEnd - start >= 2 && pairs.has(c0 * 65536 + text.charCodeAt(start + 1)))) {
      start = nextCapital(text, resume);
      continue;
    }
    const word = stripPossessive(text.slice(start, wordEnd));
    let candidates = byFirstWord.get(word);
    if (!candidates) {
      const trimmed = trimTrailing(word, '.-');
      if (trimmed !== word) candidates = byFirstWord.get(trimmed);
    }
    if (candidates) resume = placeForm(start, candidates) ?? wordEnd;
    start = nextCapital(text, resume);
  }
  return added;

  /** Adds the longest fitting form at `start`; returns where the scan resumes when one is added. */
  function placeForm(start: number, candidates: string[]): number | undefined {
    while (oi < occupied.length && occupied[oi][1] <= start) oi++;
    if (oi < occupied.length && occupied[oi][0] <= start) return undefined;
    const prev = start > 0 ? text.charAt(start - 1) : ' ';
    if (/[\p{L}\p{N}-]/u.test(prev)) return undefined;
    // Next to another capitalised word the occurrence is likely part of a longer name the
    // recogniser chose not to tag ("U.S. Open"): leave it alone.
    if (capitalisedWordBefore(text, start)) return undefined;
    for (const form of candidates) {
      if (!text.startsWith(form, start)) continue;
      const end = start + form.length;
      const next = text.charAt(end);
      if (next && /[\p{L}\p{N}]/u.test(next)) continue;
      if (capitalisedWordAfter(text, end)) continue;
      if (oi < occupied.length && occupied[oi][0] < end) continue;
      added.push({ start, end, text: form, type: forms.get(form)!, source: 'consistency', confidence: 0.6 });
      return end;
    }
    return undefined;
  }
}


/** Same as `word.replace(/['’]s?$/, '')`: a final "'s" / "’s", or a final apostrophe. */
function stripPossessive(word: string): string {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (last === 39 || last === 0x2019) return word.slice(0, n - 1);
  if (last === 115 && n >= 2) {
    const before = word.charCodeAt(n - 2);
    if (before === 39 || before === 0x2019) return word.slice(0, n - 2);
  }
  return word;
}

/** Removes trailing characters of a set (a loop: a regex like /[.-]+$/ is quadratic in V8 on long runs). */
function trimTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

/** Drops the mentions of acronyms the article introduces for common nouns ("weapons of mass destruction (WMD)"). */
function withoutCommonAcronyms(text: string, mentions: EntityMention[]): EntityMention[] {
  if (!mentions.some((m) => m.source !== 'user' && looksLikeAcronym(stripPossessive(m.text)))) return mentions;
  const common = commonNounAcronyms(text);
  if (common.size === 0) return mentions;
  return mentions.filter((m) => m.source === 'user' || !common.has(stripPossessive(m.text).replace(/s$/, '')));
}

export function linkDocument(text: string, recognised: EntityMention[]): LinkedDocument {
  const base = withoutCommonAcronyms(text, dropOverlaps(recognised));

  // Surface forms to propagate: names the recogniser was sure of (a one-word name other than a
  // person's must have been recognised twice), plus surnames of multi-word person names.
  const seen = new Map<string, number>();
  for (const m of base) if (m.confidence >= 0.85) seen.set(m.text, (seen.get(m.text) ?? 0) + 1);
  const forms = new Map<string, EntityType>();
  for (const m of base) {
    if (m.confidence < 0.85) continue;
    const surface = m.text.replace(/['’]s$/, '');
    const oneWord = !/\s/.test(surface);
    if (!forms.has(surface) && (!oneWord || m.type === 'person' || (seen.get(m.text) ?? 0) >= 2)) forms.set(surface, m.type);
    if (m.type === 'person') {
      const parts = surface.split(/\s+/);
      if (parts.length > 1) {
        const last = parts[parts.length - 1];
        if (last.length >= 3 && !forms.has(last)) forms.set(last, 'person');
      }
    }
  }
  // An acronym introduced in parentheses is a name from then on ("United Iraqi Alliance (UIA)").
  for (const m of base) {
    const acr = acronymIntroducedAfter(text, m);
    if (acr) {
      const written = ACRONYM_AFTER.exec(text.slice(m.end, m.end + 14))![1];
      if (!forms.has(written)) forms.set(written, m.type);
    }
  }
  const mentions = dropOverlaps([...base, ...propagate(text, base, forms)]);

  const clusters: DocCluster[] = [];
  const clusterOf: number[] = new Array(mentions.length).fill(-1);
  const byKey = new Map<string, number>();
  const acronyms = new Map<string, number>();
  const memo: KeyMemo = new Map();
  const tokenCounts = new TokenCounts();
  const fullNames = new FullNameIndex();

  const join = (mi: number, ci: number, key: string): void => {
    const c = clusters[ci];
    clusterOf[mi] = ci;
    c.mentions.push(mi);
    if (!c.keys.includes(key)) c.keys.push(key);
    byKey.set(key, ci);
    const spelling = mentions[mi].text;
    c.spellings.set(spelling, (c.spellings.get(spelling) ?? 0) + 1);
  };
  const create = (mi: number, key: string): number => {
    clusters.push({ key, type: mentions[mi].type, keys: [], spellings: new Map(), mentions: [], roles: [] });
    const ci = clusters.length - 1;
    join(mi, ci, key);
    fullNames.add(clusters[ci], ci, tokenCounts);
    return ci;
  };

  // Multi-word names first, so surnames and acronyms can find them.
  // (The stable order of the sort by "one word or not", then index, built in two passes.)
  const keys = mentions.map((m) => mentionKey(m, memo));
  const order: number[] = [];
  for (let i = 0; i < mentions.length; i++) if (tokenCounts.of(keys[i]) > 1) order.push(i);
  for (let i = 0; i < mentions.length; i++) if (!(tokenCounts.of(keys[i]) > 1)) order.push(i);

  for (const mi of order) {
    const m = mentions[mi];
    const key = keys[mi];
    if (!key) continue;
    const existing = byKey.get(key) ?? acronyms.get(key);
    if (existing !== undefined) {
      join(mi, existing, key);
    } else if (tokenCounts.of(key) === 1 && !looksLikeAcronym(m.text) && (m.type === 'person' || m.type === 'organization' || m.source === 'consistency')) {
      const target = fullNames.find(key, m.type);
      if (target >= 0) join(mi, target, key);
      else create(mi, key);
    } else if (looksLikeAcronym(m.text)) {
      const target = findByInitials(key, clusters, tokenCounts);
      if (target >= 0) join(mi, target, key);
      else create(mi, key);
    } else {
      create(mi, key);
    }
    const ci = clusterOf[mi];
    const acr = acronymIntroducedAfter(text, m);
    if (acr && !acronyms.has(acr)) {
      acronyms.set(acr, ci);
      clusters[ci].acronym = acr;
    }
  }

  mergeNameVariants(clusters, clusterOf);
  joinMistypedSurnames(clusters, clusterOf, mentions, (k) => tokenCounts.of(k));
  mergeMisspellings(clusters, clusterOf, tokenCounts);
  const live = compact(clusters, clusterOf);

  for (const c of live.clusters) {
    c.type = majorityType(c.mentions.map((i) => mentions[i]));
    c.key = c.keys.reduce((best, k) => (tokenCounts.of(k) > tokenCounts.of(best) || (tokenCounts.of(k) === tokenCounts.of(best) && k.length > best.length) ? k : best), c.keys[0]);
    if (c.type === 'person') {
      for (const i of c.mentions) {
        const m = mentions[i];
        if (m.source === 'consistency' || m.confidence < 0.6) m.type = 'person';
        const role = m.role ?? roleBefore(text, m.start) ?? roleAfter(text, m.end) ?? m.title;
        if (role) {
          m.role = role;
          if (!c.roles.includes(role)) c.roles.push(role);
        }
      }
    } else {
      alignMentionTypes(c.type, c.mentions, mentions);
    }
    c.confidence = typedConfidence(c, mentions);
  }
  splitGovernmentSeats(text, mentions, live.clusters, live.clusterOf);
  return { mentions, clusters: live.clusters, clusterOf: live.clusterOf };
}

/**
 * The multi-word cluster a one-word name abbreviates: a person's surname ("Maliki" → "Nouri
 * al-Maliki"), or an organization's head word ("the Times" → "New York Times"). Clusters are
 * indexed when created (their first key and type do not change while mentions are placed), so a
 * lookup does not scan every cluster.
 */
class FullNameIndex {
  /** Surname key → person clusters of two or more words. */
  private readonly people = new Map<string, number[]>();
  /** Last word → organization clusters of two to four words. */
  private readonly orgs = new Map<string, number[]>();

  add(c: DocCluster, ci: number, counts: TokenCounts): void {
    const n = counts.of(c.key);
    if (n < 2) return;
    if (c.type === 'person') push(this.people, surnameKey(c.key), ci);
    else if (c.type === 'organization' && n <= 4) {
      const tokens = keyTokens(c.key);
      push(this.orgs, tokens[tokens.length - 1], ci);
    }
  }

  /** The one cluster the name abbreviates; -1 when none or when two do (two people share the surname). */
  find(key: string, type: EntityType): number {
    const bare = stripArticle(key);
    const people = type === 'person' ? this.people.get(bare) : undefined;
    const orgs = (type === 'organization' || type === 'place') && key.length >= 4 ? this.orgs.get(bare) : undefined;
    const total = (people?.length ?? 0) + (orgs?.length ?? 0);
    if (total !== 1) return -1;
    return people?.length ? people[0] : orgs![0];
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The cluster an acronym stands for: the one introduced with it in parentheses, else the one
 * organization or place of two or more words whose initials it is ("ANA" → "Afghan National Army");
 * none when two fit.
 */
function findByInitials(acr: string, clusters: DocCluster[], tokenCounts: TokenCounts): number {
  let found = -1;
  const letters = acr.replace(/[^a-z]/g, '');
  for (let ci = 0; ci < clusters.length; ci++) {
    const c = clusters[ci];
    if (c.type === 'person' || c.type === 'group' || c.mentions.length === 0) continue;
    if (c.acronym === acr) return ci;
    if (letters.length < 2 || tokenCounts.of(c.key) < 2 || initialsKey(c.key).replace(/[^a-z]/g, '') !== letters) continue;
    found = found === -1 ? ci : -2;
  }
  return found >= 0 ? found : -1;
}

/** Joins a rare spelling to a frequent one within the edit budget ("Malikik" → "Maliki"). */
function mergeMisspellings(clusters: DocCluster[], clusterOf: number[], tokenCounts: TokenCounts): void {
  const counts = clusters.map((c) => c.mentions.length);
  for (let a = 0; a < clusters.length; a++) {
    const ca = clusters[a];
    if (ca.mentions.length === 0 || ca.mentions.length > 2) continue;
    const ka = ca.key;
    const na = tokenCounts.of(ka);
    const budget = misspellingBudget(ka.length);
    if (budget === 0) continue;
    const first = ka.charAt(0);
    const close = (k: string) => k.charAt(0) === first && boundedEditDistance(ka, k, budget) <= budget;
    let best = -1;
    for (let b = 0; b < clusters.length; b++) {
      if (a === b) continue;
      const cb = clusters[b];
      if (cb.mentions.length === 0 || counts[b] < Math.max(2, counts[a] + 1)) continue;
      if (cb.type !== ca.type && !(na === 1 && cb.type === 'person')) continue;
      let match = false;
      if (na === 1 && cb.type === 'person') {
        // its one-word keys and the surname of its name
        for (const k of cb.keys) if (tokenCounts.of(k) === 1 && close(k)) match = true;
        if (!match) match = close(surnameKey(cb.key));
      } else {
        for (const k of cb.keys) if (tokenCounts.of(k) === na && close(k)) match = true;
      }
      if (match) {
        if (best < 0 || counts[b] > counts[best]) best = b;
      }
    }
    if (best >= 0) absorbCluster(clusters, clusterOf, best, a);
  }
}

function compact(clusters: DocCluster[], clusterOf: number[]): { clusters: DocCluster[]; clusterOf: number[] } {
  const remap = new Map<number, number>();
  const out: DocCluster[] = [];
  clusters.forEach((c, i) => {
    if (c.mentions.length === 0) return;
    remap.set(i, out.length);
    c.mentions.sort((x, y) => x - y);
    out.push(c);
  });
  return { clusters: out, clusterOf: clusterOf.map((ci) => remap.get(ci) ?? -1) };
}

/** See DocCluster.confidence (rounded to 3 decimals, as mentions are). */
function typedConfidence(c: DocCluster, mentions: readonly EntityMention[]): number {
  let best = 0;
  for (const i of c.mentions) {
    const m = mentions[i];
    if (m.type !== c.type || m.source === 'consistency') continue;
    best = Math.max(best, m.source === 'user' ? 1 : m.confidence);
  }
  return Math.round(best * 1000) / 1000;
}

function majorityType(ms: EntityMention[]): EntityType {
  const score = new Map<EntityType, number>();
  for (const m of ms) score.set(m.type, (score.get(m.type) ?? 0) + (m.source === 'consistency' ? 0.25 : 1) + (m.title ? 1 : 0));
  let best: EntityType = ms[0]?.type ?? 'organization';
  let bestScore = -1;
  for (const [t, s] of score) {
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  return best;
}
