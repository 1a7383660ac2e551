import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chronoFallback } from './chronoFallback';
import { makeContext } from './context';
import { scanRange } from './scan';
import { tokenize } from './tokenize';

function extra(text: string): string[] {
  const ctx = makeContext(text, tokenize(text), { y: 2006, m: 5, d: 6 });
  const base = scanRange(ctx, 0, ctx.tokens.length);
  return chronoFallback(ctx, base).map((m) => `${text.slice(ctx.tokens[m.start].start, ctx.tokens[m.end - 1].end)}=${m.value}`);
}

test('chrono fills in calendar dates the rules leave, trimmed of prepositions', () => {
  assert.deepEqual(extra('It happened on the 5th of Sept in Basra.'), ['5th of Sept=2006-09-05']);
});

test('chrono is not asked about sentences without uncovered calendar words, nor fractions', () => {
  assert.deepEqual(extra('The stock rose 2 1/2 to 37 3/4.'), []);
  assert.deepEqual(extra('On Jan. 16, 2006, he left.'), []);
  assert.deepEqual(extra('He may come.'), []);
});
