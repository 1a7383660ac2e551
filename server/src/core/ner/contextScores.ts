/**
 * The contextual part of a token's emission scores (tokens with an uppercase letter only; see
 * scoreEmissionsWithTypes in tagger.ts). The per-token contextual features (the first
 * PER_TOKEN_CONTEXT slots writeContextFeatures writes) are summed in groups, and each group's summed
 * weights are kept in a small cache (vectorCache.ts) under the values its features are computed from,
 * so a recurring context costs one probe instead of a hash and a weight lookup per feature:
 *   CTX_WORD_LEFT   the word before with the token (templates 21, 32, 37, 40)
 *   CTX_WORD_RIGHT  the token with the word after (22, 33)
 *   CTX_WORD_SELF   the token's word with sentence start, headline, document bits (24, 25, 38)
 *   CTX_WORD_RUN    the first and last words of its capitalised run (44, 45)
 *   CTX_SHAPE_SELF  the token's shape + sentence start, headline, position, document bits, gazetteer
 *                   state, capitalised-run slot and prior (23, 26, 30, 31, 43, 46, 47, 48)
 *   CTX_SHAPES_*    the shapes before (19: one, 35: two before) and after (20, 36) the token
 *   CTX_OTHER       the words around two other occurrences of the word (41, 42 twice; most words
 *                   occur once, and all four are then the same)
 * The first four are the slots writeContextLexicalFeatures writes, the others those of
 * writeContextShapeFeatures; each writer runs only when one of its groups misses. Names recur within
 * an article and across a corpus, with the same neighbours ("Prime Minister", "Nouri al-Maliki"):
 * on the CoNLL dev text read once, 26-69% of the word-group contexts have been seen before.
 * Every slot is in exactly one group (tagger.test.ts checks it). The gazetteer features are summed
 * once per distinct (token, before, after) states.
 */
import { CONTEXT_FEATURES, GAZ_PAD_AFTER, GAZ_PAD_BEFORE, GAZETTEER_FEATURES, NULL_FEATURE, PAD_HASHES, writeContextLexicalFeatures, writeContextShapeFeatures, writeGazetteerFeatures } from './features';
import { B_CAPS_SENT, B_SENT, NO_RUN, TokenHashes } from './tokenHashes';
import { NerModel } from './model';
import { allocContextMemo, claimContext, ContextMemo, contextVectorAt, findContext } from './contextMemo';
import { allocVectorCache, probeVector, storeKey, VectorCache, vectorAt } from './vectorCache';
import { weightRowOf } from './weightIndex';

export const PER_TOKEN_CONTEXT = CONTEXT_FEATURES - GAZETTEER_FEATURES;
export const CTX_WORD_LEFT: readonly number[] = [2, 10, 14, 16];
export const CTX_WORD_RIGHT: readonly number[] = [3, 11];
export const CTX_WORD_SELF: readonly number[] = [5, 6, 15];
export const CTX_WORD_RUN: readonly number[] = [22, 23];
export const CTX_SHAPE_SELF: readonly number[] = [4, 7, 8, 9, 21, 24, 25, 26];
export const CTX_SHAPES_BEFORE: readonly number[] = [0, 12];
export const CTX_SHAPES_AFTER: readonly number[] = [1, 13];
export const CTX_OTHER: readonly number[] = [17, 18, 19, 20];

/** Template ids in the shape-cache keys, to tell the two shape groups apart. */
const SHAPES_BEFORE_TAG = 35;
const SHAPES_AFTER_TAG = 36;
/** The shape-self key packs the prior above 6 bits; a prior outside this (setPriorFromLabels makes none) is summed uncached. */
const MAX_PACKED_PRIOR = 1 << 20;
const GAZ_CACHE = 1024;

/**
 * Scratch space of the contextual scoring, one per recognizer: the contextual features of a token,
 * the gazetteer features' summed weights for recently seen (token, before, after) states (a
 * direct-mapped cache), and the group caches.
 */
