import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directionAt, makeContext } from './context';
import { tokenize } from './tokenize';

test('sentence bounds split at sentence ends but not after abbreviations', () => {
  const text = 'He met on Jan. 16 in Baghdad. She will come Tuesday.';
  const ctx = makeContext(text, tokenize(text), { y: 2006, m: 5, d: 6 });
  const jan = ctx.tokens.findIndex((t) => t.text === 'Jan');
  const tue = ctx.tokens.findIndex((t) => t.text === 'Tuesday');
  assert.equal(ctx.sentStart[jan], 0);
  assert.equal(ctx.sentStart[jan + 2], 0); // "16" after "Jan." is in the same sentence
  assert.equal(ctx.tokens[ctx.sentStart[tue]].text, 'She');
  assert.equal(directionAt(ctx, tue, tue + 1), 'future');
  assert.equal(directionAt(ctx, jan, jan + 3), 'past');
});
