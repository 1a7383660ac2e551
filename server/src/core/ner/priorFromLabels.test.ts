import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel } from '../../nerModelFile';
import { tokenize } from '../text/tokenize';
import { allocTokenHashes, B_UPPER, computeTokenHashes } from './tokenHashes';
import { setPriorFromLabels } from './documentPrior';

const model = loadNerModel();

test('the prior from the uppercase tokens only equals the prior from every token', () => {
  const text =
    'Bush met Maliki in Baghdad. BUSH said Maliki would stay; the bush was green. Maliki and Bush, ' +
    'al-Sadr and the Mahdi Army: Sadr spoke. Baghdad is calm, said Bush. iPhone sales rose in Baghdad.';
  const tokens = tokenize(text);
  const n = tokens.count;
  const typeOf = new Int8Array(n);
  const inMulti = new Uint8Array(n);
  let x = 5;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    typeOf[i] = ((x >>> 8) % 5) - 1; // -1 (outside) or a type 0..3
    inMulti[i] = (x >>> 20) & 1;
  }
  const all = allocTokenHashes(n);
  computeTokenHashes(text, tokens, model.gazetteer, all);
  const listed = allocTokenHashes(n);
  computeTokenHashes(text, tokens, model.gazetteer, listed);
  setPriorFromLabels(all, typeOf, inMulti, 4);
  const upper = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (listed.bits[i] & B_UPPER) upper[count++] = i;
  setPriorFromLabels(listed, typeOf, inMulti, 4, upper, count);
  assert.deepEqual(listed.prior, all.prior);
  assert.ok(all.prior.some((p) => p !== 0), 'some names recur (the test can tell the paths apart)');
  // a list missing a recurring name changes the answer (the list is used)
  const partial = allocTokenHashes(n);
  computeTokenHashes(text, tokens, model.gazetteer, partial);
  setPriorFromLabels(partial, typeOf, inMulti, 4, upper, 1);
  assert.notDeepEqual(partial.prior, all.prior);
});
