/**
 * The inputs that made the outline's end-anchored and number patterns quadratic in V8 (robustness
 * findings F2), at sizes where a quadratic pass takes minutes; and the behaviour those patterns
 * had on ordinary text, kept by their linear rewrites.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType } from '../types';
import { analyzeArgument } from './buildOutline';
import { buildContext, cleanSlice } from './context';
import { mentionsOf } from './fixtureMentions';
import { shorten } from './names';

function cpuMs(text: string): number {
  const t0 = process.cpuUsage();
  analyzeArgument({ text, bodyStart: 0, meta: { extra: {} }, mentions: [] });
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1000;
}

const N = 200_000;
// Each took over a second at 8,000 characters before the rewrite; 25× longer is ~600× slower when quadratic.
const ATTACKS: Record<string, string> = {
  'hard-wrap hyphen, then "\\n\\t" × n': 'a-' + '\n\t'.repeat(N / 2) + '\0',
  'a question mark, then tabs': 'Now? ' + '?' + '\t'.repeat(N) + 'x',
  '"0." × n (a number without a unit)': '0.'.repeat(N / 2),
  '"headline", then spaces, then a quote': 'The headline' + ' '.repeat(N) + '\0“Big News Today”.',
  '"article", then spaces, then a quote': 'The article' + ' '.repeat(N) + '\0“Big News Today”.',
  '"told", then spaces, then a quote': 'He told' + ' '.repeat(N) + ':x “We are ready,” he said.',
  '"should", then spaces': 'We should' + ' '.repeat(N) + 'x.',
  'a long title of tabs and punctuation': 'Title' + '\t,'.repeat(N / 2) + '\0\t',
};

for (const [name, text] of Object.entries(ATTACKS)) {
  test(`linear on the quadratic patterns' attack: ${name}`, () => {
    const ms = cpuMs(text);
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms CPU on ${text.length} characters`);
  });
}

test('labels: long titles are cut at a word without trailing punctuation', () => {
  assert.equal(shorten('The war in Iraq, the surge, and the politics of withdrawal — a long view back', 40), 'The war in Iraq, the surge, and the…');
  assert.equal(shorten('A title —  ,;: tail words that go on and on and on and on and on', 12), 'A title…');
  assert.equal(shorten('Short, with a comma,'), 'Short, with a comma,');
});

test('clean slices rejoin hard-wrap hyphens before a lower-case letter only', () => {
  const at = (s: string) => cleanSlice(buildContext(s, 0, []), 0, s.length);
  assert.equal(at('inter-\n  national  talks'), 'international talks');
  assert.equal(at('inter- \r\n\n national'), 'international');
  assert.equal(at('Abu-\nGhraib'), 'Abu- Ghraib');
  assert.equal(at('well -   known'), 'well - known');
});

function outlineRoles(text: string, names: Record<string, EntityType> = {}): string[] {
  const r = analyzeArgument({ text, bodyStart: 0, meta: { extra: {} }, mentions: mentionsOf(text, names) });
  const roles: string[] = [];
  const walk = (ns: typeof r.outline) => ns.forEach((n) => (roles.push(n.role), walk(n.children)));
  walk(r.outline);
  return roles;
}

test('questions (with a closing quote and spaces) are not prescriptions; statements are', () => {
  assert.ok(!outlineRoles('The war goes on. Should the army stay? ” \n').includes('recommendation'));
  assert.ok(!outlineRoles('The war goes on. Why must the army stay ?').includes('recommendation'));
  assert.ok(outlineRoles('The war goes on. The army must stay.').includes('recommendation'));
});

test('figures: a number with a unit, also after a point ("a .5 percent rise"), not a bare number', () => {
  const evidence = (s: string) => outlineRoles(`The talks went on. ${s}`).includes('evidence');
  assert.ok(evidence('Prices rose 2.5 percent in a year.'));
  assert.ok(evidence('Prices rose .5 percent in a year.'));
  assert.ok(evidence('The city of 1,200,000 people waited.'));
  assert.ok(!evidence('Version A5 shipped in 2006.'));
  assert.ok(!evidence('Chapter 1.2.3 was read aloud.'));
});
