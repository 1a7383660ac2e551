import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeDates } from './recognizeDates';
import { ruleAt } from './ruleTestSupport';
import { bareUnitDurationRule, theUnitsAroundRule, vagueCountDurationRule } from './vagueDurations';

const DCT = '2006-11-02';

test('an open count of units is a duration with X for the number', () => {
  assert.equal(ruleAt(vagueCountDurationRule, 'met over several weeks in January', 'several', DCT), 'several weeks=PXW');
  assert.equal(ruleAt(vagueCountDurationRule, 'for many years he', 'many', DCT), 'many years=PXY');
  assert.equal(ruleAt(vagueCountDurationRule, 'A few hours later, Diem', 'A', DCT), 'A few hours=PTXH');
  assert.equal(ruleAt(vagueCountDurationRule, 'several months of talks', 'several', DCT), 'several months=PXM');
  // Not a unit, or a point in time ("ago") rather than a stretch.
  assert.equal(ruleAt(vagueCountDurationRule, 'several people died', 'several', DCT), undefined);
  assert.equal(ruleAt(vagueCountDurationRule, 'a few steps', 'a', DCT), undefined);
  assert.equal(ruleAt(vagueCountDurationRule, 'several years ago', 'several', DCT), undefined);
  assert.equal(ruleAt(vagueCountDurationRule, 'many a year', 'many', DCT), undefined);
});

test('a bare plural unit is a duration only where it measures time', () => {
  assert.equal(ruleAt(bareUnitDurationRule, 'For months now, the administration', 'months', DCT), 'months=PXM');
  assert.equal(ruleAt(bareUnitDurationRule, 'has been evident for weeks.', 'weeks', DCT), 'weeks=PXW');
  assert.equal(ruleAt(bareUnitDurationRule, 'the U.S. spent years and billions', 'years', DCT), 'years=PXY');
  assert.equal(ruleAt(bareUnitDurationRule, 'will plague Iraq for years to come', 'years', DCT), 'years=PXY');
  assert.equal(ruleAt(bareUnitDurationRule, 'in years to come', 'years', DCT), 'years=PXY');
  assert.equal(ruleAt(bareUnitDurationRule, 'after enduring decades of repression', 'decades', DCT), 'decades=PXDE');
  assert.equal(ruleAt(bareUnitDurationRule, 'maintained \u201chours of silence\u201d', 'hours', DCT), 'hours=PTXH');
  assert.equal(ruleAt(bareUnitDurationRule, 'it took days to arrive', 'days', DCT), 'days=PXD');
  // Counted, determined or dated units are someone else's; a unit naming no stretch is none.
  assert.equal(ruleAt(bareUnitDurationRule, 'the months of the year', 'months', DCT), undefined);
  assert.equal(ruleAt(bareUnitDurationRule, 'over the years', 'years', DCT), undefined);
  assert.equal(ruleAt(bareUnitDurationRule, 'for years 2005 and 2006', 'years', DCT), undefined);
  assert.equal(ruleAt(bareUnitDurationRule, 'for years ago', 'years', DCT), undefined);
  assert.equal(ruleAt(bareUnitDurationRule, 'the early hours of the morning', 'hours', DCT), undefined);
  assert.equal(ruleAt(bareUnitDurationRule, 'office hours are long', 'hours', DCT), undefined);
  assert.equal(ruleAt(bareUnitDurationRule, 'the days of the Raj', 'days', DCT), undefined);
});

test('"the weeks ahead", "the months that followed"', () => {
  assert.equal(ruleAt(theUnitsAroundRule, 'in the weeks ahead', 'the', DCT), 'the weeks ahead=PXW');
  assert.equal(ruleAt(theUnitsAroundRule, 'in the weeks that followed, he', 'the', DCT), 'the weeks=PXW');
  assert.equal(ruleAt(theUnitsAroundRule, 'the weeks that he spent', 'the', DCT), undefined);
  assert.equal(ruleAt(theUnitsAroundRule, 'the week ahead', 'the', DCT), undefined);
});

test('in a whole text the vague durations come out typed duration and leave dates alone', () => {
  const out = recognizeDates('For months now, talks dragged on; they met over several weeks in June.', DCT)
    .map((d) => `${d.text}=${d.value}:${d.type}`);
  assert.deepEqual(out, ['months=PXM:duration', 'now=PRESENT_REF:date', 'several weeks=PXW:duration', 'June=2006-06:date']);
});
