import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel } from '../../nerModelFile';
import { tokenize } from '../text/tokenize';
import { writeContextLexicalFeatures, writeContextShapeFeatures } from './features';
import { allocTokenHashes, completeTokenHashes, computeTokenHashes } from './tokenHashes';
import { scoreEmissionsWithTypes } from './tagger';
import { allocEmissionWork, CTX_OTHER, CTX_SHAPE_SELF, CTX_SHAPES_AFTER, CTX_SHAPES_BEFORE, CTX_WORD_LEFT, CTX_WORD_RIGHT, CTX_WORD_RUN, CTX_WORD_SELF, PER_TOKEN_CONTEXT } from './contextScores';
import { createTokenTypeCache } from './tokenTypes';
import { referenceEmissions } from './emissionTestSupport';

const model = loadNerModel();
const L = model.labels.count;

test('the contextual feature groups cover every per-token contextual slot exactly once', () => {
  const WORD_GROUPS = [...CTX_WORD_LEFT, ...CTX_WORD_RIGHT, ...CTX_WORD_SELF, ...CTX_WORD_RUN];
  const all = [...WORD_GROUPS, ...CTX_SHAPE_SELF, ...CTX_SHAPES_BEFORE, ...CTX_SHAPES_AFTER, ...CTX_OTHER].sort((a, b) => a - b);
  assert.deepEqual(all, Array.from({ length: PER_TOKEN_CONTEXT }, (_, k) => k));
  // the lexical writer writes exactly the direct slots, the shape writer exactly the cached ones
  const text = 'Iraqi Prime Minister Nouri al-Maliki met Bush.';
  const tokens = tokenize(text);
  const th = allocTokenHashes(tokens.count);
  computeTokenHashes(text, tokens, model.gazetteer, th);
  const written = (write: typeof writeContextLexicalFeatures): number[] => {
    const out = new Int32Array(PER_TOKEN_CONTEXT + 4).fill(0x7eadbeef);
    write(th, 3, out, 2);
    return [...out.keys()].filter((k) => out[k] !== 0x7eadbeef).map((k) => k - 2);
  };
  assert.deepEqual(written(writeContextLexicalFeatures), WORD_GROUPS.sort((a, b) => a - b));
  assert.deepEqual(written(writeContextShapeFeatures), [...CTX_SHAPE_SELF, ...CTX_SHAPES_BEFORE, ...CTX_SHAPES_AFTER, ...CTX_OTHER].sort((a, b) => a - b));
});

/** Scores of tokens [from, to) only, through the type cache and the group caches of `work`. */
function ranged(text: string, from: number, to: number, cache: ReturnType<typeof createTokenTypeCache>, work: ReturnType<typeof allocEmissionWork>): Float32Array {
  const tokens = tokenize(text);
  const n = tokens.count;
  cache.beginDocument();
  const ids = new Int32Array(n);
  for (let t = 0; t < n; t++) ids[t] = cache.intern(text, tokens.start[t], tokens.end[t]);
  const th = allocTokenHashes(n);
  const first = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const id = ids[t];
    for (const f of ['word', 'lower', 'shape', 'bits', 'lengthBucket', 'cluster'] as const) th[f][t] = cache.chars[f][id];
    first[t] = cache.gazFirst[id];
  }
  completeTokenHashes(tokens, model.gazetteer, th, first);
  const emis = new Float32Array(n * L).fill(NaN);
  scoreEmissionsWithTypes(model, th, ids, cache, from, to, work, emis);
  return emis;
}

test('scores of a range of tokens equal the reference, with cold and warm group caches', () => {
  const text =
    'WASHINGTON -- President George W. Bush met Iraqi Prime Minister Nouri al-Maliki in Amman, Jordan. ' +
    'Bush said the U.S. would stay. Maliki, a Shiite, met Sunni leaders; the Mahdi Army was not there. IRAQ TALKS END';
  const ref = referenceEmissions(model, text);
  const n = ref.length / L;
  const cache = createTokenTypeCache(model, model.gazetteer);
  const work = allocEmissionWork(model);
  for (const [from, to] of [[0, n], [0, n], [0, 1], [n - 1, n], [3, 9], [1, n - 1], [5, 6]]) {
    const got = ranged(text, from, to, cache, work);
    for (let i = 0; i < n; i++) {
      for (let l = 0; l < L; l++) {
        if (i >= from && i < to) assert.equal(got[i * L + l], ref[i * L + l], `token ${i} label ${l} (range ${from}-${to})`);
        else assert.ok(Number.isNaN(got[i * L + l]), `token ${i} outside ${from}-${to} is not written`);
      }
    }
  }
});

test('a range longer than the kept scratch is scored the same', () => {
  const words: string[] = [];
  for (let i = 0; i < 1500; i++) words.push(i % 7 === 0 ? `Name${i % 13}` : `word${i % 50}`);
  const text = words.join(' ');
  const ref = referenceEmissions(model, text);
  const got = ranged(text, 0, ref.length / L, createTokenTypeCache(model, model.gazetteer), allocEmissionWork(model));
  assert.deepEqual(got, ref);
});
