/**
 * Pathological inputs: each must finish, keep the structural invariants, and scale linearly.
 * Scaling is judged by a ratio, not a wall-clock limit: the time at 4n over the time at n (after
 * a warm-up at a small size) must stay below 8 (linear ≈ 4, quadratic ≈ 16). A ratio above 8 is
 * re-measured (up to three measures in all), so a garbage-collection pause or a busy machine cannot
 * fail the suite. Absolute times are
 * printed as test diagnostics. SOURCELENS_PATHOLOGICAL_FULL=1 runs the sizes of issue 8 as 4n
 * (1 MB single line, 100,000 capitalised words, …), which takes minutes.
 *
 * Inputs that hit a quadratic regex ("0.0.0.…", "?" + tabs, "A---…x") are measured in
 * redos.test.ts on the regex alone, where the growth shows at a fraction of the cost.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'path';
import type * as LinkModule from '../../server/src/core/linking/documentEntities';
import type { EntityMention } from '../../server/src/core/types';
import { analyzeArticle, productionComponents, REPO } from './core';
import { invariantViolations } from './invariants';

const components = productionComponents();
const FULL = !!process.env.SOURCELENS_PATHOLOGICAL_FULL;
const LIMIT = 8;

function timeOnce(text: string): number {
  const t0 = process.hrtime.bigint();
  const analysis = analyzeArticle(text, components);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const violations = invariantViolations(text, analysis, { surfaceText: false });
  assert.deepEqual(violations.slice(0, 5), [], `invariants broken on a ${text.length}-char input`);
  return ms;
}

function growth(make: (n: number) => string, n: number): { ms: [number, number]; lengths: [number, number]; ratio: number } {
  timeOnce(make(Math.max(64, Math.floor(n / 16)))); // warm-up: JIT and lazy tables
  const small = make(n);
  const big = make(4 * n);
  const measure = () => {
    const a = timeOnce(small);
    const b = timeOnce(big);
    return { ms: [a, b] as [number, number], ratio: b / Math.max(a, 1) };
  };
  let m = measure();
  // Up to three measures in all while the ratio looks too high: on a busy machine one small run
  // can be fast and its big run slowed (5 → 47 ms once), while a super-linear input stays so.
  for (let again = 0; again < 2 && m.ratio >= LIMIT; again++) {
    const next = measure();
    if (next.ratio < m.ratio) m = next;
  }
  return { ...m, lengths: [small.length, big.length] };
}

const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const PROSE = 'The Iraqi prime minister, Nouri al-Maliki, said on Tuesday that Baghdad "would not" yield to pressure from Washington (see [the report](https://example.com)). ';

interface Case {
  name: string;
  make: (n: number) => string;
  /** n for the default run; 4n is the size measured against it. */
  n: number;
  /** n when SOURCELENS_PATHOLOGICAL_FULL is set (4n = the size issue 8 names). */
  full: number;
  todo?: string;
}

const CASES: Case[] = [
  { name: 'a single line of news prose (no line breaks)', make: (n) => repeat(PROSE, n), n: 32_768, full: 262_144 },
  { name: 'capitalised words in a row ("Abc Abc …")', make: (n) => 'Abc '.repeat(n), n: 6_250, full: 25_000 },
  { name: 'quotation marks of every kind', make: (n) => repeat('"“”‘’\'«»', n), n: 12_500, full: 12_500 },
  { name: 'straight quotation marks', make: (n) => '"'.repeat(n), n: 12_500, full: 12_500 },
  { name: 'deep brackets ((((…))))', make: (n) => '('.repeat(n / 2) + 'Maliki' + ')'.repeat(n / 2), n: 16_384, full: 65_536 },
  { name: 'deep Markdown links [[[[…]]]] and images', make: (n) => '['.repeat(n / 2) + '](x)![' .repeat(n / 8) + ']'.repeat(n / 4), n: 16_384, full: 65_536 },
  { name: 'long runs of "-\\n"', make: (n) => '-\n'.repeat(n / 2), n: 16_384, full: 131_072 },
  { name: '"Mr. " repeated', make: (n) => 'Mr. '.repeat(n), n: 6_250, full: 25_000 },
  { name: 'one huge front matter', make: (n) => `---\n${repeat('key: "value with Maliki"\n', n)}---\nMaliki spoke.`, n: 16_384, full: 65_536 },
  { name: 'list items and headings alternating', make: (n) => repeat('# Heading Baghdad\n- Maliki said it\n> quoted Bush\n', n), n: 16_384, full: 65_536 },
];

for (const c of CASES) {
  const n = FULL ? c.full : c.n;
  test(`pathological: ${c.name} finishes and scales linearly`, { todo: process.env.SOURCELENS_STRICT ? undefined : c.todo }, (t) => {
    const g = growth(c.make, n);
    t.diagnostic(`${g.lengths[0]} chars: ${g.ms[0].toFixed(0)} ms; ${g.lengths[1]} chars: ${g.ms[1].toFixed(0)} ms; ratio ${g.ratio.toFixed(2)}`);
    assert.ok(g.ratio < LIMIT, `time grew ×${g.ratio.toFixed(1)} for 4× the input (${g.ms.map((m) => m.toFixed(0)).join(' → ')} ms)`);
  });
}

// The linking stage alone, on many person mentions in one line: the whole pipeline hides its
// growth behind the (linear) recognizer until about 1 MB, so it is measured directly.
// (Was O(n²) until 00fb6b8: roleBefore searched the whole text for the previous line break; F3.)
test('pathological: linking many mentions on one line scales linearly', (t) => {
  const { linkDocument } = require(join(REPO, 'server', 'out', 'core', 'linking', 'documentEntities.js')) as typeof LinkModule;
  const make = (n: number) => {
    const text = repeat('Maliki met Bush in Baghdad and the talks went on ', n);
    const mentions: EntityMention[] = [];
    for (const m of text.matchAll(/Maliki|Bush|Baghdad/g)) {
      const type = m[0] === 'Baghdad' ? 'place' : 'person';
      mentions.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], type, source: 'model', confidence: 0.9 });
    }
    return { text, mentions };
  };
  const time = (n: number) => {
    const { text, mentions } = make(n);
    const t0 = process.hrtime.bigint();
    linkDocument(text, mentions);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  time(4096);
  const n = FULL ? 262_144 : 65_536;
  let a = time(n);
  let b = time(4 * n);
  if (b / a >= LIMIT) [a, b] = [time(n), time(4 * n)];
  t.diagnostic(`${n} chars: ${a.toFixed(0)} ms; ${4 * n} chars: ${b.toFixed(0)} ms; ratio ${(b / a).toFixed(2)}`);
  assert.ok(b / a < LIMIT, `linking time grew ×${(b / a).toFixed(1)} for 4× the input`);
});
