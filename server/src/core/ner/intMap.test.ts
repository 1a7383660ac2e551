import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IntMap } from './intMap';

/** A small deterministic generator (mulberry32) of int32 keys, many outside the small-integer range. */
function keys(seed: number, count: number): number[] {
  let a = seed;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out.push((t ^ (t >>> 14)) | 0);
  }
  return out;
}

test('IntMap behaves like a Map of int32 keys, through growth and clears', () => {
  const m = new IntMap(2); // 4 slots: grows many times
  for (let round = 0; round < 3; round++) {
    m.clear();
    const ref = new Map<number, number>();
    const ks = keys(round + 1, 5000);
    ks.forEach((k, i) => {
      if (i % 3 === 0) assert.equal(m.add(k), !ref.has(k));
      else m.set(k, i);
      if (i % 3 === 0) {
        if (!ref.has(k)) ref.set(k, 0);
      } else ref.set(k, i);
    });
    assert.equal(m.size, ref.size);
    for (const [k, v] of ref) assert.equal(m.get(k, -1), v);
    for (const k of keys(round + 100, 2000)) assert.equal(m.has(k), ref.has(k));
    for (const k of [0, -1, 0x7fffffff, -0x80000000]) assert.equal(m.get(k, -7), ref.has(k) ? ref.get(k) : -7);
  }
});

test('IntMap: a cleared map has no keys, and a key can come back with a new value', () => {
  const m = new IntMap();
  m.set(-123456789, 5);
  m.set(42, 0);
  assert.equal(m.get(-123456789, -1), 5);
  assert.equal(m.has(42), true);
  m.clear();
  assert.equal(m.size, 0);
  assert.equal(m.has(42), false);
  assert.equal(m.get(-123456789, -1), -1);
  m.set(42, 9);
  assert.equal(m.get(42, -1), 9);
  assert.equal(m.size, 1);
});

test('IntMap gives back the memory of a table grown by a long document on the next clear', () => {
  const m = new IntMap();
  for (const k of keys(7, 100_000)) m.add(k);
  assert.ok(m.size > 99_000);
  m.clear();
  m.add(1);
  assert.equal(m.size, 1);
  assert.equal(m.has(1), true);
  assert.equal(m.has(keys(7, 1)[0]), false);
});
