/**
 * The decoder of the averaged-perceptron tagger: emission scores from hashed features (weights
 * looked up in an open-addressing table of integer keys), then first-order Viterbi per sentence
 * with the tag scheme's hard constraints. Allocation-free in the hot path: callers pass work buffers.
 */
import { B_CAPS_SENT, B_SENT, B_UPPER, CONTEXT_FEATURES, CONTEXT_LEXICAL_SLOTS, PAD_HASHES, writeContextLexicalFeatures, writeContextShapeFeatures, GAZ_PAD_AFTER, GAZ_PAD_BEFORE, GAZETTEER_FEATURES, NULL_FEATURE, TokenHashes, writeGazetteerFeatures } from './features';
import { LabelSet } from './labels';
import { NerModel } from './model';
import { VEC_SLOTS, type TokenTypeCache } from './tokenTypes';
import { allocVectorCache, probeVector, storeKey, VectorCache } from './vectorCache';

/** int32 per slot of NerModel.table (model.ts SLOT; a local constant so the JIT can fold it). */
const SLOT = 8;

/**
 * Where the weights of feature bucket `bucket` start in the int16 view of `table` (linear probing
 * from the bucket's home slot), or -1 when the model has no row for it. Small and monomorphic, so
 * V8 inlines it into the scoring loops.
 */
function findRow(table: Int32Array, bucket: number, shift: number, mask: number): number {
  const key = bucket + 1;
  let slot = Math.imul(bucket, 0x9e3779b1) >>> shift;
  let sk = table[slot * SLOT];
  while (sk !== key) {
    if (sk === 0) return -1;
    slot = (slot + 1) & mask;
    sk = table[slot * SLOT];
  }
  return slot * SLOT * 2 + 2;
}

/** Emission scores: emis[i*L + l] = sum of weights of token i's features for label l. */
export function scoreEmissions(model: NerModel, feats: Int32Array, n: number, F: number, emis: Float32Array): void {
  const L = model.labels.count;
  const table = model.table;
  const tw = model.tableWeights;
  const mask = model.tableMask;
  const weightScale = model.weightScale;
  const shift = model.tableShift;
  const bucketShift = 32 - model.header.hashBits;
  const acc = new Int32Array(Math.max(16, L));
  const unrolled = L === 9;
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    const fo = i * F;
    for (let k = 0; k < F; k++) {
      if (feats[fo + k] === NULL_FEATURE) continue;
      const wo = findRow(table, feats[fo + k] >>> bucketShift, shift, mask);
      if (wo < 0) continue;
      if (unrolled) {
        // the 9 BIO labels of PER/ORG/LOC/MISC, unrolled (measurably faster in V8)
        acc[0] += tw[wo];
        acc[1] += tw[wo + 1];
        acc[2] += tw[wo + 2];
        acc[3] += tw[wo + 3];
        acc[4] += tw[wo + 4];
        acc[5] += tw[wo + 5];
        acc[6] += tw[wo + 6];
        acc[7] += tw[wo + 7];
        acc[8] += tw[wo + 8];
      } else {
        for (let l = 0; l < L; l++) acc[l] += tw[wo + l];
      }
    }
    const eo = i * L;
    for (let l = 0; l < L; l++) emis[eo + l] = acc[l] * weightScale;
  }
}

/** Adds the int16 weights of one feature to the L int32 at acc[offset..] (nothing for an unknown or NULL feature). */
export function addFeatureInt(model: NerModel, feature: number, acc: Int32Array, offset: number): void {
  if (feature === NULL_FEATURE) return;
  const L = model.labels.count;
  const wo = findRow(model.table, feature >>> (32 - model.header.hashBits), model.tableShift, model.tableMask);
  if (wo < 0) return;
  const tw = model.tableWeights;
  for (let l = 0; l < L; l++) acc[offset + l] += tw[wo + l];
}

const PER_TOKEN_CONTEXT = CONTEXT_FEATURES - GAZETTEER_FEATURES;
const GAZ_CACHE = 1024;

