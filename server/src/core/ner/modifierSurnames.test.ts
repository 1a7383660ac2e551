import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel } from '../../nerModelFile';
import { repairModifierSurnames } from './modifierSurnames';

const gaz = loadNerModel().gazetteer;
import { LOC, MISC, ORG, PER, spanSetup } from './spanTestSupport';

function run(text: string, names: Array<[string, number, number]>): string[] {
  const { spans, ctx } = spanSetup(text, names);
  const { tokens } = ctx;
  return repairModifierSurnames(spans, ctx).map((sp) => `${sp.type}${sp.source === 'rule' ? '*' : ''}:${text.slice(tokens.start[sp.first], tokens.end[sp.last])}`);
}

function runWithGazetteer(text: string): string[] {
  const { spans, ctx } = spanSetup(text, []);
  return repairModifierSurnames(spans, ctx, gaz).map((sp) => `${sp.type}${sp.source === 'rule' ? '*' : ''}:${text.slice(ctx.tokens.start[sp.first], ctx.tokens.end[sp.last])}`);
}

test('an untagged name before "administration" is a person', () => {
  assert.deepEqual(run('For months now, the Bush administration has been making threats.', []), [`${PER}*:Bush`]);
  assert.deepEqual(run('He served in the Reagan administration and later taught.', []), [`${PER}*:Reagan`]);
});

test('a known person before "government", "aides" or "camp" is a person; an unknown name is not', () => {
  const text = 'Tony Blair spoke. Critics of the Blair government and Major aides met in the Labour camp.';
  assert.deepEqual(run(text, [['Tony Blair', PER, 0.99]]), [`${PER}:Tony Blair`, `${PER}*:Blair`]);
});

test('places and demonyms before "administration" stay untagged, and so does a name without "the"', () => {
  assert.deepEqual(run('Officials of the Kabul administration and the American administration met.', []), []);
  assert.deepEqual(run('Obama administration officials said so.', []), []);
  assert.deepEqual(run('Under Clinton, the state administration grew.', []), []);
  // a group's adjective ("Republicans" is a group of the gazetteer)
  assert.deepEqual(runWithGazetteer('Baker served in the Republican administration of President Bush.'), []);
  assert.deepEqual(runWithGazetteer('Baker served in the Reagan administration.'), [`${PER}*:Reagan`]);
});

test('a known person before "dictatorship" is a person', () => {
  const text = 'the regime of Saddam Hussein ended. It was not unlike the Hussein dictatorship.';
  assert.deepEqual(run(text, [['Saddam Hussein', PER, 0.9]]), [`${PER}:Saddam Hussein`, `${PER}*:Hussein`]);
  assert.deepEqual(run(text, [['Saddam Hussein', PER, 0.9], ['Hussein', LOC, 0.59]]), [`${PER}:Saddam Hussein`, `${PER}*:Hussein`]);
  // sure of the place: kept
  assert.deepEqual(run(text, [['Saddam Hussein', PER, 0.9], ['Hussein', LOC, 0.95]]), [`${PER}:Saddam Hussein`, `${LOC}:Hussein`]);
});

test('"<known person> Administration" becomes the person; an institution stays', () => {
  const text = 'President George W. Bush spoke. The Bush Administration had hoped for more. The Food and Drug Administration agreed.';
  const out = run(text, [['George W. Bush', PER, 0.99], ['Bush Administration', ORG, 0.8], ['Food and Drug Administration', ORG, 0.99]]);
  assert.deepEqual(out, [`${PER}:George W. Bush`, `${PER}*:Bush`, `${ORG}:Food and Drug Administration`]);
});

test('a miscellaneous or unsure name before the noun becomes the person it names', () => {
  const text = 'George W. Bush spoke. The George W. Bush administration wavered, and the Bush camp was silent.';
  const out = run(text, [['George W. Bush', PER, 0.99], ['George W. Bush', ORG, 0.7], ['Bush', MISC, 0.6]]);
  assert.deepEqual(out, [`${PER}:George W. Bush`, `${PER}*:George W. Bush`, `${PER}*:Bush`]);
  // sure of another type: kept
  const sure = run('George W. Bush spoke. The Bush Foundation team met.', [['George W. Bush', PER, 0.99], ['Bush Foundation', ORG, 0.95]]);
  assert.deepEqual(sure, [`${PER}:George W. Bush`, `${ORG}:Bush Foundation`]);
});