export interface EmissionWork {
  ctx: Int32Array;
  /** L int32 per token of the range being scored (grown on demand; used by tagger.ts). */
  sums: Int32Array;
  /** The token whose lexical / shape features ctx holds (-1: none). */
  lexicalOf: number;
  shapeOf: number;
  gazFeats: Int32Array;
  gazKeys: Int32Array;
  gazFilled: Uint8Array;
  gazVectors: Int32Array;
  wordLeft: VectorCache;
  wordRight: VectorCache;
  wordSelf: VectorCache;
  wordRun: VectorCache;
  shapeSelf: VectorCache;
  shapes: VectorCache;
  other: VectorCache;
  /** Every group's summed weights under all the values they depend on (CONTEXT_KEY int32). */
  memo: ContextMemo;
  memoKey: Int32Array;
}

/** The values a token's contextual features are computed from (see contextKey). */
const CONTEXT_KEY = 20;

export function allocEmissionWork(model: NerModel): EmissionWork {
  const L = model.labels.count;
  return {
    ctx: new Int32Array(CONTEXT_FEATURES),
    sums: new Int32Array(512 * L),
    lexicalOf: -1,
    shapeOf: -1,
    gazFeats: new Int32Array(GAZETTEER_FEATURES),
    gazKeys: new Int32Array(GAZ_CACHE * 3),
    gazFilled: new Uint8Array(GAZ_CACHE),
    gazVectors: new Int32Array(GAZ_CACHE * L),
    wordLeft: allocVectorCache(12, L),
    wordRight: allocVectorCache(12, L),
    wordSelf: allocVectorCache(12, L),
    wordRun: allocVectorCache(12, L),
    shapeSelf: allocVectorCache(12, L),
    shapes: allocVectorCache(11, L),
    other: allocVectorCache(12, L),
    memo: allocContextMemo(14, CONTEXT_KEY, L),
    memoKey: new Int32Array(CONTEXT_KEY),
  };
}

/** Adds the int16 weights of one feature to the L int32 at acc[offset..] (nothing for an unknown or NULL feature). */
export function addFeatureInt(model: NerModel, feature: number, acc: Int32Array, offset: number): void {
  if (feature === NULL_FEATURE) return;
  const L = model.labels.count;
  const row = weightRowOf(model.rowIndex, feature >>> (32 - model.header.hashBits));
  if (row < 0) return;
  const tw = model.rowWeights;
  const wo = row * L;
  for (let l = 0; l < L; l++) acc[offset + l] += tw[wo + l];
}

/** acc[ao..ao+L) += v[vo..vo+L) */
export function addVector(acc: Int32Array, ao: number, v: Int32Array, vo: number, L: number): void {
  for (let l = 0; l < L; l++) acc[ao + l] += v[vo + l];
}

/**
 * Adds to sums[so..so+L) the summed weights of group `slots` of token i, from cache `c` under key
 * (k0..k3), summing and storing them first when the cache does not hold the key.
 */
function addGroup(model: NerModel, th: TokenHashes, i: number, work: EmissionWork, c: VectorCache, k0: number, k1: number, k2: number, k3: number, slots: readonly number[], lexical: boolean, sums: Int32Array, so: number): void {
  let s = probeVector(c, k0, k1, k2, k3);
  if (s < 0) {
    s = ~s;
    storeKey(c, s, k0, k1, k2, k3);
    const ctx = work.ctx;
    if (lexical && work.lexicalOf !== i) {
      writeContextLexicalFeatures(th, i, ctx, 0);
      work.lexicalOf = i;
    } else if (!lexical && work.shapeOf !== i) {
      writeContextShapeFeatures(th, i, ctx, 0);
      work.shapeOf = i;
    }
    const vo = vectorAt(c, s);
    for (let k = 0; k < slots.length; k++) addFeatureInt(model, ctx[slots[k]], c.data, vo);
  }
  addVector(sums, so, c.data, vectorAt(c, s), c.L);
}

