import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fiscalRule } from './fiscalRules';
import { ruleAt } from './ruleTestSupport';
import { recognizeDates } from './recognizeDates';
import { makeContext } from './context';
import { tokenize } from './tokenize';

const at = (text: string, word: string, dct = '1989-11-02'): string | undefined => ruleAt(fiscalRule, text, word, dct);

test('quarters, halves and fiscal years', () => {
  assert.equal(at('profit in the third quarter rose', 'the'), 'the third quarter=1989-Q3');
  assert.equal(at('reported a third-quarter loss', 'third'), 'third-quarter=1989-Q3');
  assert.equal(at('for the quarter ended', 'the'), 'the quarter=1989-Q3');
  assert.equal(at('in the year-ago quarter', 'the'), 'the year-ago quarter=1988-Q3');
  assert.equal(at('the third quarter of 1984 was', 'the'), 'the third quarter of 1984=1984-Q3');
  assert.equal(at('in the first half of 1990', 'the'), 'the first half of 1990=1990-H1');
  assert.equal(at('scored in first half play', 'first'), undefined);
  assert.equal(at('for the current fiscal year', 'the'), 'the current fiscal year=1989');
  assert.equal(at('Sales in the latest period rose', 'the'), 'the latest period=1989-Q3');
  assert.equal(at('in the period ended', 'the'), undefined);
  assert.equal(at("next year's first quarter", 'next'), "next year's first quarter=1990-Q1");
});

test('a quarter or half "of next/last/this year" is one expression in that year', () => {
  assert.equal(at('sales in the second half of next year', 'the'), 'the second half of next year=1990-H2');
  assert.equal(at('in the fourth quarter of last year, sales fell', 'the'), 'the fourth quarter of last year=1988-Q4');
  // a numbered quarter still ahead "of this year" is not moved back to last year
  assert.equal(at('The fourth quarter of this year will be weak', 'The', '1989-08-02'), 'The fourth quarter of this year=1989-Q4');
  assert.equal(at('earnings for the last half of 1989 fell', 'the'), 'the last half of 1989=1989-H2');
  // a possessive year belongs to what follows ("this year's results"); no "year" after the shift word
  assert.equal(at("the fourth quarter of this year's results", 'the'), 'the fourth quarter=1989-Q4');
  assert.equal(at('the first half of next season', 'the'), 'the first half=1989-H1');
});

test('"the quarter ended <day>" is the calendar quarter holding most of its three months', () => {
  assert.equal(at('In the quarter ended July 31, sales rose', 'the', '1989-10-30'), 'the quarter=1989-Q2');
  assert.equal(at('In the quarter ended Sept. 30, sales rose', 'the', '1989-10-30'), 'the quarter=1989-Q3');
  // A quarter that ended in a month after the anchor's ended the year before.
  assert.equal(at('for the quarter ended Nov. 30, it lost money', 'the', '1990-01-10'), 'the quarter=1989-Q4');
  assert.equal(at('for the quarter ended Jan. 31, 1989, it lost money', 'the', '1989-10-30'), 'the quarter=1988-Q4');
  // Without "ended", the last completed quarter; a story that numbered its quarter keeps its numbering.
  assert.equal(at('In the quarter, sales rose', 'the', '1989-10-30'), 'the quarter=1989-Q3');
  const v = recognizeDates('Sun reported its fiscal first quarter. For the quarter ended Sept. 29, sales rose.', '1989-10-26').map((m) => m.value);
  assert.deepEqual(v, ['1989-Q1', '1989-Q1', '1989-09-29']);
});

test('"a year ago" reads as a quarter only in quarterly-results text', () => {
  assert.equal(at('Net rose in the quarter from $5 million a year ago.', 'a'), 'a year ago=1988-Q3');
  assert.equal(at('He moved there a year ago.', 'a'), undefined);
  // "quarter" as a share or in "quarter-century" is no reporting period.
  assert.equal(at('The rate is near its quarter-century low; wages rose 3.8% from a year earlier.', 'a'), undefined);
  assert.equal(at('A quarter of the staff left; sales fell from a year earlier.', 'a'), undefined);
  assert.equal(at('the quarter-to-quarter comparison', 'the'), undefined);
  assert.equal(at('more than a quarter of them', 'a'), undefined);
});

