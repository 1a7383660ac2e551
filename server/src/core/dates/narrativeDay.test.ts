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

test('"the same day", "that same day", "the following / previous week" follow the day just told', () => {
  const v = (text: string): string[] => recognizeDates(text, '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(v('He was arrested on Jan. 5, 2010. The same day, police raided his home.'), ['Jan. 5, 2010=2010-01-05', 'The same day=2010-01-05']);
  assert.deepEqual(v('He was arrested on Jan. 5, 2010. That same day he was freed.'), ['Jan. 5, 2010=2010-01-05', 'That same day=2010-01-05']);
  assert.deepEqual(v('He left on Jan. 5, 2010 and returned the following week.'), ['Jan. 5, 2010=2010-01-05', 'the following week=2010-W02']);
  assert.deepEqual(v('He left on Jan. 5, 2010. The previous week, police came. The next day he quit.'),
    ['Jan. 5, 2010=2010-01-05', 'The previous week=2009-W53', 'The next day=2010-01-06']);
  // Without a day told: "the following week" counts from the anchor; "the same day" is none.
  assert.deepEqual(v('The following week, prices fell.'), ['The following week=2013-W13']);
  assert.deepEqual(v('They left on the same day.'), []);
  // Negative: a clause after it names the day ("the same day Bossi threatened …", "the same day as the vote").
  assert.deepEqual(v('On Jan. 5, 2010 he spoke. He acted on the same day Bossi threatened to leave.'), ['Jan. 5, 2010=2010-01-05']);
  assert.deepEqual(v('On Jan. 5, 2010 he spoke. He acted on the same day as the vote.'), ['Jan. 5, 2010=2010-01-05']);
});

test('"that same year", "the same year": the year just told, when it was told nearby', () => {
  const v = (text: string): string[] => recognizeDates(text, '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(v('In 1993, she fell in Rome. In August the same year, she flew to Delhi.'), ['1993=1993', 'August the same year=1993-08']);
  assert.deepEqual(v('He was arrested in 2010. That same year he was freed.'), ['2010=2010', 'That same year=2010']);
  // Negative: far from any named year "in the same year" means within one year.
  const far = `In 1993 he came. ${'He played well. '.repeat(15)}He had two streaks in the same year.`;
  assert.deepEqual(v(far), ['1993=1993']);
});
