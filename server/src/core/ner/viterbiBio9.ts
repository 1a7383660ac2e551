/**
 * The forward pass of Viterbi (tagger.ts) written out for the tagger's label set: BIO over four
 * types, nine labels (O, then B and I of each type). O and every B may follow any label; I-x only
 * B-x or I-x. The previous token's nine scores stay in locals and the transitions are read at fixed
 * offsets of the predecessor-ordered table (tagger.ts transitionsByPredecessor), instead of walking
 * the label set's predecessor lists. Same additions and comparisons in the same order as the generic
 * loop, so the scores are bit-identical.
 */
import { LabelSet } from './labels';

const LAYOUT = new WeakMap<LabelSet, boolean>();

/** Whether `ls` is the nine-label BIO set this file is written for (its predecessor lists checked, once per set). */
export function isBio9(ls: LabelSet): boolean {
  let ok = LAYOUT.get(ls);
  if (ok === undefined) {
    ok = ls.count === 9 && ls.prevStart.length === 10;
    // O, B-x: all nine labels, ascending; I-x (label 2 + 2t): B-x then I-x
    const expected: number[][] = [];
    for (let cur = 0; cur < 9; cur++) expected.push(cur > 0 && cur % 2 === 0 ? [cur - 1, cur] : [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (let cur = 0; ok && cur < 9; cur++) {
      const list = Array.from(ls.prevOf.subarray(ls.prevStart[cur], ls.prevStart[cur + 1]));
      ok = list.length === expected[cur].length && list.every((p, k) => p === expected[cur][k]);
    }
    LAYOUT.set(ls, ok);
  }
  return ok;
}

const NEG = -1e30;

/** The best predecessor score of a label any label may precede (9 transitions from offset o). */
function fromAny(p0: number, p1: number, p2: number, p3: number, p4: number, p5: number, p6: number, p7: number, p8: number, T: Float64Array, o: number): number {
  let b = NEG;
  let s = p0 + T[o];
  if (s > b) b = s;
  s = p1 + T[o + 1];
  if (s > b) b = s;
  s = p2 + T[o + 2];
  if (s > b) b = s;
  s = p3 + T[o + 3];
  if (s > b) b = s;
  s = p4 + T[o + 4];
  if (s > b) b = s;
  s = p5 + T[o + 5];
  if (s > b) b = s;
  s = p6 + T[o + 6];
  if (s > b) b = s;
  s = p7 + T[o + 7];
  if (s > b) b = s;
  s = p8 + T[o + 8];
  if (s > b) b = s;
  return b;
}

/** The best predecessor score of an I label (its B, then itself; 2 transitions from offset o). */
function fromBI(pb: number, pi: number, T: Float64Array, o: number): number {
  let b = NEG;
  let s = pb + T[o];
  if (s > b) b = s;
  s = pi + T[o + 1];
  if (s > b) b = s;
  return b;
}

/**
 * score[i*9 + cur] for i in (from, to), from score[from*9 ..] (already set) and the emissions.
 * `T`: the transitions in predecessor order (offsets 0, 9, 18, 20, 29, 31, 40, 42, 51 for labels 0..8).
 */
export function forwardBio9(score: Float64Array, emis: Float32Array, from: number, to: number, T: Float64Array): void {
  const f = from * 9;
  let p0 = score[f];
  let p1 = score[f + 1];
  let p2 = score[f + 2];
  let p3 = score[f + 3];
  let p4 = score[f + 4];
  let p5 = score[f + 5];
  let p6 = score[f + 6];
  let p7 = score[f + 7];
  let p8 = score[f + 8];
  for (let i = from + 1; i < to; i++) {
    const co = i * 9;
    const q0 = fromAny(p0, p1, p2, p3, p4, p5, p6, p7, p8, T, 0) + emis[co];
    const q1 = fromAny(p0, p1, p2, p3, p4, p5, p6, p7, p8, T, 9) + emis[co + 1];
    const q2 = fromBI(p1, p2, T, 18) + emis[co + 2];
    const q3 = fromAny(p0, p1, p2, p3, p4, p5, p6, p7, p8, T, 20) + emis[co + 3];
    const q4 = fromBI(p3, p4, T, 29) + emis[co + 4];
    const q5 = fromAny(p0, p1, p2, p3, p4, p5, p6, p7, p8, T, 31) + emis[co + 5];
    const q6 = fromBI(p5, p6, T, 40) + emis[co + 6];
    const q7 = fromAny(p0, p1, p2, p3, p4, p5, p6, p7, p8, T, 42) + emis[co + 7];
    const q8 = fromBI(p7, p8, T, 51) + emis[co + 8];
    score[co] = p0 = q0;
    score[co + 1] = p1 = q1;
    score[co + 2] = p2 = q2;
    score[co + 3] = p3 = q3;
    score[co + 4] = p4 = q4;
    score[co + 5] = p5 = q5;
    score[co + 6] = p6 = q6;
    score[co + 7] = p7 = q7;
    score[co + 8] = p8 = q8;
  }
}
