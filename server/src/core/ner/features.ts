/**
 * Feature extraction for the sequence tagger. For every token it writes FEATURES_PER_TOKEN integer
 * feature hashes (template id mixed with token-level hashes) into a flat Int32Array; the caller maps
 * them to weight rows. Token-level hashes (word, lowercase, shape, affixes, gazetteer state, document
 * statistics) are computed once per token in a single pass over its characters.
 * Shared by the runtime recognizer and by scripts/train-ner.js, so training and decoding see
 * exactly the same features.
 */
import { TokenList, TOKEN_SENTENCE_START, TOKEN_WORD } from '../text/tokenize';
import { clusterOf, Gazetteer, matchGazetteer, GAZ_COUNT } from './gazetteer';
import { FNV_OFFSET, fmix, lowerCode, mix2, mix3 } from './hashing';
import { IntMap } from './intMap';
import { DenseIntMap } from './denseIntMap';

/** Per-document scratch tables (lowercase word hash -> value), reused: the functions below are not reentrant. */
const LOWER_SEEN = new IntMap();
const CAP_SEEN = new IntMap();
const CAP_FORMS = new IntMap();
const FIRST = new IntMap();
const LAST = new IntMap();
const PRIOR_INDEX = new IntMap();
/** The same tables keyed by lowercase id (see completeTokenHashes' `lowerIds`) instead of lowercase hash. */
const LOWER_SEEN_BY_ID = new DenseIntMap();
const CAP_SEEN_BY_ID = new DenseIntMap();
const CAP_FORMS_BY_ID = new DenseIntMap();
const FIRST_BY_ID = new DenseIntMap();
const LAST_BY_ID = new DenseIntMap();
const PRIOR_INDEX_BY_ID = new DenseIntMap();
/** What the functions below read of IntMap and DenseIntMap. */
type KeyTable = Pick<IntMap, 'has' | 'get' | 'set' | 'add' | 'size'>;
let priorCounts = new Int32Array(1024);
/** computeOtherOccurrences: the next occurrence of each token's word (reused; replaced when too small or grown by a very long document). */
let nextScratch = new Int32Array(1024);

/** Bump when the feature set changes (stored in the model; a mismatch refuses the model). */
export const FEATURE_VERSION = 10;

export interface TokenHashes {
  n: number;
  word: Int32Array;
  lower: Int32Array;
  shape: Int32Array;
  prefix: Int32Array; // 4 per token (lengths 1..4)
  suffix: Int32Array; // 4 per token
  /** Bit set: 1 initial capital, 2 all caps, 4 has digit, 8 has lower, 16 sentence start, 32 in all-caps sentence,
   * 64 lowercase form also seen lowercase in the document, 128 seen capitalized off sentence start in the document. */
  bits: Int32Array;
  /** Position in sentence (0,1,2,3 = 3+) */
  position: Int32Array;
  lengthBucket: Int32Array;
  /** Word class path of the lowercase form (gazetteer.ts clusterOf; NO_CLUSTER when none). */
  cluster: Int32Array;
  gaz: Uint32Array;
  /** Context aggregation: the lowercase hashes of the words around two other occurrences of the same
   * capitalised word in the document (prev1, next1, prev2, next2 per token; a constant when none).
   * Only for tokens with an uppercase letter (B_UPPER; the constant for the others). */
  other: Int32Array;
  /** Capitalised run containing the token: (length bucket * 8 + index bucket), first word, last word. */
  run: Int32Array;
  /** Second pass only: what a first pass said about the other occurrences of the same word in the
   * document (see setPriorFromLabels); PRIOR_ABSENT during the first pass. */
  prior: Int32Array;
}

/** The first pass's prior: the same value as "no other occurrence", so that only the tokens whose
 * word recurs as a name change between the passes. */
export const PRIOR_ABSENT = 0;

const B_INITCAP = 1;
const B_ALLCAPS = 2;
const B_DIGIT = 4;
const B_LOWER = 8;
const B_SENT = 16;
const B_CAPS_SENT = 32;
const B_DOC_LOWER = 64;
const B_DOC_CAP = 128;
/** The token has an uppercase letter somewhere: it gets the contextual features (see extractFeatures). */
const B_UPPER = 256;

