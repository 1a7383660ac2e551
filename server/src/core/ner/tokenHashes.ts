/**
 * Token-level hashes for the sequence tagger (word, lowercase, shape, affixes, gazetteer state, word
 * class, capitalised runs, other occurrences of the same word, document statistics), computed once per
 * token in a single pass over its characters. features.ts turns them into feature hashes.
 * Shared by the runtime recognizer and by scripts/train-ner.js.
 */
import { TokenList, TOKEN_SENTENCE_START, TOKEN_WORD } from '../text/tokenize';
import { clusterOf, Gazetteer, matchGazetteer } from './gazetteer';
import { FNV_OFFSET, fmix, lowerCode, mix2, mix3 } from './hashing';
import { IntMap } from './intMap';
import { DenseIntMap } from './denseIntMap';
/** Per-document scratch tables (lowercase word hash -> value), reused: the functions below are not reentrant. */
const LOWER_SEEN = new IntMap();
const CAP_SEEN = new IntMap();
const CAP_FORMS = new IntMap();
const FIRST = new IntMap();
const LAST = new IntMap();
/** The same tables keyed by lowercase id (see completeTokenHashes' `lowerIds`) instead of lowercase hash. */
const LOWER_SEEN_BY_ID = new DenseIntMap();
const CAP_SEEN_BY_ID = new DenseIntMap();
const CAP_FORMS_BY_ID = new DenseIntMap();
const FIRST_BY_ID = new DenseIntMap();
const LAST_BY_ID = new DenseIntMap();
/** What the functions below read of IntMap and DenseIntMap. */
export type KeyTable = Pick<IntMap, 'has' | 'get' | 'set' | 'add' | 'size'>;
/** computeOtherOccurrences: the next occurrence of each token's word (reused; replaced when too small or grown by a very long document). */
let nextScratch = new Int32Array(1024);
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

export const B_INITCAP = 1;
export const B_ALLCAPS = 2;
export const B_DIGIT = 4;
export const B_LOWER = 8;
export const B_SENT = 16;
export const B_CAPS_SENT = 32;
export const B_DOC_LOWER = 64;
export const B_DOC_CAP = 128;
/** The token has an uppercase letter somewhere: it gets the contextual features (see extractFeatures). */
export const B_UPPER = 256;

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
