import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairWorkTitles } from './workTitles';
import { LOC, MISC, ORG, PER, spanSetup } from './spanTestSupport';

function run(text: string, names: Array<[string, number, number]>): string[] {
  const s = spanSetup(text, names);
  repairWorkTitles(s.spans, s.ctx);
  return s.show();
}

test('a title after a work noun, and every name inside it, is a work', () => {
  const text = 'His latest book is Perils of Dominance: Imbalance of Power and the Road to War in Vietnam (University of California Press).';
  const out = run(text, [['Perils of Dominance', ORG, 0.8], ['Imbalance of Power', ORG, 0.8], ['Vietnam', LOC, 0.99], ['University of California Press', ORG, 0.95]]);
  assert.deepEqual(out, [`${MISC}*:Perils of Dominance`, `${MISC}*:Imbalance of Power`, `${MISC}*:Vietnam`, `${ORG}:University of California Press`]);
  assert.deepEqual(run('Nancy admitted in her biography My Turn that she consulted astrologers.', [['My Turn', ORG, 0.6]]), [`${MISC}*:My Turn`]);
  assert.deepEqual(run('He wrote the book “Fear” in 2018.', [['Fear', ORG, 0.6]]), [`${MISC}*:Fear`]);
  assert.deepEqual(run('a film, titled Black Hawk Down, opened', [['Black Hawk Down', ORG, 0.6]]), [`${MISC}*:Black Hawk Down`]);
});

test('names near a work noun that are no title keep their type', () => {
  // one word right after the noun: the author, not a title
  assert.deepEqual(run('In the book Woodward wrote, the president doubts.', [['Woodward', PER, 0.9]]), [`${PER}:Woodward`]);
  // a comma alone does not introduce a title
  assert.deepEqual(run('In his book, Bob Woodward says the war was lost.', [['Bob Woodward', PER, 0.99]]), [`${PER}:Bob Woodward`]);
  // a lowercase word ends the title; the names after it are actors
  assert.deepEqual(run('The book Fire and Fury describes how Trump met Putin.', [['Fire and Fury', ORG, 0.6], ['Trump', PER, 0.99], ['Putin', PER, 0.99]]), [`${MISC}*:Fire and Fury`, `${PER}:Trump`, `${PER}:Putin`]);
  // no work noun
  assert.deepEqual(run('He joined the Council on Foreign Relations in 2001.', [['Council on Foreign Relations', ORG, 0.9]]), [`${ORG}:Council on Foreign Relations`]);
});

test('a name after "a" ending in a capitalised document noun is a work; the institution alone is not', () => {
  const text = 'Steven Simon recommends in a Council Special Report a new group, as the Council said.';
  assert.deepEqual(run(text, [['Steven Simon', PER, 0.99], ['Council Special Report', ORG, 0.7], ['Council', ORG, 0.8]]), [`${PER}:Steven Simon`, `${MISC}*:Council Special Report`, `${ORG}:Council`]);
  assert.deepEqual(run('The Drudge Report said so.', [['Drudge Report', ORG, 0.8]]), [`${ORG}:Drudge Report`]);
});

test('agreements and laws are works; a company so named that the tagger is sure of is not', () => {
  assert.deepEqual(run('1714 - The Treaty of Baden was signed.', [['Treaty of Baden', ORG, 0.7]]), [`${MISC}*:Treaty of Baden`]);
  assert.deepEqual(run('the signing of the Peking Protocol ended it', [['Peking Protocol', ORG, 0.6]]), [`${MISC}*:Peking Protocol`]);
  assert.deepEqual(run('Penn Treaty said it will continue', [['Penn Treaty', ORG, 0.95]]), [`${ORG}:Penn Treaty`]);
  assert.deepEqual(run('the Treaty Oak park', [['Treaty Oak', LOC, 0.6]]), [`${LOC}:Treaty Oak`]); // "Treaty" not followed by "of", nor ending the name
});
