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

test('a weekday known by an epithet or in an event\'s name is no date', () => {
  assert.deepEqual(dates('Bloody Sunday in Derry is remembered.'), []);
  assert.deepEqual(dates('Stocks fell on Black Monday.'), []);
  assert.deepEqual(dates('Super Tuesday primaries decide it.'), []);
  assert.deepEqual(dates('The Good Friday Agreement of 1998 held.'), ['1998=1998']);
  // Negative: a lower-case adjective or a following sentence changes nothing.
  assert.deepEqual(dates('It was a bloody Sunday for the team.'), ['Sunday=2006-10-29']);
  assert.deepEqual(dates('He left Sunday. War broke out.'), ['Sunday=2006-10-29']);
});
