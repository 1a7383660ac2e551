import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collapseSpaces, isSpaceCode, lastNonSpace, oneOf, spaceCount, splitSpaceCount, squish, wordRunCount } from './whitespace';

test('isSpaceCode agrees with \\s on every UTF-16 code unit', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

const SAMPLES = ['', ' ', 'a', 'a b', ' a  b ', 'a\nb', 'a \n\tb', '\u00a0x\u2003y\u3000', 'one two  three\r\n', 'x\ufeff', '  ', 'a\u200bb', 'end. '];

test('the helpers give the answers of the regex idioms', () => {
  // random strings over a small alphabet rich in whitespace
  const alphabet = ['a', 'B', ' ', ' ', '\n', '\t', '\u00a0', '\u2028', '.', 'é', '\u200b'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  const all = [...SAMPLES];
  for (let k = 0; k < 3000; k++) {
    let s = '';
    const len = rnd() % 12;
    for (let i = 0; i < len; i++) s += alphabet[rnd() % alphabet.length];
    all.push(s);
  }
  for (const s of all) {
    assert.equal(collapseSpaces(s), s.replace(/\s+/g, ' '), JSON.stringify(s));
    assert.equal(squish(s), s.replace(/\s+/g, ' ').trim(), JSON.stringify(s));
    assert.equal(splitSpaceCount(s), s.split(/\s+/).length, JSON.stringify(s));
    assert.equal(wordRunCount(s), s.split(/\s+/).filter(Boolean).length, JSON.stringify(s));
  }
});

test('collapseSpaces returns its input when there is nothing to fold', () => {
  const s = 'already single spaced text';
  assert.equal(collapseSpaces(s), s);
  assert.notEqual(collapseSpaces('two  spaces'), 'two  spaces');
});

test('lastNonSpace and oneOf answer end-anchored tests', () => {
  for (const s of [...SAMPLES, 'Why?', 'Why? ', 'Why?\n\t', 'no', '?', '', '  ', '*x*', 'a.”']) {
    assert.equal(lastNonSpace(s) === '?', /\?\s*$/.test(s), JSON.stringify(s));
    assert.equal(oneOf(lastNonSpace(s), '.!?"”’)'), /[.!?"”’)]\s*$/.test(s.trimEnd()), JSON.stringify(s));
    assert.equal(oneOf(s.charAt(s.length - 1), '*_'), /[*_]$/.test(s), JSON.stringify(s));
  }
  assert.equal(oneOf('', 'abc'), false);
});

test('counts that stop early still answer the comparison', () => {
  for (const s of SAMPLES.concat(['a b c d e f g', ' a  b c ', 'one'])) {
    for (const k of [1, 2, 3, 6]) {
      assert.equal(splitSpaceCount(s, k) < k, s.split(/\s+/).length < k, JSON.stringify([s, k]));
      assert.equal(wordRunCount(s, k) < k, s.split(/\s+/).filter(Boolean).length < k, JSON.stringify([s, k]));
    }
  }
});

test('spaceCount counts plain spaces only', () => {
  for (const s of SAMPLES.concat(['a b c', '  ', 'x'])) assert.equal(spaceCount(s), s.split(' ').length - 1, JSON.stringify(s));
});
