import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidayRule } from './holidays';
import { recognizeDates } from './recognizeDates';
import { ruleAt } from './ruleTestSupport';

const at = (text: string, word: string, dct = '2013-03-22'): string | undefined => ruleAt(holidayRule, text, word, dct);
const values = (text: string, dct = '2013-03-22'): string[] => recognizeDates(text, dct).map((d) => `${d.text}=${d.value}`);

test('holidays counted from Easter', () => {
  assert.equal(at('on Easter Sunday', 'Easter'), 'Easter Sunday=2013-03-31');
  assert.equal(at('on Easter Monday', 'Easter'), 'Easter Monday=2013-04-01');
  assert.equal(at('Good Friday 2000 was quiet', 'Friday'), 'Good Friday 2000=2000-04-21');
  // "Easter week": the ISO week ending on Easter Sunday (TimeBank: 2000-W16 for Easter 2000).
  assert.equal(at('as Easter week began', 'Easter', '2000-04-17'), 'Easter week=2000-W16');
  assert.deepEqual(values('Crowds gathered on Palm Sunday.'), ['Palm Sunday=2013-03-24']);
});

test('holidays counted from Thanksgiving, and named days', () => {
  assert.deepEqual(values('Shoppers flocked to stores on Black Friday.'), ['Black Friday=2012-11-23']);
  assert.deepEqual(values('Retailers expect strong Cyber Monday sales.'), ['Cyber Monday=2013-12-02']);
  assert.equal(at('The shops reopen on Boxing Day.', 'Boxing'), 'Boxing Day=2013-12-26');
  assert.equal(at("He spoke on Presidents' Day.", 'Presidents'), "Presidents' Day=2013-02-18");
  assert.equal(at('closed on Columbus Day', 'Columbus'), 'Columbus Day=2012-10-08');
  assert.equal(at('Workers marched on May Day.', 'May'), 'May Day=2013-05-01');
});

test('not holidays: lower case, another weekday, a day that is no holiday', () => {
  assert.deepEqual(values('A good Friday for stocks.'), ['Friday=2013-03-22']);
  assert.deepEqual(values('Good Monday, everyone said on Monday.').map((v) => v.split('=')[0]), ['Monday', 'Monday']);
  assert.equal(at('on Easter', 'Easter', '2013-03-22'), 'Easter=2013-03-31');
  assert.equal(at('on Judgment Day', 'Judgment'), undefined);
  assert.equal(at('the easter bunny', 'easter'), undefined);
});

test('Holy / Maundy Thursday and Fat / Shrove Tuesday count from Easter; an event named after a holiday is no date', () => {
  const v = (text: string): string[] => recognizeDates(text, '2013-03-22').map((d) => `${d.text}=${d.value}`);
  assert.deepEqual(v('Services are held on Holy Thursday.'), ['Holy Thursday=2013-03-28']);
  assert.deepEqual(v('Maundy Thursday services'), ['Maundy Thursday=2013-03-28']);
  assert.deepEqual(v('Crowds celebrated Fat Tuesday.'), ['Fat Tuesday=2013-02-12']);
  assert.deepEqual(v('the Easter Rising of 1916'), ['1916=1916']);
  assert.deepEqual(v('the Christmas Truce'), []);
  // Negative: a lower-case word after the holiday leaves it a date.
  assert.deepEqual(v('the Christmas truce held'), ['Christmas=2012-12-25']);
});
