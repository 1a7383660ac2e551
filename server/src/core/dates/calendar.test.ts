import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, easterSunday, fmtDay, fmtWeek, isoWeek, isoWeekday, nthWeekdayOfMonth, parseIsoDay, seasonOf, weekdayFrom } from './calendar';

test('parses ISO days and refuses impossible ones', () => {
  assert.deepEqual(parseIsoDay('2006-11-02'), { y: 2006, m: 11, d: 2 });
  assert.deepEqual(parseIsoDay('2006-11-02T10:00:00Z'), { y: 2006, m: 11, d: 2 });
  assert.equal(parseIsoDay('2006-02-30'), undefined);
  assert.equal(parseIsoDay('Nov 2'), undefined);
  // The basic form some TimeML creation times use; a longer digit run is no day.
  assert.deepEqual(parseIsoDay('20061102'), { y: 2006, m: 11, d: 2 });
  assert.deepEqual(parseIsoDay('20061102T1030'), { y: 2006, m: 11, d: 2 });
  assert.equal(parseIsoDay('200611021'), undefined);
  assert.equal(parseIsoDay('2006-1102'), undefined);
  assert.equal(parseIsoDay(undefined), undefined);
});

test('day and month arithmetic crosses month and year ends', () => {
  assert.equal(fmtDay(addDays({ y: 2006, m: 12, d: 31 }, 1)), '2007-01-01');
  assert.equal(fmtDay(addDays({ y: 2008, m: 3, d: 1 }, -1)), '2008-02-29');
  assert.deepEqual(addMonths(2006, 1, -1), { y: 2005, m: 12 });
  assert.deepEqual(addMonths(2006, 11, 3), { y: 2007, m: 2 });
});

test('ISO weeks and weekdays', () => {
  assert.equal(isoWeekday({ y: 2006, m: 11, d: 2 }), 4); // Thursday
  assert.deepEqual(isoWeek({ y: 2006, m: 11, d: 2 }), { y: 2006, w: 44 });
  assert.equal(fmtWeek({ y: 2005, m: 1, d: 1 }), '2004-W53');
  assert.equal(fmtWeek({ y: 1998, m: 3, d: 1 }), '1998-W09');
});

test('weekday lookup in both directions', () => {
  const thu = { y: 2006, m: 11, d: 2 };
  assert.equal(fmtDay(weekdayFrom(thu, 2, 'past')), '2006-10-31');
  assert.equal(fmtDay(weekdayFrom(thu, 2, 'future')), '2006-11-07');
  assert.equal(fmtDay(weekdayFrom(thu, 4, 'past')), '2006-11-02');
});

test('floating holidays and seasons', () => {
  assert.equal(fmtDay(nthWeekdayOfMonth(2006, 11, 4, 4)), '2006-11-23'); // Thanksgiving
  assert.equal(fmtDay(nthWeekdayOfMonth(2006, 5, 1, -1)), '2006-05-29'); // Memorial Day
  assert.equal(seasonOf(7), 'SU');
  assert.equal(seasonOf(12), 'WI');
});

test('Easter Sunday by the Gregorian computus', () => {
  assert.equal(fmtDay(easterSunday(2000)), '2000-04-23');
  assert.equal(fmtDay(easterSunday(2013)), '2013-03-31');
  assert.equal(fmtDay(easterSunday(2019)), '2019-04-21');
  assert.equal(fmtDay(easterSunday(1998)), '1998-04-12');
  assert.notEqual(fmtDay(easterSunday(2014)), '2014-03-31');
});
