import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centuryRule, dayMonthRule, monthRule, numericDateRule, yearRule } from './absoluteRules';
import { ruleAt, type Rule } from './ruleTestSupport';
import { recognizeDates } from './recognizeDates';

const at = (rule: Rule, text: string, word: string, dct = '2006-05-06'): string | undefined => ruleAt(rule, text, word, dct);

test('month rules: full, partial, month-year, lone month with cues', () => {
  assert.equal(at(monthRule, 'on Nov. 2, 2006, he', 'Nov'), 'Nov. 2, 2006=2006-11-02');
  assert.equal(at(monthRule, 'on Friday, Oct. 23, he', 'Friday'), 'Friday, Oct. 23=2005-10-23');
  assert.equal(at(monthRule, 'in January 1998', 'January'), 'January 1998=1998-01');
  assert.equal(at(monthRule, 'in June last year', 'June'), 'June last year=2005-06');
  assert.equal(at(monthRule, 'since May the', 'May'), 'May=2006-05');
  assert.equal(at(monthRule, 'May be', 'May'), undefined);
  assert.equal(at(monthRule, 'they may be', 'may'), undefined);
  assert.equal(at(monthRule, 'the March on Rome', 'March'), undefined);
  assert.equal(at(monthRule, 'envoy April Glaspie said', 'April'), undefined);
  assert.equal(at(monthRule, 'Feb. 30, 2006', 'Feb'), undefined);
  assert.equal(at(monthRule, 'from Jan. 5-10, 2004, he', 'Jan'), 'Jan. 5-10, 2004=2004-01-05');
  assert.equal(at(monthRule, 'on March 5th to 7th, 2004', 'March'), 'March 5th to 7th, 2004=2004-03-05');
});

test('a lone month beside a past verb of saying is the past one, even a month ahead of the anchor', () => {
  assert.equal(at(monthRule, 'In June he said, "we leave."', 'June'), 'June=2005-06');
  assert.equal(at(monthRule, 'He said in June that', 'June'), 'June=2005-06');
  assert.equal(at(monthRule, 'In June, they reported gains.', 'June'), 'June=2005-06');
  // No past verb of saying beside it: the nearest June (ahead) as before.
  assert.equal(at(monthRule, 'He will say in June', 'June'), 'June=2006-06');
  assert.equal(at(monthRule, 'The vote in June will decide', 'June'), 'June=2006-06');
});

test('a month in a future clause closed by ", he said." is the month to come, not the past one', () => {
  assert.equal(at(monthRule, 'Sales will rise in January, he said.', 'January', '1999-12-20'), 'January=2000-01');
  assert.equal(at(monthRule, 'The unit will be sold in June, they said.', 'June', '2006-05-06'), 'June=2006-06');
  // A past clause, or an attribution that goes on, keeps the month of the saying.
  assert.equal(at(monthRule, 'Sales rose in January, he said.', 'January', '1999-12-20'), 'January=1999-01');
  assert.equal(at(monthRule, 'In June, they reported gains.', 'June'), 'June=2005-06');
  assert.equal(at(monthRule, 'Sales will rise in January, he said, adding that costs fell.', 'January', '1999-12-20'), 'January=1999-01');
});

test('month ranges: both ends are months, even "March" and "May" without a cue word', () => {
  assert.equal(at(monthRule, 'during the same March-April period', 'March'), 'March=2006-03');
  assert.equal(at(monthRule, 'during the same March-April period', 'April'), 'April=2006-04');
  assert.equal(at(monthRule, 'the January-March quarter', 'March'), 'March=2006-03');
  assert.equal(at(monthRule, 'the Jan.-March quarter', 'March'), 'March=2006-03');
  assert.equal(at(monthRule, 'from March to April', 'March'), 'March=2006-03');
  assert.equal(at(monthRule, 'between April and May', 'May'), 'May=2006-05');
  assert.equal(at(monthRule, 'the May\u2013June lull', 'May'), 'May=2006-05');
  // No month on the other side: the verb / noun readings stay out.
  assert.equal(at(monthRule, 'They March to Baghdad', 'March'), undefined);
  assert.equal(at(monthRule, 'Troops May and will leave', 'May'), undefined);
  assert.equal(at(monthRule, 'a March-based plan', 'March'), undefined);
});

