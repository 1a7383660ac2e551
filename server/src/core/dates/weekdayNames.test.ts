import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeDates } from './recognizeDates';

const dates = (text: string): string[] => recognizeDates(text, '2006-11-02').map((d) => `${d.text}=${d.value}`);

test('a weekday in a paper\'s or a person\'s name is no date', () => {
  assert.deepEqual(dates('The Sunday Times reported the plan.'), []);
  assert.deepEqual(dates('Sunday Telegraph quoted an official.'), []);
  assert.deepEqual(dates('Mr. Sunday said so.'), []);
  assert.deepEqual(dates('He watched Monday Night Football.'), []);
});

test('a weekday before a capitalised word is still a date when cued or not a title word', () => {
  assert.deepEqual(dates('On Sunday Times Square was empty.'), ['Sunday=2006-10-29']);
  assert.deepEqual(dates('The Times reported Sunday that talks failed.'), ['Sunday=2006-10-29']);
  assert.deepEqual(dates('Tuesday President Bush said no.'), ['Tuesday=2006-10-31']);
  assert.deepEqual(dates('Sunday night he left.'), ['Sunday night=2006-10-29']);
});
