import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel } from '../../nerModelFile';
import { findDefiniteGroupNames } from './definiteGroupNames';
import { MISC, ORG, spanSetup } from './spanTestSupport';

const gaz = loadNerModel().gazetteer;

/** The names found (and the given spans after the rule) as "type:surface". */
function run(text: string, names: Array<[string, number, number]> = []): string[] {
  const { spans, ctx } = spanSetup(text, names);
  const covered = new Uint8Array(ctx.tokens.count);
  for (const sp of spans) for (let k = sp.first; k <= sp.last; k++) covered[k] = 1;
  const found = findDefiniteGroupNames(spans, ctx, covered, gaz);
  return [...spans, ...found].sort((a, b) => a.first - b.first).map((sp) => `${sp.type}${sp.source === 'rule' ? '*' : ''}:${text.slice(ctx.tokens.start[sp.first], ctx.tokens.end[sp.last])}`);
}

test('an armed group named after "the", before a verb or a possessive, is an organization', () => {
  assert.deepEqual(run('Attacks rose after the Taliban launched an offensive.'), [`${ORG}*:Taliban`]);
  assert.deepEqual(run('The Taliban said no.'), [`${ORG}*:Taliban`]);
  assert.deepEqual(run('Officials said the Taliban’s grip on Helmand was firm.'), [`${ORG}*:Taliban`]);
  // a one-word MISC name, and its other one-word MISC mentions, are retyped
  assert.deepEqual(run('Later the Taliban said no. Taliban commanders agreed.', [['Taliban', MISC, 0.8], ['Taliban', MISC, 0.7]]), [`${ORG}*:Taliban`, `${ORG}*:Taliban`]);
});

test('no organization without the cue, the word class, or with an adjective or a common noun', () => {
  assert.deepEqual(run('Attacks by Taliban fighters rose sharply.'), []); // no "the ... <verb>"
  assert.deepEqual(run('Then the Taliban in Kandahar met.'), []); // no verb of an organization
  assert.deepEqual(run('He said the Internet said nothing and the Koran said more.'), []); // other word classes
  assert.deepEqual(run('Leaders said the Kurdish demanded more.'), []); // an adjective
  assert.deepEqual(run('He said the Taliban said no, though taliban is a plural noun.'), []); // lower case elsewhere
  assert.deepEqual(run('Then the Taliban said no.', [['Taliban', ORG, 0.9]]), [`${ORG}:Taliban`]); // already tagged
});