/** Call before scoring a range of a new document: ctx holds no token's features. */
export function resetContextWork(work: EmissionWork): void {
  work.lexicalOf = -1;
  work.shapeOf = -1;
}

/**
 * Writes to `key` every value token i's contextual features are computed from: the lowercase forms
 * and shapes around it, its sentence, headline, document and position bits, the prior, the
 * gazetteer states around it, its capitalised run (as features 44 and 45 see it) and the words
 * around its other occurrences. Equal keys, equal features.
 */
function contextKey(th: TokenHashes, i: number, key: Int32Array): void {
  const n = th.n;
  const { lower, shape, bits, gaz, other, run } = th;
  const l0 = lower[i];
  const b0 = bits[i];
  key[0] = i > 0 ? lower[i - 1] : PAD_HASHES.before;
  key[1] = l0;
  key[2] = i + 1 < n ? lower[i + 1] : PAD_HASHES.after;
  key[3] = i > 1 ? shape[i - 2] : PAD_HASHES.before;
  key[4] = i > 0 ? shape[i - 1] : PAD_HASHES.before;
  key[5] = shape[i];
  key[6] = i + 1 < n ? shape[i + 1] : PAD_HASHES.after;
  key[7] = i + 2 < n ? shape[i + 2] : PAD_HASHES.after;
  key[8] = (b0 & B_SENT ? 1 : 0) | (b0 & B_CAPS_SENT ? 2 : 0) | (((b0 >>> 6) & 3) << 2) | (th.position[i] << 4);
  key[9] = th.prior[i];
  key[10] = gaz[i] | 0;
  key[11] = i > 0 ? gaz[i - 1] | 0 : GAZ_PAD_BEFORE;
  key[12] = i + 1 < n ? gaz[i + 1] | 0 : GAZ_PAD_AFTER;
  const r = i * 3;
  key[13] = run[r];
  key[14] = run[r + 1] === l0 ? NO_RUN : run[r + 1];
  key[15] = run[r + 2] === l0 ? NO_RUN : run[r + 2];
  const p = i * 4;
  key[16] = other[p];
  key[17] = other[p + 1];
  key[18] = other[p + 2];
  key[19] = other[p + 3];
}

/**
 * Adds token i's contextual scores to sums[so..so+L): from the memo when the same context was seen
 * (the same name with the same neighbours, or a document read again after an edit), else summed
 * group by group and kept.
 */
export function addContextScores(model: NerModel, th: TokenHashes, i: number, work: EmissionWork, sums: Int32Array, so: number): void {
  const memo = work.memo;
  const key = work.memoKey;
  contextKey(th, i, key);
  let s = findContext(memo, key);
  if (s < 0) {
    s = claimContext(memo, ~s, key);
    sumContextGroups(model, th, i, work, memo.data, contextVectorAt(memo, s));
  }
  addVector(sums, so, memo.data, contextVectorAt(memo, s), memo.L);
}

