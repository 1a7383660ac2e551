import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleMeta, EntityType, OutlineNode } from '../types';
import { analyzeArgument, type ArgumentResult } from './buildOutline';
import { mentionsOf } from './fixtureMentions';
import { maskMarkup } from '../text/blocks';

const META: ArticleMeta = { title: 'A Message for the Summit', author: 'Jane Roe', date: '2006-11-28', extra: {} };

function run(text: string, names: Record<string, EntityType> = {}, meta: ArticleMeta = META, bodyStart = 0): ArgumentResult {
  return analyzeArgument({ text, bodyStart, meta, mentions: mentionsOf(text, names) });
}

/** Compact tree: "role: name {detail}" with children indented. */
function lines(nodes: OutlineNode[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(`${'  '.repeat(depth)}${n.role}: ${n.name}${n.detail ? ` {${n.detail}}` : ''}`);
    lines(n.children, depth + 1, out);
  }
  return out;
}

/** VS Code's rules: ranges non-empty, children inside parents, selection inside range, names short. */
function assertWellFormed(nodes: OutlineNode[], parent: { start: number; end: number }) {
  for (const n of nodes) {
    assert.ok(n.end > n.start, `empty range ${n.role} ${n.name}`);
    assert.ok(n.start >= parent.start && n.end <= parent.end, `${n.role} ${n.name} outside its parent`);
    if (n.selection) assert.ok(n.selection.start >= n.start && n.selection.end <= n.end && n.selection.end > n.selection.start);
    assert.ok(n.name.length > 0 && n.name.length <= 60 && !/[\r\n]/.test(n.name), `bad name ${JSON.stringify(n.name)}`);
    assertWellFormed(n.children, n);
  }
}

/** Checks an outline against expected lines; each expected line must appear, in this order. */
function check(text: string, expected: string[], names: Record<string, EntityType> = {}, meta: ArticleMeta = META) {
  const r = run(text, names, meta);
  assertWellFormed(r.outline, { start: 0, end: text.length });
  const got = lines(r.outline);
  let at = 0;
  for (const want of expected) {
    const k = got.indexOf(want, at);
    assert.ok(k >= 0, `missing (in order) ${JSON.stringify(want)}\n--- got:\n${got.join('\n')}`);
    at = k + 1;
  }
  return got;
}

const OPED = `---
title: A Message for the Summit
---

Tomorrow President Tom Bush meets Prime Minister Ali Karim for a two-day summit. President Tom Bush should use the summit to start work on a comprehensive plan to reduce sectarian tensions. This will take time.

## A Strong Message

Bush must be clear that only Iraqis can build a nation. The United States cannot save Iraqis from themselves, because the militias have grown stronger.

But it is not too late. Critics say the plan is hopeless.

### Why It Matters

A rapid withdrawal would be a disaster for the region. More than 150 pilgrims were killed on March 6, according to a police report by the ministry.

## Three Key Recommendations

When Bush meets Karim tomorrow, he should act on three objectives:

1. Press Karim to disband the militias. The militias threaten the rule of law.
2. Urge Karim to reach out to Sunni leaders.
3. Negotiate benchmarks for the drawdown of troops.

## Conclusion

The situation could worsen quickly. The United States must remain engaged.
`;

test('an op-ed: thesis, nested sections, numbered recommendations with their actor, conclusion', () => {
  const fm = OPED.indexOf('Tomorrow');
  const r = analyzeArgument({ text: OPED, bodyStart: fm, meta: META, mentions: mentionsOf(OPED, { 'Tom Bush': 'person', Bush: 'person', 'Ali Karim': 'person', Karim: 'person', 'United States': 'place' }) });
  assertWellFormed(r.outline, { start: 0, end: OPED.length });
  const got = lines(r.outline);
  const expected = [
    'article: A Message for the Summit {Jane Roe · 2006-11-28}',
    '  thesis: President Tom Bush should use the summit to start work on a… {thesis}',
    '  section: A Strong Message {section}',
    '    recommendation: Bush must be clear that only Iraqis can build a nation. {recommendation · Tom Bush}',
    '    claim: The United States cannot save Iraqis from themselves… {claim}',
    '    concession: But it is not too late. {concession}',
    '    concession: Critics say the plan is hopeless. {concession}',
    '    section: Why It Matters {section}',
    '      claim: A rapid withdrawal would be a disaster for the region. {claim}',
    '      evidence: More than 150 pilgrims were killed on March 6, according to… {evidence · report}',
    '  section: Three Key Recommendations {section}',
    '    recommendation: 1. Press Karim to disband the militias. {recommendation · Tom Bush}',
    '    recommendation: 2. Urge Karim to reach out to Sunni leaders. {recommendation · Tom Bush}',
    '    recommendation: 3. Negotiate benchmarks for the drawdown of troops. {recommendation · Tom Bush}',
    '  section: Conclusion {section}',
    '    recommendation: The United States must remain engaged. {recommendation · United States}',
    '  conclusion: The situation could worsen quickly. {conclusion · Conclusion}',
  ];
  let at = 0;
  for (const want of expected) {
    const k = got.indexOf(want, at);
    assert.ok(k >= 0, `missing ${JSON.stringify(want)}\n--- got:\n${got.join('\n')}`);
    at = k + 1;
  }
  // every heading is a section; the thesis and conclusion are top level
  assert.equal(got.filter((l) => /section: /.test(l)).length, 4);
  assert.equal(r.outline.length, 1);
  assert.deepEqual(r.outline[0].children.map((c) => c.role).filter((x) => x !== 'section'), ['thesis', 'conclusion']);
});

