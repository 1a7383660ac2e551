import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteKind, titleCase } from './quoteKind';

// The formulas as first written (split and filter), kept here as the reference.
const SMALL = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'or', 'in', 'on', 'at', 'to', 'with', 'by', 'from', 'is', 'as', 'vs']);
const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
function titleCaseRef(inner: string): boolean {
  const ws = words(inner);
  if (ws.length < 2 || ws.length > 14 || /[.!?]["”’]?$/.test(inner.trim())) return false;
  let caps = 0;
  for (const w of ws) if (/^[\p{Lu}\p{N}]/u.test(w) || SMALL.has(w.toLowerCase())) caps++;
  return caps === ws.length && ws.some((w) => !SMALL.has(w.toLowerCase()));
}
function quoteKindRef(inner: string, clauseShaped: boolean, attributed: boolean): string {
  const n = words(inner).length;
  const sentenceLike = /^[\s"“‘']*[\p{Lu}\p{N}]/u.test(inner) && n >= 5 && /[.!?,;:…—-]\s*$/.test(inner);
  const direct = clauseShaped || sentenceLike;
  if (attributed) return direct && (n >= 2 || /[.!?]\s*$/.test(inner)) ? 'direct' : 'partial';
  if (direct && n >= 4) return 'direct';
  return n <= 4 ? 'scare' : 'partial';
}

test('title-case quotes: headlines yes, sentences and lower-case phrases no', () => {
  assert.equal(titleCase('The Surge Is Working'), true);
  assert.equal(titleCase('War and Peace'), true);
  assert.equal(titleCase('The Surge Is Working.'), false);
  assert.equal(titleCase('the surge is working'), false);
  assert.equal(titleCase('Democracy'), false);
  assert.equal(titleCase('of the'), false);
});

test('titleCase and quoteKind give the answers of the split-and-filter formulas', () => {
  const pieces = ['The', 'war', 'of', 'and', 'A', '2006', 'Über', 'élan', '—', '-', ',', '.', '!', '?', '”', '’', '"', ' ', '  ', '\n', '\u00a0', '\ud835\udc00', 'x'];
  let seed = 3;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  for (let k = 0; k < 5000; k++) {
    let s = '';
    const len = rnd() % 24;
    for (let i = 0; i < len; i++) s += pieces[rnd() % pieces.length] + (rnd() % 3 ? ' ' : '');
    assert.equal(titleCase(s), titleCaseRef(s), JSON.stringify(s));
    for (const [c, a] of [[false, false], [true, false], [false, true], [true, true]]) assert.equal(quoteKind(s, c, a), quoteKindRef(s, c, a), JSON.stringify([s, c, a]));
  }
});