/*
 * The per-token contextual features (the first PER_TOKEN_CONTEXT slots writeContextFeatures
 * writes) in groups. The groups that recur have their summed weights kept in small caches under the
 * values they are computed from, so a recurring context costs one probe instead of a hash and a
 * model-table lookup (a likely cache miss: the table is megabytes) per feature:
 *   CTX_SHAPE_SELF the token's shape + sentence start, headline, position, document bits, gazetteer
 *                  state, capitalised-run slot and prior (templates 23, 26, 30, 31, 43, 46, 47, 48)
 *   CTX_SHAPES_*   the shapes before (19: one, 35: two before) and after (20, 36) the token
 *   CTX_OTHER      the words around two other occurrences of the word (41, 42 twice; most words
 *                  occur once, and all four are then the same)
 * These are the slots writeContextShapeFeatures writes, hashed only when a cache misses. The
 * features with the lowercase forms of the word and its neighbours (CONTEXT_LEXICAL_SLOTS: 21, 22,
 * 24, 25, 32, 33, 37, 38, 40, 44, 45) rarely recur: they are hashed and looked up for every token.
 * Every slot is in exactly one group (tagger.test.ts checks it).
 */
export const CTX_DIRECT: readonly number[] = CONTEXT_LEXICAL_SLOTS;
export const CTX_SHAPE_SELF: readonly number[] = [4, 7, 8, 9, 21, 24, 25, 26];
export const CTX_SHAPES_BEFORE: readonly number[] = [0, 12];
export const CTX_SHAPES_AFTER: readonly number[] = [1, 13];
export const CTX_OTHER: readonly number[] = [17, 18, 19, 20];
export { PER_TOKEN_CONTEXT };

/** Template ids in the shape-cache keys, to tell the two shape groups apart. */
const SHAPES_BEFORE_TAG = 35;
const SHAPES_AFTER_TAG = 36;
/** The shape-self key packs the prior above 6 bits; a prior outside this (setPriorFromLabels makes none) is summed uncached. */
const MAX_PACKED_PRIOR = 1 << 20;
const SHAPE_SELF_CACHE_BITS = 12;
const SHAPES_CACHE_BITS = 11;
const OTHER_CACHE_BITS = 12;

/**
 * Scratch space of scoreEmissionsWithTypes, one per recognizer: the contextual features of a token,
 * the integer label sums of a range of tokens, the summed weights of the gazetteer features for
 * recently seen (token, before, after) states (a direct-mapped cache), and the group caches.
 */
export interface EmissionWork {
  ctx: Int32Array;
  /** L int32 per token of the range being scored (grown on demand). */
  sums: Int32Array;
  gazFeats: Int32Array;
  gazKeys: Int32Array;
  gazFilled: Uint8Array;
  gazVectors: Int32Array;
  shapeSelf: VectorCache;
  shapes: VectorCache;
  other: VectorCache;
}

/** Ranges longer than this many tokens get a sums buffer of their own, not kept. */
const MAX_KEPT_RANGE = 4096;

export function allocEmissionWork(model: NerModel): EmissionWork {
  const L = model.labels.count;
  return {
    ctx: new Int32Array(CONTEXT_FEATURES),
    sums: new Int32Array(512 * L),
    gazFeats: new Int32Array(GAZETTEER_FEATURES),
    gazKeys: new Int32Array(GAZ_CACHE * 3),
    gazFilled: new Uint8Array(GAZ_CACHE),
    gazVectors: new Int32Array(GAZ_CACHE * L),
    shapeSelf: allocVectorCache(SHAPE_SELF_CACHE_BITS, L),
    shapes: allocVectorCache(SHAPES_CACHE_BITS, L),
    other: allocVectorCache(OTHER_CACHE_BITS, L),
  };
}

/** Adds the weights of the features ctx[slots[k]] to the L int32 at acc[offset..]. */
function addGroup(model: NerModel, ctx: Int32Array, slots: readonly number[], acc: Int32Array, offset: number): void {
  for (let k = 0; k < slots.length; k++) addFeatureInt(model, ctx[slots[k]], acc, offset);
}

/** acc[ao..ao+L) += v[vo..vo+L) */
function addVector(acc: Int32Array, ao: number, v: Int32Array, vo: number, L: number): void {
  for (let l = 0; l < L; l++) acc[ao + l] += v[vo + l];
}

/**
 * Emission scores of tokens [from, to) of a document from the word-type cache: per token the five
 * type vectors (its own, and those of its neighbours at -1, +1, -2, +2) plus, for tokens with an
 * uppercase letter, the contextual features. Writes emis[i*L..] (document offsets). Equal to
 * extractFeatures + scoreEmissions on the same tokens (integer sums, so the order does not matter).
 */
export function scoreEmissionsWithTypes(
  model: NerModel,
  th: TokenHashes,
  typeIds: Int32Array,
  types: TokenTypeCache,
  from: number,
  to: number,
  work: EmissionWork,
  emis: Float32Array,
): void {
  if (to <= from) return;
  const size = (to - from) * model.labels.count;
  let sums = work.sums;
  if (sums.length < size) {
    sums = new Int32Array(size);
    if (to - from <= MAX_KEPT_RANGE) work.sums = sums;
  }
  scoreInto(model, th, typeIds, types, from, to, work, emis, sums);
}

