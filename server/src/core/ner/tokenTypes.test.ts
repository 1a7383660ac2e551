import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel } from '../../nerModelFile';
import { tokenize } from '../text/tokenize';
import { CONTEXT_FEATURES, extractFeatures, FEATURES_PER_TOKEN, NEIGHBOUR_FEATURES, NULL_FEATURE, SELF_FEATURES } from './features';
import { allocTokenHashes, B_UPPER, completeTokenHashes, computeTokenHashes } from './tokenHashes';
import { scoreEmissionsWithTypes } from './tagger';
import { allocEmissionWork } from './contextScores';
import { createTokenTypeCache, ROW_GAZ_FIRST, ROW_LOWER, ROW_LOWER_ID, TYPE_ROW } from './tokenTypes';
import { referenceEmissions } from './emissionTestSupport';

const model = loadNerModel();
const L = model.labels.count;

const TEXTS = [
  'Iraqi Prime Minister Nouri al-Maliki met President George W. Bush in Amman, Jordan, on Thursday.',
  'BAGHDAD, Nov. 28 -- The Mahdi Army, loyal to Moqtada al-Sadr, said the U.S. military "won\u2019t" leave.\nMaliki said so.',
  'the quick brown fox. no capitals here at all, none',
  'Ünïcödé names like Zoë Ørsted and José Müller met at the Café Zürich; 3.5% of 1,000 voters agreed.',
  'A', // one token
  '',
];

/** Emission scores through the word-type cache, as the recognizer computes them. */
function cachedEmissions(text: string, cache = createTokenTypeCache(model, model.gazetteer)): Float32Array {
  const tokens = tokenize(text);
  const n = tokens.count;
  cache.beginDocument();
  const ids = new Int32Array(n);
  for (let t = 0; t < n; t++) ids[t] = cache.intern(text, tokens.start[t], tokens.end[t]);
  const th = allocTokenHashes(n);
  const gazFirst = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const id = ids[t];
    th.word[t] = cache.chars.word[id];
    th.lower[t] = cache.chars.lower[id];
    th.shape[t] = cache.chars.shape[id];
    th.bits[t] = cache.chars.bits[id];
    th.lengthBucket[t] = cache.chars.lengthBucket[id];
    th.cluster[t] = cache.chars.cluster[id];
    gazFirst[t] = cache.gazFirst[id];
  }
  completeTokenHashes(tokens, model.gazetteer, th, gazFirst);
  const emis = new Float32Array(n * L);
  scoreEmissionsWithTypes(model, th, ids, cache, 0, n, allocEmissionWork(model), emis);
  return emis;
}

test('the word-type cache gives exactly the reference emission scores', () => {
  const cache = createTokenTypeCache(model, model.gazetteer);
  for (const text of TEXTS) {
    const ref = referenceEmissions(model, text);
    assert.deepEqual(cachedEmissions(text, cache), ref, JSON.stringify(text));
    // and again with the types already cached (second document)
    assert.deepEqual(cachedEmissions(text, cache), ref, JSON.stringify(text));
  }
});

test('the cache grows within a document and is cleared between documents past its soft capacity', () => {
  const cache = createTokenTypeCache(model, model.gazetteer, 100);
  const words: string[] = [];
  for (let i = 0; i < 3000; i++) words.push(`Word${i}x`, `w${i}`);
  const text = words.join(' ');
  assert.deepEqual(cachedEmissions(text, cache), referenceEmissions(model, text));
  assert.ok(cache.size >= 6000, `size ${cache.size}`);
  const short = 'President Bush spoke in Texas.';
  assert.deepEqual(cachedEmissions(short, cache), referenceEmissions(model, short));
  assert.ok(cache.size < 100, `cleared: size ${cache.size}`);
  assert.ok(cache.vectors.length < 6000 * 45, `the grown arrays were released: ${cache.vectors.length} ints`);
  // and it still works after growing again
  assert.deepEqual(cachedEmissions(text, cache), referenceEmissions(model, text));
});

test('distinct words get distinct types; the same word the same type', () => {
  const cache = createTokenTypeCache(model, model.gazetteer);
  const text = 'Bush bush BUSH Bush';
  const a = cache.intern(text, 0, 4);
  assert.equal(cache.intern(text, 15, 19), a);
  assert.notEqual(cache.intern(text, 5, 9), a);
  assert.notEqual(cache.intern(text, 10, 14), a);
});