test('day-month, numeric dates, centuries', () => {
  assert.equal(at(dayMonthRule, 'on 16 January 2006', '16'), '16 January 2006=2006-01-16');
  assert.equal(at(dayMonthRule, 'on the first of May 2004', 'the'), 'the first of May 2004=2004-05-01');
  assert.equal(at(dayMonthRule, 'on the twenty-third of June 2004', 'the'), 'the twenty-third of June 2004=2004-06-23');
  assert.equal(at(dayMonthRule, 'the first of many', 'the'), undefined);
  assert.equal(at(dayMonthRule, 'the first May rally', 'the'), undefined);
  assert.equal(at(dayMonthRule, 'the second of two', 'the'), undefined);
  assert.equal(at(numericDateRule, 'on 2006-11-02 at', '2006'), '2006-11-02=2006-11-02');
  assert.equal(at(numericDateRule, 'on 11/02/2006 at', '11/02/2006'), '11/02/2006=2006-11-02');
  assert.equal(at(numericDateRule, 'up 2 1/2 points', '1/2'), undefined);
  assert.equal(at(centuryRule, 'in the 20th century', '20th'), 'the 20th century=19');
  assert.equal(at(centuryRule, 'a 19th-century building', '19th'), '19th-century=18');
  assert.equal(at(centuryRule, 'the 19th - century view', '19th'), undefined); // spaced: no compound
  assert.equal(at(centuryRule, 'the 19th of May', '19th'), undefined);
});

test('years and decades, with their filters', () => {
  assert.equal(at(yearRule, 'in 2013 he', '2013'), '2013=2013');
  assert.equal(at(yearRule, 'in fiscal 1989 he', '1989'), 'fiscal 1989=1989');
  assert.equal(at(yearRule, 'in mid-1996 after', '1996'), '1996=1996');
  assert.equal(at(yearRule, 'the 2006-7 budget', '7'), undefined);
  assert.equal(at(yearRule, 'through the 1990s', '1990s'), 'the 1990s=199');
  assert.equal(at(yearRule, "in the '90s", "'"), "the '90s=199");
  assert.equal(at(yearRule, 'through the nineties', 'nineties'), 'the nineties=199');
  assert.equal(at(yearRule, 'some 2000 people', '2000'), undefined);
  assert.equal(at(yearRule, 'cost $2006 each', '2006'), undefined);
  assert.equal(at(yearRule, 'rose 2006 %', '2006'), undefined);
  assert.equal(at(yearRule, 'at 12:30', '12:30'), undefined);
  assert.equal(at(yearRule, 'nineteen ninety-six was', 'nineteen'), 'nineteen ninety-six=1996');
  assert.equal(at(yearRule, 'for two thousand years', 'two'), undefined);
});

test('a month before a futures noun is the delivery month to come', () => {
  assert.equal(at(monthRule, 'December bonds were off 27/32', 'December', '1996-08-30'), 'December=1996-12');
  assert.equal(at(monthRule, 'and October crude rose 44 cents', 'October', '1996-08-30'), 'October=1996-10');
  assert.equal(at(monthRule, 'the July contract fell', 'July', '1996-08-30'), 'July=1997-07');
  // a month in a past-tense report stays the last one
  assert.equal(at(monthRule, 'inflation was 20 percent in December', 'December', '1996-08-30'), 'December=1995-12');
});

