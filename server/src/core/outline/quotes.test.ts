import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlocks } from '../text/blocks';
import { findQuoteSpans, findQuoteSpansEveryCharacter } from './quotes';

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

test('jumping between quotation marks finds the spans looking at every character finds (random text)', () => {
  const pieces = ['word', 'Said', ' ', ' ', ' ', 'a “b c” d', '"e f" ', '‘g h’ ', '\n\n', '\n', '“', '”', '"', '‘', '’', "'", 's', 'x’s ', '(', '—', ',', '.', '# ', '```\n', '> ', '1. ', 'é'];
  let seed = 31;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  let found = 0;
  for (let k = 0; k < 3000; k++) {
    let s = '';
    const len = rnd() % 50;
    for (let i = 0; i < len; i++) s += pieces[rnd() % pieces.length];
    const blocks = splitBlocks(s, 0);
    const got = findQuoteSpans(s, blocks);
    assert.deepEqual(got, findQuoteSpansEveryCharacter(s, blocks), JSON.stringify(s));
    assert.deepEqual(findQuoteSpans(s, blocks), got); // again, with the remembered search
    found += got.length;
  }
  assert.ok(found > 1000, `only ${found} quotations`);
});
