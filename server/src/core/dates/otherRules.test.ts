import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, type RuleMatch, type ScanContext } from './context';
import { durationRule, setRule, timeRule } from './otherRules';
import { tokenize } from './tokenize';

function at(rule: (c: ScanContext, i: number) => RuleMatch | undefined, text: string, word: string): string | undefined {
  const ctx = makeContext(text, tokenize(text), { y: 2006, m: 11, d: 2 });
  const i = ctx.tokens.findIndex((t) => t.text === word);
  const r = rule(ctx, i);
  if (!r) return undefined;
  return `${text.slice(ctx.tokens[r.start].start, ctx.tokens[r.end - 1].end)}=${r.value}:${r.type}`;
}

test('durations', () => {
  assert.equal(at(durationRule, 'for six months', 'six'), 'six months=P6M:duration');
  assert.equal(at(durationRule, 'over the past two years', 'the'), 'the past two years=P2Y:duration');
  assert.equal(at(durationRule, 'a five-year plan', 'five'), 'five-year=P5Y:duration');
  assert.equal(at(durationRule, 'for 48 hours', '48'), '48 hours=PT48H:duration');
  assert.equal(at(durationRule, 'two years ago', 'two'), undefined);
  assert.equal(at(durationRule, 'Three days later', 'Three'), 'Three days=P3D:duration');
  assert.equal(at(durationRule, 'two people', 'two'), undefined);
  // "second" before a noun is the ordinal: "a second term" is no duration.
  assert.equal(at(durationRule, 'won a second term', 'a'), undefined);
  assert.equal(at(durationRule, 'for one second round', 'one'), undefined);
  assert.equal(at(durationRule, 'for a second, he', 'a'), 'a second=PT1S:duration');
  assert.equal(at(durationRule, 'a second later', 'a'), 'a second=PT1S:duration');
  assert.equal(at(durationRule, 'ten seconds left', 'ten'), 'ten seconds=PT10S:duration');
});

test('clock times and sets', () => {
  assert.equal(at(timeRule, 'at 5 p.m. sharp', '5'), '5 p.m.=T17:00:time');
  assert.equal(at(timeRule, 'at 10:30 am', '10:30'), '10:30 am=T10:30:time');
  assert.equal(at(timeRule, 'at noon', 'noon'), 'noon=T12:00:time');
  assert.equal(at(timeRule, 'from 2019 to', '2019'), undefined);
  assert.equal(at(timeRule, 'scored 5 goals', '5'), undefined);
  assert.equal(at(setRule, 'every Monday', 'every'), 'every Monday=XXXX-WXX-1:set');
  assert.equal(at(setRule, 'twice a year', 'a'), 'twice a year=P1Y:set');
  assert.equal(at(setRule, 'reported annually', 'annually'), 'annually=P1Y:set');
  assert.equal(at(setRule, 'every time', 'every'), undefined);
});

test('"each July", "every spring", "every March 17" recur: sets, not this year\'s date', () => {
  assert.equal(at(setRule, 'Orangemen march each July from church', 'each'), 'each July=XXXX-07:set');
  assert.equal(at(setRule, 'every spring the river floods', 'every'), 'every spring=XXXX-SP:set');
  assert.equal(at(setRule, 'they parade every March 17 downtown', 'every'), 'every March 17=XXXX-03-17:set');
  // a lower-case "may" is the verb, not the month; "each other" is no time at all
  assert.equal(at(setRule, 'each may go', 'each'), undefined);
  assert.equal(at(setRule, 'they met each other', 'each'), undefined);
});