/** `affixes` false: no prefix/suffix arrays (the word-type cache holds them per type instead). */
export function allocTokenHashes(n: number, affixes = true): TokenHashes {
  return {
    n,
    word: new Int32Array(n),
    lower: new Int32Array(n),
    shape: new Int32Array(n),
    prefix: new Int32Array(affixes ? n * 4 : 0),
    suffix: new Int32Array(affixes ? n * 4 : 0),
    bits: new Int32Array(n),
    position: new Int32Array(n),
    lengthBucket: new Int32Array(n),
    cluster: new Int32Array(n),
    gaz: new Uint32Array(n),
    other: new Int32Array(n * 4),
    run: new Int32Array(n * 3),
    prior: new Int32Array(n).fill(PRIOR_ABSENT),
  };
}

/** Curly quotes hash like the straight ones the training data uses. */
function normalizeQuote(c: number): number {
  if (c < 0x2018 || c > 0x201f) return c;
  return c <= 0x201b ? 39 : 34;
}

function shapeClass(c: number): number {
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 48 && c <= 57) return 100; // d
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return 88;
  if (c >= 0xdf && c <= 0x24f) return 120;
  if (c >= 0x370 && c < 0x2000) return 97; // other letters
  if (c >= 0x2000) return c >= 0x3000 ? 97 : c;
  return c;
}

/** Computes the token-level hashes of `tokens` over `text` (reference path: hashes every token). */
export function computeTokenHashes(text: string, tokens: TokenList, gaz: Gazetteer | null, th: TokenHashes): void {
  const { start, end } = tokens;
  for (let t = 0; t < tokens.count; t++) {
    hashToken(text, start[t], end[t], th, t);
    th.cluster[t] = clusterOf(gaz, th.lower[t]);
  }
  completeTokenHashes(tokens, gaz, th);
}

/**
 * The hashes of one token that depend only on its characters (word, lowercase, shape, prefixes,
 * suffixes, character bits, length bucket), written at index `t` of `th`. The type cache
 * (tokenTypes.ts) calls this once per distinct word; the reference path once per token.
 */
export function hashToken(text: string, s: number, e: number, th: CharHashes, t: number): void {
  let hw = FNV_OFFSET;
  let hl = FNV_OFFSET;
  let hs = FNV_OFFSET;
  let lastShape = -1;
  let shapeRun = 0;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  const p = t * 4;
  const letterFirst = shapeClass(text.charCodeAt(s)) === 88 || shapeClass(text.charCodeAt(s)) === 120;
  for (let k = s; k < e; k++) {
    const c = normalizeQuote(text.charCodeAt(k));
    const lc = lowerCode(c);
    // the exact-word hash ignores periods in words ("U.S." and "US", "Gen." and "Gen" share it)
    if (c !== 46 || !letterFirst) hw = Math.imul(hw ^ c, 16777619);
    hl = Math.imul(hl ^ lc, 16777619);
    const i = k - s;
    if (i < 4) th.prefix[p + i] = hl;
    const sc = shapeClass(c);
    if (sc === 88) upper++;
    else if (sc === 120) lower++;
    else if (sc === 100) digit++;
    if (sc !== lastShape) {
      hs = Math.imul(hs ^ sc, 16777619);
      lastShape = sc;
      shapeRun = 1;
    } else if (shapeRun < 2) {
      hs = Math.imul(hs ^ sc, 16777619);
      shapeRun++;
    }
  }
  const len = e - s;
  for (let i = len; i < 4; i++) th.prefix[p + i] = hl ^ (0x55 + i);
  for (let i = 0; i < 4; i++) {
    const from = e - (i + 1);
    if (from < s) {
      th.suffix[p + i] = hl ^ (0x99 + i);
      continue;
    }
    let h = FNV_OFFSET;
    for (let k = from; k < e; k++) h = Math.imul(h ^ lowerCode(normalizeQuote(text.charCodeAt(k))), 16777619);
    th.suffix[p + i] = h;
  }
  th.word[t] = hw;
  th.lower[t] = hl;
  th.shape[t] = hs;
  let bits = 0;
  if (shapeClass(text.charCodeAt(s)) === 88) bits |= B_INITCAP;
  if (upper > 0 && lower === 0) bits |= B_ALLCAPS;
  if (digit > 0) bits |= B_DIGIT;
  if (lower > 0) bits |= B_LOWER;
  if (upper > 0) bits |= B_UPPER;
  th.bits[t] = bits;
  th.lengthBucket[t] = len <= 1 ? 1 : len <= 3 ? 2 : len <= 5 ? 3 : len <= 8 ? 4 : 5;
}