const NEWS = `Tensions between the two governments intensified this week, officials said. The prime minister issued a statement on Tuesday saying he had “ordered” the army to lift the cordon.

“We will not accept this siege,” said Ali Karim, a spokesman for the movement. All the talk about “democracy” has been shelved.

However, the embassy had no immediate comment. The suburb of 2.5 million people shut down.

The corollary of any coup would be a bloody crackdown against the opposition.`;

test('a plain-text report without headings: roles directly under the article, lead sentence as thesis', () => {
  const got = check(NEWS, [
    'article: A Message for the Summit {Jane Roe · 2006-11-28}',
    '  thesis: Tensions between the two governments intensified this week… {thesis}',
    '  evidence: “ordered” {quote · the prime minister}',
    '  evidence: “We will not accept this siege,” {quote · Ali Karim}',
    '  concession: However, the embassy had no immediate comment. {concession}',
    '  evidence: The suburb of 2.5 million people shut down. {evidence · figures}',
    '  conclusion: The corollary of any coup would be a bloody crackdown… {conclusion}',
  ], { 'Ali Karim': 'person' });
  assert.ok(!got.some((l) => l.includes('section:')));
  // the scare quote is not evidence
  assert.ok(!got.some((l) => l.includes('democracy')));
});

test('"But" inside a sentence is not a concession; a year is not a figure', () => {
  const text = 'The plan was bold but flawed, and it failed in 2006 and 2007.\n\nBut the army stayed.';
  const got = lines(run(text).outline);
  assert.ok(!got.some((l) => l.includes('concession: The plan')), got.join('\n'));
  assert.ok(got.some((l) => l.includes('concession: But the army stayed.')), got.join('\n'));
  assert.ok(!got.some((l) => l.includes('figures')), got.join('\n'));
});

test('a title heading that repeats the front-matter title is not a section', () => {
  const text = '# A Message for the Summit\n\nJane Roe\n\nThe summit opened on Monday in the capital with many delegates.\n\n## Background\n\nThe talks began long ago and have stalled repeatedly since then.\n';
  const r = run(text);
  const got = lines(r.outline);
  assert.equal(got.filter((l) => l.includes('section:')).length, 1, got.join('\n'));
  assert.deepEqual(r.outline[0].selection, { start: 0, end: '# A Message for the Summit'.length });
});

test('article detail and names: no author or date, long titles cut with an ellipsis', () => {
  const r = run('Some text here that is long enough to be a paragraph of prose.', {}, { title: 'T'.repeat(30) + ' ' + 'U'.repeat(40), extra: {} });
  const a = r.outline[0];
  assert.equal(a.detail, undefined);
  assert.ok(a.name.endsWith('…') && a.name.length <= 60);
  assert.equal(a.start, 0);
});

test('never throws on odd input', () => {
  const odd: unknown[] = [
    { text: '', bodyStart: 0, meta: { extra: {} }, mentions: [] },
    { text: 'x', bodyStart: 99, meta: { extra: {} }, mentions: [] },
    { text: 'Hello “world', bodyStart: -5, meta: {}, mentions: [{ start: 3, end: 1, type: 'person', text: 'z' }] },
    { text: '“”“”""‘’', bodyStart: Number.NaN, meta: undefined, mentions: undefined },
    { text: '## \n\n1.\n\n>\n\n```\n', bodyStart: 0, meta: { extra: {} }, mentions: [{ start: 0, end: 1e9, type: 'person', text: 'big' }] },
    { text: 'He said. She said. They said. “I said,” he said.', bodyStart: 0, meta: { extra: {} }, mentions: [] },
    { text: undefined, bodyStart: 0, meta: { extra: {} }, mentions: [] },
  ];
  for (const input of odd) {
    const r = analyzeArgument(input as never);
    assert.ok(Array.isArray(r.outline) && Array.isArray(r.quotes));
    const text = (input as { text?: unknown }).text;
    if (typeof text === 'string') assertWellFormed(r.outline, { start: 0, end: text.length });
  }
});

