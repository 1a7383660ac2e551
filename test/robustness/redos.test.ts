/**
 * ReDoS: every regular expression in server/src (regex literals and `new RegExp`, tests excluded)
 * is checked with `recheck` (automaton + fuzzing). A pattern recheck calls vulnerable is then
 * confirmed in V8 on recheck's own attack string, grown 2× and 4× (see `regexTiming.ts`): the test
 * fails when matching time grows super-linearly (both doublings cost > 2.8×; linear ≈ 2, quadratic ≈ 4). A pattern
 * recheck cannot decide in time, or calls safe only by fuzzing, is probed in V8 with generic attack
 * shapes (runs of spaces, digits, words of the pattern, "word that " pairs).
 *
 * Results of recheck are cached by (recheck version, source, flags) in node_modules/.cache, so
 * only new or changed patterns are re-analysed; SOURCELENS_REDOS_NOCACHE=1 re-checks all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { check, type Diagnostics } from 'recheck';
import { REPO } from './core';
import { findRegexes, type FoundRegex } from './regexSources';
import { genericShapes, measureGrowth, type Growth, type Shape } from './regexTiming';

/**
 * Patterns confirmed super-linear in V8, reported to their owners (/work/robustness-findings.md).
 * Keyed by file and exact source: once a pattern is rewritten, its entry stops matching and the
 * regular (failing-if-broken) test applies again.
 */
const KNOWN: Record<string, string> = {
  'server/src/core/linking/documentEntities.ts|[.-]+$': 'quadratic on a capitalised word with a long run of "-" or "." (linkDocument)',
  'server/src/core/linking/nameKey.ts|^-+|-+$': 'quadratic on a long run of "-" not at the end (the unanchored -+$ alternative)',
  'server/src/core/outline/context.ts|-\\s*\\n\\s*(?=[a-z])': 'quadratic on "-" followed by a long whitespace run with many newlines (cleanSlice)',
  'server/src/core/outline/names.ts|[\\s,;:—–-]+$': 'quadratic on a long whitespace/punctuation run not at the end (shorten)',
  'server/src/core/outline/cues/recommendation.ts|\\?\\s*["”’]?\\s*$': 'quadratic on "?" followed by a long whitespace run (recommendationCue)',
};
const knownKey = (r: FoundRegex) => `${r.file}|${r.source}`;
/** Long patterns, matched by their start and (the quadratic part) their end: [file, prefix, suffix, reason]. */
const KNOWN_LONG: Array<[string, string, string, string]> = [
  ['server/src/core/outline/quoteKind.ts', '\\b(?:headlined?|headline', ')\\s*:?\\s*$', 'quadratic on "headline" + a long whitespace run (TITLE_CUE: \\s*:?\\s*$, two adjacent \\s* around an optional char, unanchored)'],
  ['server/src/core/outline/quoteKind.ts', '\\b(?:article|op-ed|oped', ')\\s*,?\\s*$', 'quadratic on "article" + a long whitespace run (WORK_NOUN: \\s*,?\\s*$)'],
  ['server/src/core/outline/cues/recommendation.ts', '\\b(?:agreement|consensus', '\\s+that\\b(?![^.;]*\\bthat\\b)', 'quadratic on "views that " repeated in one sentence (OTHERS_THAT: the lookahead rescans to the sentence end after every match; F5)'],
  ['server/src/core/outline/cues/evidence.ts', '\\b\\d[\\d,.]*\\s*(?:%|percent\\b', '', 'quadratic on "0.0.0.…" (FIGURE: \\d[\\d,.]*\\s* then a failing unit word, retried at every digit)'],
];
function knownReason(r: FoundRegex): string | undefined {
  if (process.env.SOURCELENS_STRICT) return undefined;
  return KNOWN[knownKey(r)] ?? KNOWN_LONG.find(([f, p, end]) => r.file === f && r.source.startsWith(p) && r.source.endsWith(end))?.[3];
}

const RECHECK_VERSION = (JSON.parse(readFileSync(join(REPO, 'node_modules', 'recheck', 'package.json'), 'utf8')) as { version: string }).version;
const CACHE_DIR = join(REPO, 'node_modules', '.cache', 'sourcelens-redos');
const CACHE_FILE = join(CACHE_DIR, `recheck-${RECHECK_VERSION}.json`);
type Cached = Pick<Diagnostics, 'status'> & { complexity?: string; attack?: { pumps: Shape['pumps']; suffix: string } };

function loadCache(): Record<string, Cached> {
  if (process.env.SOURCELENS_REDOS_NOCACHE) return {};
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, Cached>;
  } catch {
    return {};
  }
}

function summarise(d: Diagnostics): Cached {
  if (d.status === 'vulnerable') return { status: d.status, complexity: d.complexity.summary, attack: { pumps: d.attack.pumps.map((p) => ({ prefix: p.prefix, pump: p.pump })), suffix: d.attack.suffix } };
  if (d.status === 'safe') return { status: d.status, complexity: d.complexity.summary };
  return { status: d.status, complexity: `unknown (${d.error.kind})` };
}

