import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseDirection } from './tense';
import { tokenize } from './tokenize';

function dirOf(sentence: string, word: string): string | undefined {
  const t = tokenize(sentence);
  const i = t.findIndex((x) => x.text === word);
  return clauseDirection(t, i, i + 1, 0, t.length);
}

test('past and future cues around the mention', () => {
  assert.equal(dirOf('He said on Tuesday that', 'Tuesday'), 'past');
  assert.equal(dirOf('He will meet them on Tuesday', 'Tuesday'), 'future');
  assert.equal(dirOf("He'll meet them on Tuesday", 'Tuesday'), 'future');
  assert.equal(dirOf('Talks are set to resume Monday', 'Monday'), 'future');
  assert.equal(dirOf('Troops attacked on Monday', 'Monday'), 'past');
});

test('a passive participle is not a past tense; no cue gives undefined', () => {
  assert.equal(dirOf('The rights can be exercised until Nov', 'Nov'), 'future');
  assert.equal(dirOf('The rights are exercised by Nov', 'Nov'), undefined);
  assert.equal(dirOf('Elections in March', 'March'), undefined);
});
