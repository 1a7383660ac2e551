import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext } from './context';
import { readCardinal, readDay, readMonth, readWeekday, readYear } from './parts';
import { tokenize } from './tokenize';

const ctxOf = (text: string) => makeContext(text, tokenize(text), undefined);

test('months need a capital; abbreviations need a period or a number', () => {
  assert.equal(readMonth(ctxOf('Sept. 30'), 0)?.v, 9);
  assert.equal(readMonth(ctxOf('Jan 16'), 0)?.v, 1);
  assert.equal(readMonth(ctxOf('Jan said'), 0), undefined);
  assert.equal(readMonth(ctxOf('may'), 0), undefined);
  assert.equal(readMonth(ctxOf('March'), 0)?.v, 3);
});

test('days, years, cardinals, weekdays', () => {
  assert.equal(readDay(ctxOf('16th'), 0)?.v, 16);
  assert.equal(readDay(ctxOf('32'), 0), undefined);
  assert.equal(readDay(ctxOf('eighth'), 0)?.v, 8);
  assert.equal(readYear(ctxOf('2006'), 0)?.v, 2006);
  assert.equal(readYear(ctxOf('3006'), 0), undefined);
  assert.equal(readYear(ctxOf('nineteen ninety-six'), 0)?.v, 1996);
  assert.equal(readCardinal(ctxOf('twenty-five'), 0)?.v, 25);
  assert.equal(readWeekday(ctxOf('Tues. night'), 0)?.v, 2);
  assert.equal(readWeekday(ctxOf('friday'), 0), undefined);
});