/** Runs `jobs` with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, job: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await job(items[i]);
      }
    }),
  );
  return out;
}

const fmtGrowth = (g: Growth) => (g.timedOut ? `did not finish before the deadline, on ${g.shape}` : `${g.sizes.join(' → ')} chars: ${g.ms.map((m) => m.toFixed(1)).join(' → ')} ms (×${g.ratio.toFixed(1)}) on ${g.shape}`);

test('the regex finder sees literals, new RegExp calls and templates (and would see a bad one)', () => {
  const { regexes, files } = findRegexes(REPO);
  assert.ok(files > 20, `only ${files} source files`);
  assert.ok(regexes.length > 100, `only ${regexes.length} regexes`);
  assert.ok(regexes.some((r) => r.how === 'template'), 'no template RegExp found');
  assert.ok(regexes.every((r) => !r.file.endsWith('.test.ts')));
});

/**
 * Growth measured again (up to three times in all) while it looks super-linear: on a loaded machine
 * one run's timings can look super-linear for a linear pattern, while a super-linear one stays so
 * in every run. A timeout is final (a catastrophic pattern runs out the deadline every time).
 * `expectSuperLinear` (the negative control): measured again while it does not look super-linear.
 */
async function settledGrowth(source: string, flags: string, shapes: Shape[], deadlineMs: number, expectSuperLinear = false): Promise<Growth> {
  let growth = await measureGrowth(source, flags, shapes, deadlineMs);
  // The negative control expects the opposite: a busy machine can flatten one run's growth (a
  // short run slowed more than a long one), never every run's.
  const unsettled = (g: Growth): boolean => (expectSuperLinear ? !g.superLinear : g.superLinear && !g.timedOut);
  for (let again = 0; again < 2 && unsettled(growth); again++) growth = await measureGrowth(source, flags, shapes, deadlineMs);
  return growth;
}

test('negative control: recheck + V8 flag a catastrophic pattern', async () => {
  const d = await check('^(a|a)*$', '', { timeout: 10000 });
  assert.equal(d.status, 'vulnerable');
  const growth = await settledGrowth('^[a-z]+(?:-[a-z]+)*x$', '', [{ pumps: [{ prefix: '', pump: 'a-a' }], suffix: '!' }], 15000);
  const quadratic = await settledGrowth('[.-]+$', '', [{ pumps: [{ prefix: '', pump: '-' }], suffix: '\u0000-' }], 8000, true);
  assert.ok(quadratic.superLinear, fmtGrowth(quadratic));
  assert.ok(!growth.superLinear, fmtGrowth(growth));
});

test('no regular expression in server/src is vulnerable to catastrophic backtracking', { timeout: 170_000 }, async (t) => {
  const { regexes, dynamic } = findRegexes(REPO);
  const cache = loadCache();
  const key = (r: FoundRegex) => `/${r.source}/${r.flags}`;
  const unique = [...new Map(regexes.map((r) => [key(r), r])).values()];
  const started = Date.now();
  const todo = unique.filter((r) => !cache[key(r)]);
  await pool(todo, 4, async (r) => {
    const d = await check(r.source, r.flags, { timeout: 5000 });
    const s = summarise(d);
    cache[key(r)] = s;
  });
  const checkedMs = Date.now() - started;
  if (!process.env.SOURCELENS_REDOS_NOCACHE) {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(cache, null, 1));
  }
  t.diagnostic(`${regexes.length} regexes (${unique.length} distinct) in server/src; recheck ran on ${todo.length} in ${(checkedMs / 1000).toFixed(1)} s (rest cached)`);
  for (const d of dynamic) t.diagnostic(`not statically checkable: ${d.file}:${d.line} ${d.code}`);

  const verdicts = new Map<string, { verdict: 'safe' | 'super-linear' | 'recheck-only'; detail: string }>();
  await pool(unique, 2, async (r) => {
    const c = cache[key(r)];
    // Safe by the automaton is a proof; safe by fuzzing is only "no attack found", so V8 probes too.
    if (c.status === 'safe' && !c.complexity?.includes('fuzz')) return verdicts.set(key(r), { verdict: 'safe', detail: `recheck: ${c.complexity}` });
    const shapes = c.status === 'vulnerable' && c.attack ? [c.attack] : genericShapes(r.source);
    const growth = await settledGrowth(r.source, r.flags, shapes, 8000);
    const detail = `recheck: ${c.complexity}; V8: ${fmtGrowth(growth)}`;
    return verdicts.set(key(r), { verdict: growth.superLinear ? 'super-linear' : c.status === 'vulnerable' ? 'recheck-only' : 'safe', detail });
  });

  for (const r of regexes) {
    const v = verdicts.get(key(r))!;
    const reason = knownReason(r);
    if (v.verdict === 'recheck-only') t.diagnostic(`recheck flags ${r.file}:${r.line} /${r.source.slice(0, 80)}/${r.flags} but V8 grows linearly: ${v.detail}`);
    if (v.verdict === 'super-linear' || reason) {
      await t.test(`${r.file}:${r.line} /${r.source.slice(0, 60)}${r.source.length > 60 ? '…' : ''}/${r.flags}`, { todo: reason }, () => {
        assert.notEqual(v.verdict, 'super-linear', `super-linear in V8: ${v.detail}`);
      });
    }
  }
  const bad = regexes.filter((r) => verdicts.get(key(r))!.verdict === 'super-linear');
  t.diagnostic(`super-linear in V8: ${bad.length} (${bad.filter((r) => knownReason(r)).length} known)`);
});
