import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EntityArticleTableBuilder } from './entityArticleTable';

const rowOf = (table: ReturnType<EntityArticleTableBuilder['build']>, entity: number): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  table.forEach(entity, (slot, count) => void out.push([slot, count]));
  return out;
};

test('each entity lists its articles with their counts, in the order they were added', () => {
  const b = new EntityArticleTableBuilder();
  b.add(2, 0, 5);
  b.add(0, 0, 1);
  b.add(2, 1, 3);
  b.add(1, 2, 7);
  b.add(2, 3, 1);
  b.add(0, 3, 2);
  const t = b.build(4);
  assert.equal(t.entityCount, 4);
  assert.deepEqual(rowOf(t, 0), [[0, 1], [3, 2]]);
  assert.deepEqual(rowOf(t, 1), [[2, 7]]);
  assert.deepEqual(rowOf(t, 2), [[0, 5], [1, 3], [3, 1]]);
  assert.deepEqual(rowOf(t, 3), [], 'an entity without articles has an empty row');
  assert.deepEqual(rowOf(t, 4), [], 'a number past the table is empty, not an error');
  assert.deepEqual(rowOf(t, -1), []);
});

test('the builder grows past its first capacity and drops numbers outside the table', () => {
  const b = new EntityArticleTableBuilder();
  const expected = new Map<number, Array<[number, number]>>();
  for (let k = 0; k < 5000; k++) {
    const entity = (k * 7919) % 37;
    b.add(entity, k, (k % 5) + 1);
    if (!expected.has(entity)) expected.set(entity, []);
    expected.get(entity)!.push([k, (k % 5) + 1]);
  }
  b.add(99, 1, 1);
  const t = b.build(37);
  let total = 0;
  for (let e = 0; e < 37; e++) {
    assert.deepEqual(rowOf(t, e), expected.get(e) ?? []);
    total += rowOf(t, e).length;
  }
  assert.equal(total, 5000);
});

test('a visit stops at the first article it returns false for', () => {
  const b = new EntityArticleTableBuilder();
  for (let slot = 0; slot < 6; slot++) b.add(1, slot, slot + 1);
  const seen: number[] = [];
  b.build(2).forEach(1, (slot) => {
    seen.push(slot);
    return slot < 2;
  });
  assert.deepEqual(seen, [0, 1, 2]);
});
