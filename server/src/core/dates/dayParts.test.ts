import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDayPart } from './dayParts';
import { recognizeDates } from './recognizeDates';

test('a day with "afternoon" or "evening" takes the TIMEX3 part-of-day suffix', () => {
  assert.equal(withDayPart('2006-10-31', 'afternoon'), '2006-10-31TAF');
  assert.equal(withDayPart('2000-03-29', 'evening'), '2000-03-29TEV');
  // morning and night keep the day (as news annotation mostly does); months and refs are untouched
  assert.equal(withDayPart('2000-03-29', 'morning'), '2000-03-29');
  assert.equal(withDayPart('2000-03-29', 'night'), '2000-03-29');
  assert.equal(withDayPart('2000-03', 'evening'), '2000-03');
  assert.equal(withDayPart('PRESENT_REF', 'afternoon'), 'PRESENT_REF');
});

test('recognized days with a part of the day; re-anchored speech still counts from the plain day', () => {
  const r = (text: string, dct: string) => recognizeDates(text, dct).map((m) => `${m.text}=${m.value}`);
  assert.deepEqual(r('The strike began Tuesday afternoon.', '2006-11-02'), ['Tuesday afternoon=2006-10-31TAF']);
  assert.deepEqual(r('He arrived yesterday evening.', '2006-11-02'), ['yesterday evening=2006-11-01TEV']);
  assert.deepEqual(r('He left Friday morning.', '2006-11-02'), ['Friday morning=2006-10-27']);
  assert.deepEqual(r('Maliki told AP on Tuesday afternoon: "We will meet tomorrow."', '2006-11-02'),
    ['Tuesday afternoon=2006-10-31TAF', 'tomorrow=2006-11-01']);
});