function scoreInto(
  model: NerModel,
  th: TokenHashes,
  typeIds: Int32Array,
  types: TokenTypeCache,
  from: number,
  to: number,
  work: EmissionWork,
  emis: Float32Array,
  sums: Int32Array,
): void {
  const L = model.labels.count;
  const n = th.n;
  const { ctx, gazFeats, gazKeys, gazFilled, gazVectors } = work;
  const vec = types.vectors;
  const pad = types.padVectors;
  const V = VEC_SLOTS * L;
  const scale = model.weightScale;
  const table = model.table;
  const tw = model.tableWeights;
  const mask = model.tableMask;
  const tableShift = model.tableShift;
  const bucketShift = 32 - model.header.hashBits;
  const { bits, gaz, position, shape, other, run, prior } = th;
  const shapeSelfC = work.shapeSelf;
  const shapesC = work.shapes;
  const otherC = work.other;
  sums.fill(0, 0, (to - from) * L);
  // the type vectors, scattered: each token in reach adds its five vectors (one block of memory)
  // to itself and to the neighbours in [from, to) it is a context of
  const reachEnd = Math.min(n, to + 2);
  const ready = types.vectorsReady;
  for (let t = Math.max(0, from - 2); t < reachEnd; t++) {
    const id = typeIds[t];
    if (ready[id] === 0) types.ensureVectors(id);
    const b = id * V;
    const d = t - from; // (token t's index in sums)
    if (d >= 0 && d < to - from) addVector(sums, d * L, vec, b, L);
    if (d + 1 >= 0 && d + 1 < to - from) addVector(sums, (d + 1) * L, vec, b + L, L);
    if (d - 1 >= 0 && d - 1 < to - from) addVector(sums, (d - 1) * L, vec, b + 2 * L, L);
    if (d + 2 >= 0 && d + 2 < to - from) addVector(sums, (d + 2) * L, vec, b + 3 * L, L);
    if (d - 2 >= 0 && d - 2 < to - from) addVector(sums, (d - 2) * L, vec, b + 4 * L, L);
  }
  // "no token" vectors at the document's edges
  for (let i = from; i < Math.min(to, 2); i++) {
    if (i === 0) addVector(sums, (i - from) * L, pad, 0, L);
    addVector(sums, (i - from) * L, pad, 2 * L, L);
  }
  for (let i = Math.max(from, n - 2); i < to; i++) {
    if (i === n - 1) addVector(sums, (i - from) * L, pad, L, L);
    addVector(sums, (i - from) * L, pad, 3 * L, L);
  }
  for (let i = from; i < to; i++) {
    if (!(bits[i] & B_UPPER)) continue;
    const so = (i - from) * L;
    writeContextLexicalFeatures(th, i, ctx, 0);
    let hashed = false; // (writeContextShapeFeatures, on the first cache miss)
    for (let k = 0; k < CTX_DIRECT.length; k++) {
      // addFeatureInt with the model's fields hoisted (the hot loop of the tagger)
      const f = ctx[CTX_DIRECT[k]];
      if (f === NULL_FEATURE) continue;
      const wo = findRow(table, f >>> bucketShift, tableShift, mask);
      if (wo < 0) continue;
      for (let l = 0; l < L; l++) sums[so + l] += tw[wo + l];
    }
    const s0 = shape[i];
    // the shape-self group
    const b0 = bits[i];
    const pr = prior[i];
    const g0 = gaz[i] | 0;
    const r0 = run[i * 3];
    let s = -1;
    if (pr >= 0 && pr < MAX_PACKED_PRIOR) {
      const small = (b0 & B_SENT ? 1 : 0) | (b0 & B_CAPS_SENT ? 2 : 0) | (position[i] << 2) | (((b0 >>> 6) & 3) << 4) | (pr << 6);
      s = probeVector(shapeSelfC, s0, small, g0, r0);
      if (s < 0) {
        s = ~s;
        storeKey(shapeSelfC, s, s0, small, g0, r0);
        if (!hashed) writeContextShapeFeatures(th, i, ctx, 0);
        hashed = true;
        addGroup(model, ctx, CTX_SHAPE_SELF, shapeSelfC.vectors, s * L);
      }
      addVector(sums, so, shapeSelfC.vectors, s * L, L);
    } else {
      if (!hashed) writeContextShapeFeatures(th, i, ctx, 0);
      hashed = true;
      addGroup(model, ctx, CTX_SHAPE_SELF, sums, so);
    }
    // the shapes before the token, and after it
    const sm1 = i > 0 ? shape[i - 1] : PAD_HASHES.before;
    const sm2 = i > 1 ? shape[i - 2] : PAD_HASHES.before;
    s = probeVector(shapesC, sm2, sm1, s0, SHAPES_BEFORE_TAG);
    if (s < 0) {
      s = ~s;
      storeKey(shapesC, s, sm2, sm1, s0, SHAPES_BEFORE_TAG);
      if (!hashed) writeContextShapeFeatures(th, i, ctx, 0);
      hashed = true;
      addGroup(model, ctx, CTX_SHAPES_BEFORE, shapesC.vectors, s * L);
    }
    addVector(sums, so, shapesC.vectors, s * L, L);
    const sp1 = i + 1 < n ? shape[i + 1] : PAD_HASHES.after;
    const sp2 = i + 2 < n ? shape[i + 2] : PAD_HASHES.after;
    s = probeVector(shapesC, s0, sp1, sp2, SHAPES_AFTER_TAG);
    if (s < 0) {
      s = ~s;
      storeKey(shapesC, s, s0, sp1, sp2, SHAPES_AFTER_TAG);
      if (!hashed) writeContextShapeFeatures(th, i, ctx, 0);
      hashed = true;
      addGroup(model, ctx, CTX_SHAPES_AFTER, shapesC.vectors, s * L);
    }
    addVector(sums, so, shapesC.vectors, s * L, L);
    // the words around other occurrences
    const p = i * 4;
    s = probeVector(otherC, other[p], other[p + 1], other[p + 2], other[p + 3]);
    if (s < 0) {
      s = ~s;
      storeKey(otherC, s, other[p], other[p + 1], other[p + 2], other[p + 3]);
      if (!hashed) writeContextShapeFeatures(th, i, ctx, 0);
      hashed = true;
      addGroup(model, ctx, CTX_OTHER, otherC.vectors, s * L);
    }
    addVector(sums, so, otherC.vectors, s * L, L);
    // the gazetteer group, summed once per distinct (token, before, after) states
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
  for (let i = from; i < to; i++) {
    const eo = i * L;
    const so = (i - from) * L;
    for (let l = 0; l < L; l++) emis[eo + l] = sums[so + l] * scale;
  }
}

/** Adds sign * (weights of one feature) to the L scores at emis[offset..]. */
export function addFeatureWeights(model: NerModel, feature: number, emis: Float32Array, offset: number, sign: number): void {
  const L = model.labels.count;
  const wo = findRow(model.table, feature >>> (32 - model.header.hashBits), model.tableShift, model.tableMask);
  if (wo < 0) return;
  const tw = model.tableWeights;
  const f = sign * model.weightScale;
  for (let l = 0; l < L; l++) emis[offset + l] += tw[wo + l] * f;
}

export interface ViterbiWork {
  score: Float64Array;
  back: Int32Array;
  beta: Float64Array;
  /** The transition scores in the order of the label set's predecessor / successor lists (as
   * doubles), when the caller fixed them (fixViterbiTransitions); else made per call. */
  prevTrans: Float64Array | null;
  nextTrans: Float64Array | null;
}

export function allocViterbiWork(n: number, L: number): ViterbiWork {
  const size = Math.max(1, n) * L;
  return { score: new Float64Array(size), back: new Int32Array(size), beta: new Float64Array(size), prevTrans: null, nextTrans: null };
}

/** transitions[prev * L + cur] for each entry of cur's predecessor list (prevOf), list after list. */
function transitionsByPredecessor(ls: LabelSet, transitions: Float32Array): Float64Array {
  const L = ls.count;
  const out = new Float64Array(ls.prevOf.length);
  for (let cur = 0; cur < L; cur++) for (let j = ls.prevStart[cur]; j < ls.prevStart[cur + 1]; j++) out[j] = transitions[ls.prevOf[j] * L + cur];
  return out;
}

/** transitions[cur * L + next] for each entry of cur's successor list (nextOf). */
function transitionsBySuccessor(ls: LabelSet, transitions: Float32Array): Float64Array {
  const L = ls.count;
  const out = new Float64Array(ls.nextOf.length);
  for (let cur = 0; cur < L; cur++) for (let j = ls.nextStart[cur]; j < ls.nextStart[cur + 1]; j++) out[j] = transitions[cur * L + ls.nextOf[j]];
  return out;
}

/**
 * Lays out `transitions` in the order viterbi and maxMarginalMargins read them, once, for a caller
 * whose transitions no longer change (the recognizer; not training, which updates them in place).
 */
export function fixViterbiTransitions(work: ViterbiWork, ls: LabelSet, transitions: Float32Array): void {
  work.prevTrans = transitionsByPredecessor(ls, transitions);
  work.nextTrans = transitionsBySuccessor(ls, transitions);
}

/**
 * Best label sequence for tokens [from, to) under emissions + transitions + scheme constraints.
 * Writes labels into out[from..to). `afterO` / `beforeO`: the range is preceded / followed by a token
 * fixed to O (a window of a longer sentence) instead of the sentence's start / end.
 */
export function viterbi(
  ls: LabelSet,
  transitions: Float32Array,
  start: Float32Array,
  emis: Float32Array,
  from: number,
  to: number,
  work: ViterbiWork,
  out: Int32Array,
  afterO = false,
  beforeO = false,
): void {
  const L = ls.count;
  if (to <= from) return;
  const { score, back } = work;
  const { prevStart, prevOf, allowed } = ls;
  const prevTrans = work.prevTrans ?? transitionsByPredecessor(ls, transitions);
  const NEG = -1e30;
  for (let l = 0; l < L; l++) {
    if (afterO) score[from * L + l] = allowed[l] ? transitions[l] + emis[from * L + l] : NEG;
    else score[from * L + l] = ls.canStart[l] ? start[l] + emis[from * L + l] : NEG;
  }
  for (let i = from + 1; i < to; i++) {
    const po = (i - 1) * L;
    const co = i * L;
    for (let cur = 0; cur < L; cur++) {
      let best = NEG;
      let arg = 0;
      const pe = prevStart[cur + 1];
      for (let j = prevStart[cur]; j < pe; j++) {
        const prev = prevOf[j];
        const s = score[po + prev] + prevTrans[j];
        if (s > best) {
          best = s;
          arg = prev;
        }
      }
      score[co + cur] = best + emis[co + cur];
      back[co + cur] = arg;
    }
  }
  let best = NEG;
  let arg = 0;
  const lo = (to - 1) * L;
  for (let l = 0; l < L; l++) {
    if (beforeO ? !allowed[l * L] : !ls.canEnd[l]) continue;
    const s = beforeO ? score[lo + l] + transitions[l * L] : score[lo + l];
    if (s > best) {
      best = s;
      arg = l;
    }
  }
  for (let i = to - 1; i >= from; i--) {
    out[i] = arg;
    if (i > from) arg = back[i * L + arg];
  }
}

/**
 * Max-marginal margins, to be called right after `viterbi` on the same range (it reuses the forward
 * scores): margins[i] = score of the best sequence minus the score of the best sequence that gives
 * token i a different label (0 = a tie, large = certain).
 */
export function maxMarginalMargins(
  ls: LabelSet,
  transitions: Float32Array,
  emis: Float32Array,
  from: number,
  to: number,
  work: ViterbiWork,
  labels: Int32Array,
  margins: Float32Array,
  beforeO = false,
): void {
  const L = ls.count;
  if (to <= from) return;
  const { score, beta } = work;
  const { nextStart, nextOf, allowed } = ls;
  const nextTrans = work.nextTrans ?? transitionsBySuccessor(ls, transitions);
  const NEG = -1e30;
  const lo = (to - 1) * L;
  for (let l = 0; l < L; l++) {
    if (beforeO) beta[lo + l] = allowed[l * L] ? transitions[l * L] : NEG;
    else beta[lo + l] = ls.canEnd[l] ? 0 : NEG;
  }
  for (let i = to - 2; i >= from; i--) {
    const co = i * L;
    const no = (i + 1) * L;
    for (let cur = 0; cur < L; cur++) {
      let best = NEG;
      const ne = nextStart[cur + 1];
      for (let j = nextStart[cur]; j < ne; j++) {
        const next = nextOf[j];
        const s = nextTrans[j] + emis[no + next] + beta[no + next];
        if (s > best) best = s;
      }
      beta[co + cur] = best;
    }
  }
  for (let i = from; i < to; i++) {
    const o = i * L;
    const chosen = labels[i];
    const top = score[o + chosen] + beta[o + chosen];
    let other = NEG;
    for (let l = 0; l < L; l++) {
      if (l === chosen) continue;
      const s = score[o + l] + beta[o + l];
      if (s > other) other = s;
    }
    margins[i] = top - other;
  }
}
