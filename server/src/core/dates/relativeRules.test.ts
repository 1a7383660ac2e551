import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agoRule, deicticRule, shiftRule, weekdayRule } from './relativeRules';
import { seasonRule } from './seasons';
import { holidayRule } from './holidays';
import { ruleAt, type Rule } from './ruleTestSupport';
import { recognizeDates } from './recognizeDates';

const at = (rule: Rule, text: string, word: string, dct = '2006-11-02'): string | undefined => ruleAt(rule, text, word, dct);

test('deictic words', () => {
  assert.equal(at(deicticRule, 'he left yesterday morning', 'yesterday'), 'yesterday morning=2006-11-01');
  assert.equal(at(deicticRule, 'the day before yesterday', 'the'), 'the day before yesterday=2006-10-31');
  assert.equal(at(deicticRule, 'right now it is', 'now'), 'now=PRESENT_REF');
  assert.equal(at(deicticRule, 'from now on', 'now'), undefined);
  assert.equal(at(deicticRule, 'in recent years', 'recent'), 'recent years=PAST_REF');
  assert.equal(at(deicticRule, 'in the near future', 'the'), 'the near future=FUTURE_REF');
});

test('last / this / next', () => {
  assert.equal(at(shiftRule, 'last week', 'last'), 'last week=2006-W43');
  assert.equal(at(shiftRule, 'next month', 'next'), 'next month=2006-12');
  assert.equal(at(shiftRule, 'the past year', 'the'), 'the past year=2005');
  assert.equal(at(shiftRule, 'last Friday', 'last'), 'last Friday=2006-10-27');
  assert.equal(at(shiftRule, 'next Thursday', 'next'), 'next Thursday=2006-11-09');
  // 2006-11-02 is a Thursday: "next Friday" is next week's (tomorrow would be "Friday"), "next
  // Tuesday" the coming one (in next week too); "this coming Friday" / "coming Friday" is tomorrow.
  assert.equal(at(shiftRule, 'next Friday', 'next'), 'next Friday=2006-11-10');
  assert.equal(at(shiftRule, 'next Tuesday', 'next'), 'next Tuesday=2006-11-07');
  assert.equal(at(shiftRule, 'this coming Friday', 'this'), 'this coming Friday=2006-11-03');
  assert.equal(at(shiftRule, 'the coming Friday', 'the'), undefined);
  assert.equal(at(shiftRule, 'next weekend', 'next'), 'next weekend=2006-W45-WE');
  assert.equal(at(shiftRule, 'next weekend', 'next', '2006-11-03'), 'next weekend=2006-W45-WE');
  assert.equal(at(shiftRule, 'this weekend', 'this', '2006-11-03'), 'this weekend=2006-W44-WE');
  // 2006-11-05 is a Sunday: "this week" ahead is the week from tomorrow; told in the past, the week ending today.
  assert.equal(at(shiftRule, 'Congress will vote this week', 'this', '2006-11-05'), 'this week=2006-W45');
  assert.equal(at(shiftRule, 'Prices rose this week', 'this', '2006-11-05'), 'this week=2006-W44');
  assert.equal(at(shiftRule, 'Congress will vote this week', 'this', '2006-11-04'), 'this week=2006-W44');
  assert.equal(at(shiftRule, 'down from the previous Friday', 'the'), 'the previous Friday=2006-10-27');
  assert.equal(at(shiftRule, 'last April', 'last'), 'last April=2006-04');
  assert.equal(at(shiftRule, 'this past spring', 'this'), 'this past spring=2006-SP');
  assert.equal(at(shiftRule, 'by the end of the year', 'the'), 'the end of the year=2006');
  assert.equal(at(shiftRule, 'on ABC\'s "This Week"', 'This'), undefined);
  assert.equal(at(shiftRule, 'last weeks', 'last'), undefined);
});

