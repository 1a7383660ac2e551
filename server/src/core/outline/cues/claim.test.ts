import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContext } from '../context';
import { isClaim } from './claim';

function check(sentence: string, expected: boolean) {
  const ctx = buildContext(sentence, 0, []);
  assert.equal(isClaim(ctx, ctx.units[0]), expected, sentence);
}

test('evaluative and causal assertions are claims', () => {
  check('A rapid withdrawal would be a disaster for the region.', true);
  check('The violence rose because the militias were never disarmed.', true);
  check('An attack against it would shatter the coalition and undermine the government.', true);
  check('It seems unlikely that the envoy acted alone in this matter.', true);
});

test('not claims: plain narration, a single weak word, questions, fragments', () => {
  check('The two men met in the capital on Friday morning.', false);
  check('The minister gave an important speech on Monday.', false);
  check('Would a withdrawal be a disaster for the region?', false);
  check('A disaster.', false);
});
