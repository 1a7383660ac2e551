import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairToldObjectTypes } from './toldObjectTypes';
import { LOC, ORG, spanSetup } from './spanTestSupport';

function run(text: string, name: string, conf: number): string[] {
  const s = spanSetup(text, [[name, LOC, conf]]);
  repairToldObjectTypes(s.spans, s.ctx);
  return s.show();
}

test('an unsure non-gazetteer place told something is an organization', () => {
  assert.deepEqual(run('McLeod told the Sun : " There is a risk "', 'Sun', 0.6), [`${ORG}*:Sun`]);
  assert.deepEqual(run('a spokesman told Bild am Sonntag on Sunday', 'Bild am Sonntag', 0.7), [`${ORG}*:Bild am Sonntag`]);
});

test('a gazetteer place, a sure place, or no "told": unchanged', () => {
  assert.deepEqual(run('the minister told China to stop', 'China', 0.6), [`${LOC}:China`]);
  assert.deepEqual(run('he told the Sun on Monday', 'Sun', 0.95), [`${LOC}:Sun`]);
  assert.deepEqual(run('he wrote to the Sun on Monday', 'Sun', 0.6), [`${LOC}:Sun`]);
});
