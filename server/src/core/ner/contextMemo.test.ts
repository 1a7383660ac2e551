import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocContextMemo, claimContext, contextVectorAt, findContext } from './contextMemo';

test('a stored key is found with its vector; a key differing in any position is not', () => {
  const m = allocContextMemo(6, 5, 3);
  const key = Int32Array.from([1, -2, 3, 0x7fffffff, -0x80000000]);
  let s = findContext(m, key);
  assert.ok(s < 0, 'empty memo: a miss');
  s = claimContext(m, ~s, key);
  m.data.set([7, 8, 9], contextVectorAt(m, s));
  assert.equal(findContext(m, key), s);
  assert.deepEqual(Array.from(m.data.subarray(contextVectorAt(m, s), contextVectorAt(m, s) + 3)), [7, 8, 9]);
  for (let k = 0; k < key.length; k++) {
    const other = key.slice();
    other[k] ^= 1;
    assert.ok(findContext(m, other) < 0, `differs at ${k}`);
  }
});

test('colliding keys probe on; a full memo is emptied and keeps working', () => {
  const m = allocContextMemo(4, 2, 1); // 16 slots, emptied at 12 keys
  const keys: Int32Array[] = [];
  for (let k = 0; k < 12; k++) keys.push(Int32Array.from([k, k * 31]));
  for (const key of keys) {
    const s = claimContext(m, ~findContext(m, key), key);
    m.data[contextVectorAt(m, s)] = key[0] + 100;
  }
  assert.equal(m.count, 12);
  for (const key of keys) {
    const s = findContext(m, key);
    assert.ok(s >= 0);
    assert.equal(m.data[contextVectorAt(m, s)], key[0] + 100);
  }
  // the 13th key empties the memo first
  const extra = Int32Array.from([99, 99]);
  const s = claimContext(m, ~findContext(m, extra), extra);
  assert.equal(m.count, 1);
  assert.equal(findContext(m, extra), s);
  assert.equal(m.data[contextVectorAt(m, s)], 0, 'a claimed vector starts at zero');
  assert.ok(findContext(m, keys[0]) < 0, 'the old keys are gone');
});
