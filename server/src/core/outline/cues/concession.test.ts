import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContext } from '../context';
import { concessionCue } from './concession';

function check(sentence: string, expected: string | null) {
  const ctx = buildContext(sentence, 0, []);
  const cue = concessionCue(ctx, ctx.units[0]);
  assert.equal(cue ? cue.marker : null, expected, sentence);
}

test('sentence-opening contrast and concession markers', () => {
  check('But the plan failed.', 'But');
  check('However, the embassy had no comment.', 'However');
  check('Although Iraqi forces are improving, they are not ready.', 'Although');
  check('Admittedly, the risks are high.', 'Admittedly');
  check('To be sure, some progress was made.', 'To be sure');
  check('While the goal is achievable, a civil war offers little hope.', 'While');
  check('Still, neither side sought talks.', 'Still');
  check('Critics say the policy is doomed.', 'critics');
  check('Some analysts, including a former envoy, argue the talks are futile.', 'critics');
});

test('not concessions: "but" inside a sentence, adverbial "still", other openers', () => {
  check('The plan was bold but flawed.', null);
  check('Iraqi police still lack training.', null);
  check('Still more troops arrived.', null);
  check('Butler said the plan would work.', null);
  check('The critics arrived late.', null);
  check('Some troops left on Monday.', null);
});
