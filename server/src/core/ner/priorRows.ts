/**
 * The weight rows of the two second-pass features (features.ts priorFeature0 / priorFeature1), kept
 * per prior value and per (prior, shape), so the recognizer's second pass does not hash the features
 * and look their rows up again for every capitalised word: a prior is one of a few small values and
 * a document has few distinct shapes. The rows are the model's (tagger.ts featureRow), unchanged.
 *
 *   const rows = createPriorRowCache(model);
 *   addWeightRow(model, rows.row1(prior, shape), emis, offset, 1);
 */
import { priorFeature0, priorFeature1 } from './features';
import { NerModel } from './model';
import { featureRow } from './tagger';

/** Priors below this are kept in a plain array (setPriorFromLabels makes 0 .. 1 + types + 16). */
const SMALL_PRIORS = 64;
/** Direct-mapped slots for (prior, shape). */
const PAIR_SLOTS = 1024;
const UNSET = -2;

export interface PriorRowCache {
  /** featureRow(model, priorFeature0(prior)) */
  row0(prior: number): number;
  /** featureRow(model, priorFeature1(prior, shape)) */
  row1(prior: number, shape: number): number;
}

export function createPriorRowCache(model: NerModel): PriorRowCache {
  const rows0 = new Int32Array(SMALL_PRIORS).fill(UNSET);
  const pairPrior = new Int32Array(PAIR_SLOTS);
  const pairShape = new Int32Array(PAIR_SLOTS);
  const pairRow = new Int32Array(PAIR_SLOTS).fill(UNSET);
  function row0(prior: number): number {
    if (prior < 0 || prior >= SMALL_PRIORS) return featureRow(model, priorFeature0(prior));
    let r = rows0[prior];
    if (r === UNSET) r = rows0[prior] = featureRow(model, priorFeature0(prior));
    return r;
  }
  function row1(prior: number, shape: number): number {
    const slot = (Math.imul(shape ^ Math.imul(prior, 0x85ebca6b), 0x9e3779b1) >>> 22) & (PAIR_SLOTS - 1);
    if (pairRow[slot] !== UNSET && pairPrior[slot] === prior && pairShape[slot] === shape) return pairRow[slot];
    const r = featureRow(model, priorFeature1(prior, shape));
    pairPrior[slot] = prior;
    pairShape[slot] = shape;
    pairRow[slot] = r;
    return r;
  }
  return { row0, row1 };
}
