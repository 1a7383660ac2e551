import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairRulerOfPlaceSpans, repairTitleSpans } from './titleSpans';
import { LOC, MISC, ORG, PER, spanSetup } from './spanTestSupport';

const CODES = new Set(['US', 'UK']);

function run(text: string, names: Array<[string, number, number]>): string[] {
  const s = spanSetup(text, names);
  repairTitleSpans(s.spans, s.ctx, CODES);
  return s.show();
}

test('a country, a portfolio and a title before a person: the country alone is a name', () => {
  assert.deepEqual(run('Then US National Security Adviser Stephen Hadley arrived.', [['US National Security', ORG, 0.9], ['Stephen Hadley', PER, 0.9]]), [`${LOC}*:US`, `${PER}:Stephen Hadley`]);
  assert.deepEqual(run('Then Iraq National Security Adviser Mowaffak al-Rubaie spoke.', [['Iraq National Security Adviser', MISC, 0.6], ['Mowaffak al-Rubaie', PER, 0.9]]), [`${LOC}*:Iraq`, `${PER}:Mowaffak al-Rubaie`]);
});

test('no cut without a country first, a title word, a portfolio word, or a person after', () => {
  assert.deepEqual(run('Then White House Press Secretary Jay Carney spoke.', [['White House Press', ORG, 0.8], ['Jay Carney', PER, 0.9]]), [`${ORG}:White House Press`, `${PER}:Jay Carney`]);
  assert.deepEqual(run('Then US Steel Corp chief John Smith spoke.', [['US Steel Corp', ORG, 0.8], ['John Smith', PER, 0.9]]), [`${ORG}:US Steel Corp`, `${PER}:John Smith`]);
  assert.deepEqual(run('Then UK Minister John Smith spoke.', [['UK', LOC, 0.8], ['John Smith', PER, 0.9]]), [`${LOC}:UK`, `${PER}:John Smith`]);
  assert.deepEqual(run('The US National Security Council met on Monday.', [['US National Security Council', ORG, 0.9]]), [`${ORG}:US National Security Council`]);
});

test('"<ruler title> of <place>": the place alone is the name', () => {
  const s = spanSetup('Pedro I became first Emperor of Brazil in 1822.', [['Emperor of Brazil', ORG, 0.8]]);
  repairRulerOfPlaceSpans(s.spans, s.ctx);
  assert.deepEqual(s.show(), [`${LOC}*:Brazil`]);
  const mayor = spanSetup('the Mayor of Cape Town said', [['Mayor of Cape Town', PER, 0.6]]);
  repairRulerOfPlaceSpans(mayor.spans, mayor.ctx);
  assert.deepEqual(mayor.show(), [`${LOC}*:Cape Town`]);
});

test('a club or a name whose rest is no gazetteer place, or a MISC name, is kept', () => {
  for (const [text, name, type] of [['they beat Queen of South 2-1', 'Queen of South', ORG], ['the Bank of Tokyo-Mitsubishi said', 'Bank of Tokyo-Mitsubishi', ORG], ['the Emperor of Brazil was', 'Emperor of Brazil', MISC]] as Array<[string, string, number]>) {
    const s = spanSetup(text, [[name, type, 0.6]]);
    repairRulerOfPlaceSpans(s.spans, s.ctx);
    assert.deepEqual(s.show(), [`${type}:${name}`], text);
  }
});
