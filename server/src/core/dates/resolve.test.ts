import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmtDay } from './calendar';
import { lastMonth, lastSeason, nextMonth, nextSeason, resolveMonth, resolveMonthDay, resolveSeason, thisSeason } from './resolve';

const may2006 = { y: 2006, m: 5, d: 6 };
const jan2007 = { y: 2007, m: 1, d: 5 };

test('month-day takes the nearest year, tense tips the balance', () => {
  assert.equal(fmtDay(resolveMonthDay(may2006, 1, 16, 'past')!), '2006-01-16');
  assert.equal(fmtDay(resolveMonthDay(jan2007, 12, 20, 'past')!), '2006-12-20');
  assert.equal(fmtDay(resolveMonthDay(jan2007, 12, 20, undefined)!), '2006-12-20');
  assert.equal(fmtDay(resolveMonthDay({ y: 2006, m: 12, d: 20 }, 1, 14, 'future')!), '2007-01-14');
  assert.equal(fmtDay(resolveMonthDay({ y: 1998, m: 2, d: 6 }, 8, 6, 'past')!), '1997-08-06');
});

test('month alone leans to the past', () => {
  assert.equal(resolveMonth({ y: 2006, m: 11, d: 2 }, 3, undefined), 2006);
  assert.equal(resolveMonth({ y: 1989, m: 10, d: 30 }, 1, 'future'), 1990);
  assert.equal(resolveMonth({ y: 2000, m: 3, d: 29 }, 5, undefined), 2000);
});

test('last/next month and seasons', () => {
  assert.equal(lastMonth(may2006, 4), 2006);
  assert.equal(lastMonth(may2006, 5), 2005);
  assert.equal(nextMonth(may2006, 4), 2007);
  assert.equal(lastSeason({ y: 1998, m: 2, d: 6 }, 'FA'), 1997);
  assert.equal(resolveSeason({ y: 2006, m: 5, d: 6 }, 'SU', 'past'), 2005);
  assert.equal(resolveSeason({ y: 2006, m: 5, d: 6 }, 'SU', 'future'), 2006);
});

test('a future tense rules out last year\'s month; a past tense only tips the balance', () => {
  const mar1998 = { y: 1998, m: 3, d: 4 };
  // "will command a mission in December" said in March: this December, though last December is nearer.
  assert.equal(resolveMonth(mar1998, 12, 'future'), 1998);
  assert.equal(resolveMonth(mar1998, 12, undefined), 1997);
  assert.equal(resolveMonth(mar1998, 12, 'past'), 1997);
  const feb1998 = { y: 1998, m: 2, d: 13 };
  assert.equal(fmtDay(resolveMonthDay(feb1998, 8, 6, 'future')!), '1998-08-06');
  assert.equal(fmtDay(resolveMonthDay(feb1998, 8, 6, undefined)!), '1997-08-06');
  // Two weeks' slack for the publication lag: "must be returned by Jan. 14" in a Jan. 15 paper.
  assert.equal(fmtDay(resolveMonthDay({ y: 2000, m: 1, d: 15 }, 1, 14, 'future')!), '2000-01-14');
  assert.equal(fmtDay(resolveMonthDay({ y: 2000, m: 2, d: 15 }, 1, 14, 'future')!), '2001-01-14');
  // A past verb does not pull a near deadline back a year: "extended the offer to Nov. 20".
  assert.equal(fmtDay(resolveMonthDay({ y: 1989, m: 11, d: 2 }, 11, 20, 'past')!), '1989-11-20');
});

test('a winter belongs to the year it starts in, in January as in December', () => {
  const jan = { y: 2013, m: 1, d: 15 };
  const dec = { y: 2012, m: 12, d: 10 };
  const mar = { y: 2013, m: 3, d: 22 };
  // The winter under way: 2012-WI from December and from January.
  assert.equal(resolveSeason(dec, 'WI', undefined), 2012);
  assert.equal(resolveSeason(jan, 'WI', undefined), 2012);
  assert.equal(resolveSeason(jan, 'WI', 'future'), 2012);
  // In March the past winter is 2012's, the coming one 2013's.
  assert.equal(resolveSeason(mar, 'WI', 'past'), 2012);
  assert.equal(resolveSeason(mar, 'WI', 'future'), 2013);
  // The past summer seen from December is that year's (was the year before).
  assert.equal(resolveSeason(dec, 'SU', 'past'), 2012);
  assert.equal(lastSeason(jan, 'WI'), 2011);
  assert.equal(nextSeason(jan, 'WI'), 2013);
  assert.equal(lastSeason(mar, 'WI'), 2012);
});

test('"this <season>": the one under way, the one just ended in the past tense, else the anchor year\'s', () => {
  const mar = { y: 2013, m: 3, d: 22 };
  assert.equal(thisSeason(mar, 'SP', 'past'), 2013);
  assert.equal(thisSeason(mar, 'WI', 'past'), 2012);
  assert.equal(thisSeason(mar, 'WI', 'future'), 2013);
  assert.equal(thisSeason({ y: 2013, m: 1, d: 15 }, 'WI', 'future'), 2012);
  // Negative: a past tense does not reach back past the season just ended ("this summer" in March is the coming one).
  assert.equal(thisSeason(mar, 'SU', 'past'), 2013);
  assert.equal(thisSeason({ y: 1989, m: 11, d: 1 }, 'SU', 'past'), 1989);
});
