/**
 * Feature extraction for the sequence tagger. For every token it writes FEATURES_PER_TOKEN integer
 * feature hashes (template id mixed with token-level hashes) into a flat Int32Array; the caller maps
 * them to weight rows, from the token-level hashes of tokenHashes.ts (and the second pass's input,
 * documentPrior.ts).
 * Shared by the runtime recognizer and by scripts/train-ner.js, so training and decoding see
 * exactly the same features.
 */
import { GAZ_COUNT } from './gazetteer';
import { fmix, mix2, mix3 } from './hashing';
import type { CharHashes, TokenHashes } from './tokenHashes';
import { B_ALLCAPS, B_CAPS_SENT, B_DIGIT, B_INITCAP, B_LOWER, B_SENT, B_UPPER, NO_RUN } from './tokenHashes';

/** Bump when the feature set changes (stored in the model; a mismatch refuses the model). */
export const FEATURE_VERSION = 10;

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

/** The two features that depend on the second-pass input (also used to update first-pass scores). */
export function priorFeature0(prior: number): number {
  return nz(mix2(47, prior));
}

export function priorFeature1(prior: number, shape: number): number {
  return nz(mix3(48, prior, shape));
}
