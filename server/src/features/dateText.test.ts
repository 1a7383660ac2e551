import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relationToPublication, weekdayOf } from './dateText';

test('a day with a part of day or a time still has its weekday and its distance from publication', () => {
  assert.equal(weekdayOf('2006-10-31'), 'Tuesday');
  assert.equal(weekdayOf('2006-10-31TAF'), 'Tuesday');
  assert.equal(weekdayOf('2006-10-31T17:00'), 'Tuesday');
  assert.equal(relationToPublication('2006-10-31TAF', '2006-11-02'), '2 days before publication');
  assert.equal(relationToPublication('2006-11-02TEV', '2006-11-02'), 'the day of publication');
});

test('periods and durations have no weekday', () => {
  for (const value of ['2006-11', '2006', '2006-W44', 'P6M', '2006-10-31Tuesday', 'PRESENT_REF']) assert.equal(weekdayOf(value), undefined, value);
  assert.equal(relationToPublication('2006-11', '2006-11-02'), 'the period of publication');
});
