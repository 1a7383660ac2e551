/**
 * The decoder of the averaged-perceptron tagger: emission scores from hashed features (weights
 * looked up in an open-addressing table of integer keys), then first-order Viterbi per sentence
 * with the tag scheme's hard constraints. Allocation-free in the hot path: callers pass work buffers.
 */
import { LabelSet } from './labels';
import { NerModel } from './model';

/** int32 per slot of NerModel.table (model.ts SLOT; a local constant so the JIT can fold it). */
const SLOT = 8;

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
      const bucket = feats[fo + k] >>> bucketShift;
      const key = bucket + 1;
      let slot = Math.imul(bucket, 0x9e3779b1) >>> shift;
      let sk = table[slot * SLOT];
      while (sk !== key && sk !== 0) {
        slot = (slot + 1) & mask;
        sk = table[slot * SLOT];
      }
      if (sk === 0) continue;
      const wo = slot * SLOT * 2 + 2;
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

/** Adds sign * (weights of one feature) to the L scores at emis[offset..]. */
export function addFeatureWeights(model: NerModel, feature: number, emis: Float32Array, offset: number, sign: number): void {
  const L = model.labels.count;
  const { table, tableWeights, tableMask: mask } = model;
  const bucket = feature >>> (32 - model.header.hashBits);
  let slot = Math.imul(bucket, 0x9e3779b1) >>> model.tableShift;
  const key = bucket + 1;
  for (;;) {
    const sk = table[slot * SLOT];
    if (sk === key) {
      const wo = slot * SLOT * 2 + 2;
      const f = sign * model.weightScale;
      for (let l = 0; l < L; l++) emis[offset + l] += tableWeights[wo + l] * f;
      return;
    }
    if (sk === 0) return;
    slot = (slot + 1) & mask;
  }
}

export interface ViterbiWork {
  score: Float64Array;
  back: Int32Array;
  beta: Float64Array;
}

export function allocViterbiWork(n: number, L: number): ViterbiWork {
  const size = Math.max(1, n) * L;
  return { score: new Float64Array(size), back: new Int32Array(size), beta: new Float64Array(size) };
}

/**
 * Best label sequence for tokens [from, to) under emissions + transitions + scheme constraints.
 * Writes labels into out[from..to).
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
): void {
  const L = ls.count;
  if (to <= from) return;
  const { score, back } = work;
  const allowed = ls.allowed;
  const NEG = -1e30;
  for (let l = 0; l < L; l++) score[from * L + l] = ls.canStart[l] ? start[l] + emis[from * L + l] : NEG;
  for (let i = from + 1; i < to; i++) {
    const po = (i - 1) * L;
    const co = i * L;
    for (let cur = 0; cur < L; cur++) {
      let best = NEG;
      let arg = 0;
      for (let prev = 0; prev < L; prev++) {
        if (allowed[prev * L + cur] === 0) continue;
        const s = score[po + prev] + transitions[prev * L + cur];
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
    if (!ls.canEnd[l]) continue;
    if (score[lo + l] > best) {
      best = score[lo + l];
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
): void {
  const L = ls.count;
  if (to <= from) return;
  const { score, beta } = work;
  const allowed = ls.allowed;
  const NEG = -1e30;
  const lo = (to - 1) * L;
  for (let l = 0; l < L; l++) beta[lo + l] = ls.canEnd[l] ? 0 : NEG;
  for (let i = to - 2; i >= from; i--) {
    const co = i * L;
    const no = (i + 1) * L;
    for (let cur = 0; cur < L; cur++) {
      let best = NEG;
      for (let next = 0; next < L; next++) {
        if (allowed[cur * L + next] === 0) continue;
        const s = transitions[cur * L + next] + emis[no + next] + beta[no + next];
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