/** The character-level part of TokenHashes (what hashToken writes). */
export type CharHashes = Pick<TokenHashes, 'word' | 'lower' | 'shape' | 'prefix' | 'suffix' | 'bits' | 'lengthBucket' | 'cluster'>;

/**
 * Token-level hashes whose character part is already in `th` (from hashToken or the type cache):
 * adds sentence position, headline capitals, document statistics, gazetteer states, the other
 * occurrences of each capitalised word and capitalised runs. `gazFirst[t]` (optional) is token t's
 * gazetteerFirstStep (lets the matcher skip lookups; the result is the same).
 */
export function completeTokenHashes(
  tokens: TokenList,
  gaz: Gazetteer | null,
  th: TokenHashes,
  gazFirst?: Int32Array,
  upper?: Int32Array,
  upperCount = 0,
  lowerIds?: Int32Array,
  lowerIdCount = 0,
): void {
  // `upper` (optional): the tokens with B_UPPER, ascending, upperCount of them; the passes that only
  // concern such tokens then visit only those (the result is the same)
  // `lowerIds` (optional): per token a small id of its lowercase form, below lowerIdCount (equal ids
  // exactly when the lowercase hashes are equal): the per-document tables are then arrays indexed by
  // it instead of hash tables (the result is the same)
  const n = tokens.count;
  const flags = tokens.flags;
  // all-caps sentences (headlines) and document statistics
  let lowerSeen: KeyTable;
  let capSeen: KeyTable;
  let capForms: KeyTable;
  if (lowerIds) {
    LOWER_SEEN_BY_ID.clear(lowerIdCount);
    CAP_SEEN_BY_ID.clear(lowerIdCount);
    CAP_FORMS_BY_ID.clear(lowerIdCount);
    [lowerSeen, capSeen, capForms] = [LOWER_SEEN_BY_ID, CAP_SEEN_BY_ID, CAP_FORMS_BY_ID];
  } else {
    LOWER_SEEN.clear();
    CAP_SEEN.clear();
    CAP_FORMS.clear();
    [lowerSeen, capSeen, capForms] = [LOWER_SEEN, CAP_SEEN, CAP_FORMS];
  }
  const key = lowerIds ?? th.lower;
  // (one pass: sentence starts and positions, and the letter counts of each sentence)
  const { bits, position } = th;
  let pos = 0;
  let sStart = 0;
  let letters = 0;
  let caps = 0;
  for (let t = 0; t < n; t++) {
    const f = flags[t];
    let b = bits[t];
    if (f & TOKEN_SENTENCE_START) {
      if (t > sStart) {
        if (letters >= 3 && caps === letters) for (let k = sStart; k < t; k++) bits[k] |= B_CAPS_SENT;
        sStart = t;
        letters = 0;
        caps = 0;
      }
      b |= B_SENT;
      bits[t] = b;
      pos = 0;
    }
    position[t] = pos < 3 ? pos : 3;
    pos++;
    if (b & (B_LOWER | B_ALLCAPS)) {
      letters++;
      if (b & B_ALLCAPS && !(b & B_LOWER)) caps++;
    }
  }
  if (letters >= 3 && caps === letters) for (let k = sStart; k < n; k++) bits[k] |= B_CAPS_SENT;
  // document statistics, only for the tokens that get contextual features (an uppercase letter)
  if (upper) for (let u = 0; u < upperCount; u++) capForms.add(key[upper[u]]);
  else for (let t = 0; t < n; t++) if (th.bits[t] & B_UPPER) capForms.add(key[t]);
  for (let t = 0; t < n; t++) {
    const b = th.bits[t];
    if (!(flags[t] & TOKEN_WORD) || b & B_CAPS_SENT) continue;
    if (!(b & B_INITCAP) && b & B_LOWER) {
      if (capForms.has(key[t])) lowerSeen.add(key[t]);
    } else if (b & B_INITCAP && b & B_LOWER && !(b & B_SENT)) capSeen.add(key[t]);
  }
  const m = upper ? upperCount : n;
  for (let k = 0; k < m; k++) {
    const t = upper ? upper[k] : k;
    if (!(th.bits[t] & B_UPPER)) continue;
    if (lowerSeen.has(key[t])) th.bits[t] |= B_DOC_LOWER;
    if (capSeen.has(key[t])) th.bits[t] |= B_DOC_CAP;
  }
  if (gaz) matchGazetteer(gaz, tokens, th.lower, th.gaz, gazFirst);
  else th.gaz.fill(0, 0, n);
  computeOtherOccurrences(th, n, upper, upperCount, lowerIds, lowerIdCount);
  computeRuns(th, tokens, n, upper, upperCount);
}