test('"the quarter", "the latest period" and "a year ago" follow the quarter the story reports on', () => {
  const values = (text: string): string[] => recognizeDates(text, '1989-10-26').filter((d) => d.type === 'date').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(values('Sun earned $5 million in the fiscal first quarter. It shipped 28,000 systems in the quarter, up from 20,000 a year ago.'),
    ['the fiscal first quarter=1989-Q1', 'the quarter=1989-Q1', 'a year ago=1988-Q1']);
  assert.deepEqual(values('In the comparable year-ago quarter, the second quarter ended Oct. 31, it earned $5. Results for that quarter included a charge.'),
    // The second quarter ended Oct. 31 of the year before (the story is of Oct. 26): 1988-Q2, as is "that quarter".
    ['the comparable year-ago quarter=1988-Q3', 'the second quarter=1988-Q2', 'Oct. 31=1988-10-31', 'that quarter=1988-Q2']);
  // A quarter still ahead is not the one reported: "the quarter" stays the last completed one.
  assert.deepEqual(values('It expects a loss in the fourth quarter. Sales rose in the quarter.'), ['the fourth quarter=1989-Q4', 'the quarter=1989-Q3']);
  assert.deepEqual(values('Sales rose in the latest period.'), ['the latest period=1989-Q3']);
});

test('the head-word memo gives the answers of a fresh scan, in any call order', () => {
  const text = 'Net fell in the third quarter, and a year ago profit rose; the company said the first half of 1990 was flat.';
  const tokens = tokenize(text);
  const fresh = (i: number) => fiscalRule(makeContext(text, tokens, { y: 1989, m: 11, d: 2 }), i);
  const shared = makeContext(text, tokens, { y: 1989, m: 11, d: 2 });
  // rising, then falling, then repeated positions over the same context
  const order = [...tokens.keys(), ...[...tokens.keys()].reverse(), 3, 3, 20, 0];
  for (const i of order) assert.deepEqual(fiscalRule(shared, i), fresh(i), `token ${i}`);
  assert.ok(fresh(3) && fresh(8), 'the test text has quarters to find');
});

test('comparison periods in quarterly results', () => {
  const values = (text: string, dct = '1989-11-01'): string[] => recognizeDates(text, dct).filter((d) => d.type === 'date').map((d) => `${d.text}=${d.value}`);
  // "the 1989 period" in a quarterly-results sentence is that year's reported quarter; elsewhere the year.
  assert.deepEqual(values('Net rose in the third quarter. In the 1989 period, the quarter had lower tax rates.'),
    ['the third quarter=1989-Q3', 'the 1989 period=1989-Q3', 'the quarter=1989-Q3']);
  assert.deepEqual(values('Rules adopted in the 1989 period still apply.'), ['the 1989 period=1989']);
  // "the corresponding period last year" is one expression: the year-ago quarter.
  assert.deepEqual(values('It lost $8 million in the third quarter, against a profit for the corresponding period last year.'),
    ['the third quarter=1989-Q3', 'the corresponding period last year=1988-Q3']);
  assert.deepEqual(values('Sales were flat compared with the same period a year ago.'), ['the same period a year ago=1988']);
  // Without a comparison period before it, "last year" stands alone.
  assert.deepEqual(values('He left the firm last year.'), ['last year=1988']);
});

test('"a year earlier" after a nine-month or half-year figure is that year', () => {
  const values = (text: string): string[] => recognizeDates(text, '1989-10-26').filter((d) => d.type === 'date').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(values('Net rose in the third quarter. For the nine months, net was $5 million, up from $4 million a year earlier.'),
    ['the third quarter=1989-Q3', 'a year earlier=1988']);
  assert.deepEqual(values('Net rose in the third quarter. For the full year, it expects $9 million, against $8 million a year earlier.'),
    ['the third quarter=1989-Q3', 'the full year=1989', 'a year earlier=1988']);
  assert.deepEqual(values('Net rose in the third quarter. Net was $5 million, up from $4 million a year earlier.'),
    ['the third quarter=1989-Q3', 'a year earlier=1988-Q3']);
});

