import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext } from './context';
import { scanRange } from './scan';
import { tokenize } from './tokenize';

function scan(text: string): string[] {
  const ctx = makeContext(text, tokenize(text), { y: 2006, m: 11, d: 2 });
  return scanRange(ctx, 0, ctx.tokens.length).map((m) => `${text.slice(ctx.tokens[m.start].start, ctx.tokens[m.end - 1].end)}=${m.value}`);
}

test('longest match wins and matches do not overlap', () => {
  assert.deepEqual(scan('On Nov. 2, 2006 and in 2006.'), ['Nov. 2, 2006=2006-11-02', '2006=2006']);
});

test('modifiers widen the span, the value keeps its granularity', () => {
  assert.deepEqual(scan('early next year, late yesterday, mid-November, the late 1970s'), [
    'early next year=2007', 'late yesterday=2006-11-01', 'mid-November=2006-11', 'the late 1970s=197',
  ]);
  assert.deepEqual(scan('by the end of 1990'), ['the end of 1990=1990']);
  // A century takes its article in over the modifier, as a decade does; a bare one has none to take.
  assert.deepEqual(scan('in the late 19th century and early 20th century'), ['the late 19th century=18', 'early 20th century=19']);
});

test('"earlier" / "later" stay outside a weekday and "this week", not outside a month or a year', () => {
  assert.deepEqual(scan('Earlier Tuesday, police said'), ['Tuesday=2006-10-31']);
  assert.deepEqual(scan('He wrote earlier this week'), ['this week=2006-W44']);
  assert.deepEqual(scan('a vote later this week'), ['this week=2006-W44']);
  // Negative: months and years take the comparative in; "early" / "late" stay modifiers of a weekday.
  assert.deepEqual(scan('earlier this month, earlier this year, later this month'), [
    'earlier this month=2006-11', 'earlier this year=2006', 'later this month=2006-11',
  ]);
  assert.deepEqual(scan('early Tuesday, late Tuesday'), ['early Tuesday=2006-10-31', 'late Tuesday=2006-10-31']);
  // (On a Thursday, "earlier" points back: the weekend just past.)
  assert.deepEqual(scan('earlier this weekend'), ['earlier this weekend=2006-W43-WE']);
});

test('"around" before a date or time is part of it, not the particle of a verb', () => {
  assert.deepEqual(scan('to be completed around Nov. 1'), ['around Nov. 1=2006-11-01']);
  assert.deepEqual(scan('the budget is due around November 10'), ['around November 10=2006-11-10']);
  // Negatives: "get around" a possessive date, "turned around" before a date, a bare "around".
  assert.deepEqual(scan("ways to get around Wednesday's ruling"), ['Wednesday=2006-11-01']);
  assert.deepEqual(scan('the team turned around Sunday'), ['Sunday=2006-10-29']);
  assert.deepEqual(scan('around the house'), []);
});

test('a clock time joins its day; a weekday joins its calendar date', () => {
  assert.deepEqual(scan('until 5 p.m. EST Nov. 9'), ['5 p.m. EST Nov. 9=2006-11-09T17:00']);
  assert.deepEqual(scan('this coming Sunday, March eighth'), ['this coming Sunday, March eighth=2007-03-08']);
});

test('a sub-range scan stays inside its bounds', () => {
  const text = 'Tuesday and Wednesday';
  const ctx = makeContext(text, tokenize(text), { y: 2006, m: 11, d: 2 });
  assert.equal(scanRange(ctx, 1, ctx.tokens.length).length, 1);
});

test('a duration takes its hedge into the extent', () => {
  assert.deepEqual(scan('Nearly two years after the war'), ['Nearly two years=P2Y']);
  assert.deepEqual(scan('a nation that endured more than a decade of war'), ['more than a decade=P10Y']);
  assert.deepEqual(scan('a cordon kept for close to seven days'), ['close to seven days=P7D']);
  assert.deepEqual(scan('at least 20 years in prison'), ['at least 20 years=P20Y']);
  // Not hedges of the duration: "just", "only", a hedge of something else; dates are not widened so.
  assert.deepEqual(scan('after just two years'), ['two years=P2Y']);
  assert.deepEqual(scan('about 50 people for two years'), ['two years=P2Y']);
  assert.deepEqual(scan('He is close to us. Two years on'), ['Two years=P2Y']);
  assert.deepEqual(scan('about last year'), ['last year=2005']);
});

test('a run of function words starts a date when the run ends in a date word', () => {
  assert.deepEqual(scan('It happened about a year ago.'), ['about a year ago=2005']);
  assert.deepEqual(scan('He came just a few days ago.'), ['a few days ago=PAST_REF']);
  assert.deepEqual(scan('It rose more than a year ago.'), ['more than a year ago=2005']);
  // function words before no date word start nothing
  assert.deepEqual(scan('about the same as that the new one'), []);
});