/** CPU milliseconds spent by this process (robust to a busy machine, unlike wall-clock time). */
function timed(text: string): number {
  const t0 = process.cpuUsage();
  const r = analyzeArgument({ text, bodyStart: 0, meta: { extra: {} }, mentions: [] });
  const used = process.cpuUsage(t0);
  assertWellFormed(r.outline, { start: 0, end: text.length });
  return (used.user + used.system) / 1000;
}

// Generous CPU-time limits: a quadratic pass would take minutes on these sizes.
test('linear on pathological input: 50,000 quotation marks', () => {
  assert.ok(timed('“'.repeat(50_000)) < 5000);
  assert.ok(timed('“a” '.repeat(25_000)) < 8000);
  assert.ok(timed('"'.repeat(50_000)) < 5000);
  assert.ok(timed('“a,” he said. '.repeat(12_500)) < 15000);
});

test('linear on pathological input: a 1 MB line and 100,000 capitalized words', () => {
  assert.ok(timed('word, '.repeat(175_000)) < 10000);
  assert.ok(timed('Word '.repeat(100_000)) < 10000);
  assert.ok(timed('Ali Karim said the Minister should go. '.repeat(25_000)) < 15000);
});

test('list items: imperative or prescriptive items are recommendations; a plain numbered list of facts is not', () => {
  const text = `## What Washington Should Do

- Expand training for the police.
- Cut aid to the militias.

## Timeline

1. The talks opened in January with twelve delegations.
2. Press the parties to sign the accord.
3. The embassy closed in March after the attack.
`;
  const got = check(text, [
    '  section: What Washington Should Do {section}',
    '    recommendation: Expand training for the police. {recommendation}',
    '    recommendation: Cut aid to the militias. {recommendation}',
    '  section: Timeline {section}',
    '    recommendation: 2. Press the parties to sign the accord. {recommendation}',
  ]);
  assert.ok(!got.some((l) => /recommendation: [13]\. /.test(l)), got.join('\n'));
});

test('without sections, the closing paragraph’s roles nest under the conclusion', () => {
  const text = 'The talks opened on Monday in the capital with many delegations present.\n\nThe delegates met again on Tuesday to discuss the border and the oil fields.\n\nIn the end, the deal would be a disaster for the region because the militias remain armed.';
  const r = run(text);
  const conclusion = r.outline[0].children.find((c) => c.role === 'conclusion');
  assert.ok(conclusion, lines(r.outline).join('\n'));
  assert.deepEqual(conclusion.children.map((c) => c.role), ['claim']);
});

test('plain text: a title or byline line is not a role; the named prescription in the lead is the thesis', () => {
  const text = 'Bush Must Make Clear Iraq’s Responsibilities\n\nBy James Doe\n\nTomorrow the president meets the prime minister for a two-day summit on security. President Bush should use the summit to start work on a plan to reduce tensions. It is important that talks start soon.\n\nThe talks will be long and difficult for both governments, and the outcome is uncertain.';
  const got = check(text, ['  thesis: President Bush should use the summit to start work on a… {thesis}'], { Bush: 'person' }, { extra: {} });
  assert.ok(!got.some((l) => l.includes('Must Make Clear') && !l.startsWith('article')), got.join('\n'));
  assert.equal(got[0], 'article: Bush Must Make Clear Iraq’s Responsibilities');
});

test('a premasked text given by the caller gives the same result; a wrong-length one is ignored', () => {
  const text = '---\ntitle: T\n---\n# Heading\n\nThe *army* should leave [Basra](http://x) soon. “We are ready to go home now,” **Karim** said.\n';
  const bodyStart = text.indexOf('# Heading');
  const meta = { title: 'T', extra: {} };
  const plain = analyzeArgument({ text, bodyStart, meta, mentions: [] });
  const given = analyzeArgument({ text, bodyStart, meta, mentions: [], masked: maskMarkup(text, bodyStart) });
  assert.deepEqual(given, plain);
  const wrong = analyzeArgument({ text, bodyStart, meta, mentions: [], masked: 'short' });
  assert.deepEqual(wrong, plain);
  assert.ok(plain.outline[0].children.length > 0);
});