test('the reported quarter: an indefinite quarter is a passing mention; "this quarter" in results', () => {
  const values = (text: string): string[] => recognizeDates(text, '1989-11-01').filter((d) => d.type === 'date').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(values('Net rose in the third quarter. After a flat second quarter, sales grew. Costs were lower than a year ago in the quarter.'),
    ['the third quarter=1989-Q3', 'second quarter=1989-Q2', 'a year ago=1988-Q3', 'the quarter=1989-Q3']);
  assert.deepEqual(values('It lost money in the third quarter ended Sept. 30. This quarter\'s loss includes charges.'),
    ['the third quarter=1989-Q3', 'Sept. 30=1989-09-30', 'This quarter=1989-Q3']);
  // Ahead in time, or with no quarter reported, "this quarter" is the one under way.
  assert.deepEqual(values('It lost money in the third quarter. It will break even this quarter.'), ['the third quarter=1989-Q3', 'this quarter=1989-Q4']);
  assert.deepEqual(values('Shipments this quarter are strong.'), ['this quarter=1989-Q4']);
});

test('a year-ago comparison compares the quarter named earlier in its own sentence', () => {
  const values = (text: string, dct: string): string[] => recognizeDates(text, dct).filter((d) => d.type === 'date').map((d) => `${d.text}=${d.value}`);
  // The first quarter is under way on March 21: it is no reported quarter, yet the comparison is with it.
  assert.deepEqual(values('Sales in the first quarter rose 5 percent from a year earlier.', '2013-03-21'), ['the first quarter=2013-Q1', 'a year earlier=2012-Q1']);
  assert.deepEqual(values('Sales in the first quarter rose from $5 million in the year-ago quarter.', '2013-03-21'), ['the first quarter=2013-Q1', 'the year-ago quarter=2012-Q1']);
  // Negative: a quarter named in an earlier sentence does not count; the story's reporting quarter does.
  assert.deepEqual(values('The first quarter will be weak. Profit rose in the quarter from a year earlier.', '2013-05-02'), ['The first quarter=2013-Q1', 'the quarter=2013-Q1', 'a year earlier=2012-Q1']);
  assert.deepEqual(values('The fourth quarter will be weak. Net rose 5% to $3 million from a year earlier, it said of its quarter.', '1989-11-02'), ['The fourth quarter=1989-Q4', 'a year earlier=1988-Q3']);
  // A year-ago quarter named first is no base for a second comparison.
  assert.deepEqual(values('In the year-ago quarter, net was $2 million, up from $1 million a year earlier.', '1989-11-02'), ['the year-ago quarter=1988-Q3', 'a year earlier=1988-Q3']);
});

test('"next quarter", "last quarter", "the previous quarter" count from the anchor or the quarter just named', () => {
  assert.equal(at('Analysts expect growth next quarter.', 'next', '2013-03-22'), 'next quarter=2013-Q2');
  assert.equal(at('Analysts expect growth next quarter.', 'next', '2013-11-22'), 'next quarter=2014-Q1');
  assert.equal(at('Profit fell last quarter.', 'last', '2013-03-22'), 'last quarter=2012-Q4');
  const values = (text: string, dct: string): string[] => recognizeDates(text, dct).filter((d) => d.type === 'date').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(values('The economy grew 0.3% in the fourth quarter from the previous quarter.', '2013-03-22'), [
    'the fourth quarter=2012-Q4', 'the previous quarter=2012-Q3',
  ]);
  assert.deepEqual(values('Sales rose from the prior quarter.', '2013-05-02'), ['the prior quarter=2012-Q4']);
  // Negative: a possessive year keeps its own reading ("last year's quarter" is the year-ago quarter).
  assert.equal(at("U.K. sales for last year's quarter were flat.", 'last', '1989-11-01'), "last year's quarter=1988-Q3");
});

