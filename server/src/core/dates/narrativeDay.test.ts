import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeDates } from './recognizeDates';

const DCT = '2006-11-02';
const dates = (text: string): string[] => recognizeDates(text, DCT).map((d) => `${d.text}=${d.value}`);

test('"the next day" and kin count from the last day the story named', () => {
  assert.deepEqual(dates('On Monday he left, and the next day he returned.'), ['Monday=2006-10-30', 'the next day=2006-10-31']);
  assert.deepEqual(dates('He arrived on Oct. 3; the following morning he spoke.'), ['Oct. 3=2006-10-03', 'the following morning=2006-10-04']);
  assert.deepEqual(dates('The vote was on Oct. 3. He had arrived the previous day.'), ['Oct. 3=2006-10-03', 'the previous day=2006-10-02']);
  assert.deepEqual(dates('He arrived on Oct. 3 and left the day after.'), ['Oct. 3=2006-10-03', 'the day after=2006-10-04']);
  assert.deepEqual(dates('Slepian was killed on Oct. 23, 1998. Earlier that day, the family left.'), ['Oct. 23, 1998=1998-10-23', 'Earlier that day=1998-10-23']);
  // Chained: each resolved day is the base of the next one.
  assert.deepEqual(dates('On Monday they met; the next day they talked, and the next day they signed.'),
    ['Monday=2006-10-30', 'the next day=2006-10-31', 'the next day=2006-11-01']);
});

test('with no day told before, the publication date is the base; "that day" then is none', () => {
  assert.deepEqual(dates('The next day, talks resumed.'), ['The next day=2006-11-03']);
  assert.deepEqual(dates('That day will come, he said.'), []);
});

test('"the day before/after" followed by what it counts from is not counted from the story day', () => {
  assert.deepEqual(dates('On Monday he left the day before the vote.'), ['Monday=2006-10-30']);
  assert.deepEqual(dates('On Monday, the day after Christmas, he left.').includes('the day after=2006-10-31'), false);
  assert.deepEqual(dates('On Monday he said the next step was clear.'), ['Monday=2006-10-30']);
});