/** The run values of a token outside any capitalised run (and of a run word that is the token itself, in features 44 and 45). */
export const NO_RUN = 0x5a5a5a5;

/** Runs of consecutive capitalised words (a whole name): shape of the run and its first/last words. */
function computeRuns(th: TokenHashes, tokens: TokenList, n: number, upper?: Int32Array, upperCount = 0): void {
  const { bits, run } = th;
  if (upper) {
    // every capitalised word has B_UPPER: runs are consecutive entries of `upper`
    run.fill(NO_RUN, 0, n * 3);
    const flags = tokens.flags;
    let u = 0;
    while (u < upperCount) {
      const i = upper[u];
      if (!(flags[i] & TOKEN_WORD && bits[i] & B_INITCAP)) {
        u++;
        continue;
      }
      let j = i + 1;
      u++;
      while (u < upperCount && upper[u] === j && flags[j] & TOKEN_WORD && bits[j] & B_INITCAP && !(flags[j] & TOKEN_SENTENCE_START)) {
        j++;
        u++;
      }
      writeRun(th, i, j);
    }
    return;
  }
  let i = 0;
  while (i < n) {
    const capital = tokens.flags[i] & TOKEN_WORD && bits[i] & B_INITCAP;
    if (!capital) {
      run[i * 3] = NO_RUN;
      run[i * 3 + 1] = NO_RUN;
      run[i * 3 + 2] = NO_RUN;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && tokens.flags[j] & TOKEN_WORD && bits[j] & B_INITCAP && !(tokens.flags[j] & TOKEN_SENTENCE_START)) j++;
    writeRun(th, i, j);
    i = j;
  }
}

/** The run values of the capitalised run of tokens [i, j). */
function writeRun(th: TokenHashes, i: number, j: number): void {
  const { lower, run } = th;
  const len = j - i;
  const lenBucket = len < 5 ? len : 5;
  for (let k = i; k < j; k++) {
    const idx = k - i;
    run[k * 3] = lenBucket * 8 + (idx === len - 1 ? 7 : idx < 3 ? idx : 3);
    run[k * 3 + 1] = lower[i];
    run[k * 3 + 2] = lower[j - 1];
  }
}

const NO_OTHER = 0x3c3c3c3;

/** Fills th.other from the first and the next occurrences of each capitalised word. */
function computeOtherOccurrences(th: TokenHashes, n: number, upper?: Int32Array, upperCount = 0, lowerIds?: Int32Array, lowerIdCount = 0): void {
  const { lower, bits, other } = th;
  other.fill(NO_OTHER, 0, n * 4);
  let first: KeyTable;
  let last: KeyTable;
  if (lowerIds) {
    FIRST_BY_ID.clear(lowerIdCount);
    LAST_BY_ID.clear(lowerIdCount);
    [first, last] = [FIRST_BY_ID, LAST_BY_ID];
  } else {
    FIRST.clear();
    LAST.clear();
    [first, last] = [FIRST, LAST];
  }
  const key = lowerIds ?? lower;
  if (nextScratch.length < n || nextScratch.length > Math.max(n, 1 << 16)) nextScratch = new Int32Array(Math.max(n, 1024));
  const next = nextScratch.fill(-1, 0, n);
  // (a capitalised or all-caps word has B_UPPER: with `upper`, only those tokens are visited)
  const m = upper ? upperCount : n;
  for (let k = 0; k < m; k++) {
    const i = upper ? upper[k] : k;
    if ((bits[i] & (B_INITCAP | B_LOWER)) !== (B_INITCAP | B_LOWER) && (bits[i] & B_ALLCAPS) === 0) continue;
    const h = key[i];
    const prev = last.get(h, -1);
    if (prev < 0) first.set(h, i);
    else next[prev] = i;
    last.set(h, i);
  }
  if (first.size === 0) return;
  for (let k = 0; k < m; k++) {
    const i = upper ? upper[k] : k;
    // (only tokens with an uppercase letter have contextual features, the only ones that read `other`)
    if (!(bits[i] & B_UPPER)) continue;
    const f = first.get(key[i], -1);
    if (f < 0) continue;
    let o1 = f !== i ? f : next[i];
    let o2 = o1 >= 0 ? next[o1] : -1;
    if (o2 === i) o2 = next[i];
    if (o1 === i) o1 = -1;
    if (o1 >= 0) {
      other[i * 4] = o1 > 0 ? lower[o1 - 1] : NO_OTHER + 1;
      other[i * 4 + 1] = o1 + 1 < n ? lower[o1 + 1] : NO_OTHER + 2;
    }
    if (o2 >= 0 && o2 !== i) {
      other[i * 4 + 2] = o2 > 0 ? lower[o2 - 1] : NO_OTHER + 1;
      other[i * 4 + 3] = o2 + 1 < n ? lower[o2 + 1] : NO_OTHER + 2;
    }
  }
}

