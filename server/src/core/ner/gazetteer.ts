/**
 * Multi-token gazetteers (countries, cities, given names, demonyms, groups, titles) matched over a
 * token list by hashed token sequences: a match is a run of tokens whose lowercased forms equal an
 * entry. Lookup is a hash probe per extension step, with no strings built per token.
 * The lists themselves come from maintained packages, derived at training time and stored in the
 * model file (see scripts/train-ner.js for their origin).
 */
import { tokenize, TokenList } from '../text/tokenize';
import { FNV_OFFSET, hashLower, hashLowerString, mix2 } from './hashing';

/** Category names, in bit order. The order is part of the model format. */
export const GAZ_CATEGORIES = ['country', 'city', 'state', 'firstname', 'demonym', 'group', 'title', 'orgword', 'organization', 'lastname', 'region'] as const;
export type GazCategory = (typeof GAZ_CATEGORIES)[number];
export const GAZ_COUNT = GAZ_CATEGORIES.length;

export const GAZ_NONE = 0;
export const GAZ_BEGIN = 1;
export const GAZ_INSIDE = 2;

export interface Gazetteer {
  /** Sequence hash of an entry -> bit set of categories. */
  entries: Map<number, number>;
  /** Sequence hashes of every proper prefix of an entry. */
  prefixes: Set<number>;
  /** `entries` and `prefixes` in one open-addressing table for the matcher (see stepOf): per slot
   * the sequence hash, then its categories plus FIRST_PREFIX when it is a proper prefix of an entry
   * (0: empty slot), so a step of a match is one probe of one cache line. */
  steps: Int32Array;
  stepBits: number;
  maxTokens: number;
  lists: Record<string, string[]>;
  /** Word classes (see scripts/build-word-clusters.js): lowercase hashes, ascending, and their class paths. */
  clusterKeys: Uint32Array;
  clusterCodes: Uint16Array;
}

/** The class of a word without one (not among the clustered words). */
export const NO_CLUSTER = 0xffff;

/** Word class path (3 levels of 4 bits) of the word whose lowercase hash is `lower`, else NO_CLUSTER. */
export function clusterOf(gaz: Gazetteer | null, lower: number): number {
  if (gaz === null) return NO_CLUSTER;
  const keys = gaz.clusterKeys;
  const key = lower >>> 0;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k === key) return gaz.clusterCodes[mid];
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return NO_CLUSTER;
}

/** Sorted keys and codes from "word -> class path" pairs (the first of colliding words wins). */
export function clusterTable(words: ReadonlyArray<[string, number]>): { keys: Uint32Array; codes: Uint16Array } {
  const byKey = new Map<number, number>();
  for (const [w, code] of words) {
    const k = hashLowerString(w) >>> 0;
    if (!byKey.has(k)) byKey.set(k, code);
  }
  const keys = Uint32Array.from([...byKey.keys()].sort((a, b) => a - b));
  const codes = Uint16Array.from(keys, (k) => byKey.get(k) as number);
  return { keys, codes };
}

export function buildGazetteer(lists: Record<string, string[]>, clusters?: { keys: Uint32Array; codes: Uint16Array }): Gazetteer {
  const entries = new Map<number, number>();
  const prefixes = new Set<number>();
  let maxTokens = 1;
  for (let c = 0; c < GAZ_COUNT; c++) {
    const list = lists[GAZ_CATEGORIES[c]];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry !== 'string' || entry.length === 0) continue;
      const toks = tokenize(entry);
      if (toks.count === 0 || toks.count > 8) continue;
      let h = FNV_OFFSET;
      for (let k = 0; k < toks.count; k++) {
        if (k > 0) prefixes.add(h);
        h = mix2(h, hashLower(entry, toks.start[k], toks.end[k]));
      }
      entries.set(h, (entries.get(h) ?? 0) | (1 << c));
      if (toks.count > maxTokens) maxTokens = toks.count;
    }
  }
  const stepValues = new Map<number, number>(entries);
  for (const h of prefixes) stepValues.set(h, (stepValues.get(h) ?? 0) | FIRST_PREFIX);
  // (at most half full)
  const stepBits = Math.max(4, 32 - Math.clz32(stepValues.size * 2));
  const steps = new Int32Array(2 << stepBits);
  const mask = (1 << stepBits) - 1;
  for (const [h, v] of stepValues) {
    let s = Math.imul(h, 0x9e3779b1) >>> (32 - stepBits);
    while (steps[2 * s + 1] !== 0) s = (s + 1) & mask;
    steps[2 * s] = h;
    steps[2 * s + 1] = v;
  }
  return { entries, prefixes, steps, stepBits, maxTokens, lists, clusterKeys: clusters?.keys ?? new Uint32Array(0), clusterCodes: clusters?.codes ?? new Uint16Array(0) };
}

