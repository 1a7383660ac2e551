import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairOtherClassTypes } from './otherClassTypes';
import { retypeMiscRepeats } from './ruleRepeats';
import { LOC, MISC, ORG, PER, spanSetup } from './spanTestSupport';

function run(text: string, names: Array<[string, number, number]>): string[] {
  const s = spanSetup(text, names);
  repairOtherClassTypes(s.spans, s.ctx);
  retypeMiscRepeats(s.spans, s.ctx);
  return s.show();
}

test('a name before "and other <class>" takes the class type, MISC included; its MISC repeats follow', () => {
  const text = 'a base for al-Qaeda and other terrorist groups. Later al-Qaeda and others met.';
  assert.deepEqual(run(text, [['al-Qaeda', MISC, 0.75], ['al-Qaeda', MISC, 0.7]]), [`${ORG}*:al-Qaeda`, `${ORG}*:al-Qaeda`]);
  assert.deepEqual(run('protests in Najaf or other Shiite cities', [['Najaf', PER, 0.6]]), [`${LOC}*:Najaf`]);
  assert.deepEqual(run('Sistani and other senior clerics agreed', [['Sistani', LOC, 0.7]]), [`${PER}*:Sistani`]);
});

test('sure names, demonyms, MISC people and names without the pattern keep their type', () => {
  assert.deepEqual(run('Nokia and other companies rose.', [['Nokia', LOC, 0.95]]), [`${LOC}:Nokia`]); // sure
  assert.deepEqual(run('Iraqi and other Arab groups met.', [['Iraqi', MISC, 0.9]]), [`${MISC}:Iraqi`]); // a demonym
  assert.deepEqual(run('Sistani and other clerics spoke.', [['Sistani', MISC, 0.7]]), [`${MISC}:Sistani`]); // MISC never becomes a person
  assert.deepEqual(run('Hamas and the other groups met.', [['Hamas', PER, 0.6]]), [`${PER}:Hamas`]); // "the other"
  assert.deepEqual(run('Hamas and other things happened.', [['Hamas', PER, 0.6]]), [`${PER}:Hamas`]); // no class noun
  // a MISC name with no rule-typed repeat stays MISC
  assert.deepEqual(run('The Olympics and other events.', [['Olympics', MISC, 0.9]]), [`${MISC}:Olympics`]);
});
