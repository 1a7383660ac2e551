import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocVectorCache, probeVector, storeKey, vectorAt } from './vectorCache';

test('a stored key hits with its vector; another key or an empty cache misses', () => {
  const c = allocVectorCache(4, 9);
  assert.equal(c.stride, 16, 'keys, flag and 9 ints fill 64 bytes');
  let s = probeVector(c, 0, 0, 0, 0);
  assert.ok(s < 0, 'an all-zero key in an empty cache is a miss');
  s = probeVector(c, 5, 6, 7, 8);
  assert.ok(s < 0);
  s = ~s;
  storeKey(c, s, 5, 6, 7, 8);
  c.data[vectorAt(c, s) + 8] = 42;
  assert.equal(probeVector(c, 5, 6, 7, 8), s);
  assert.equal(c.data[vectorAt(c, s) + 8], 42);
  assert.ok(probeVector(c, 5, 6, 7, 9) < 0);
  // replacing a slot zeroes its vector
  storeKey(c, s, 1, 2, 3, 4);
  assert.equal(c.data[vectorAt(c, s) + 8], 0);
  assert.ok(probeVector(c, 5, 6, 7, 8) < 0 || probeVector(c, 5, 6, 7, 8) !== s);
});
