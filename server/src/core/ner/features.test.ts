import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../text/tokenize';
import { buildGazetteer } from './gazetteer';
import { allocTokenHashes, B_UPPER, completeTokenHashes, hashToken, TokenHashes } from './features';

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
