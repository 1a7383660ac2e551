import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findParenthesizedSources } from './parenthesizedSources';
import { LOC, ORG, PER, spanSetup } from './spanTestSupport';

function run(text: string, names: Array<[string, number, number]> = []): string[] {
  const s = spanSetup(text, names);
  const spans = findParenthesizedSources(s.spans, s.ctx);
  return spans.map((sp) => `${sp.type}${sp.source === 'rule' ? '*' : ''}:${text.slice(s.ctx.tokens.start[sp.first], s.ctx.tokens.end[sp.last])}`);
}

test('a lone capitalised word cited in parentheses in running prose is an organization', () => {
  assert.deepEqual(run('A follow-up meeting (Bloomberg) is expected in April.'), [`${ORG}*:Bloomberg`]);
  assert.deepEqual(run('an upturn in insurgent activity (AP) in Iraq'), [`${ORG}*:AP`]);
  assert.deepEqual(run('set up working groups (NYT) on refugees.'), [`${ORG}*:NYT`]);
  assert.deepEqual(run('a lack of solid accomplishments (AHN) coming from the meetings'), [`${ORG}*:AHN`]);
});

test('a gazetteer place in parentheses is a place; a tagged name is left as it is', () => {
  assert.deepEqual(run('the talks were held later (Iraq) and ended'), [`${LOC}*:Iraq`]);
  assert.deepEqual(run('the news came first (Reuters) on Monday', [['Reuters', ORG, 0.9]]), [`${ORG}:Reuters`]);
});

test('an acronym the words before define, a plural acronym, a given name, or no prose around: no name', () => {
  assert.deepEqual(run('a deficit of two percent of gross domestic product (GDP) was sustainable'), []);
  assert.deepEqual(run('two 220 kilovolt (KV) power lines'), []);
  assert.deepEqual(run('the result of central bank securities (SBPUs) auction on Tuesday'), []);
  assert.deepEqual(run('the winner (John) said nothing'), []);
  assert.deepEqual(run('Jansher Khan (Pakistan) beat Jackie Lee', [['Jansher Khan', PER, 0.9]]), [`${PER}:Jansher Khan`]);
  assert.deepEqual(run('CONTRACT (MONTH) PRICE'), []);
});