/** In a first-step value (gazetteerFirstStep): the token alone is a proper prefix of an entry. */
export const FIRST_PREFIX = 1 << 30;

/**
 * The first step of a match from a token with lowercase hash `lower`: the categories of the entries
 * that are this token alone, plus FIRST_PREFIX when longer entries begin with it; 0 when no entry
 * begins with it. A function of the word only, so the type cache computes it once per word.
 */
export function gazetteerFirstStep(gaz: Gazetteer, lower: number): number {
  return stepOf(gaz.steps, gaz.stepBits, mix2(FNV_OFFSET, lower));
}

/** The categories of the entry with sequence hash `h`, plus FIRST_PREFIX when longer entries begin with it; 0 when neither. */
function stepOf(steps: Int32Array, bits: number, h: number): number {
  const mask = (1 << bits) - 1;
  let s = Math.imul(h, 0x9e3779b1) >>> (32 - bits);
  for (;;) {
    const v = steps[2 * s + 1];
    if (v === 0 || steps[2 * s] === h) return v;
    s = (s + 1) & mask;
  }
}

/** The category bits of a step value (one bit per category). */
const ALL_CATEGORIES = (1 << GAZ_COUNT) - 1;

/** matchGazetteer's scratch: per category, the token index up to which it is already assigned. */
const COVERED_UNTIL = new Int32Array(GAZ_COUNT);

/**
 * Per token and category, GAZ_NONE / GAZ_BEGIN / GAZ_INSIDE of the longest left-to-right match,
 * packed 2 bits per category into one integer per token.
 * `lower` holds the lowercase hash of each token; `first` (optional) each token's
 * gazetteerFirstStep (the same result, with fewer lookups).
 */
export function matchGazetteer(gaz: Gazetteer, tokens: TokenList, lower: Int32Array, out: Uint32Array, first?: Int32Array): void {
  const n = tokens.count;
  out.fill(0, 0, n);
  // coveredUntil[c]: the token index up to which category c is already assigned
  const coveredUntil = COVERED_UNTIL.fill(0);
  const { steps, stepBits } = gaz;
  for (let i = 0; i < n; i++) {
    // a token that is neither an entry nor the first token of one begins no match
    const f = first !== undefined ? first[i] : stepOf(steps, stepBits, mix2(FNV_OFFSET, lower[i]));
    if (f === 0) continue;
    let h = FNV_OFFSET;
    const limit = Math.min(n, i + gaz.maxTokens);
    for (let j = i; j < limit; j++) {
      h = mix2(h, lower[j]);
      // the categories of the entry j - i + 1 tokens long, plus FIRST_PREFIX when longer ones go on
      const step = j === i ? f : stepOf(steps, stepBits, h);
      // (the categories' bits visited lowest first; each category is its own two bits of out[k])
      let cats = step & ALL_CATEGORIES;
      while (cats !== 0) {
        const c = 31 - Math.clz32(cats & -cats);
        cats &= cats - 1;
        if (coveredUntil[c] > i) continue;
        // longest match wins because j grows: overwrite this category for i..j
        for (let k = i; k <= j; k++) {
          const state = k === i ? GAZ_BEGIN : GAZ_INSIDE;
          out[k] = (out[k] & ~(3 << (2 * c))) | (state << (2 * c));
        }
      }
      if (j + 1 >= limit) break;
      if ((step & FIRST_PREFIX) === 0) break;
    }
    // mark the extent of the matches that begin at i so later starts do not override them (only
    // the categories with a state at i can begin there)
    let states = out[i];
    while (states !== 0) {
      const c = (31 - Math.clz32(states & -states)) >> 1;
      states &= ~(3 << (2 * c));
      if (coveredUntil[c] > i) continue;
      if (((out[i] >>> (2 * c)) & 3) === GAZ_BEGIN) {
        let k = i + 1;
        while (k < n && ((out[k] >>> (2 * c)) & 3) === GAZ_INSIDE) k++;
        coveredUntil[c] = k;
      }
    }
  }
}

/** Whether a token with lowercase hash `lower` can begin a gazetteer entry. */
export function canStartEntry(gaz: Gazetteer, lower: number): boolean {
  return gazetteerFirstStep(gaz, lower) !== 0;
}

export function gazState(code: number, category: number): number {
  return (code >>> (2 * category)) & 3;
}
