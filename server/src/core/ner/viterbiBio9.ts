/**
 * The forward pass of Viterbi and the backward pass of the confidence margins (tagger.ts) written
 * out for the tagger's label set: BIO over four types, nine labels (O, then B and I of each type).
 * O and every B may follow any label; I-x only B-x or I-x. The neighbouring token's nine scores stay
 * in locals and the transitions are read at fixed offsets of the predecessor- and successor-ordered
 * tables (tagger.ts transitionsByPredecessor / BySuccessor), instead of walking the label set's
 * lists. The same additions as the generic loops, and maxima of the same values, so the scores are
 * bit-identical. Written out in one function each, with no calls in the loop: a double passed to or
 * returned from a function V8 does not inline is boxed (allocated) on every call.
 */
import { LabelSet } from './labels';

const LAYOUT = new WeakMap<LabelSet, boolean>();
let lastSet: LabelSet | null = null;
let lastAnswer = false;

/** Whether `ls` is the nine-label BIO set this file is written for (its predecessor and successor
 * lists, its allowed first and last labels and what may follow and precede O checked, once per set). */
export function isBio9(ls: LabelSet): boolean {
  // (asked for every window, a few tokens long: the last answer is kept beside the map)
  if (ls === lastSet) return lastAnswer;
  let ok = LAYOUT.get(ls);
  if (ok === undefined) {
    ok = ls.count === 9 && ls.prevStart.length === 10 && ls.nextStart.length === 10;
    for (let cur = 0; ok && cur < 9; cur++) {
      // predecessors: O, B-x: all nine labels; I-x (label 2 + 2t): B-x then I-x
      const prev = cur > 0 && cur % 2 === 0 ? [cur - 1, cur] : [0, 1, 2, 3, 4, 5, 6, 7, 8];
      // successors: O and every B, and after B-x or I-x also I-x
      const next = [0, 1, 3, 5, 7];
      if (cur > 0) next.push(cur % 2 === 0 ? cur : cur + 1);
      next.sort((a, b) => a - b);
      ok = sameList(ls.prevOf.subarray(ls.prevStart[cur], ls.prevStart[cur + 1]), prev) && sameList(ls.nextOf.subarray(ls.nextStart[cur], ls.nextStart[cur + 1]), next);
      // (initBio9 / endBio9: O and the B labels may start a sequence and follow O; any label may end one and precede O)
      const opens = cur === 0 || cur % 2 === 1 ? 1 : 0;
      ok = ok && ls.canStart[cur] === opens && ls.allowed[cur] === opens && ls.canEnd[cur] === 1 && ls.allowed[cur * 9] === 1;
    }
    LAYOUT.set(ls, ok);
  }
  lastSet = ls;
  lastAnswer = ok;
  return ok;
}

function sameList(a: Int32Array, b: number[]): boolean {
  return a.length === b.length && b.every((x, k) => a[k] === x);
}

const NEG = -1e30;

/**
 * The first token's scores, as tagger.ts viterbi sets them: start (or, `afterO`, the transition
 * from O; `trans` the transitions, prev * 9 + cur) plus the emission, for O and the B labels; NEG for I.
 */
export function initBio9(score: Float64Array, emis: Float32Array, from: number, trans: Float32Array, start: Float32Array, afterO: boolean): void {
  const f = from * 9;
  const w = afterO ? trans : start; // (the transitions from O are trans[0..9))
  score[f] = w[0] + emis[f];
  score[f + 1] = w[1] + emis[f + 1];
  score[f + 2] = NEG;
  score[f + 3] = w[3] + emis[f + 3];
  score[f + 4] = NEG;
  score[f + 5] = w[5] + emis[f + 5];
  score[f + 6] = NEG;
  score[f + 7] = w[7] + emis[f + 7];
  score[f + 8] = NEG;
}

/**
 * The best last label of a range ending at token `last`, as tagger.ts viterbi finds it: the first
 * label with the highest score (plus, `beforeO`, the transition to O); 0 when none beats NEG.
 */
