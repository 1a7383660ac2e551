import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlocks } from '../text/blocks';
import { findQuoteSpans } from './quotes';

function check(text: string, expected: string[]) {
  const got = findQuoteSpans(text, splitBlocks(text, 0)).map((q) => text.slice(q.start, q.end));
  assert.deepEqual(got, expected, text);
}

test('curly and straight double quotes', () => {
  check('He said “yes” and “no.”', ['“yes”', '“no.”']);
  check('He said "yes" and "no."', ['"yes"', '"no."']);
  check('A 5" screen and "a quote".', ['"a quote"']);
});

test('multi-paragraph quotes continue where the next paragraph reopens the quote', () => {
  const text = '“First paragraph.\n\n“Second paragraph,” she said.';
  check(text, [text.slice(0, text.indexOf(',”') + 2)]);
  // no reopening mark: the unclosed quote is dropped, the next one stands alone
  check('“Never closed.\n\nPlain “closed” here.', ['“closed”']);
});

test('single quotes only when clearly quoting', () => {
  check('The ‘surge’ worked.', ['‘surge’']);
  check('Iraq’s leaders and the insurgents’ plans don’t change in the ’90s.', []);
  check('“A ‘nested’ quote,” he said.', ['“A ‘nested’ quote,”']);
});

test('quotes in code blocks are ignored; empty quotes are not quotes', () => {
  check('```\n“code”\n```\n\n“”', []);
});
