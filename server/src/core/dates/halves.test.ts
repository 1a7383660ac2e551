import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeDates } from './recognizeDates';

const dates = (text: string, dct = '1996-08-22'): string[] => recognizeDates(text, dct).filter((d) => d.type === 'date').map((d) => `${d.text}=${d.value}`);

test('a bare half in a match report is the match\'s, not half of the year', () => {
  assert.deepEqual(dates('Philip Cocu scored twice in the second half to spur PSV to a 4-1 win.'), []);
  assert.deepEqual(dates('Juan Lopez gave Atletico the lead midway through the first half.'), []);
  assert.deepEqual(dates('Both goals came early in the second half.'), []);
  assert.deepEqual(dates('Joubert scored at the start of the second half.'), []);
});

test('a half in business or economic news, or with its year, stays a half of the year', () => {
  assert.deepEqual(dates('In the first half, the company said it produced 8,333 vehicles.'), ['the first half=1996-H1']);
  assert.deepEqual(dates('Net profit rose in the first half.'), ['the first half=1996-H1']);
  // A match word does not win over a period word ("the lead" of a market, profit).
  assert.deepEqual(dates('The bank took the lead in profit growth in the second half.'), ['the second half=1996-H2']);
  assert.deepEqual(dates('The team scored a goal; the second half of 1997 looks better for the club.'), ['the second half of 1997=1997-H2']);
});

test('half of a named month is that month', () => {
  assert.deepEqual(dates('The treaty should be signed in the first half of September.'), ['the first half of September=1996-09']);
  assert.deepEqual(dates('They will buy more in the second half of October 1997.'), ['the second half of October 1997=1997-10']);
  // Negative: "of the year" is not a month.
  assert.deepEqual(dates('Sales fell in the first half of the year.'), ['the first half=1996-H1', 'the year=1996']);
});
