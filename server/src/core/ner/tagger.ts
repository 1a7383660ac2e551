/**
 * The decoder of the averaged-perceptron tagger: emission scores from hashed features (weights
 * looked up in an open-addressing table of integer keys), then first-order Viterbi per sentence
 * with the tag scheme's hard constraints. Allocation-free in the hot path: callers pass work buffers.
 */
import { B_UPPER, CONTEXT_FEATURES, GAZ_PAD_AFTER, GAZ_PAD_BEFORE, GAZETTEER_FEATURES, NULL_FEATURE, TokenHashes, writeContextFeatures, writeGazetteerFeatures } from './features';
import { LabelSet } from './labels';
import { NerModel } from './model';
import type { TokenTypeCache } from './tokenTypes';

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

/**
 * Scratch space of scoreEmissionsWithTypes, one per recognizer: the contextual features of a token,
 * the label sums, and the summed weights of the gazetteer features for recently seen (token, before,
 * after) states (a direct-mapped cache).
 */
export interface EmissionWork {
  ctx: Int32Array;
  acc: Int32Array;
  gazFeats: Int32Array;
  gazKeys: Int32Array;
  gazFilled: Uint8Array;
  gazVectors: Int32Array;
}

export function allocEmissionWork(model: NerModel): EmissionWork {
  const L = model.labels.count;
  return {
    ctx: new Int32Array(CONTEXT_FEATURES),
    acc: new Int32Array(L),
    gazFeats: new Int32Array(GAZETTEER_FEATURES),
    gazKeys: new Int32Array(GAZ_CACHE * 3),
    gazFilled: new Uint8Array(GAZ_CACHE),
    gazVectors: new Int32Array(GAZ_CACHE * L),
  };
}

/**
 * Emission scores of tokens [from, to) of a document from the word-type cache: per token the five
 * type vectors (its own, and those of its neighbours at -1, +1, -2, +2) plus, for tokens with an
 * uppercase letter, the contextual features. Writes emis[i*L..] (document offsets). Equal to
 * extractFeatures + scoreEmissions on the same tokens.
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
  const L = model.labels.count;
  const n = th.n;
  const { ctx, acc, gazFeats, gazKeys, gazFilled, gazVectors } = work;
  const vec = types.vectors;
  const pad = types.padVectors;
  const V = 5 * L;
  const scale = model.weightScale;
  const bits = th.bits;
  const table = model.table;
  const tw = model.tableWeights;
  const mask = model.tableMask;
  const tableShift = model.tableShift;
  const bucketShift = 32 - model.header.hashBits;
  const gaz = th.gaz;
  for (let i = from; i < to; i++) {
    const self = typeIds[i] * V;
    for (let l = 0; l < L; l++) acc[l] = vec[self + l];
    if (i > 0) {
      const o = typeIds[i - 1] * V + L;
      for (let l = 0; l < L; l++) acc[l] += vec[o + l];
    } else for (let l = 0; l < L; l++) acc[l] += pad[l];
    if (i + 1 < n) {
      const o = typeIds[i + 1] * V + 2 * L;
      for (let l = 0; l < L; l++) acc[l] += vec[o + l];
    } else for (let l = 0; l < L; l++) acc[l] += pad[L + l];
    if (i > 1) {
      const o = typeIds[i - 2] * V + 3 * L;
      for (let l = 0; l < L; l++) acc[l] += vec[o + l];
    } else for (let l = 0; l < L; l++) acc[l] += pad[2 * L + l];
    if (i + 2 < n) {
      const o = typeIds[i + 2] * V + 4 * L;
      for (let l = 0; l < L; l++) acc[l] += vec[o + l];
    } else for (let l = 0; l < L; l++) acc[l] += pad[3 * L + l];
    if (bits[i] & B_UPPER) {
      writeContextFeatures(th, i, ctx, 0, false);
      for (let k = 0; k < PER_TOKEN_CONTEXT; k++) {
        // addFeatureInt with the model's fields hoisted (the hot loop of the tagger)
        const f = ctx[k];
        if (f === NULL_FEATURE) continue;
        const wo = findRow(table, f >>> bucketShift, tableShift, mask);
        if (wo < 0) continue;
        for (let l = 0; l < L; l++) acc[l] += tw[wo + l];
      }
      // the gazetteer group, summed once per distinct (token, before, after) states
      const g0 = gaz[i];
      const gm1 = i > 0 ? gaz[i - 1] : GAZ_PAD_BEFORE;
      const gp1 = i + 1 < n ? gaz[i + 1] : GAZ_PAD_AFTER;
      const gslot = (Math.imul(g0 ^ Math.imul(gm1, 0x85ebca6b) ^ Math.imul(gp1, 0xc2b2ae35), 0x9e3779b1) >>> 22) & (GAZ_CACHE - 1);
      const gk = gslot * 3;
      const gv = gslot * L;
      if (gazFilled[gslot] === 0 || gazKeys[gk] !== g0 || gazKeys[gk + 1] !== gm1 || gazKeys[gk + 2] !== gp1) {
        gazFilled[gslot] = 1;
        gazKeys[gk] = g0;
        gazKeys[gk + 1] = gm1;
        gazKeys[gk + 2] = gp1;
        gazVectors.fill(0, gv, gv + L);
        writeGazetteerFeatures(g0, gm1, gp1, gazFeats, 0);
        for (let k = 0; k < GAZETTEER_FEATURES; k++) addFeatureInt(model, gazFeats[k], gazVectors, gv);
      }
      for (let l = 0; l < L; l++) acc[l] += gazVectors[gv + l];
    }
    const eo = i * L;
    for (let l = 0; l < L; l++) emis[eo + l] = acc[l] * scale;
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
}

export function allocViterbiWork(n: number, L: number): ViterbiWork {
  const size = Math.max(1, n) * L;
  return { score: new Float64Array(size), back: new Int32Array(size), beta: new Float64Array(size) };
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