test('seasons, weekdays, ago, holidays', () => {
  assert.equal(at(seasonRule, 'in the winter of 1994', 'the'), 'the winter of 1994=1994-WI');
  assert.equal(at(seasonRule, 'the fall of Saigon', 'the'), undefined);
  assert.equal(at(seasonRule, 'prices fall sharply', 'fall'), undefined);
  assert.equal(at(weekdayRule, 'he said Tuesday night', 'Tuesday'), 'Tuesday night=2006-10-31');
  assert.equal(at(weekdayRule, 'he will go Tuesday', 'Tuesday'), 'Tuesday=2006-11-07');
  assert.equal(at(agoRule, 'nearly four years ago', 'nearly'), 'nearly four years ago=2002');
  // A focus word is no approximation: outside the expression.
  assert.equal(at(agoRule, 'just a decade ago', 'just'), undefined);
  assert.equal(at(agoRule, 'just a decade ago', 'a'), 'a decade ago=1996');
  assert.equal(at(agoRule, 'only two days ago', 'only'), undefined);
  // "some years ago" is vague, as "several years ago" is; "some 20 years ago" approximates a count.
  assert.equal(at(agoRule, 'some years ago', 'some'), 'some years ago=PAST_REF');
  assert.equal(at(agoRule, 'some 20 years ago', 'some'), 'some 20 years ago=1986');
  // Negative: without a count word TimeBank marks "months ago" a duration (PXM), not this rule's.
  assert.equal(at(agoRule, 'months ago', 'months'), undefined);
  assert.equal(at(agoRule, 'six weeks ago', 'six'), 'six weeks ago=2006-W38');
  assert.equal(at(agoRule, 'several years ago', 'several'), 'several years ago=PAST_REF');
  assert.equal(at(agoRule, 'two days before the vote', 'two'), undefined);
  assert.equal(at(agoRule, 'three days later', 'three'), undefined); // a duration
  assert.equal(at(agoRule, 'a year earlier', 'a'), 'a year earlier=2005');
  assert.equal(at(agoRule, 'A few hours later', 'A'), undefined);
  assert.equal(at(holidayRule, 'on Thanksgiving Day', 'Thanksgiving'), 'Thanksgiving Day=2006-11-23');
  assert.equal(at(holidayRule, 'on Christmas Eve', 'Christmas'), 'Christmas Eve=2006-12-24');
  assert.equal(at(holidayRule, "New Year's Day 2007", 'New'), "New Year's Day 2007=2007-01-01");
});

test('"the year" after a preposition is the year the story is in', () => {
  const y = (text: string, word = 'the') => at(shiftRule, text, word, '1989-10-30');
  assert.equal(y('a high for the year of $42.875'), 'the year=1989');
  assert.equal(y('net for nine months of the year rose'), 'the year=1989');
  assert.equal(y('an increase for the full year.'), 'the full year=1989');
  assert.equal(y('was delayed earlier in the year by rain'), 'earlier in the year=1989');
  // Other years, spans and titles.
  assert.equal(y('for the year ended June 30'), undefined);
  assert.equal(y('in the year he was born'), undefined);
  assert.equal(y('for the year before'), undefined);
  assert.equal(y('for the whole year of 1996'), undefined);
  assert.equal(y('named player of the year'), undefined);
  assert.equal(y('named Person of the Year'), undefined);
  assert.equal(y('the year was good'), undefined);
});

test('"the year" is the year its sentence has just named, else the anchor\'s', () => {
  const values = (text: string) => recognizeDates(text, '1998-10-25').map((m) => `${m.text}=${m.value}`);
  assert.deepEqual(values('In 1995, profit for the year rose.'), ['1995=1995', 'the year=1995']);
  // a year named after it, or in an earlier sentence, does not count
  assert.deepEqual(values('Sales for the year rose, compared with 1997.'), ['the year=1998', '1997=1997']);
  assert.deepEqual(values('It began in 1995. Sales for the year rose.'), ['1995=1995', 'the year=1998']);
});