export function endBio9(score: Float64Array, last: number, trans: Float32Array, beforeO: boolean): number {
  const lo = last * 9;
  let best = NEG;
  let arg = 0;
  for (let l = 0; l < 9; l++) {
    const s = beforeO ? score[lo + l] + trans[l * 9] : score[lo + l];
    if (s > best) {
      best = s;
      arg = l;
    }
  }
  return arg;
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
    let b: number;
    let s: number;
    // label 0: any label before
    b = NEG;
    s = p0 + T[0];
    if (s > b) b = s;
    s = p1 + T[1];
    if (s > b) b = s;
    s = p2 + T[2];
    if (s > b) b = s;
    s = p3 + T[3];
    if (s > b) b = s;
    s = p4 + T[4];
    if (s > b) b = s;
    s = p5 + T[5];
    if (s > b) b = s;
    s = p6 + T[6];
    if (s > b) b = s;
    s = p7 + T[7];
    if (s > b) b = s;
    s = p8 + T[8];
    if (s > b) b = s;
    const q0 = b + emis[co];
    // label 1: any label before
    b = NEG;
    s = p0 + T[9];
    if (s > b) b = s;
    s = p1 + T[10];
    if (s > b) b = s;
    s = p2 + T[11];
    if (s > b) b = s;
    s = p3 + T[12];
    if (s > b) b = s;
    s = p4 + T[13];
    if (s > b) b = s;
    s = p5 + T[14];
    if (s > b) b = s;
    s = p6 + T[15];
    if (s > b) b = s;
    s = p7 + T[16];
    if (s > b) b = s;
    s = p8 + T[17];
    if (s > b) b = s;
    const q1 = b + emis[co + 1];
    // label 2: B or I of its type before (1, 2)
    b = NEG;
    s = p1 + T[18];
    if (s > b) b = s;
    s = p2 + T[19];
    if (s > b) b = s;
    const q2 = b + emis[co + 2];
    // label 3: any label before
    b = NEG;
    s = p0 + T[20];
    if (s > b) b = s;
    s = p1 + T[21];
    if (s > b) b = s;
    s = p2 + T[22];
    if (s > b) b = s;
    s = p3 + T[23];
    if (s > b) b = s;
    s = p4 + T[24];
    if (s > b) b = s;
    s = p5 + T[25];
    if (s > b) b = s;
    s = p6 + T[26];
    if (s > b) b = s;
    s = p7 + T[27];
    if (s > b) b = s;
    s = p8 + T[28];
    if (s > b) b = s;
    const q3 = b + emis[co + 3];
    // label 4: B or I of its type before (3, 4)
    b = NEG;
    s = p3 + T[29];
    if (s > b) b = s;
    s = p4 + T[30];
    if (s > b) b = s;
    const q4 = b + emis[co + 4];
    // label 5: any label before
    b = NEG;
    s = p0 + T[31];
    if (s > b) b = s;
    s = p1 + T[32];
    if (s > b) b = s;
    s = p2 + T[33];
    if (s > b) b = s;
    s = p3 + T[34];
    if (s > b) b = s;
    s = p4 + T[35];
    if (s > b) b = s;
    s = p5 + T[36];
    if (s > b) b = s;
    s = p6 + T[37];
    if (s > b) b = s;
    s = p7 + T[38];
    if (s > b) b = s;
    s = p8 + T[39];
    if (s > b) b = s;
    const q5 = b + emis[co + 5];
    // label 6: B or I of its type before (5, 6)
    b = NEG;
    s = p5 + T[40];
    if (s > b) b = s;
    s = p6 + T[41];
    if (s > b) b = s;
    const q6 = b + emis[co + 6];
    // label 7: any label before
    b = NEG;
    s = p0 + T[42];
    if (s > b) b = s;
    s = p1 + T[43];
    if (s > b) b = s;
    s = p2 + T[44];
    if (s > b) b = s;
    s = p3 + T[45];
    if (s > b) b = s;
    s = p4 + T[46];
    if (s > b) b = s;
    s = p5 + T[47];
    if (s > b) b = s;
    s = p6 + T[48];
    if (s > b) b = s;
    s = p7 + T[49];
    if (s > b) b = s;
    s = p8 + T[50];
    if (s > b) b = s;
    const q7 = b + emis[co + 7];
    // label 8: B or I of its type before (7, 8)
    b = NEG;
    s = p7 + T[51];
    if (s > b) b = s;
    s = p8 + T[52];
    if (s > b) b = s;
    const q8 = b + emis[co + 8];
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

/**
 * beta[i*9 + cur] for i in [from, to - 1), from beta[(to - 1)*9 ..] (already set): the best score of
 * the rest of the window after label cur at token i. `T`: the transitions in successor order
 * (offsets 0, 5, 11, 17, 23, 29, 35, 41, 47 for labels 0..8; O's successors are O and the four Bs,
 * a B's or I's also its own I).
 */
export function backwardBio9(beta: Float64Array, emis: Float32Array, from: number, to: number, T: Float64Array): void {
  const lo = (to - 1) * 9;
  let b0 = beta[lo];
  let b1 = beta[lo + 1];
  let b2 = beta[lo + 2];
  let b3 = beta[lo + 3];
  let b4 = beta[lo + 4];
  let b5 = beta[lo + 5];
  let b6 = beta[lo + 6];
  let b7 = beta[lo + 7];
  let b8 = beta[lo + 8];
  for (let i = to - 2; i >= from; i--) {
    const no = (i + 1) * 9;
    const e0 = emis[no];
    const e1 = emis[no + 1];
    const e2 = emis[no + 2];
    const e3 = emis[no + 3];
    const e4 = emis[no + 4];
    const e5 = emis[no + 5];
    const e6 = emis[no + 6];
    const e7 = emis[no + 7];
    const e8 = emis[no + 8];
    // (each term as the generic loop computes it: transition + emission + beta, left to right)
    let m: number;
    let s: number;
    // label 0: followed by 0, 1, 3, 5, 7
    m = NEG;
    s = T[0] + e0 + b0;
    if (s > m) m = s;
    s = T[1] + e1 + b1;
    if (s > m) m = s;
    s = T[2] + e3 + b3;
    if (s > m) m = s;
    s = T[3] + e5 + b5;
    if (s > m) m = s;
    s = T[4] + e7 + b7;
    if (s > m) m = s;
    const q0 = m;
    // label 1: followed by 0, 1, 2, 3, 5, 7
    m = NEG;
    s = T[5] + e0 + b0;
    if (s > m) m = s;
    s = T[6] + e1 + b1;
    if (s > m) m = s;
    s = T[7] + e2 + b2;
    if (s > m) m = s;
    s = T[8] + e3 + b3;
    if (s > m) m = s;
    s = T[9] + e5 + b5;
    if (s > m) m = s;
    s = T[10] + e7 + b7;
    if (s > m) m = s;
    const q1 = m;
    // label 2: followed by 0, 1, 2, 3, 5, 7
    m = NEG;
    s = T[11] + e0 + b0;
    if (s > m) m = s;
    s = T[12] + e1 + b1;
    if (s > m) m = s;
    s = T[13] + e2 + b2;
    if (s > m) m = s;
    s = T[14] + e3 + b3;
    if (s > m) m = s;
    s = T[15] + e5 + b5;
    if (s > m) m = s;
    s = T[16] + e7 + b7;
    if (s > m) m = s;
    const q2 = m;
    // label 3: followed by 0, 1, 3, 4, 5, 7
    m = NEG;
    s = T[17] + e0 + b0;
    if (s > m) m = s;
    s = T[18] + e1 + b1;
    if (s > m) m = s;
    s = T[19] + e3 + b3;
    if (s > m) m = s;
    s = T[20] + e4 + b4;
    if (s > m) m = s;
    s = T[21] + e5 + b5;
    if (s > m) m = s;
    s = T[22] + e7 + b7;
    if (s > m) m = s;
    const q3 = m;
    // label 4: followed by 0, 1, 3, 4, 5, 7
    m = NEG;
    s = T[23] + e0 + b0;
    if (s > m) m = s;
    s = T[24] + e1 + b1;
    if (s > m) m = s;
    s = T[25] + e3 + b3;
    if (s > m) m = s;
    s = T[26] + e4 + b4;
    if (s > m) m = s;
    s = T[27] + e5 + b5;
    if (s > m) m = s;
    s = T[28] + e7 + b7;
    if (s > m) m = s;
    const q4 = m;
    // label 5: followed by 0, 1, 3, 5, 6, 7
    m = NEG;
    s = T[29] + e0 + b0;
    if (s > m) m = s;
    s = T[30] + e1 + b1;
    if (s > m) m = s;
    s = T[31] + e3 + b3;
    if (s > m) m = s;
    s = T[32] + e5 + b5;
    if (s > m) m = s;
    s = T[33] + e6 + b6;
    if (s > m) m = s;
    s = T[34] + e7 + b7;
    if (s > m) m = s;
    const q5 = m;
    // label 6: followed by 0, 1, 3, 5, 6, 7
    m = NEG;
    s = T[35] + e0 + b0;
    if (s > m) m = s;
    s = T[36] + e1 + b1;
    if (s > m) m = s;
    s = T[37] + e3 + b3;
    if (s > m) m = s;
    s = T[38] + e5 + b5;
    if (s > m) m = s;
    s = T[39] + e6 + b6;
    if (s > m) m = s;
    s = T[40] + e7 + b7;
    if (s > m) m = s;
    const q6 = m;
    // label 7: followed by 0, 1, 3, 5, 7, 8
    m = NEG;
    s = T[41] + e0 + b0;
    if (s > m) m = s;
    s = T[42] + e1 + b1;
    if (s > m) m = s;
    s = T[43] + e3 + b3;
    if (s > m) m = s;
    s = T[44] + e5 + b5;
    if (s > m) m = s;
    s = T[45] + e7 + b7;
    if (s > m) m = s;
    s = T[46] + e8 + b8;
    if (s > m) m = s;
    const q7 = m;
    // label 8: followed by 0, 1, 3, 5, 7, 8
    m = NEG;
    s = T[47] + e0 + b0;
    if (s > m) m = s;
    s = T[48] + e1 + b1;
    if (s > m) m = s;
    s = T[49] + e3 + b3;
    if (s > m) m = s;
    s = T[50] + e5 + b5;
    if (s > m) m = s;
    s = T[51] + e7 + b7;
    if (s > m) m = s;
    s = T[52] + e8 + b8;
    if (s > m) m = s;
    const q8 = m;
    const co = i * 9;
    beta[co] = b0 = q0;
    beta[co + 1] = b1 = q1;
    beta[co + 2] = b2 = q2;
    beta[co + 3] = b3 = q3;
    beta[co + 4] = b4 = q4;
    beta[co + 5] = b5 = q5;
    beta[co + 6] = b6 = q6;
    beta[co + 7] = b7 = q7;
    beta[co + 8] = b8 = q8;
  }
}

/** Offsets of each label's predecessor transitions in the predecessor-ordered table. */
const PREV_AT = [0, 9, 18, 20, 29, 31, 40, 42, 51];

/**
 * The first predecessor of label `cur` with the highest score[po + prev] + transition (what the
 * forward pass maximised), as tagger.ts's generic bestPredecessor finds it (0 when none beats -1e30).
 */
export function bestPredecessorBio9(score: Float64Array, po: number, cur: number, T: Float64Array): number {
  const o = PREV_AT[cur];
  let best = NEG;
  let arg = 0;
  let s: number;
  if (cur !== 0 && (cur & 1) === 0) {
    // an I label: its B, then itself
    s = score[po + cur - 1] + T[o];
    if (s > best) {
      best = s;
      arg = cur - 1;
    }
    s = score[po + cur] + T[o + 1];
    if (s > best) arg = cur;
    return arg;
  }
  s = score[po] + T[o];
  if (s > best) {
    best = s;
    arg = 0;
  }
  s = score[po + 1] + T[o + 1];
  if (s > best) {
    best = s;
    arg = 1;
  }
  s = score[po + 2] + T[o + 2];
  if (s > best) {
    best = s;
    arg = 2;
  }
  s = score[po + 3] + T[o + 3];
  if (s > best) {
    best = s;
    arg = 3;
  }
  s = score[po + 4] + T[o + 4];
  if (s > best) {
    best = s;
    arg = 4;
  }
  s = score[po + 5] + T[o + 5];
  if (s > best) {
    best = s;
    arg = 5;
  }
  s = score[po + 6] + T[o + 6];
  if (s > best) {
    best = s;
    arg = 6;
  }
  s = score[po + 7] + T[o + 7];
  if (s > best) {
    best = s;
    arg = 7;
  }
  s = score[po + 8] + T[o + 8];
  if (s > best) {
    best = s;
    arg = 8;
  }
  return arg;
}