/** Adds token i's contextual scores (every group, through the group caches) to sums[so..so+L). */
function sumContextGroups(model: NerModel, th: TokenHashes, i: number, work: EmissionWork, sums: Int32Array, so: number): void {
  const L = model.labels.count;
  const n = th.n;
  const { lower, shape, bits, gaz, position, other, run, prior } = th;
  const l0 = lower[i];
  const s0 = shape[i];
  const b0 = bits[i];
  const sent = b0 & B_SENT ? 1 : 0;
  const caps = b0 & B_CAPS_SENT ? 1 : 0;
  const docb = (b0 >>> 6) & 3;
  const pos = position[i];
  // the word groups
  const lm1 = i > 0 ? lower[i - 1] : PAD_HASHES.before;
  const lp1 = i + 1 < n ? lower[i + 1] : PAD_HASHES.after;
  addGroup(model, th, i, work, work.wordLeft, lm1, l0, s0, caps * 4 + pos, CTX_WORD_LEFT, true, sums, so);
  addGroup(model, th, i, work, work.wordRight, l0, lp1, s0, 0, CTX_WORD_RIGHT, true, sums, so);
  addGroup(model, th, i, work, work.wordSelf, l0, sent | (caps << 1) | (docb << 2), 0, 0, CTX_WORD_SELF, true, sums, so);
  const r = i * 3;
  const first = run[r + 1] === l0 ? NO_RUN : run[r + 1];
  const last = run[r + 2] === l0 ? NO_RUN : run[r + 2];
  addGroup(model, th, i, work, work.wordRun, run[r], first, last, 0, CTX_WORD_RUN, true, sums, so);
  // the shape-self group
  const pr = prior[i];
  if (pr >= 0 && pr < MAX_PACKED_PRIOR) {
    const small = sent | (caps << 1) | (pos << 2) | (docb << 4) | (pr << 6);
    addGroup(model, th, i, work, work.shapeSelf, s0, small, gaz[i] | 0, run[r], CTX_SHAPE_SELF, false, sums, so);
  } else {
    if (work.shapeOf !== i) writeContextShapeFeatures(th, i, work.ctx, 0);
    work.shapeOf = i;
    for (let k = 0; k < CTX_SHAPE_SELF.length; k++) addFeatureInt(model, work.ctx[CTX_SHAPE_SELF[k]], sums, so);
  }
  // the shapes before the token, and after it
  const sm1 = i > 0 ? shape[i - 1] : PAD_HASHES.before;
  const sm2 = i > 1 ? shape[i - 2] : PAD_HASHES.before;
  addGroup(model, th, i, work, work.shapes, sm2, sm1, s0, SHAPES_BEFORE_TAG, CTX_SHAPES_BEFORE, false, sums, so);
  const sp1 = i + 1 < n ? shape[i + 1] : PAD_HASHES.after;
  const sp2 = i + 2 < n ? shape[i + 2] : PAD_HASHES.after;
  addGroup(model, th, i, work, work.shapes, s0, sp1, sp2, SHAPES_AFTER_TAG, CTX_SHAPES_AFTER, false, sums, so);
  // the words around other occurrences
  const p = i * 4;
  addGroup(model, th, i, work, work.other, other[p], other[p + 1], other[p + 2], other[p + 3], CTX_OTHER, false, sums, so);
  // the gazetteer group, summed once per distinct (token, before, after) states
  const { gazKeys, gazFilled, gazVectors, gazFeats } = work;
  const gm1 = i > 0 ? gaz[i - 1] : GAZ_PAD_BEFORE;
  const gp1 = i + 1 < n ? gaz[i + 1] : GAZ_PAD_AFTER;
  const gz = gaz[i];
  const gslot = (Math.imul(gz ^ Math.imul(gm1, 0x85ebca6b) ^ Math.imul(gp1, 0xc2b2ae35), 0x9e3779b1) >>> 22) & (GAZ_CACHE - 1);
  const gk = gslot * 3;
  const gv = gslot * L;
  if (gazFilled[gslot] === 0 || gazKeys[gk] !== gz || gazKeys[gk + 1] !== gm1 || gazKeys[gk + 2] !== gp1) {
    gazFilled[gslot] = 1;
    gazKeys[gk] = gz;
    gazKeys[gk + 1] = gm1;
    gazKeys[gk + 2] = gp1;
    gazVectors.fill(0, gv, gv + L);
    writeGazetteerFeatures(gz, gm1, gp1, gazFeats, 0);
    for (let k = 0; k < GAZETTEER_FEATURES; k++) addFeatureInt(model, gazFeats[k], gazVectors, gv);
  }
  addVector(sums, so, gazVectors, gv, L);
}