test('a present copula before a weekday schedules it', () => {
  assert.equal(at(weekdayRule, 'His funeral is Friday.', 'Friday'), 'Friday=2006-11-03');
  assert.equal(at(weekdayRule, 'The talks are on Monday.', 'Monday'), 'Monday=2006-11-06');
  // the same day counts: "Today is Thursday" on a Thursday
  assert.equal(at(weekdayRule, 'Today is Thursday.', 'Thursday'), 'Thursday=2006-11-02');
  // without the copula, a reported weekday stays in the past
  assert.equal(at(weekdayRule, 'His funeral was Friday.', 'Friday'), 'Friday=2006-10-27');
  assert.equal(at(weekdayRule, 'He died Friday.', 'Friday'), 'Friday=2006-10-27');
});

test('a weekday an event is put off to lies ahead', () => {
  // 2006-11-02 is a Thursday.
  assert.equal(at(weekdayRule, 'Officials postponed until Tuesday any action on the case.', 'Tuesday'), 'Tuesday=2006-11-07');
  assert.equal(at(weekdayRule, 'The court adjourned the hearing to Monday.', 'Monday'), 'Monday=2006-11-06');
  assert.equal(at(weekdayRule, 'The INS extended its deadline until 9 a.m. EST Tuesday.', 'Tuesday'), 'Tuesday=2006-11-07');
  assert.equal(at(weekdayRule, 'The vote was put off until Monday.', 'Monday'), 'Monday=2006-11-06');
  // "until" after a verb that moves nothing: the clause's own tense decides.
  assert.equal(at(weekdayRule, 'He stayed in Miami until Tuesday.', 'Tuesday'), 'Tuesday=2006-10-31');
  assert.equal(at(weekdayRule, 'They put the files on the desk until Monday.', 'Monday'), 'Monday=2006-10-30');
  // A postponement in another clause does not reach over the comma.
  assert.equal(at(weekdayRule, 'The talks were postponed, and he left for Geneva until Monday.', 'Monday'), 'Monday=2006-10-30');
});

test('the adjective "current" is the present; "then current" the past; the noun and fixed terms are no date', () => {
  assert.equal(at(deicticRule, 'because of current market conditions', 'current'), 'current=PRESENT_REF');
  assert.equal(at(deicticRule, 'he entered his current position in April', 'current'), 'current=PRESENT_REF');
  assert.equal(at(deicticRule, 'at 50% of the then current market price', 'current'), 'then current=PAST_REF');
  assert.equal(at(deicticRule, 'the current is strong here', 'current'), undefined);
  assert.equal(at(deicticRule, 'the current account deficit widened', 'current'), undefined);
  assert.equal(at(deicticRule, 'an alternating current.', 'current'), undefined);
  // "the current year" / "the current fiscal year" are left to the period rules (a year value).
  assert.equal(at(deicticRule, 'in the current year', 'current'), undefined);
  assert.equal(at(deicticRule, 'in the current fiscal year', 'current'), undefined);
  assert.deepEqual(recognizeDates('Sales in the current fiscal year rose.', '1989-11-02').map((d) => `${d.text}=${d.value}`), ['the current fiscal year=1989']);
});

test('a weekday as a deadline or start lies ahead unless its clause is in the past', () => {
  // anchor Thursday 2006-11-02
  assert.equal(at(weekdayRule, 'Police have until Friday to charge him.', 'Friday'), 'Friday=2006-11-03');
  assert.equal(at(weekdayRule, 'Starting Monday, the rules change.', 'Monday'), 'Monday=2006-11-06');
  // a past clause keeps the past day
  assert.equal(at(weekdayRule, 'Police had until Friday to charge him.', 'Friday'), 'Friday=2006-10-27');
  assert.equal(at(weekdayRule, 'Ten countries had filed reports by Wednesday.', 'Wednesday'), 'Wednesday=2006-11-01');
  // no bound word: the past by default
  assert.equal(at(weekdayRule, 'Shares closed at $5 Monday.', 'Monday'), 'Monday=2006-10-30');
});

