import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DenseIntMap } from './denseIntMap';

test('DenseIntMap behaves like a Map of small int keys, through clears and growth', () => {
  const m = new DenseIntMap(4);
  let x = 7;
  for (let round = 0; round < 4; round++) {
    const capacity = [3, 50, 10, 5000][round];
    m.clear(capacity);
    assert.equal(m.size, 0, 'a clear empties it');
    const ref = new Map<number, number>();
    for (let i = 0; i < 3 * capacity; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const k = x % capacity;
      if (i % 3 === 0) {
        assert.equal(m.add(k), !ref.has(k));
        if (!ref.has(k)) ref.set(k, 0);
      } else {
        m.set(k, i - 7);
        ref.set(k, i - 7);
      }
    }
    assert.equal(m.size, ref.size);
    for (let k = 0; k < capacity; k++) {
      assert.equal(m.has(k), ref.has(k), `has ${k}`);
      assert.equal(m.get(k, -99), ref.get(k) ?? -99, `get ${k}`);
    }
  }
});