test('a month-day followed by "last/this/next year" takes that year', () => {
  assert.equal(at(monthRule, 'on March 3 last year he left', 'March', '2013-03-06'), 'March 3 last year=2012-03-03');
  assert.equal(at(monthRule, 'hit on Oct. 29 last year', 'Oct', '2013-03-06'), 'Oct. 29 last year=2012-10-29');
  assert.equal(at(monthRule, 'opens Jan. 5 next year', 'Jan', '2013-03-06'), 'Jan. 5 next year=2014-01-05');
  assert.equal(at(monthRule, 'in June last year', 'June', '2013-03-06'), 'June last year=2012-06');
  // "last" not before "year" is no year shift
  assert.equal(at(monthRule, 'on March 3 last week', 'March', '2013-03-06'), 'March 3=2013-03-03');
});

test('the month ending a range follows the month that starts it', () => {
  const values = (text: string, dct: string): string[] => recognizeDates(text, dct).map((d) => `${d.text}=${d.value}`);
  // Alone, November would be the nearest one (last year); as the end of a range from June it follows June.
  assert.deepEqual(values('The hurricane season runs from June to November.', '2013-03-22'), ['June=2013-06', 'November=2013-11']);
  // A range across the new year: the end month is in the year after the start.
  assert.deepEqual(values('in the first quarter of 1996/97 (April-March)', '1996-08-28').slice(-2), ['April=1996-04', 'March=1997-03']);
  // Negative: a pair joined by "and" and months in separate clauses resolve on their own.
  assert.deepEqual(values('Sales fell in November and rose in June.', '2013-03-22'), ['November=2012-11', 'June=2012-06']);
  assert.deepEqual(values('He arrived in June. To November, nothing.', '2013-03-22').map((v) => v.split('=')[0]), ['June', 'November']);
});

test('numeric dates: day first when the first number cannot be a month; dotted European dates', () => {
  assert.equal(at(numericDateRule, 'dated 22/03/2013', '22/03/2013'), '22/03/2013=2013-03-22');
  assert.equal(at(numericDateRule, 'signed on 3/15/2013', '3/15/2013'), '3/15/2013=2013-03-15');
  assert.equal(at(numericDateRule, 'on 22.03.2013', '22.03.2013'), '22.03.2013=2013-03-22');
  // Ambiguous ones stay month first; impossible ones are no date.
  assert.equal(at(numericDateRule, 'on 3/4/2013', '3/4/2013'), '3/4/2013=2013-03-04');
  assert.equal(at(numericDateRule, 'on 22/13/2013', '22/13/2013'), undefined);
  assert.equal(at(numericDateRule, 'on 1.2.2013', '1.2.2013'), '1.2.2013=2013-02-01');
  assert.equal(at(numericDateRule, 'version 1.2.3', '1.2.3'), undefined);
});

test('"March of last year" is one expression in the year before the anchor', () => {
  assert.equal(at(monthRule, 'in March of last year', 'March', '2013-03-22'), 'March of last year=2012-03');
  assert.equal(at(monthRule, 'in June of this year', 'June', '2013-03-22'), 'June of this year=2013-06');
  // Negative: "of" before something else leaves the month alone.
  assert.equal(at(monthRule, 'in March of that year', 'March', '2013-03-22'), 'March=2013-03');
});

test('a year cut to two digits after a preposition', () => {
  assert.equal(at(yearRule, "He won in '08 again", "'", '2013-03-22'), "'08=2008");
  assert.equal(at(yearRule, "lost since '95", "'", '2013-03-22'), "'95=1995");
  assert.equal(at(yearRule, "the class of '69", "'", '2013-03-22'), "'69=1969");
  // Negative: no preposition before it, or more after the number.
  assert.equal(at(yearRule, "He said '08 was bad", "'", '2013-03-22'), undefined);
  assert.equal(at(yearRule, "in '08abc", "'", '2013-03-22'), undefined);
  assert.equal(at(yearRule, "in '90s music", "'", '2013-03-22'), "'90s=199");
});

