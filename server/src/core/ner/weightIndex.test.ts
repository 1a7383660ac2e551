import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWeightIndex, popcount, weightRowOf, weightRowOrZero } from './weightIndex';

/** A deterministic pseudo-random sequence (xorshift). */
function rng(seed: number): () => number {
  let x = seed | 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

test('popcount counts the set bits of any 32-bit value', () => {
  assert.equal(popcount(0), 0);
  assert.equal(popcount(-1), 32);
  assert.equal(popcount(0x80000000 | 0), 1);
  const next = rng(7);
  for (let k = 0; k < 1000; k++) {
    const v = next() | 0;
    let c = 0;
    for (let b = 0; b < 32; b++) c += (v >>> b) & 1;
    assert.equal(popcount(v), c);
  }
});

test('every stored bucket finds its own row, and no other bucket finds one', () => {
  const bits = 12;
  const L = 3;
  const next = rng(42);
  const buckets: number[] = [0, 31, 32, 4095, 2047];
  for (let k = 0; k < 600; k++) buckets.push(next() & 4095);
  buckets.push(31); // listed twice: the first row wins
  const rowOf = new Map<number, number>(); // bucket -> first position in `buckets`
  buckets.forEach((b, i) => rowOf.has(b) || rowOf.set(b, i));
  const ix = buildWeightIndex(bits, L, buckets, (i, out, o) => {
    for (let l = 0; l < L; l++) out[o + l] = i * 10 + l;
  });
  assert.equal(ix.rows, rowOf.size);
  for (let b = 0; b < 1 << bits; b++) {
    const row = weightRowOf(ix.index, b);
    const zeroOr = weightRowOrZero(ix.index, b, ix.rows);
    const want = rowOf.get(b);
    if (want === undefined) {
      assert.equal(row, -1, `bucket ${b} has no row`);
      assert.equal(zeroOr, ix.rows);
      continue;
    }
    assert.equal(zeroOr, row);
    assert.deepEqual(Array.from(ix.weights.subarray(row * L, row * L + L)), [want * 10, want * 10 + 1, want * 10 + 2], `bucket ${b}`);
  }
  // the zero row
  assert.deepEqual(Array.from(ix.weights.subarray(ix.rows * L, ix.rows * L + L)), [0, 0, 0]);
});

test('rows are numbered in bucket order; an empty index and bad sizes', () => {
  const ix = buildWeightIndex(6, 1, [40, 3, 63], (i, out, o) => (out[o] = [40, 3, 63][i]));
  assert.deepEqual([3, 40, 63].map((b) => weightRowOf(ix.index, b)), [0, 1, 2]);
  const empty = buildWeightIndex(5, 2, [], () => assert.fail('no rows to write'));
  assert.equal(empty.rows, 0);
  assert.equal(weightRowOf(empty.index, 17), -1);
  assert.throws(() => buildWeightIndex(6, 1, [64], () => undefined), /outside 6 bits/);
  assert.throws(() => buildWeightIndex(40, 1, [], () => undefined), /hash bits/);
});
