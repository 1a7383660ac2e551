import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjacent, tokenize } from './tokenize';

test('words, numbers with separators and suffixes, punctuation', () => {
  assert.deepEqual(tokenize('Jan. 16, 2006 the 1990s 1,000 16th 5pm').map((t) => t.text),
    ['Jan', '.', '16', ',', '2006', 'the', '1990s', '1,000', '16th', '5pm']);
});

test('the possessive is a token of its own', () => {
  const t = tokenize("Friday's ruling and year’s end");
  assert.deepEqual(t.map((x) => x.text), ['Friday', "'s", 'ruling', 'and', 'year', '’s', 'end']);
  assert.equal(t[1].lower, "'s");
  assert.equal(t[5].lower, "'s");
});

test('offsets are UTF-16 indices', () => {
  const text = '😀 May 5';
  const t = tokenize(text);
  assert.equal(text.slice(t[1].start, t[1].end), 'May');
  assert.ok(adjacent(tokenize('Jan.')[0], tokenize('Jan.')[1]));
});
