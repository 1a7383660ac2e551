import { test } from 'node:test';
import assert from 'node:assert/strict';
import { periodAbbreviationRule } from './periodAbbreviations';
import { recognizeDates } from './recognizeDates';
import { ruleAt } from './ruleTestSupport';

const at = (text: string, word: string, dct = '2013-03-22'): string | undefined => ruleAt(periodAbbreviationRule, text, word, dct);

test('quarters and halves with a year', () => {
  assert.equal(at('Sales in Q3 2012 were flat', 'Q'), 'Q3 2012=2012-Q3');
  assert.equal(at('H1 2013 earnings rose', 'H'), 'H1 2013=2013-H1');
});

test('a quarter without a year is the latest by the anchor, or the coming one in a future clause', () => {
  assert.equal(at('Q1 revenue rose 5%', 'Q'), 'Q1=2013-Q1');
  assert.equal(at('Q4 revenue rose 5%', 'Q'), 'Q4=2012-Q4');
  assert.equal(at('Sales will rise in Q2', 'Q'), 'Q2=2013-Q2');
  assert.equal(at('H2 results were weak', 'H'), 'H2=2012-H2');
});

test('fiscal years', () => {
  assert.equal(at('In FY2012, profit doubled', 'FY'), 'FY2012=2012');
  assert.equal(at('plans for FY 2013', 'FY'), 'FY 2013=2013');
  assert.equal(at('FY12 results', 'FY'), 'FY12=2012');
});

test('not periods: other words, numbers out of range, letters apart from their number', () => {
  assert.equal(at('The H1N1 virus spread', 'H'), undefined);
  assert.equal(at('The H1 visa', 'H'), undefined);
  assert.equal(at('Q5 is odd', 'Q'), undefined);
  assert.equal(at('a Q 1 typo', 'Q'), undefined);
  assert.equal(at('See Q1: what?', 'Q'), undefined);
  assert.equal(at('George H. W. Bush', 'H'), undefined);
  assert.equal(at('the FY team', 'FY'), undefined);
  // lower case is no abbreviation
  assert.equal(at('q1 2013', 'q'), undefined);
});

test('the scan finds them in running text', () => {
  const v = recognizeDates('Profit rose in Q3 2012 and H1 2013 looks better; FY2014 is planned.', '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(v, ['Q3 2012=2012-Q3', 'H1 2013=2013-H1', 'FY2014=2014']);
});
