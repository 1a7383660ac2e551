import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeDates } from './recognizeDates';

/** "text=value" of every date mention in the text. */
function dates(text: string, dct = '2013-03-22'): string[] {
  return recognizeDates(text, dct).map((d) => `${text.slice(d.start, d.end)}=${d.value}`);
}

test('a year earlier after a named month is that month a year before', () => {
  assert.deepEqual(dates('Exports rose 8 percent in February from a year earlier.'), ['February=2013-02', 'a year earlier=2012-02']);
  assert.deepEqual(dates('Retail sales fell 2 percent last month from a year ago, the agency said.'), ['last month=2013-02', 'a year ago=2012-02']);
  assert.deepEqual(dates('The deficit in December widened to $44 billion, compared with $40 billion a year earlier.'), [
    'December=2012-12',
    'a year earlier=2011-12',
  ]);
});

test('year-earlier periods compared with a named month', () => {
  assert.deepEqual(dates('Registrations jumped 14 percent in July from the year-earlier period.', '1996-08-22'), [
    'July=1996-07',
    'the year-earlier period=1995-07',
  ]);
  assert.deepEqual(dates('Output rose in January, up from the same period last year.'), ['January=2013-01', 'the same period last year=2012-01']);
});

test('no month comparison: a range of months, a quarter, another sentence, a hedge, a year named after the month', () => {
  // Two months in the sentence make a range: the period is no single month.
  assert.deepEqual(dates('From January to June exports rose, up from the same period last year.'), [
    'January=2013-01',
    'June=2013-06',
    'the same period last year=2012',
  ]);
  // A quarter in the sentence leaves the comparison to the quarter rule.
  assert.ok(dates('Profit in the third quarter, which ended in September, rose from a year earlier.', '1989-10-26').includes('a year earlier=1988-Q3'));
  // The month is in the sentence before.
  assert.deepEqual(dates('Sales fell in February. Profit rose from a year earlier.'), ['February=2013-02', 'a year earlier=2012']);
  // "more than a year ago" is vaguer than a month.
  assert.deepEqual(dates('He arrived in February, more than a year ago.'), ['February=2013-02', 'more than a year ago=2012']);
  // A year named after the month is the reference: "a year earlier" counts from it.
  assert.ok(dates('In February, sales in 2011 were up from a year earlier.').includes('a year earlier=2010'));
  // Far from the month (more than 15 words), no comparison with it.
  assert.ok(
    dates('In February the company, which makes parts for cars and trucks sold in Europe and in Asia, earned $5 million, up from $4 million a year earlier.').includes(
      'a year earlier=2012',
    ),
  );
});

test('"the same month last year" is the month the sentence reports on, a year before', () => {
  assert.deepEqual(dates('Shipments in July surged 8.9 percent over the same month last year.', '1996-08-27'), [
    'July=1996-07',
    'the same month last year=1995-07',
  ]);
  assert.deepEqual(dates('Imports in July fell 47 percent from the corresponding month a year earlier.', '1996-08-28'), [
    'July=1996-07',
    'the corresponding month a year earlier=1995-07',
  ]);
  // No month in the sentence: the year before, over the whole phrase.
  assert.deepEqual(dates('Output was 4 percent higher than the same month last year.', '1996-08-22'), ['the same month last year=1995']);
  // Negatives: no year-back tail, another noun.
  assert.deepEqual(dates('Sales rose in July and fell the same month.', '1996-08-22'), ['July=1996-07']);
  assert.deepEqual(dates('The same man last year won.', '1996-08-22'), ['last year=1995']);
});
