import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLabelSet } from './labels';
import { allocViterbiWork, fixViterbiTransitions, maxMarginalMargins, viterbi } from './tagger';
import { isBio9 } from './viterbiBio9';

test('the nine-label BIO set is recognised; other sets are not', () => {
  assert.equal(isBio9(makeLabelSet('BIO', ['PER', 'ORG', 'LOC', 'MISC'])), true);
  assert.equal(isBio9(makeLabelSet('BILOU', ['PER', 'ORG'])), false);
  assert.equal(isBio9(makeLabelSet('BIO', ['PER', 'ORG', 'LOC'])), false);
  const odd = makeLabelSet('BIO', ['PER', 'ORG', 'LOC', 'MISC']);
  odd.prevOf = odd.prevOf.slice();
  odd.prevOf[odd.prevStart[2]] = 0; // I-PER after O: not the layout the fast path assumes
  assert.equal(isBio9(odd), false);
});

/** Textbook Viterbi with back pointers (first best predecessor wins), the same arithmetic as tagger.ts. */
function reference(ls: ReturnType<typeof makeLabelSet>, transitions: Float32Array, start: Float32Array, emis: Float32Array, from: number, to: number, afterO: boolean, beforeO: boolean): { labels: number[]; score: number[] } {
  const L = ls.count;
  const NEG = -1e30;
  const score: number[] = [];
  const back: number[] = [];
  for (let l = 0; l < L; l++) score.push(afterO ? (ls.allowed[l] ? transitions[l] + emis[from * L + l] : NEG) : ls.canStart[l] ? start[l] + emis[from * L + l] : NEG);
  for (let i = from + 1; i < to; i++) {
    const po = (i - 1 - from) * L;
    for (let cur = 0; cur < L; cur++) {
      let best = NEG;
      let arg = 0;
      for (let prev = 0; prev < L; prev++) {
        if (!ls.allowed[prev * L + cur]) continue;
        const s = score[po + prev] + transitions[prev * L + cur];
        if (s > best) {
          best = s;
          arg = prev;
        }
      }
      score.push(best + emis[i * L + cur]);
      back.push(arg);
    }
  }
  let best = NEG;
  let arg = 0;
  const lo = (to - 1 - from) * L;
  for (let l = 0; l < L; l++) {
    if (beforeO ? !ls.allowed[l * L] : !ls.canEnd[l]) continue;
    const s = beforeO ? score[lo + l] + transitions[l * L] : score[lo + l];
    if (s > best) {
      best = s;
      arg = l;
    }
  }
  const labels: number[] = new Array(to - from);
  for (let i = to - 1; i >= from; i--) {
    labels[i - from] = arg;
    if (i > from) arg = back[(i - from - 1) * L + arg];
  }
  return { labels, score };
}

/** Textbook max-marginal margins from the reference forward scores: a backward pass, then best minus best other label. */
function referenceMargins(ls: ReturnType<typeof makeLabelSet>, transitions: Float32Array, emis: Float32Array, from: number, to: number, fwd: { labels: number[]; score: number[] }, beforeO: boolean): number[] {
  const L = ls.count;
  const NEG = -1e30;
  const m = to - from;
  const beta: number[] = new Array(m * L).fill(NEG);
  for (let l = 0; l < L; l++) beta[(m - 1) * L + l] = beforeO ? (ls.allowed[l * L] ? transitions[l * L] : NEG) : ls.canEnd[l] ? 0 : NEG;
  for (let k = m - 2; k >= 0; k--) {
    for (let cur = 0; cur < L; cur++) {
      let best = NEG;
      for (let next = 0; next < L; next++) {
        if (!ls.allowed[cur * L + next]) continue;
        const s = transitions[cur * L + next] + emis[(from + k + 1) * L + next] + beta[(k + 1) * L + next];
        if (s > best) best = s;
      }
      beta[k * L + cur] = best;
    }
  }
  const out: number[] = [];
  for (let k = 0; k < m; k++) {
    const chosen = fwd.labels[k];
    let other = NEG;
    for (let l = 0; l < L; l++) if (l !== chosen && fwd.score[k * L + l] + beta[k * L + l] > other) other = fwd.score[k * L + l] + beta[k * L + l];
    out.push(Math.fround(fwd.score[k * L + chosen] + beta[k * L + chosen] - other));
  }
  return out;
}

for (const scheme of ['BIO', 'BILOU'] as const) {
  test(`viterbi and its margins equal the textbook decoder (${scheme}: ${scheme === 'BIO' ? 'the written-out fast path' : 'the generic loop'})`, () => {
    const ls = makeLabelSet(scheme, ['PER', 'ORG', 'LOC', 'MISC']);
    const L = ls.count;
    let x = 12345;
    const rnd = (): number => {
      x = (Math.imul(x, 1103515245) + 12345) | 0;
      return ((x >>> 8) % 2001) / 100 - 10;
    };
    const n = 400;
    const emis = new Float32Array(n * L).map(() => rnd());
    for (let i = 50; i < 60; i++) emis.fill(1, i * L, i * L + L); // ties
    const transitions = new Float32Array(L * L).map(() => rnd() / 4);
    transitions.fill(0.5, 0, L); // tied transitions from O
    const start = new Float32Array(L).map(() => rnd());
    for (const [from, to, afterO, beforeO] of [[0, n, false, false], [3, 40, true, true], [50, 61, false, true], [7, 8, true, false]] as const) {
      const work = allocViterbiWork(n, L);
      fixViterbiTransitions(work, ls, transitions);
      const out = new Int32Array(n);
      viterbi(ls, transitions, start, emis, from, to, work, out, afterO, beforeO);
      const want = reference(ls, transitions, start, emis, from, to, afterO, beforeO);
      assert.deepEqual(Array.from(out.subarray(from, to)), want.labels, `labels ${from}-${to}`);
      assert.deepEqual(Array.from(work.score.subarray(from * L, to * L)), want.score, `scores ${from}-${to}`);
      const margins = new Float32Array(n);
      maxMarginalMargins(ls, transitions, emis, from, to, work, out, margins, beforeO);
      const ref = referenceMargins(ls, transitions, emis, from, to, want, beforeO);
      assert.deepEqual(Array.from(margins.subarray(from, to)), ref, `margins ${from}-${to}`);
      // only [first, last]: the same margins there, nothing written elsewhere
      const first = Math.min(to - 1, from + 2);
      const last = Math.max(first, to - 3);
      const part = new Float32Array(n).fill(-7);
      maxMarginalMargins(ls, transitions, emis, from, to, work, out, part, beforeO, first, last);
      for (let i = from; i < to; i++) assert.equal(part[i], i >= first && i <= last ? ref[i - from] : -7, `margin ${i} of ${from}-${to} with [${first}, ${last}]`);
    }
  });
}

test('isBio9 holds for the BIO set of four types, and not when its first or last labels differ (which the written-out ends assume)', () => {
  const ls = makeLabelSet('BIO', ['PER', 'ORG', 'LOC', 'MISC']);
  assert.equal(isBio9(ls), true);
  const noEnd = { ...ls, canEnd: ls.canEnd.slice() };
  noEnd.canEnd[2] = 0;
  assert.equal(isBio9(noEnd), false);
  const startI = { ...ls, canStart: ls.canStart.slice() };
  startI.canStart[2] = 1;
  assert.equal(isBio9(startI), false);
  assert.equal(isBio9(makeLabelSet('BIO', ['PER', 'ORG', 'LOC'])), false);
  assert.equal(isBio9(ls), true, 'the answer is per set');
});
