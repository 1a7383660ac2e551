import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MONTHS, MONTH_ABBREVIATIONS, SEASONS, UNITS, WEEKDAYS } from './lexicon';

test('complete calendar vocabularies', () => {
  assert.equal(MONTHS.size, 12);
  assert.equal(WEEKDAYS.size, 7);
  assert.equal(MONTH_ABBREVIATIONS.get('sept'), 9);
  assert.equal(MONTH_ABBREVIATIONS.has('may'), false); // "May" has no abbreviation: it is the full name
  assert.equal(SEASONS.get('autumn'), 'FA');
  assert.equal(UNITS.get('decades'), 'decade');
});