test('a month with "that year" / "the same year" / "the following year" takes the year the story named', () => {
  const v = (text: string): string[] => recognizeDates(text, '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(v('He was elected in 1990 and resigned in March the following year.'), ['1990=1990', 'March the following year=1991-03']);
  assert.deepEqual(v('He came in 1990; on March 3 that year he left.'), ['1990=1990', 'March 3 that year=1990-03-03']);
  assert.deepEqual(v('In 2001 he came. In May that year, he quit.'), ['2001=2001', 'May that year=2001-05']);
  // Negative: no year named (nearby), or a possessive ("the following year's budget"), leaves the month alone.
  assert.deepEqual(v('He resigned in March the following year.'), ['March=2013-03', 'the following year=2014']);
  assert.deepEqual(v('In 1990 he came. In March the following year\'s budget was cut.').slice(0, 2), ['1990=1990', 'March=2013-03']);
});

test('"December of that year" is the month of the year just named', () => {
  const v = (text: string): string[] => recognizeDates(text, '1996-08-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(v('It declared independence in 1991, backed by a referendum in December of that year.'), ['1991=1991', 'December of that year=1991-12']);
});

test('a lone month right after "in" and a past verb is not ahead of the anchor', () => {
  // In a December paper, "sales rose in January" is the January past, not the coming one.
  assert.equal(at(monthRule, 'Sales rose in January .', 'January', '2013-12-20'), 'January=2013-01');
  assert.equal(at(monthRule, 'He died in early November .', 'November', '2013-12-20'), 'November=2013-11');
  // Negatives: a future verb, a passive after a modal, and no verb before "in".
  assert.equal(at(monthRule, 'Prices will rise in January .', 'January', '2013-12-20'), 'January=2014-01');
  assert.equal(at(monthRule, 'The bonus will be paid in January .', 'January', '2013-12-20'), 'January=2014-01');
  assert.equal(at(monthRule, 'A vote in January is likely .', 'January', '2013-12-20'), 'January=2014-01');
});

test('"dated" takes its date as an object: the paper dated tomorrow is no past date', () => {
  assert.equal(at(monthRule, "Thursday 's afternoon daily Le Monde , dated Aug 23 .", 'Aug', '1996-08-22'), 'Aug 23=1996-08-23');
  // Negative: a past verb of an event still rules out the day ahead.
  assert.equal(at(monthRule, 'The paper closed Aug 23 .', 'Aug', '1996-08-22'), 'Aug 23=1995-08-23');
});

test('a date that is the subject of a modal takes its time from the modal, not from "said" before it', () => {
  // August paper: September is ahead.
  assert.equal(at(monthRule, 'The speaker had earlier said September 11 could be set for the debate', 'September', '1996-08-26'), 'September 11=1996-09-11');
  assert.equal(at(monthRule, 'He said September would be decisive', 'September', '1996-08-26'), 'September=1996-09');
  // After a preposition the date is an adjunct: "said on September 11" dates the saying; no modal, no change.
  assert.equal(at(monthRule, 'He said on September 11 he could not attend', 'September', '1996-08-26'), 'September 11=1995-09-11');
  assert.equal(at(monthRule, 'He said September 11 was a good day', 'September', '1996-08-26'), 'September 11=1995-09-11');
  assert.equal(at(monthRule, 'He said September 11 would have been too late', 'September', '1996-08-26'), 'September 11=1995-09-11');
});

test('an ambiguous slash date takes the order the same text shows where it cannot be ambiguous', () => {
  const vals = (text: string): string[] => recognizeDates(text, '1996-08-29').map((m) => `${m.text}=${m.value}`);
  assert.deepEqual(vals('Tonnes : 29/8/96 22/8/96 1/9/95 Gasoline'), ['29/8/96=1996-08-29', '22/8/96=1996-08-22', '1/9/95=1995-09-01']);
  // Alone, or in a text that shows both orders, the US order stays.
  assert.deepEqual(vals('On 1/9/95 it rose.'), ['1/9/95=1995-01-09']);
  assert.deepEqual(vals('On 1/9/95, 8/29/96 and 29/8/96.'), ['1/9/95=1995-01-09', '8/29/96=1996-08-29', '29/8/96=1996-08-29']);
  assert.deepEqual(vals('On 1/9/95 and 8/29/96.'), ['1/9/95=1995-01-09', '8/29/96=1996-08-29']);
});