/** Features of a token that depend only on its own characters (summed once per word type at run time). */
export const SELF_FEATURES = 19;
/** Features a token contributes to its neighbours at offsets -1, +1 (three each) and -2, +2 (one each). */
export const NEIGHBOUR_FEATURES = 8;
/** Contextual features: only tokens with an uppercase letter get them (NULL_FEATURE for the others). */
export const CONTEXT_FEATURES = 30 + GAZ_COUNT;
export const FEATURES_PER_TOKEN = SELF_FEATURES + NEIGHBOUR_FEATURES + CONTEXT_FEATURES;
/** A feature slot that holds no feature (never has a weight). */
export const NULL_FEATURE = 0;

const PAD_BEFORE = 0x1234567;
const PAD_AFTER = 0x7654321;
/** The lowercase/shape hash and word class standing for "no token" before the first and after the last token. */
export const PAD_HASHES = { before: PAD_BEFORE, after: PAD_AFTER, cluster: 0xfffe } as const;

/** A feature hash that is never NULL_FEATURE. */
function nz(h: number): number {
  return h === NULL_FEATURE ? 1 : h;
}

/**
 * The SELF_FEATURES features of a token from its character hashes (slot `t` of `h`, 4 affixes a slot),
 * written at out[o..]. Shared by the reference path and the type cache so both see the same features.
 */
export function writeSelfFeatures(h: CharHashes, t: number, out: Int32Array, o: number): void {
  const p = t * 4;
  const s0 = h.shape[t];
  out[o] = nz(fmix(1));
  out[o + 1] = nz(mix2(2, h.word[t]));
  out[o + 2] = nz(mix2(3, h.lower[t]));
  out[o + 3] = nz(mix2(4, s0));
  out[o + 4] = nz(mix2(5, h.prefix[p]));
  out[o + 5] = nz(mix2(6, h.prefix[p + 1]));
  out[o + 6] = nz(mix2(7, h.prefix[p + 2]));
  out[o + 7] = nz(mix2(8, h.prefix[p + 3]));
  out[o + 8] = nz(mix2(9, h.suffix[p]));
  out[o + 9] = nz(mix2(10, h.suffix[p + 1]));
  out[o + 10] = nz(mix2(11, h.suffix[p + 2]));
  out[o + 11] = nz(mix2(12, h.suffix[p + 3]));
  out[o + 12] = nz(mix3(34, h.lengthBucket[t], s0));
  out[o + 13] = nz(mix3(39, h.suffix[p + 2], s0));
  out[o + 14] = nz(mix2(49, h.bits[t] & (B_INITCAP | B_ALLCAPS | B_DIGIT | B_LOWER | B_UPPER)));
  const c = h.cluster[t];
  out[o + 15] = nz(mix2(60, c >>> 8));
  out[o + 16] = nz(mix2(61, c >>> 4));
  out[o + 17] = nz(mix2(62, c));
  out[o + 18] = nz(mix3(63, c >>> 4, s0));
}

