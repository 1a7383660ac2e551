import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AMBIGUOUS, OPENERS, splitSentences, TITLES } from './sentences';

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

/** The splitter as it was before it jumped between end marks (same word lists): every character looked at in turn. */
function referenceSplit(text: string, start: number, end: number): { start: number; end: number }[] {
  const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
  const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
  const isLetter = (c: string | undefined) => c !== undefined && c.toLowerCase() !== c.toUpperCase();
  const out: { start: number; end: number }[] = [];
  let s = start;
  const push = (a: number, b: number) => {
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    const punctEnd = j;
    while (j < end && '"”’\')]*_»'.includes(text[j])) j++;
    if (j < end && !isSpace(text[j])) {
      i = punctEnd - 1;
      continue;
    }
    let k = j;
    while (k < end && isSpace(text[k])) k++;
    if (k >= end) break;
    const n = text[k];
    if (!(isUpper(n) || (n >= '0' && n <= '9') || '“"‘\'([*_¿¡'.includes(n))) {
      i = punctEnd - 1;
      continue;
    }
    if (c === '.' && punctEnd === i + 1) {
      let a = i;
      while (a > s && a > i - 24 && (isLetter(text[a - 1]) || text[a - 1] === '.')) a--;
      const w = text.slice(a, i);
      let b = k;
      while (b < end && b < k + 24 && isLetter(text[b])) b++;
      const following = isLetter(n) ? text.slice(k, b).toLowerCase() : '';
      if (TITLES.has(w.toLowerCase())) continue;
      if ((w.length === 1 && isUpper(w)) || AMBIGUOUS.has(w.toLowerCase()) || (w.includes('.') && w.length <= 8)) {
        if (j === punctEnd && !(following && OPENERS.has(following))) continue;
      }
    }
    push(s, j);
    s = j;
    i = j - 1;
  }
  push(s, end);
  return out;
}

test('jumping between end marks gives the character-by-character answers, block after block', () => {
  const pieces = ['. ', '.', '! ', '?', '…', ' ', '  ', '\n', '\u00a0', 'The', 'the', 'he', 'It', 'but', 'Mr', 'Dr', 'St', 'Dec', 'U.S', 'Inc', 'a.m', 'e.g', 'al', 'x', 'B', 'É', 'é', '2', '”', '"', ')', '*', '“', '(', 'ß', '\ud835\udc00'];
  let seed = 11;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  for (let k = 0; k < 4000; k++) {
    let s = '';
    const len = rnd() % 30;
    for (let i = 0; i < len; i++) s += pieces[rnd() % pieces.length];
    // a few consecutive blocks of the same text (as the outline asks), sometimes out of order
    const cuts = [0, rnd() % (s.length + 1), rnd() % (s.length + 1), s.length].sort((a, b) => a - b);
    const order = rnd() % 2 ? [0, 1, 2] : [2, 0, 1];
    for (const b of order) {
      assert.deepEqual(splitSentences(s, cuts[b], cuts[b + 1]), referenceSplit(s, cuts[b], cuts[b + 1]), JSON.stringify([s, cuts[b], cuts[b + 1]]));
    }
  }
});
