import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedSummary } from './linkTestSupport';
import { isVariantName } from './editDistance';

test('two spellings of one full name in an article are one person, and its surname with them', () => {
  const text = 'Moqtada al-Sadr spoke. Sadr’s militia left. Muqtada al-Sadr later went to Iran.';
  assert.deepEqual(linkedSummary(text, [['Moqtada al-Sadr', 'person', 0.54], ['Sadr', 'place', 0.59], ['Muqtada al-Sadr', 'person', 0.85]]), [
    'Moqtada al-Sadr:person:moqtada al-sadr',
    'Sadr:person:moqtada al-sadr',
    'Muqtada al-Sadr:person:moqtada al-sadr',
  ]);
});

test('different people sharing a surname stay apart ("Jalil Nouri" is not "Nouri al-Maliki")', () => {
  const text = 'Jalil Nouri and Ali Nouri met Nouri al-Maliki.';
  const keys = linkedSummary(text, [['Jalil Nouri', 'person', 0.9], ['Ali Nouri', 'person', 0.9], ['Nouri al-Maliki', 'person', 0.9]]);
  assert.deepEqual(keys.map((k) => k.split(':')[2]), ['jalil nouri', 'ali nouri', 'nouri al-maliki']);
  assert.ok(isVariantName(['nuri', 'al-maliki'], ['nouri', 'al-maliki']));
  assert.ok(!isVariantName(['jalil', 'nouri'], ['nouri', 'al-maliki']));
  assert.ok(!isVariantName(['john', 'smith'], ['joan', 'smyth']));
});
