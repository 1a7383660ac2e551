import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel } from '../../nerModelFile';
import { createEntityRecognizer } from './recognizer';

const model = loadNerModel();
const rec = createEntityRecognizer(model);
const plain = createEntityRecognizer(model, { repairBoundaries: false });

/** "type:text" of the mentions whose text is one of `names`. */
function typesOf(r: typeof rec, text: string, names: string[]): string[] {
  return r.recognize(text).filter((m) => names.includes(m.text)).map((m) => `${m.type}:${m.text}`);
}

// End to end through the recognizer: each case is an error class of issue #3 on analysis articles.

test('"the Bush administration" holds a person mention; without the rules it is not found', () => {
  const text = 'For months now, the Bush administration has been making threats against the government.';
  assert.deepEqual(typesOf(rec, text, ['Bush']), ['person:Bush']);
  assert.deepEqual(typesOf(plain, text, ['Bush']), []);
});

test('"the Taliban said" is an organization, also at its other mentions', () => {
  const text = 'Attacks rose in the south. Later the Taliban said it would fight on. Officials said the Taliban’s grip was firm.';
  assert.deepEqual(typesOf(rec, text, ['Taliban']), ['organization:Taliban', 'organization:Taliban']);
  assert.deepEqual(typesOf(plain, text, ['Taliban']), []);
});

test('a book title is no actor, and the names inside it are not either', () => {
  const text = 'Gareth Porter is a historian. His latest book is Perils of Dominance: Imbalance of Power and the Road to War in Vietnam (University of California Press).';
  const ms = rec.recognize(text).map((m) => `${m.type}:${m.text}`);
  assert.ok(ms.includes('person:Gareth Porter'), ms.join(', '));
  assert.ok(ms.includes('organization:University of California Press'), ms.join(', '));
  for (const inside of ['Perils of Dominance', 'Imbalance of Power', 'Vietnam']) assert.ok(!ms.some((m) => m.endsWith(`:${inside}`)), `${inside}: ${ms.join(', ')}`);
});

test('"al-Qaeda and other terrorist groups" is an organization, and so is its other mention', () => {
  const text = 'Washington must prevent Iraq from becoming a base of operations for al-Qaeda and other terrorist groups. It would be a base for al-Qaeda too.';
  assert.deepEqual(typesOf(rec, text, ['al-Qaeda']), ['organization:al-Qaeda', 'organization:al-Qaeda']);
});

test('peoples: "Sunnis and Shias" are groups, "Sunni-Shia" is no name', () => {
  const text = 'It led to a unified fight between Sunnis and Shias. Violence could become a full-blown Sunni-Shia civil war.';
  const ms = rec.recognize(text).map((m) => `${m.type}:${m.text}`);
  assert.ok(ms.includes('group:Shias'), ms.join(', '));
  assert.ok(!ms.some((m) => m.endsWith(':Sunni-Shia')), ms.join(', '));
});
