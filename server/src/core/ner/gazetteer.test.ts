import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../text/tokenize';
import { buildGazetteer, clusterOf, clusterTable, FIRST_PREFIX, gazetteerFirstStep, matchGazetteer, gazState, GAZ_CATEGORIES, GAZ_BEGIN, GAZ_INSIDE, GAZ_NONE, NO_CLUSTER } from './gazetteer';
import { hashLower, hashLowerString } from './hashing';
import { decodeSpans, encodeLabels, makeLabelSet } from './labels';

function states(text: string, lists: Record<string, string[]>, category: string): number[] {
  const gaz = buildGazetteer(lists);
  const tokens = tokenize(text);
  const lower = new Int32Array(tokens.count);
  for (let k = 0; k < tokens.count; k++) lower[k] = hashLower(text, tokens.start[k], tokens.end[k]);
  const out = new Uint32Array(tokens.count);
  matchGazetteer(gaz, tokens, lower, out);
  const c = GAZ_CATEGORIES.indexOf(category as (typeof GAZ_CATEGORIES)[number]);
  return Array.from(out, (code) => gazState(code, c));
}

test('gazetteer matches the longest multi-token entry, case-insensitively', () => {
  const lists = { city: ['New York', 'New York City', 'York'] };
  assert.deepEqual(states('in new York City today', lists, 'city'), [GAZ_NONE, GAZ_BEGIN, GAZ_INSIDE, GAZ_INSIDE, GAZ_NONE]);
  assert.deepEqual(states('York and New Jersey', lists, 'city'), [GAZ_BEGIN, GAZ_NONE, GAZ_NONE, GAZ_NONE]);
});

test('gazetteer categories are independent and entries are tokenized like text', () => {
  const lists = { country: ['Guinea-Bissau', 'United States'], firstname: ['Jordan'], city: ['St. Louis'] };
  assert.deepEqual(states('Guinea-Bissau and the United States', lists, 'country'), [GAZ_BEGIN, GAZ_NONE, GAZ_NONE, GAZ_BEGIN, GAZ_INSIDE]);
  assert.deepEqual(states('Jordan visited St. Louis', lists, 'firstname'), [GAZ_BEGIN, GAZ_NONE, GAZ_NONE, GAZ_NONE]);
  assert.deepEqual(states('Jordan visited St. Louis', lists, 'city'), [GAZ_NONE, GAZ_NONE, GAZ_BEGIN, GAZ_INSIDE]);
  // a prefix alone is not a match
  assert.deepEqual(states('the United Nations', lists, 'country'), [GAZ_NONE, GAZ_NONE, GAZ_NONE]);
});

test('the first step of a match (per word) gives the same states as matching from scratch', () => {
  const lists = { city: ['New York', 'New York City', 'York', 'Paris'], country: ['New Zealand', 'Jordan'], firstname: ['Jordan', 'Paris'], group: ['Sunni', 'Sunni Arabs'] };
  const gaz = buildGazetteer(lists);
  const text = 'New York and new Zealand; Paris, Jordan met Sunni Arabs in York City. New Jersey? Sunni New York City Paris';
  const tokens = tokenize(text);
  const lower = new Int32Array(tokens.count);
  for (let k = 0; k < tokens.count; k++) lower[k] = hashLower(text, tokens.start[k], tokens.end[k]);
  const first = Int32Array.from(lower, (h) => gazetteerFirstStep(gaz, h));
  const plain = new Uint32Array(tokens.count);
  const stepped = new Uint32Array(tokens.count);
  matchGazetteer(gaz, tokens, lower, plain);
  matchGazetteer(gaz, tokens, lower, stepped, first);
  assert.deepEqual(stepped, plain);
  assert.ok(plain.some((c) => c !== 0));
  // the step itself: categories of the word alone, and whether longer entries begin with it
  const step = (w: string): number => gazetteerFirstStep(gaz, hashLowerString(w));
  assert.equal(step('York'), 1 << GAZ_CATEGORIES.indexOf('city'));
  assert.equal(step('new'), FIRST_PREFIX);
  assert.equal(step('Jordan'), (1 << GAZ_CATEGORIES.indexOf('country')) | (1 << GAZ_CATEGORIES.indexOf('firstname')));
  assert.equal(step('Sunni'), (1 << GAZ_CATEGORIES.indexOf('group')) | FIRST_PREFIX);
  assert.equal(step('Arabs'), 0);
});

test('BIO and BILOU labels round-trip entity spans', () => {
  const spans = [
    { first: 0, last: 1, type: 0 },
    { first: 3, last: 3, type: 2 },
    { first: 4, last: 6, type: 1 },
  ];
  for (const scheme of ['BIO', 'BILOU'] as const) {
    const ls = makeLabelSet(scheme, ['PER', 'ORG', 'LOC', 'MISC']);
    const labels = encodeLabels(ls, 8, spans);
    assert.deepEqual(decodeSpans(ls, labels, 8), spans);
  }
  const bio = makeLabelSet('BIO', ['PER', 'ORG']);
  // I-ORG may not follow B-PER; O may not be followed by I-
  assert.equal(bio.allowed[1 * bio.count + 4], 0);
  assert.equal(bio.allowed[0 * bio.count + 2], 0);
  assert.equal(bio.allowed[1 * bio.count + 2], 1);
});

test('word classes: sorted hashed table, lookup by lowercase hash, NO_CLUSTER for unknown words', () => {
  const table = clusterTable([
    ['baghdad', 0x123],
    ['kabul', 0x123],
    ['said', 0x456],
    ['Baghdad', 0x789], // same lowercase hash as the first: the first wins
  ]);
  assert.equal(table.keys.length, 3);
  for (let i = 1; i < table.keys.length; i++) assert.ok(table.keys[i - 1] < table.keys[i]);
  const gaz = buildGazetteer({}, table);
  assert.equal(clusterOf(gaz, hashLowerString('BAGHDAD')), 0x123);
  assert.equal(clusterOf(gaz, hashLowerString('kabul')), 0x123);
  assert.equal(clusterOf(gaz, hashLowerString('said')), 0x456);
  assert.equal(clusterOf(gaz, hashLowerString('xqzzt')), NO_CLUSTER);
  assert.equal(clusterOf(null, hashLowerString('said')), NO_CLUSTER);
  assert.equal(clusterOf(buildGazetteer({}), hashLowerString('said')), NO_CLUSTER);
});
