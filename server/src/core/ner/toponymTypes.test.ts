import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairToponymTypes } from './toponymTypes';
import { LOC, ORG, PER, spanSetup } from './spanTestSupport';

function run(text: string, name: string, type: number, conf: number): string[] {
  const s = spanSetup(text, [[name, type, conf]]);
  repairToponymTypes(s.spans, s.ctx);
  return s.show();
}

test('a person-typed name ending in a place noun after a locative preposition is a place', () => {
  assert.deepEqual(run('we make that case on Capitol Hill, he said', 'Capitol Hill', PER, 0.945), [`${LOC}*:Capitol Hill`]);
  assert.deepEqual(run('protesters gathered in Tahrir Square again', 'Tahrir Square', PER, 0.7), [`${LOC}*:Tahrir Square`]);
});

test('no preposition, a sure person, another head or another type: unchanged', () => {
  assert.deepEqual(run('Anita Hill testified on Monday', 'Anita Hill', PER, 0.8), [`${PER}:Anita Hill`]);
  assert.deepEqual(run('a letter to Grant Hill arrived', 'Grant Hill', PER, 0.99), [`${PER}:Grant Hill`]);
  assert.deepEqual(run('he spoke to Tom Baker yesterday', 'Tom Baker', PER, 0.7), [`${PER}:Tom Baker`]);
  assert.deepEqual(run('shares on Wall Street fell', 'Wall Street', ORG, 0.7), [`${ORG}:Wall Street`]);
});