/** Features that a token with lowercase hash `l`, shape `s` and word class `c` gives the token one after it (-1 side). */
export function previousTokenFeatures(l: number, s: number, c: number, out: Int32Array, o: number): void {
  out[o] = nz(mix2(13, l));
  out[o + 1] = nz(mix2(17, s));
  out[o + 2] = nz(mix2(64, c >>> 4));
}
/** ... gives the token one before it. */
export function nextTokenFeatures(l: number, s: number, c: number, out: Int32Array, o: number): void {
  out[o] = nz(mix2(14, l));
  out[o + 1] = nz(mix2(18, s));
  out[o + 2] = nz(mix2(65, c >>> 4));
}
/** ... gives the token two after it. */
export function secondPreviousTokenFeature(l: number): number {
  return nz(mix2(15, l));
}
/** ... gives the token two before it. */
export function secondNextTokenFeature(l: number): number {
  return nz(mix2(16, l));
}

/** Whether token i gets contextual features. */
export function hasContext(th: TokenHashes, i: number): boolean {
  return (th.bits[i] & B_UPPER) !== 0;
}

/**
 * Writes FEATURES_PER_TOKEN feature hashes for every token of [from, to) into `out` at (i - from) * F
 * (the reference path used by training and by tests of the fast scorer).
 */
export function extractFeatures(th: TokenHashes, out: Int32Array, from = 0, to = th.n): void {
  const n = th.n;
  const { lower, shape } = th;
  const F = FEATURES_PER_TOKEN;
  for (let i = from; i < to; i++) {
    const o = (i - from) * F;
    writeSelfFeatures(th, i, out, o);
    let k = o + SELF_FEATURES;
    const cl = th.cluster;
    previousTokenFeatures(i > 0 ? lower[i - 1] : PAD_BEFORE, i > 0 ? shape[i - 1] : PAD_BEFORE, i > 0 ? cl[i - 1] : PAD_HASHES.cluster, out, k);
    nextTokenFeatures(i + 1 < n ? lower[i + 1] : PAD_AFTER, i + 1 < n ? shape[i + 1] : PAD_AFTER, i + 1 < n ? cl[i + 1] : PAD_HASHES.cluster, out, k + 3);
    out[k + 6] = secondPreviousTokenFeature(i > 1 ? lower[i - 2] : PAD_BEFORE);
    out[k + 7] = secondNextTokenFeature(i + 2 < n ? lower[i + 2] : PAD_AFTER);
    k += NEIGHBOUR_FEATURES;
    if (hasContext(th, i)) writeContextFeatures(th, i, out, k);
    else out.fill(NULL_FEATURE, k, k + CONTEXT_FEATURES);
  }
}

/** Per gazetteer category, the feature of (state of the token, of the one before, of the one after): 64 each. */
const GAZ_FEATURES = new Int32Array(GAZ_COUNT * 64);
for (let c = 0; c < GAZ_COUNT; c++) {
  for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) for (let d = 0; d < 4; d++) GAZ_FEATURES[c * 64 + a * 16 + b * 4 + d] = nz(mix3(50 + c, a, mix2(b, d)));
}

/**
 * The CONTEXT_FEATURES contextual features of token i at out[o..]; with `withGazetteer` false, all
 * but the last GAZETTEER_FEATURES (the caller adds those from a cache keyed by the three states).
 */
export function writeContextFeatures(th: TokenHashes, i: number, out: Int32Array, o: number, withGazetteer = true): void {
  writeContextLexicalFeatures(th, i, out, o);
  writeContextShapeFeatures(th, i, out, o);
  if (withGazetteer) {
    const n = th.n;
    const gaz = th.gaz;
    writeGazetteerFeatures(gaz[i], i > 0 ? gaz[i - 1] : GAZ_PAD_BEFORE, i + 1 < n ? gaz[i + 1] : GAZ_PAD_AFTER, out, o + CONTEXT_FEATURES - GAZETTEER_FEATURES);
  }
}

/** The slots (from o) that writeContextLexicalFeatures writes: the features with the lowercase forms of the token and its neighbours. */
export const CONTEXT_LEXICAL_SLOTS: readonly number[] = [2, 3, 5, 6, 10, 11, 14, 15, 16, 22, 23];

