import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeDates } from './recognizeDates';

// 2013-03-15 is a Friday: the Tuesday before is the 12th, the Thursday after it the 14th.
const values = (text: string): string[] => recognizeDates(text, '2013-03-15').map((d) => `${d.text}=${d.value}`);

test('"would" puts a weekday ahead of the day of the report, not of publication', () => {
  assert.deepEqual(values('The ministry said Tuesday that the vote would take place Thursday.'), ['Tuesday=2013-03-12', 'Thursday=2013-03-14']);
  assert.deepEqual(values('On Tuesday, the ministry said the vote would take place Thursday.'), ['Tuesday=2013-03-12', 'Thursday=2013-03-14']);
  assert.deepEqual(values('The ministry told reporters yesterday the vote would be held Friday.'), ['yesterday=2013-03-14', 'Friday=2013-03-15']);
});

test('without a day of report, or with "will", the weekday lies ahead of publication', () => {
  assert.deepEqual(values('The ministry said the vote would take place Thursday.'), ['Thursday=2013-03-21']);
  assert.deepEqual(values('The ministry said Tuesday that the vote will take place Thursday.'), ['Tuesday=2013-03-12', 'Thursday=2013-03-21']);
});