test('"today\'s" before a noun of the present age is PRESENT_REF, not the day', () => {
  const values = (text: string): string[] => recognizeDates(text, '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(values("It matters in today's world."), ['today=PRESENT_REF']);
  assert.deepEqual(values("many of today's personal computers"), ['today=PRESENT_REF']);
  // Negative: a day's event, a part of the day, "today" alone.
  assert.deepEqual(values("Today's session was quiet."), ['Today=2013-03-22']);
  assert.deepEqual(values("today's morning world news"), ['today=2013-03-22']);
  assert.deepEqual(values('The world changed today.'), ['today=2013-03-22']);
});

test('"the end of the decade" is the anchor\'s decade; "the decade" alone is not read', () => {
  const values = (text: string): string[] => recognizeDates(text, '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(values('By the end of the decade, emissions will fall.'), ['the end of the decade=201']);
  assert.deepEqual(values('for the rest of the decade'), ['the decade=201']);
  assert.deepEqual(values('The decade was hard.'), []);
  assert.deepEqual(values('a record of the decade'), []);
});

test('"this morning", "this evening", "last night" are times of the day (TIMEX3 TIME)', () => {
  const times = (text: string): string[] => recognizeDates(text, '1998-02-06').map((d) => `${d.type}:${d.text}=${d.value}`);
  assert.deepEqual(times('Her lawyers stated this morning that'), ['time:this morning=1998-02-06TMO']);
  assert.deepEqual(times('At the end of the broadcast this evening, one more trip'), ['time:this evening=1998-02-06TEV']);
  assert.deepEqual(times("after last night's attacks"), ['time:last night=1998-02-05TNI']);
  // Negative: "last morning" is no expression; "this week" stays a date.
  assert.deepEqual(times('on the last morning of the trip'), []);
  assert.deepEqual(times('this week'), ['date:this week=1998-W06']);
});

test('"from today" counts ahead like "from now"', () => {
  const values = (text: string): string[] => recognizeDates(text, '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(values('Ten days from today, the vote happens.'), ['Ten days from today=2013-04-01']);
  assert.deepEqual(values('Two weeks from today.'), ['Two weeks from today=2013-W14']);
  assert.deepEqual(values('Several weeks from today.'), ['Several weeks from today=FUTURE_REF']);
  // Negative: "from today's" is no count ahead.
  assert.deepEqual(values("two weeks from today's level").map((v) => v.split('=')[0]), ['two weeks', 'today']);
});

test('"the weekend of <day>" is the weekend of that day\'s week', () => {
  const values = (text: string): string[] => recognizeDates(text, '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(values('It takes place on the weekend of March 30.'), ['the weekend of March 30=2013-W13-WE']);
  assert.deepEqual(values('Over the weekend of Nov. 5, 2011, it rained.'), ['the weekend of Nov. 5, 2011=2011-W44-WE']);
  // Negative: "the weekend of" before no day keeps the plain weekend.
  assert.deepEqual(values('It was the weekend of his wedding.'), ['the weekend=2013-W11-WE']);
});

test('a weekday naming a weekly break is the nearest one, whatever the tense', () => {
  // Saturday 1996-08-31: the Friday just past; Thursday 1996-08-22: the next day.
  assert.equal(at(weekdayRule, 'when the market reopens after Moslem Friday weekend', 'Friday', '1996-08-31'), 'Friday=1996-08-30');
  assert.equal(at(weekdayRule, 'short-covering ahead of Friday weekend', 'Friday', '1996-08-22'), 'Friday=1996-08-23');
  assert.equal(at(weekdayRule, 'shares rose after the Friday weekend', 'Friday', '1996-08-26'), 'Friday=1996-08-23');
  // Without "weekend" the tense decides as before: a future clause puts Friday ahead.
  assert.equal(at(weekdayRule, 'when the market reopens after Friday', 'Friday', '1996-08-31'), 'Friday=1996-09-06');
  assert.equal(at(weekdayRule, 'shares rose after Friday', 'Friday', '1996-08-22'), 'Friday=1996-08-16');
  // "Friday night weekend" is no such compound: the day part keeps the tense reading.
  assert.equal(at(weekdayRule, 'the market will reopen after Friday night', 'Friday', '1996-08-31'), 'Friday night=1996-09-06');
});

test('a weekday of last / this / next week is that week\'s day', () => {
  assert.equal(at(weekdayRule, 'could announce the names on Monday next week', 'Monday', '1996-08-28'), 'Monday next week=1996-09-02');
  assert.equal(at(weekdayRule, 'He left on Tuesday last week', 'Tuesday', '1996-08-28'), 'Tuesday last week=1996-08-20');
  assert.equal(at(weekdayRule, 'The vote is on Friday of next week', 'Friday', '1996-08-28'), 'Friday of next week=1996-09-06');
  // Negative: "next week's" belongs to a noun; a comma parts the two dates.
  assert.equal(at(weekdayRule, "On Monday next week's talks open", 'Monday', '1996-08-28'), 'Monday=1996-09-02');
  assert.equal(at(weekdayRule, 'He arrived Monday, next week he leaves', 'Monday', '1996-08-28'), 'Monday=1996-08-26');
});

test('"the week of <day>" is that day\'s ISO week', () => {
  const values = (text: string): string[] => recognizeDates(text, '2013-03-22').filter((d) => d.type === 'date').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(values('Lawmakers return from recess the week of April 8.'), ['the week of April 8=2013-W15']);
  assert.deepEqual(values('It happened the week of Jan. 3, 2011.'), ['the week of Jan. 3, 2011=2011-W01']);
  // Negative: "the week of" before no day is no such expression.
  assert.deepEqual(values('It was the week of the summit.').filter((v) => v.includes('of')), []);
});

test('"this weekend": the one just past in the past tense or early in the week, else the coming one', () => {
  const v = (text: string, dct: string): string[] => recognizeDates(text, dct).map((d) => `${d.text}=${d.value}`);
  // Monday 2013-03-25
  assert.deepEqual(v('It rained this weekend.', '2013-03-25'), ['this weekend=2013-W12-WE']);
  assert.deepEqual(v('The festival this weekend drew crowds.', '2013-03-25'), ['this weekend=2013-W12-WE']);
  assert.deepEqual(v('He will rest this weekend.', '2013-03-25'), ['this weekend=2013-W13-WE']);
  // Friday 2013-03-22: the coming weekend unless the clause is past; Saturday: the weekend under way.
  assert.deepEqual(v('Crowds are expected this weekend.', '2013-03-22'), ['this weekend=2013-W12-WE']);
  assert.deepEqual(v('It rained this weekend.', '2013-03-22'), ['this weekend=2013-W11-WE']);
  assert.deepEqual(v('It rained this weekend.', '2013-03-23'), ['this weekend=2013-W12-WE']);
});

test('seasons: a season word that classifies a noun is no date; "this winter" in January is the one under way', () => {
  const v = (text: string, dct: string): string[] => recognizeDates(text, dct).map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(v('They sowed the winter wheat.', '1996-08-28'), []);
  assert.deepEqual(v('the Summer Olympics', '1996-08-28'), []);
  assert.deepEqual(v('Heating costs rose this winter.', '2013-01-15'), ['this winter=2012-WI']);
  assert.deepEqual(v('Snow fell heavily this winter.', '2013-03-22'), ['this winter=2012-WI']);
  // Negative: a season before another noun stays a date ("in the summer months" is the summer).
  assert.deepEqual(v('Sales rose in the summer months.', '2013-10-02'), ['the summer=2013-SU']);
});

test('"a year later" counts from the year the story last named', () => {
  const v = (text: string): string[] => recognizeDates(text, '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(v('In 1968, IVAC introduced the device. A year later IVAC improved it.'), ['1968=1968', 'A year later=1969']);
  // "a year earlier" counts from a year named in its own sentence.
  assert.deepEqual(v('In 1968, sales rose from a year earlier.'), ['1968=1968', 'a year earlier=1967']);
  // Negative: with no year named, the publication year; a year named in an earlier sentence does not
  // make "a year earlier" the year before it (in business news that is the year before publication).
  assert.deepEqual(v('A year later, we will know.'), ['A year later=2014']);
  assert.deepEqual(v('It was founded in 1968. Sales rose 5% from a year earlier.'), ['1968=1968', 'a year earlier=2012']);
});