test("a type's row holds its character hashes, also after the table grows", () => {
  const cache = createTokenTypeCache(model, model.gazetteer);
  const words: string[] = [];
  for (let i = 0; i < 2500; i++) words.push(i % 3 === 0 ? `Kabul${i}` : `w${i}`); // past the initial 1,024 types
  const text = words.join(' ');
  const tokens = tokenize(text);
  const ids: number[] = [];
  for (let t = 0; t < tokens.count; t++) ids.push(cache.intern(text, tokens.start[t], tokens.end[t]));
  const th = allocTokenHashes(tokens.count);
  computeTokenHashes(text, tokens, model.gazetteer, th);
  for (let t = 0; t < tokens.count; t += 7) {
    const r = ids[t] * TYPE_ROW;
    const row = Array.from(cache.rows.subarray(r, r + ROW_GAZ_FIRST));
    // (the document adds sentence, headline and document bits to a token's; the type has its characters' only)
    assert.deepEqual(row, [th.word[t], th.lower[t], th.shape[t], th.bits[t] & ~(16 | 32 | 64 | 128), th.lengthBucket[t], th.cluster[t]], `token ${t}`);
    assert.equal(cache.rows[r + ROW_GAZ_FIRST], cache.gazFirst[ids[t]]);
    assert.equal(cache.intern(text, tokens.start[t], tokens.end[t]), ids[t], 'the same word finds its type again');
  }
  assert.notEqual(ids[0], ids[3], 'distinct words, distinct rows');
});

test('only tokens with an uppercase letter get contextual features', () => {
  const text = 'the Mahdi army of al-Sadr met';
  const tokens = tokenize(text);
  const th = allocTokenHashes(tokens.count);
  computeTokenHashes(text, tokens, model.gazetteer, th);
  const feats = new Int32Array(tokens.count * FEATURES_PER_TOKEN);
  extractFeatures(th, feats);
  for (let t = 0; t < tokens.count; t++) {
    const word = text.slice(tokens.start[t], tokens.end[t]);
    const ctxStart = t * FEATURES_PER_TOKEN + SELF_FEATURES + NEIGHBOUR_FEATURES;
    const ctx = Array.from(feats.subarray(ctxStart, ctxStart + CONTEXT_FEATURES));
    const upper = /[A-Z]/.test(word);
    assert.equal((th.bits[t] & B_UPPER) !== 0, upper, word);
    assert.equal(ctx.every((f) => f === NULL_FEATURE), !upper, word);
    // self and neighbour features are always there
    for (let k = t * FEATURES_PER_TOKEN; k < ctxStart; k++) assert.notEqual(feats[k], NULL_FEATURE);
  }
});

test('the type cache numbers lowercase forms: equal ids exactly for equal lowercase hashes, through growth and clears', () => {
  // documents of ~700, ~2,400 (the cache grows twice) and ~700 types: the second starts by emptying
  // the table in place, the third with new arrays
  const cache = createTokenTypeCache(model, model.gazetteer, 600);
  for (const distinct of [340, 1200, 340]) {
    cache.beginDocument();
    const words: string[] = [];
    for (let i = 0; i < 1500; i++) words.push(`w${(i * 7) % distinct}`, `W${(i * 7) % distinct}`, `Word${i % 30}`, 'the', 'The', 'THE');
    const text = words.join(' ');
    const tokens = tokenize(text);
    const idOfLower = new Map<number, number>();
    for (let t = 0; t < tokens.count; t++) {
      const r = cache.intern(text, tokens.start[t], tokens.end[t]) * TYPE_ROW;
      const lower = cache.rows[r + ROW_LOWER];
      const id = cache.rows[r + ROW_LOWER_ID];
      assert.ok(id >= 0 && id < cache.lowerIdCount, `id ${id} of ${cache.lowerIdCount}`);
      if (idOfLower.has(lower)) assert.equal(id, idOfLower.get(lower), 'the same lowercase form keeps its id');
      idOfLower.set(lower, id);
    }
    assert.equal(new Set(idOfLower.values()).size, idOfLower.size, 'different lowercase forms have different ids');
    assert.equal(cache.lowerIdCount, idOfLower.size);
    assert.ok(cache.size > cache.lowerIdCount, 'case variants share their lowercase id');
  }
});
