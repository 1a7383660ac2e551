import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../text/tokenize';
import { buildGazetteer } from './gazetteer';
import { allocTokenHashes, B_UPPER, completeTokenHashes, hashToken, TokenHashes } from './tokenHashes';
import { setPriorFromLabels } from './documentPrior';

const gaz = buildGazetteer({ country: ['Iraq', 'United States'], firstname: ['Nouri'], city: ['New York'] });

function charHashes(text: string): { th: TokenHashes; n: number; upper: Int32Array; upperCount: number } {
  const tokens = tokenize(text);
  const n = tokens.count;
  const th = allocTokenHashes(n);
  for (let t = 0; t < n; t++) hashToken(text, tokens.start[t], tokens.end[t], th, t);
  const upper = new Int32Array(n);
  let upperCount = 0;
  for (let t = 0; t < n; t++) if (th.bits[t] & B_UPPER) upper[upperCount++] = t;
  return { th, n, upper, upperCount };
}

test('completeTokenHashes gives the same hashes when told the tokens with an uppercase letter', () => {
  const text =
    'PRIME MINISTER SPEAKS\nNouri al-Maliki met U.S. officials in New York on Monday. The United States and Iraq said ' +
    'al-Maliki would return. iPhone sales rose; the New York Times said Maliki, Nouri Maliki and NATO agreed.\n\nIraq Iraq Iraq.';
  const tokens = tokenize(text);
  const a = charHashes(text);
  const b = charHashes(text);
  completeTokenHashes(tokens, gaz, a.th);
  completeTokenHashes(tokens, gaz, b.th, undefined, b.upper, b.upperCount);
  assert.ok(b.upperCount > 10 && b.upperCount < b.n);
  for (const f of ['bits', 'position', 'gaz', 'other', 'run'] as const) assert.deepEqual(Array.from(b.th[f]), Array.from(a.th[f]), f);
  // the document-level parts are really there (not all defaults): runs, other occurrences, gazetteer states
  assert.ok(Array.from(a.th.run).some((v, k) => k % 3 === 0 && v !== a.th.run[0]));
  assert.ok(Array.from(a.th.gaz).some((g) => g !== 0));
});

test('completeTokenHashes with an empty uppercase list leaves every token outside runs', () => {
  const text = 'no capitals here at all, none.';
  const tokens = tokenize(text);
  const c = charHashes(text);
  assert.equal(c.upperCount, 0);
  completeTokenHashes(tokens, gaz, c.th, undefined, c.upper, 0);
  assert.equal(new Set(Array.from(c.th.run)).size, 1);
});

/** Per token a dense id of its lowercase hash (as the type cache numbers them), and how many. */
function lowerIdsOf(th: TokenHashes, n: number): { ids: Int32Array; count: number } {
  const byHash = new Map<number, number>();
  const ids = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    if (!byHash.has(th.lower[t])) byHash.set(th.lower[t], byHash.size);
    ids[t] = byHash.get(th.lower[t])!;
  }
  return { ids, count: byHash.size };
}

test('completeTokenHashes and setPriorFromLabels give the same results keyed by lowercase ids as by lowercase hashes', () => {
  const text =
    'PRIME MINISTER SPEAKS\nNouri al-Maliki met U.S. officials in New York on Monday. The United States and Iraq said ' +
    'al-Maliki would return. iPhone sales rose; the New York Times said Maliki, Nouri Maliki and NATO agreed. The new ' +
    'president, New York and new york.\n\nIraq Iraq Iraq. The maliki.';
  const tokens = tokenize(text);
  const a = charHashes(text);
  const b = charHashes(text);
  completeTokenHashes(tokens, gaz, a.th, undefined, a.upper, a.upperCount);
  const { ids, count } = lowerIdsOf(b.th, b.n);
  assert.ok(count < b.n, 'some lowercase forms recur');
  // a table left over from a longer document must not leak into this one
  completeTokenHashes(tokens, gaz, charHashes('Iraq ' + text + ' Iraq').th, undefined, undefined, 0, new Int32Array(tokens.count + 2), 1);
  completeTokenHashes(tokens, gaz, b.th, undefined, b.upper, b.upperCount, ids, count);
  for (const f of ['bits', 'position', 'gaz', 'other', 'run'] as const) assert.deepEqual(Array.from(b.th[f]), Array.from(a.th[f]), f);
  assert.ok(Array.from(a.th.bits).some((v) => (v & 64) !== 0) && Array.from(a.th.bits).some((v) => (v & 128) !== 0), 'document bits are set');
  assert.ok(Array.from(a.th.other).some((v) => v !== a.th.other[0]), 'other occurrences are found');
  // the second-pass prior: first-pass types by token (-1 outside)
  const typeOf = new Int8Array(a.n).fill(-1);
  const inMulti = new Uint8Array(a.n);
  for (let t = 0; t < a.n; t++) if (a.th.bits[t] & 1) typeOf[t] = t % 4;
  inMulti[3] = 1;
  setPriorFromLabels(a.th, typeOf, inMulti, 4, a.upper, a.upperCount);
  setPriorFromLabels(b.th, typeOf, inMulti, 4, b.upper, b.upperCount, ids, count);
  assert.deepEqual(Array.from(b.th.prior), Array.from(a.th.prior));
  assert.ok(Array.from(a.th.prior).some((p) => p !== 0));
});
