import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CueWords, cueRule, type CueRule } from './cueWords';
import { FIGURES, FIGURE_WORDS, REPORT, REPORT_WORDS } from './cues/evidence';
import { FIRST_PERSON, FIRST_PERSON_WORDS, IMPERSONAL, IMPERSONAL_WORDS, MODAL, MODAL_WORDS } from './cues/recommendation';
import { STRONG, STRONG_WORDS, WEAK, WEAK_WORDS } from './cues/claim';

const RULES: [string, RegExp, CueRule][] = [
  ['REPORT', REPORT, REPORT_WORDS],
  ['MODAL', MODAL, MODAL_WORDS],
  ['IMPERSONAL', IMPERSONAL, IMPERSONAL_WORDS],
  ['FIRST_PERSON', FIRST_PERSON, FIRST_PERSON_WORDS],
  ['STRONG', STRONG, STRONG_WORDS],
  ['WEAK', WEAK, WEAK_WORDS],
  ...[...FIGURE_WORDS].map(([re, rule]): [string, RegExp, CueRule] => [`FIGURES[${FIGURES.indexOf(re)}]`, re, rule]),
];

/** A fresh copy without /g, so `test` looks from the start of the string. */
const matches = (re: RegExp, s: string) => new RegExp(re.source, re.flags.replace('g', '')).test(s);

test('a sentence without a trigger word is not searched; one with it is', () => {
  const text = 'The two men met in the capital. They should leave. A new poll by Gallup shows it. Let\'s go.';
  const cw = new CueWords(text);
  const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
  assert.equal(cw.mayMatch(MODAL_WORDS, ...at('The two men met in the capital.')), false);
  assert.equal(cw.mayMatch(MODAL_WORDS, ...at('They should leave.')), true);
  assert.equal(cw.mayMatch(REPORT_WORDS, ...at('They should leave.')), false);
  assert.equal(cw.mayMatch(REPORT_WORDS, ...at('A new poll by Gallup shows it.')), true);
  assert.equal(cw.mayMatch(FIRST_PERSON_WORDS, ...at("Let's go.")), true);
  // any case: the regexes are case-insensitive
  assert.equal(new CueWords('SHOULD').mayMatch(MODAL_WORDS, 0, 6), true);
  // a slice that cuts a word may see a trigger the whole word hides ("washould" → "should")
  assert.equal(new CueWords('washould').mayMatch(MODAL_WORDS, 0, 8), false);
  assert.equal(new CueWords('washould').mayMatch(MODAL_WORDS, 2, 8), true);
  assert.equal(new CueWords('shouldn').mayMatch(MODAL_WORDS, 0, 6), true);
  assert.equal(new CueWords('x').mayMatch(MODAL_WORDS, 0, 0), false);
});

test('a rule registered later is looked for', () => {
  const rule = cueRule(['zebra']);
  const cw = new CueWords('a Zebra here');
  assert.equal(cw.mayMatch(rule, 0, 12), true);
  assert.equal(cw.mayMatch(rule, 7, 12), false);
  assert.throws(() => cueRule(['Zebra']));
});

test('whenever a cue regex matches a slice, mayMatch says it may (random text from the regexes’ own words)', () => {
  const words = new Set<string>(['a', 'i', 'we', 'it', 'us', 'to', 'in', 'un', 'im', 's', 'ed', 'ly', 'x']);
  for (const [, re] of RULES) for (const w of re.source.match(/[a-z]{2,}/g) ?? []) words.add(w);
  // whole phrases too, so the multi-word alternatives match often
  const phrases = ['the new poll by', 'a report from', 'polls show', 'data from', 'as a result', 'it is important to', "it's time for", 'it is vital that', 'it remains crucial for', 'we strongly urge', "let's", 'let us', 'has to', 'ought to', 'the only real hope', 'led to', 'more than two', 'fewer than 5', 'nearly 100', 'at least 1,000', 'up to 50', 'tens of thousands of', 'dozens of', 'two million', '5 per 10', '3 out of 4', '12', '1,200'];
  for (const p of phrases) words.add(p);
  const vocab = [...words].flatMap((w) => [w, w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1)]);
  const seps = [' ', ' ', ' ', ' ', '  ', '\n', '', "'", '’', ',', '.', 'é', 'É', '1', '_', '-', 'ſ', '\u212a'];
  let seed = 7;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  const seen = new Map<string, { matched: number; skipped: number }>(RULES.map(([name]) => [name, { matched: 0, skipped: 0 }]));
  for (let k = 0; k < 25000; k++) {
    let s = '';
    const len = 1 + (rnd() % 9);
    for (let i = 0; i < len; i++) s += vocab[rnd() % vocab.length] + seps[rnd() % seps.length];
    const cw = new CueWords(s);
    for (let t = 0; t < 3; t++) {
      const a = rnd() % (s.length + 1);
      const b = a + (rnd() % (s.length - a + 1));
      for (const [name, re, rule] of RULES) {
        const may = cw.mayMatch(rule, a, b);
        const hit = matches(re, s.slice(a, b));
        if (hit) assert.ok(may, `${name} matches ${JSON.stringify(s.slice(a, b))} (${JSON.stringify([s, a, b])}) but mayMatch said no`);
        const c = seen.get(name)!;
        if (hit) c.matched++;
        if (!may) c.skipped++;
      }
    }
  }
  // the test means something only if every regex matched often and was often skipped
  for (const [name, c] of seen) assert.ok(c.matched > 100 && c.skipped > 1000, `${name}: ${JSON.stringify(c)}`);
});
