import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType } from '../../types';
import { buildContext } from '../context';
import { speechActs } from '../attribution';
import { mentionsOf } from '../fixtureMentions';
import { isQuestion, recommendationCue } from './recommendation';

/** The cue of the LAST sentence of `text`: null, or the actor ('' when none). */
function check(text: string, expected: string | null, names: Record<string, EntityType> = {}) {
  const ctx = buildContext(text, 0, mentionsOf(text, names));
  const unit = ctx.units[ctx.units.length - 1];
  const cue = recommendationCue(ctx, unit, speechActs(ctx, unit));
  assert.equal(cue === null ? null : cue.actor ?? '', expected, text);
}

test('prescriptions with the actor as subject', () => {
  check('President Bush should use the summit to start work on a plan.', 'Bush', { Bush: 'person' });
  check('Washington must prevent Iraq from becoming a base for terrorists.', 'Washington', { Washington: 'place', Iraq: 'place' });
  check('The government needs to act now.', 'the government');
  check('Maliki’s highest priority must be to reach an agreement.', 'Maliki', { Maliki: 'person' });
  check('Bush met Maliki. He should press him hard.', 'Bush', { Bush: 'person', Maliki: 'person' });
});

test('impersonal and first-person prescriptions have no actor', () => {
  check('It is important that this process start soon.', '');
  check('We recommend a phased withdrawal.', '');
  check('Winning the war must remain the highest priority.', '');
});

test('not the author’s prescription: questions, reports, hindsight, predictions', () => {
  check('Should the troops stay?', null);
  check('Petraeus wrote in Foreign Policy that the conditions should be replicated.', null, { Petraeus: 'person', 'Foreign Policy': 'organization' });
  check('The troops must stay, the general said.', null);
  check('The army should have acted sooner.', null);
  check('Obama may help, but it will have to be the Iraqis doing the work.', null, { Obama: 'person' });
  check('Forces would retain the lead in operations.', null);
  check('“We must stay,” he said.', null);
  check('Her comments reflect bipartisan agreement that the regime has to go.', null);
  check('This could justify talks should the White House accept such a policy.', null);
  check('Many analysts believe that the army should withdraw.', null);
});

test('the author’s own "I believe that … should" is still a prescription', () => {
  check('I believe that the army should withdraw.', 'the army');
});

test('isQuestion answers like the end-anchored question pattern', () => {
  const QUESTION_END = /\?\s*(?:["”’]\s*)?$/;
  for (const s of ['Why?', 'Why? ', 'Why?”', 'Why? ” ', 'Why?"\n', 'Why?’’', 'Why', '?', '', '”', 'a ? b', 'Really?!', 'What? ”x', '? \u00a0']) {
    assert.equal(isQuestion(s), QUESTION_END.test(s), JSON.stringify(s));
  }
});
