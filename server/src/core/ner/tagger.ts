/**
 * The decoder of the averaged-perceptron tagger: emission scores from hashed features (weights
 * found through weightIndex.ts), then first-order Viterbi per sentence
 * with the tag scheme's hard constraints. Allocation-free in the hot path: callers pass work buffers.
 */
import { addContextScores, addVector, EmissionWork, resetContextWork } from './contextScores';
import { NULL_FEATURE } from './features';
import { B_UPPER, TokenHashes } from './tokenHashes';
import { LabelSet } from './labels';
import { NerModel } from './model';
import { VEC_AS_NEXT, VEC_AS_PREVIOUS, VEC_AS_SECOND_NEXT, VEC_AS_SECOND_PREVIOUS, VEC_SLOTS, type TokenTypeCache } from './tokenTypes';
import { weightRowOf } from './weightIndex';
import { backwardBio9, bestPredecessorBio9, endBio9, forwardBio9, initBio9, isBio9 } from './viterbiBio9';

// (no re-exports from contextScores here: tsc writes them as getters, which leave this module's
// exports object in dictionary mode, and the recognizer's calls of viterbi & co. through it slow)

/** Emission scores: emis[i*L + l] = sum of weights of token i's features for label l. */
export function scoreEmissions(model: NerModel, feats: Int32Array, n: number, F: number, emis: Float32Array): void {
  const L = model.labels.count;
  const index = model.rowIndex;
  const tw = model.rowWeights;
  const weightScale = model.weightScale;
  const bucketShift = 32 - model.header.hashBits;
  const acc = new Int32Array(Math.max(16, L));
  const unrolled = L === 9;
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    const fo = i * F;
    for (let k = 0; k < F; k++) {
      if (feats[fo + k] === NULL_FEATURE) continue;
      const row = weightRowOf(index, feats[fo + k] >>> bucketShift);
      if (row < 0) continue;
      const wo = row * L;
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

/** Ranges longer than this many tokens get a sums buffer of their own, not kept. */
const MAX_KEPT_RANGE = 4096;

/** sums[so..so+L) = the type vectors of token i near the document's edges (where a neighbour may be missing). */
function sumTypeVectorsAtEdge(sums: Int32Array, so: number, vec: Int32Array, pad: Int32Array, typeIds: Int32Array, i: number, n: number, L: number): void {
  const V = VEC_SLOTS * L;
  sums.fill(0, so, so + L);
  addVector(sums, so, vec, typeIds[i] * V, L);
  if (i > 0) addVector(sums, so, vec, typeIds[i - 1] * V + VEC_AS_PREVIOUS * L, L);
  else addVector(sums, so, pad, 0, L);
  if (i + 1 < n) addVector(sums, so, vec, typeIds[i + 1] * V + VEC_AS_NEXT * L, L);
  else addVector(sums, so, pad, L, L);
  if (i > 1) addVector(sums, so, vec, typeIds[i - 2] * V + VEC_AS_SECOND_PREVIOUS * L, L);
  else addVector(sums, so, pad, 2 * L, L);
  if (i + 2 < n) addVector(sums, so, vec, typeIds[i + 2] * V + VEC_AS_SECOND_NEXT * L, L);
  else addVector(sums, so, pad, 3 * L, L);
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
  const pad = types.padVectors;
  const V = VEC_SLOTS * L;
  const scale = model.weightScale;
  const bits = th.bits;
  // the type vectors, gathered: each token's own vector and what its neighbours at -1, +1, -2, +2
  // (or the "no token" vectors at the document's edges) add to it
  const reachEnd = Math.min(n, to + 2);
  const ready = types.vectorsReady;
  for (let t = Math.max(0, from - 2); t < reachEnd; t++) if (ready[typeIds[t]] === 0) types.ensureVectors(typeIds[t]);
  const vec = types.vectors;
  for (let i = from; i < to; i++) {
    const so = (i - from) * L;
    if (i < 2 || i + 2 >= n) {
      sumTypeVectorsAtEdge(sums, so, vec, pad, typeIds, i, n, L);
      continue;
    }
    const a = typeIds[i] * V;
    const p1 = typeIds[i - 1] * V + VEC_AS_PREVIOUS * L;
    const n1 = typeIds[i + 1] * V + VEC_AS_NEXT * L;
    const p2 = typeIds[i - 2] * V + VEC_AS_SECOND_PREVIOUS * L;
    const n2 = typeIds[i + 2] * V + VEC_AS_SECOND_NEXT * L;
    if (L === 9) {
      // (the tagger's nine labels, written out: measurably faster in V8 than the loop)
      sums[so] = vec[a] + vec[p1] + vec[n1] + vec[p2] + vec[n2];
      sums[so + 1] = vec[a + 1] + vec[p1 + 1] + vec[n1 + 1] + vec[p2 + 1] + vec[n2 + 1];
      sums[so + 2] = vec[a + 2] + vec[p1 + 2] + vec[n1 + 2] + vec[p2 + 2] + vec[n2 + 2];
      sums[so + 3] = vec[a + 3] + vec[p1 + 3] + vec[n1 + 3] + vec[p2 + 3] + vec[n2 + 3];
      sums[so + 4] = vec[a + 4] + vec[p1 + 4] + vec[n1 + 4] + vec[p2 + 4] + vec[n2 + 4];
      sums[so + 5] = vec[a + 5] + vec[p1 + 5] + vec[n1 + 5] + vec[p2 + 5] + vec[n2 + 5];
      sums[so + 6] = vec[a + 6] + vec[p1 + 6] + vec[n1 + 6] + vec[p2 + 6] + vec[n2 + 6];
      sums[so + 7] = vec[a + 7] + vec[p1 + 7] + vec[n1 + 7] + vec[p2 + 7] + vec[n2 + 7];
      sums[so + 8] = vec[a + 8] + vec[p1 + 8] + vec[n1 + 8] + vec[p2 + 8] + vec[n2 + 8];
    } else for (let l = 0; l < L; l++) sums[so + l] = vec[a + l] + vec[p1 + l] + vec[n1 + l] + vec[p2 + l] + vec[n2 + l];
  }
  resetContextWork(work);
  for (let i = from; i < to; i++) if (bits[i] & B_UPPER) addContextScores(model, th, i, work, sums, (i - from) * L);
  for (let i = from; i < to; i++) {
    const eo = i * L;
    const so = (i - from) * L;
    if (L === 9) {
      emis[eo] = sums[so] * scale;
      emis[eo + 1] = sums[so + 1] * scale;
      emis[eo + 2] = sums[so + 2] * scale;
      emis[eo + 3] = sums[so + 3] * scale;
      emis[eo + 4] = sums[so + 4] * scale;
      emis[eo + 5] = sums[so + 5] * scale;
      emis[eo + 6] = sums[so + 6] * scale;
      emis[eo + 7] = sums[so + 7] * scale;
      emis[eo + 8] = sums[so + 8] * scale;
    } else for (let l = 0; l < L; l++) emis[eo + l] = sums[so + l] * scale;
  }
}

/** Adds sign * (weights of one feature) to the L scores at emis[offset..]. */
export function addFeatureWeights(model: NerModel, feature: number, emis: Float32Array, offset: number, sign: number): void {
  addWeightRow(model, featureRow(model, feature), emis, offset, sign);
}

/** The weight row of a feature (-1: the model has none). */
export function featureRow(model: NerModel, feature: number): number {
  return weightRowOf(model.rowIndex, feature >>> (32 - model.header.hashBits));
}

/** Adds sign * (weights of row `row`, from featureRow) to the L scores at emis[offset..]: what addFeatureWeights adds. */
export function addWeightRow(model: NerModel, row: number, emis: Float32Array, offset: number, sign: number): void {
  const L = model.labels.count;
  if (row < 0) return;
  const tw = model.rowWeights;
  const wo = row * L;
  const f = sign * model.weightScale;
  for (let l = 0; l < L; l++) emis[offset + l] += tw[wo + l] * f;
}

export interface ViterbiWork {
  score: Float64Array;
  beta: Float64Array;
  /** The transition scores in the order of the label set's predecessor / successor lists (as
   * doubles), when the caller fixed them (fixViterbiTransitions); else made per call. */
  prevTrans: Float64Array | null;
  nextTrans: Float64Array | null;
}

export function allocViterbiWork(n: number, L: number): ViterbiWork {
  const size = Math.max(1, n) * L;
  return { score: new Float64Array(size), beta: new Float64Array(size), prevTrans: null, nextTrans: null };
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
  const { score } = work;
  const { prevStart, prevOf, allowed } = ls;
  const prevTrans = work.prevTrans ?? transitionsByPredecessor(ls, transitions);
  const NEG = -1e30;
  const bio9 = L === 9 && isBio9(ls);
  if (bio9) initBio9(score, emis, from, transitions, start, afterO);
  else {
    for (let l = 0; l < L; l++) {
      if (afterO) score[from * L + l] = allowed[l] ? transitions[l] + emis[from * L + l] : NEG;
      else score[from * L + l] = ls.canStart[l] ? start[l] + emis[from * L + l] : NEG;
    }
  }
  // forward: the best score of each label (the back pointers are recomputed along the chosen path
  // only, by the same comparisons in the same order, so ties go the same way)
  if (bio9) forwardBio9(score, emis, from, to, prevTrans);
  else {
    for (let i = from + 1; i < to; i++) {
      const po = (i - 1) * L;
      const co = i * L;
      for (let cur = 0; cur < L; cur++) {
        let best = NEG;
        const pe = prevStart[cur + 1];
        for (let j = prevStart[cur]; j < pe; j++) {
          const s = score[po + prevOf[j]] + prevTrans[j];
          if (s > best) best = s;
        }
        score[co + cur] = best + emis[co + cur];
      }
    }
  }
  let arg = 0;
  if (bio9) arg = endBio9(score, to - 1, transitions, beforeO);
  else {
    let best = NEG;
    const lo = (to - 1) * L;
    for (let l = 0; l < L; l++) {
      if (beforeO ? !allowed[l * L] : !ls.canEnd[l]) continue;
      const s = beforeO ? score[lo + l] + transitions[l * L] : score[lo + l];
      if (s > best) {
        best = s;
        arg = l;
      }
    }
  }
  for (let i = to - 1; i >= from; i--) {
    out[i] = arg;
    if (i > from) arg = bio9 ? bestPredecessorBio9(score, (i - 1) * L, arg, prevTrans) : bestPredecessor(ls, prevTrans, score, (i - 1) * L, arg);
  }
}

/** The first predecessor of label `cur` with the highest score[po + prev] + transition (what the forward pass maximised). */
function bestPredecessor(ls: LabelSet, prevTrans: Float64Array, score: Float64Array, po: number, cur: number): number {
  const { prevStart, prevOf } = ls;
  let best = -1e30;
  let arg = 0;
  const pe = prevStart[cur + 1];
  for (let j = prevStart[cur]; j < pe; j++) {
    const s = score[po + prevOf[j]] + prevTrans[j];
    if (s > best) {
      best = s;
      arg = prevOf[j];
    }
  }
  return arg;
}

/**
 * Max-marginal margins, to be called right after `viterbi` on the same range (it reuses the forward
 * scores): margins[i] = score of the best sequence minus the score of the best sequence that gives
 * token i a different label (0 = a tie, large = certain). Only margins[first..last] (default: the
 * whole range) are written, and the backward pass stops at `first`; those margins are the same.
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
  first = from,
  last = to - 1,
): void {
  const L = ls.count;
  if (to <= from) return;
  // (the margins of [first, last] need beta at [first, to) only)
  if (first > from && first < to) from = first;
  if (last > to - 1) last = to - 1;
  const { score, beta } = work;
  const allowed = ls.allowed;
  const nextTrans = work.nextTrans ?? transitionsBySuccessor(ls, transitions);
  const NEG = -1e30;
  const lo = (to - 1) * L;
  const bio9 = L === 9 && isBio9(ls);
  if (bio9) {
    // (every label may end the range and precede O)
    for (let l = 0; l < 9; l++) beta[lo + l] = beforeO ? transitions[l * 9] : 0;
  } else {
    for (let l = 0; l < L; l++) {
      if (beforeO) beta[lo + l] = allowed[l * L] ? transitions[l * L] : NEG;
      else beta[lo + l] = ls.canEnd[l] ? 0 : NEG;
    }
  }
  if (bio9) backwardBio9(beta, emis, from, to, nextTrans);
  else backward(ls, nextTrans, emis, from, to, beta);
  for (let i = from; i <= last; i++) {
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

/** beta[i*L + cur] for i in [from, to - 1): the best score of the rest of the range after label cur at token i (any label set). */
function backward(ls: LabelSet, nextTrans: Float64Array, emis: Float32Array, from: number, to: number, beta: Float64Array): void {
  const L = ls.count;
  const { nextStart, nextOf } = ls;
  for (let i = to - 2; i >= from; i--) {
    const co = i * L;
    const no = (i + 1) * L;
    for (let cur = 0; cur < L; cur++) {
      let best = -1e30;
      const ne = nextStart[cur + 1];
      for (let j = nextStart[cur]; j < ne; j++) {
        const next = nextOf[j];
        const s = nextTrans[j] + emis[no + next] + beta[no + next];
        if (s > best) best = s;
      }
      beta[co + cur] = best;
    }
  }
}
