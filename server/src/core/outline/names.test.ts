import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContext, cleanSlice, type DocContext } from './context';
import { MAX_NAME, nameOf, shorten } from './names';

/** nameOf as it was: the cleaned slice squished once more inside shorten. */
function reference(ctx: DocContext, start: number, end: number, prefix = ''): string {
  const stop = Math.min(end, start + 400);
  if (stop - start > 160) {
    const s = cleanSlice(ctx, start, start + 160);
    if (s.length >= MAX_NAME + 2) return shorten(prefix + s) || prefix.trim() || '(untitled)';
  }
  return shorten(prefix + cleanSlice(ctx, start, stop)) || prefix.trim() || '(untitled)';
}

test('labels are short, on one line, cut at a word', () => {
  const text = 'The   government\nsaid on Tuesday that it would withdraw every one of its remaining brigades from the province.';
  const ctx = buildContext(text, 0, []);
  assert.equal(nameOf(ctx, 0, text.length), 'The government said on Tuesday that it would withdraw every…');
  assert.equal(nameOf(ctx, 0, 16, '2. '), '2. The government');
  assert.equal(nameOf(ctx, 3, 6), '(untitled)');
});

test('nameOf gives the labels of shortening the cleaned slice again (random text)', () => {
  const pieces = ['word', 'Longer', ' ', ' ', '  ', '\n', '\t', '\u00a0', '-\n', 'x-\n  y', '…', ',', '.', 'é', 'a'];
  let seed = 37;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  for (let k = 0; k < 3000; k++) {
    let s = '';
    const len = rnd() % 120;
    for (let i = 0; i < len; i++) s += pieces[rnd() % pieces.length];
    const ctx = buildContext(s, 0, []);
    const a = rnd() % (s.length + 1);
    const b = a + (rnd() % (s.length - a + 1));
    const prefix = rnd() % 3 ? '' : `${rnd() % 9}. `;
    assert.equal(nameOf(ctx, a, b, prefix), reference(ctx, a, b, prefix), JSON.stringify([s, a, b, prefix]));
  }
});
