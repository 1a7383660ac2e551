import { test } from 'node:test';
import assert from 'node:assert/strict';
import { priorFeature0, priorFeature1 } from './features';
import { NerModel } from './model';
import { createPriorRowCache } from './priorRows';
import { featureRow } from './tagger';
import { buildWeightIndex } from './weightIndex';

/** A model with weight rows for the given feature hashes only (hashBits 12). */
function tinyModel(features: number[]): NerModel {
  const hashBits = 12;
  const buckets = features.map((f) => f >>> (32 - hashBits));
  const ix = buildWeightIndex(hashBits, 9, buckets, (i, out, o) => out.fill(i + 1, o, o + 9));
  return { header: { hashBits }, labels: { count: 9 }, rowIndex: ix.index, rowWeights: ix.weights, weightScale: 1 } as unknown as NerModel;
}

test('the cached prior rows are the rows featureRow finds, for known and unknown features, before and after a slot is reused', () => {
  const model = tinyModel([priorFeature0(3), priorFeature1(3, 77), priorFeature1(17, -5)]);
  const rows = createPriorRowCache(model);
  const pairs: Array<[number, number]> = [];
  for (let p = -1; p < 70; p += 3) for (const shape of [77, -5, 0, 123456789, -987654321]) pairs.push([p, shape]);
  for (let round = 0; round < 2; round++) {
    for (const [p, shape] of pairs) {
      assert.equal(rows.row0(p), featureRow(model, priorFeature0(p)), `row0(${p})`);
      assert.equal(rows.row1(p, shape), featureRow(model, priorFeature1(p, shape)), `row1(${p}, ${shape})`);
    }
  }
  assert.ok(rows.row0(3) >= 0, 'a feature of the model has a row');
  assert.ok(rows.row1(3, 77) >= 0);
  assert.ok(rows.row1(17, -5) >= 0);
  assert.equal(rows.row1(3, 78) === rows.row1(3, 77) && rows.row1(3, 78) >= 0, false, 'another shape is another feature');
});