test('"the final quarter", "the last quarter of 2012" are the fourth', () => {
  assert.equal(at('The economy grew in the final quarter of 2012.', 'the', '2013-03-22'), 'the final quarter of 2012=2012-Q4');
  assert.equal(at('It shrank in the last quarter of 2012.', 'the', '2013-03-22'), 'the last quarter of 2012=2012-Q4');
  assert.equal(at('in the final half of 2012', 'the', '2013-03-22'), 'the final half of 2012=2012-H2');
  // Negative: "the last quarter" alone is the latest one, not the fourth.
  assert.equal(at('Profit fell in the last quarter.', 'the', '2013-08-22'), undefined);
});

test('"the quarter ending in March" and month-named quarters', () => {
  assert.equal(at('Earnings for the quarter ending in March rose.', 'the', '2013-05-22'), 'the quarter=2013-Q1');
  assert.equal(at('Profit rose in the January-March quarter.', 'the', '2013-05-22'), 'the January-March quarter=2013-Q1');
  // The latest such quarter begun by the anchor, even in a clause about a later announcement.
  assert.equal(at('GDP for the April-June quarter will be announced in September.', 'the', '1996-08-28'), 'the April-June quarter=1996-Q2');
  assert.equal(at('GDP grew in the July-September period.', 'the', '2013-03-22'), 'the July-September period=2012-Q3');
  assert.equal(at('sales in the December-February quarter', 'the', '2013-03-22'), 'the December-February quarter=2013-Q1');
  // Negative: two months are no quarter; nor three months without a period word.
  assert.equal(at('in the March-April quarter', 'the', '2013-05-22'), undefined);
  assert.equal(at('in the January-March rally', 'the', '2013-05-22'), undefined);
});

test('a numbered quarter or half whose end the text gives is named by the year it ends in', () => {
  // A June fiscal year: its final quarter is April-June 1996, numbered 4 by the company (TimeBank style).
  assert.equal(at('a profit in the final quarter of the year to June 30 , 1996 .', 'the', '1996-08-28'), 'the final quarter=1996-Q4');
  assert.equal(at('profit rose in the fourth quarter ended June 30.', 'the', '1996-08-28'), 'the fourth quarter=1996-Q4');
  assert.equal(at('sales in the fourth quarter of its fiscal year to June 30 rose', 'the', '1996-08-28'), 'the fourth quarter=1996-Q4');
  // The first quarter of a year ended March 31, 1996 ended in June 1995; the first half of a June year in December.
  assert.equal(at('in the first quarter of the year ended March 31', 'the', '1996-08-28'), 'the first quarter=1995-Q1');
  assert.equal(at('in the first half of the year to June 30 , 1996', 'the', '1996-08-28'), 'the first half=1995-H1');
  // A quarter that ends after the story's day lies a year back ("ended Oct. 31" in an Oct. 27 story).
  assert.equal(at('the second quarter ended Oct. 31, it lost money', 'the', '1989-10-27'), 'the second quarter=1988-Q2');
  // Negative: without an end the anchor's year stands (a later quarter of the year not yet over is last year's).
  assert.equal(at('profit rose in the fourth quarter.', 'the', '1996-08-28'), 'the fourth quarter=1995-Q4');
  assert.equal(at('in the first quarter of the year', 'the', '1996-08-28'), 'the first quarter=1996-Q1');
  // Negative: "of the year" with no end day, or another preposition, changes nothing.
  assert.equal(at('in the fourth quarter of the year to come', 'the', '1996-08-28'), 'the fourth quarter=1995-Q4');
});

test('a quarter followed by "a year ago" / "last year" is that quarter a year before, as one expression', () => {
  assert.equal(at('For the quarter a year ago , it earned', 'the', '1989-10-26'), 'the quarter a year ago=1988-Q3');
  assert.equal(at('up from the third quarter a year earlier', 'the', '1989-10-26'), 'the third quarter a year earlier=1988-Q3');
  // A numbered quarter counts from the anchor's year, also when it lies ahead of the anchor's quarter.
  assert.equal(at('down from the fourth quarter last year', 'the', '1989-02-10'), 'the fourth quarter last year=1988-Q4');
  // Negatives: an adjectival quarter keeps its own extent; "this quarter" is no year-back comparison.
  assert.equal(at('third-quarter last year', 'third', '1989-10-26'), 'third-quarter=1989-Q3');
  assert.equal(at('this quarter last year', 'this', '1989-10-26'), 'this quarter=1989-Q4');
});
