import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairPersonNameTypes, repairRulerTypes } from './personNameTypes';
import { LOC, ORG, PER, spanSetup } from './spanTestSupport';

test('an unsure organization made of name words with a given name is a person', () => {
  const s = spanSetup('They enjoyed power under the regime of Saddam Hussein until 2003.', [['Saddam Hussein', ORG, 0.54]]);
  repairPersonNameTypes(s.spans, s.ctx);
  assert.deepEqual(s.show(), [`${PER}*:Saddam Hussein`]);
  const place = spanSetup('A letter from Gareth Porter arrived.', [['Gareth Porter', LOC, 0.5]]);
  repairPersonNameTypes(place.spans, place.ctx);
  assert.deepEqual(place.show(), [`${PER}*:Gareth Porter`]);
});

test('sure, place-like, short-worded or embedded names keep their type', () => {
  const cases: Array<[string, string, number, number]> = [
    ['Investors sold Saddam Hussein bonds.', 'Saddam Hussein', ORG, 0.9], // sure
    ['He flew to Costa Rica on Monday.', 'Costa Rica', LOC, 0.5], // a country
    ['the crash of an El Al freighter', 'El Al', ORG, 0.5], // two-letter words
    ['Northampton 46 West Hartlepool 20', 'West Hartlepool', ORG, 0.5], // a compass word
    ['He played at the Trent Bridge ground.', 'Trent Bridge', LOC, 0.5], // after "the"
    ['Shares of Merrill Lynch Asset Management rose.', 'Merrill Lynch', ORG, 0.5], // a capitalised word follows
    ['Officials of Acme Holdings said so.', 'Acme Holdings', ORG, 0.5], // no given name
  ];
  for (const [text, name, type, conf] of cases) {
    const s = spanSetup(text, [[name, type, conf]]);
    repairPersonNameTypes(s.spans, s.ctx);
    assert.deepEqual(s.show(), [`${type}:${name}`], text);
  }
});

test('an unsure place or organization after "the regime of" is the ruler, a person', () => {
  const s = spanSetup('people persecuted by the regime of Saddam ( Hussein ) said so', [['Saddam', LOC, 0.55]]);
  repairRulerTypes(s.spans, s.ctx);
  assert.deepEqual(s.show(), [`${PER}*:Saddam`]);
});

test('places, sure names and other nouns before "of" keep their type', () => {
  const cases: Array<[string, string, number, number]> = [
    ['the regime of Iran fell', 'Iran', LOC, 0.5], // a country
    ['the regime of Saddam fell', 'Saddam', LOC, 0.95], // sure
    ['the government of Chad fell', 'Chad', LOC, 0.5], // "government of" is said of places
    ['the regime of Hamas Movement fell', 'Hamas Movement', ORG, 0.5], // an organization word
  ];
  for (const [text, name, type, conf] of cases) {
    const s = spanSetup(text, [[name, type, conf]]);
    repairRulerTypes(s.spans, s.ctx);
    assert.deepEqual(s.show(), [`${type}:${name}`], text);
  }
});
