import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './sentences';

function check(text: string, expected: string[]) {
  assert.deepEqual(splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end)), expected);
}

test('ordinary sentence ends', () => {
  check('One. Two! Three? Four', ['One.', 'Two!', 'Three?', 'Four']);
  check('  Leading space.  ', ['Leading space.']);
});

test('titles, initials and month abbreviations do not end a sentence', () => {
  check('Mr. Smith met Gen. Casey and Pres. Bush on Dec. 12 in St. Louis. George W. Bush spoke.', [
    'Mr. Smith met Gen. Casey and Pres. Bush on Dec. 12 in St. Louis.',
    'George W. Bush spoke.',
  ]);
  check('Richard C. Holbrooke called it a good idea.', ['Richard C. Holbrooke called it a good idea.']);
});

test('U.S. ends a sentence only before a sentence opener', () => {
  check('The U.S. Army left. It was late.', ['The U.S. Army left.', 'It was late.']);
  check('regardless of U.S. The United States cannot act.', ['regardless of U.S.', 'The United States cannot act.']);
  check('U.S.-led forces stayed.', ['U.S.-led forces stayed.']);
});

test('decimals and numbers', () => {
  check('The suburb of 2.5 million people shut. Prices rose 3.4 percent.', ['The suburb of 2.5 million people shut.', 'Prices rose 3.4 percent.']);
});

test('quotations that end sentences, and those that do not', () => {
  check('He said “we will stay.” Then he left.', ['He said “we will stay.”', 'Then he left.']);
  check('“Will you stay?” he asked. “No.”', ['“Will you stay?” he asked.', '“No.”']);
  check('“We are done,” she said. “Go.”', ['“We are done,” she said.', '“Go.”']);
});

test('respects the range and never throws', () => {
  const text = 'Skip. Inside one. Inside two. Skip.';
  const spans = splitSentences(text, 6, 29);
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['Inside one.', 'Inside two.']);
  assert.deepEqual(splitSentences('', 0, 0), []);
  assert.deepEqual(splitSentences('abc', 5, 2), []);
});

test('linear on a 1 MB line and many dots', () => {
  const big = 'word '.repeat(200_000) + '. '.repeat(100_000) + 'U.S. '.repeat(50_000);
  const t0 = process.cpuUsage();
  const spans = splitSentences(big, 0, big.length);
  const used = process.cpuUsage(t0);
  assert.ok(spans.length >= 1);
  assert.ok((used.user + used.system) / 1000 < 2000);
});