/** The contextual features of token i with lowercase word forms (CONTEXT_LEXICAL_SLOTS of writeContextFeatures). */
export function writeContextLexicalFeatures(th: TokenHashes, i: number, out: Int32Array, o: number): void {
  const n = th.n;
  const { lower, shape, bits } = th;
  const l0 = lower[i];
  const s0 = shape[i];
  const b0 = bits[i];
  const sent = b0 & B_SENT ? 1 : 0;
  const lm1 = i > 0 ? lower[i - 1] : PAD_BEFORE;
  const lp1 = i + 1 < n ? lower[i + 1] : PAD_AFTER;
  const caps = b0 & B_CAPS_SENT ? 1 : 0;
  const docb = (b0 >>> 6) & 3;
  const pos = th.position[i];
  const r = i * 3;
  out[o + 2] = nz(mix3(21, lm1, l0));
  out[o + 3] = nz(mix3(22, l0, lp1));
  out[o + 5] = nz(mix3(24, sent, l0));
  out[o + 6] = nz(mix3(25, caps, l0));
  out[o + 10] = nz(mix3(32, lm1, s0));
  out[o + 11] = nz(mix3(33, s0, lp1));
  out[o + 14] = nz(mix3(37, caps, mix2(lm1, l0)));
  out[o + 15] = nz(mix3(38, docb, l0));
  out[o + 16] = nz(mix3(40, pos, lm1));
  out[o + 22] = nz(mix3(44, th.run[r], th.run[r + 1] === l0 ? NO_RUN : th.run[r + 1]));
  out[o + 23] = nz(mix3(45, th.run[r], th.run[r + 2] === l0 ? NO_RUN : th.run[r + 2]));
}

/** The other per-token contextual features of token i (shapes, sentence and document bits,
 * gazetteer state, capitalised run, other occurrences, prior): the slots of writeContextFeatures'
 * first CONTEXT_FEATURES - GAZETTEER_FEATURES not in CONTEXT_LEXICAL_SLOTS. */
export function writeContextShapeFeatures(th: TokenHashes, i: number, out: Int32Array, o: number): void {
  const n = th.n;
  const { shape, bits, gaz } = th;
  const s0 = shape[i];
  const b0 = bits[i];
  const sent = b0 & B_SENT ? 1 : 0;
  const sm1 = i > 0 ? shape[i - 1] : PAD_BEFORE;
  const sp1 = i + 1 < n ? shape[i + 1] : PAD_AFTER;
  const sm2 = i > 1 ? shape[i - 2] : PAD_BEFORE;
  const sp2 = i + 2 < n ? shape[i + 2] : PAD_AFTER;
  const g0 = gaz[i];
  const caps = b0 & B_CAPS_SENT ? 1 : 0;
  const docb = (b0 >>> 6) & 3;
  const pos = th.position[i];
  const p = i * 4;
  const r = i * 3;
  out[o] = nz(mix3(19, sm1, s0));
  out[o + 1] = nz(mix3(20, s0, sp1));
  out[o + 4] = nz(mix3(23, sent, s0));
  out[o + 7] = nz(mix3(26, caps * 8 + pos, s0));
  out[o + 8] = nz(mix3(30, g0, s0));
  out[o + 9] = nz(mix3(31, docb * 2 + sent, s0));
  out[o + 12] = nz(mix3(35, mix2(sm2, sm1), s0));
  out[o + 13] = nz(mix3(36, s0, mix2(sp1, sp2)));
  out[o + 17] = nz(mix2(41, th.other[p]));
  out[o + 18] = nz(mix2(42, th.other[p + 1]));
  out[o + 19] = nz(mix2(41, th.other[p + 2]));
  out[o + 20] = nz(mix2(42, th.other[p + 3]));
  out[o + 21] = nz(mix3(43, th.run[r], s0));
  out[o + 24] = nz(mix3(46, th.run[r], g0));
  out[o + 25] = priorFeature0(th.prior[i]);
  out[o + 26] = priorFeature1(th.prior[i], s0);
}

/** The last GAZETTEER_FEATURES contextual features depend only on the gazetteer states of the token and its neighbours. */
export const GAZETTEER_FEATURES = 3 + GAZ_COUNT;

/** The gazetteer states of no token before the first / after the last token (see writeContextFeatures). */
export const GAZ_PAD_BEFORE = 0xfffff;
export const GAZ_PAD_AFTER = 0xeeeee;

