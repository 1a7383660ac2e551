import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext } from './context';
import { RULES } from './scan';
import { buildRuleGates, gateFor } from './ruleGates';
import { monthRule, numericDateRule, yearRule } from './absoluteRules';
import { weekdayRule, deicticRule } from './relativeRules';
import { tokenize } from './tokenize';

const GATES = buildRuleGates(RULES);
const bit = (rule: unknown): number => 1 << RULES.indexOf(rule as (typeof RULES)[number]);

const TEXTS = [
  'On Friday, Oct. 23, 1998, the company said third-quarter profit rose from a year earlier; the fourth quarter of next year.',
  "The '90s, the nineties, nineteen ninety-six, two thousand and one, the 20th century and a 19th-century house.",
  'He said Monday that the vote, set for Dec. 5-7, would be held next week or the week after, at noon or 5 p.m. EST.',
  'Every July and each spring, twice a year, the board meets annually; it met several times in recent years.',
  'For months, the days that followed were quiet; the weeks ahead, the next day, that day, the day before yesterday.',
  'Christmas Eve, New Year\'s Day, Thanksgiving, Election Day 1996 and Friday\'s vote in 12/25/1999 or 1999-12-31.',
  'Tonight, yesterday morning, now, currently, recently, these days, in the past, the near future, the current year.',
  'In the 1990s, in mid-1996, in the summer of 1949, in early March, late last year, a decade ago, fiscal 1989.',
];

test('every rule that matches at a token has its gate bit set there (the gates skip no match)', () => {
  let matches = 0;
  for (const text of TEXTS) {
    const tokens = tokenize(text);
    const ctx = makeContext(text, tokens, { y: 1999, m: 3, d: 12 });
    for (let i = 0; i < tokens.length; i++) {
      const gate = gateFor(GATES, tokens[i]);
      RULES.forEach((rule, r) => {
        const m = rule(ctx, i);
        if (!m) return;
        matches++;
        assert.ok((gate >>> r) & 1, `rule ${rule.name} matched at "${tokens[i].text}" but its gate is closed`);
      });
    }
  }
  assert.ok(matches > 40, `the texts exercise the rules (${matches} matches)`);
});

test('gates close the rules a token cannot start', () => {
  const t = (s: string) => tokenize(s)[0];
  // a number: no month or weekday rule, but the numeric rules
  assert.equal(gateFor(GATES, t('1998')) & bit(monthRule), 0);
  assert.equal(gateFor(GATES, t('1998')) & bit(weekdayRule), 0);
  assert.notEqual(gateFor(GATES, t('1998')) & bit(yearRule), 0);
  // an ordinary word: only the ungated rules (the deictic rule among them)
  assert.equal(gateFor(GATES, t('company')) & bit(monthRule), 0);
  assert.equal(gateFor(GATES, t('company')) & bit(numericDateRule), 0);
  assert.notEqual(gateFor(GATES, t('company')) & bit(deicticRule), 0);
  // a month or weekday name opens the month rule; "Friday" the weekday rule too
  assert.notEqual(gateFor(GATES, t('Sept')) & bit(monthRule), 0);
  assert.notEqual(gateFor(GATES, t('Friday')) & bit(weekdayRule), 0);
  assert.equal(gateFor(GATES, t('Sept')) & bit(weekdayRule), 0);
  // a possessive word that was not split keeps every rule
  assert.equal(gateFor(GATES, { text: "Friday's", lower: "friday's", start: 0, end: 8, kind: 'word' }), GATES.all);
});
