import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCountryModifiers } from './countryModifiers';
import { LOC, MISC, ORG, PER, spanSetup } from './spanTestSupport';

const CODES = new Set(['US', 'U.S.', 'UK']);

function run(text: string, names: Array<[string, number, number]> = []): string[] {
  const s = spanSetup(text, names);
  const spans = findCountryModifiers(s.spans, s.ctx, CODES);
  return spans.map((sp) => `${sp.type}${sp.source === 'rule' ? '*' : ''}:${text.slice(s.ctx.tokens.start[sp.first], s.ctx.tokens.end[sp.last])}`);
}

test('a country code before a lower-case word, untagged or MISC alone, is the country', () => {
  assert.deepEqual(run('the Pentagon officials and the US command in Iraq', [['Pentagon', ORG, 0.9], ['Iraq', LOC, 0.99]]), [`${ORG}:Pentagon`, `${LOC}*:US`, `${LOC}:Iraq`]);
  assert.deepEqual(run('the US command in Iraq', [['US', MISC, 0.66], ['Iraq', LOC, 0.99]]), [`${LOC}*:US`, `${LOC}:Iraq`]);
});

test('a capitalised Embassy or Consulate after a country or a code is an organization with it', () => {
  assert.deepEqual(run('a memo to the US Embassy on Apr. 29', [['US Embassy', MISC, 0.9]]), [`${ORG}*:US Embassy`]);
  assert.deepEqual(run('he went to the U.S. Consulate in Basra', [['U.S.', LOC, 0.9], ['Basra', LOC, 0.9]]), [`${ORG}*:U.S. Consulate`, `${LOC}:Basra`]);
  assert.deepEqual(run('staff of the Iraq Embassy left', [['Iraq', LOC, 0.9]]), [`${ORG}*:Iraq Embassy`]);
  assert.deepEqual(run('the US Embassy said', []), [`${ORG}*:US Embassy`]);
});

test('headline codes, tagged names, lower-case embassies and peoples\' adjectives are left alone', () => {
  assert.deepEqual(run('RESULTS FROM THE U.S. OPEN', [['U.S. OPEN', MISC, 0.9]]), [`${MISC}:U.S. OPEN`]);
  assert.deepEqual(run('the U.S. Open tennis', [['U.S. Open', MISC, 0.9]]), [`${MISC}:U.S. Open`]);
  assert.deepEqual(run('the U.S. embassy in Baghdad', [['U.S.', LOC, 0.9], ['Baghdad', LOC, 0.9]]), [`${LOC}:U.S.`, `${LOC}:Baghdad`]);
  assert.deepEqual(run('officials from the Thai Consulate were out', [['Thai Consulate', MISC, 0.9]]), [`${MISC}:Thai Consulate`]);
  assert.deepEqual(run('the British Embassy said', [['British', MISC, 0.9]]), [`${MISC}:British`]);
  assert.deepEqual(run('Mr US said', [['Mr US', PER, 0.9]]), [`${PER}:Mr US`]);
});