/** Writes the GAZETTEER_FEATURES features of gazetteer states (token, one before, one after) at out[o..]. */
export function writeGazetteerFeatures(g0: number, gm1: number, gp1: number, out: Int32Array, o: number): void {
  let k = o;
  out[k++] = nz(mix2(27, g0));
  out[k++] = nz(mix2(28, gm1));
  out[k++] = nz(mix2(29, gp1));
  for (let c = 0; c < GAZ_COUNT; c++) out[k++] = GAZ_FEATURES[c * 64 + ((g0 >>> (2 * c)) & 3) * 16 + ((gm1 >>> (2 * c)) & 3) * 4 + ((gp1 >>> (2 * c)) & 3)];
}

export { B_INITCAP, B_ALLCAPS, B_SENT, B_CAPS_SENT, B_LOWER, B_UPPER };

/**
 * Second-pass input: for every capitalised word, the majority first-pass type of the OTHER
 * occurrences of the same word in the document (0 = no other occurrence; 1 + type, or 1 + types
 * for "outside any entity"), plus 16 when another occurrence sits inside a multi-token entity.
 * `typeOf[i]` is the first-pass entity type of token i (-1 outside), `inMulti[i]` 1 when its entity
 * has several tokens; `upper`/`upperCount` optionally the tokens with B_UPPER (see the code).
 */
export function setPriorFromLabels(
  th: TokenHashes,
  typeOf: Int8Array,
  inMulti: Uint8Array,
  types: number,
  upper?: Int32Array,
  upperCount = 0,
  lowerIds?: Int32Array,
  lowerIdCount = 0,
): void {
  // with `upper` (the tokens with an uppercase letter, ascending: every name is one) only those are
  // visited; the caller has set every other token's prior to 0 already; `lowerIds`: as in completeTokenHashes
  const n = upper ? upperCount : th.n;
  const { bits, prior } = th;
  const lower = lowerIds ?? th.lower;
  const slots = types + 2; // per word: counts for none + each type, then a multi-token count
  let index: KeyTable;
  if (lowerIds) {
    PRIOR_INDEX_BY_ID.clear(lowerIdCount);
    index = PRIOR_INDEX_BY_ID;
  } else {
    PRIOR_INDEX.clear();
    index = PRIOR_INDEX;
  }
  let used = 0;
  const isName = (i: number): boolean => (bits[i] & B_INITCAP) !== 0 && (bits[i] & (B_LOWER | B_ALLCAPS)) !== 0;
  for (let k = 0; k < n; k++) {
    const i = upper ? upper[k] : k;
    if (!isName(i)) continue;
    let at = index.get(lower[i], -1);
    if (at < 0) {
      at = used;
      used += slots;
      if (used > priorCounts.length) {
        const grown = new Int32Array(Math.max(used, priorCounts.length * 2));
        grown.set(priorCounts);
        priorCounts = grown;
      }
      priorCounts.fill(0, at, used);
      index.set(lower[i], at);
    }
    const counts = priorCounts;
    counts[at + typeOf[i] + 1]++;
    if (inMulti[i]) counts[at + types + 1]++;
  }
  for (let k = 0; k < n; k++) {
    const i = upper ? upper[k] : k;
    if (!isName(i)) {
      prior[i] = 0;
      continue;
    }
    const at = index.get(lower[i], -1);
    const counts = priorCounts;
    let best = -1;
    let bestCount = 0;
    let others = 0;
    for (let t = 0; t <= types; t++) {
      const c = counts[at + t] - (t === typeOf[i] + 1 ? 1 : 0);
      others += c;
      if (c > bestCount) {
        bestCount = c;
        best = t;
      }
    }
    const multi = counts[at + types + 1] - (inMulti[i] ? 1 : 0) > 0 ? 16 : 0;
    prior[i] = others === 0 ? 0 : 1 + best + multi;
  }
  if (priorCounts.length > 1 << 16) priorCounts = new Int32Array(1024); // (grown by a very long document)
}

/** The two features that depend on the second-pass input (also used to update first-pass scores). */
export function priorFeature0(prior: number): number {
  return nz(mix2(47, prior));
}

export function priorFeature1(prior: number, shape: number): number {
  return nz(mix3(48, prior, shape));
}

/** Resets the second-pass input (first pass). */
export function clearPrior(th: TokenHashes): void {
  th.prior.fill(PRIOR_ABSENT, 0, th.n);
}
