import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nthWeekdayRule } from './nthWeekday';
import { ruleAt } from './ruleTestSupport';

const at = (text: string, dct = '2013-03-22'): string | undefined => ruleAt(nthWeekdayRule, text, 'the', dct);

test('a weekday by its place in a month', () => {
  assert.equal(at('It was held on the first Sunday of March.'), 'the first Sunday of March=2013-03-03');
  assert.equal(at('The vote is on the last Friday in June 2012.'), 'the last Friday in June 2012=2012-06-29');
  assert.equal(at('Meetings are on the second Tuesday of the month.'), 'the second Tuesday of the month=2013-03-12');
  // Without a year: the nearest occurrence the tense allows.
  assert.equal(at('The race will be run on the last Sunday in October.'), 'the last Sunday in October=2013-10-27');
  assert.equal(at('It happened on the first Monday of November.'), 'the first Monday of November=2012-11-05');
});

test('not a place in a month: no month after, no weekday, no place word', () => {
  assert.equal(at('the first Monday of next week'), undefined);
  assert.equal(at('the first day of March'), undefined);
  assert.equal(at('the fifth Sunday of March'), undefined);
  assert.equal(at('the first Sunday after Easter'), undefined);
});
