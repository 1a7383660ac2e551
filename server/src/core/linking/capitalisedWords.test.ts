import { test } from 'node:test';
import assert from 'node:assert/strict';
import { letterWords, nameRunEnd, nextCapital } from './capitalisedWords';

function byScanner(text: string): string[] {
  const out: string[] = [];
  for (let i = nextCapital(text, 0); i >= 0; ) {
    const end = nameRunEnd(text, i);
    out.push(`${i}:${text.slice(i, end)}`);
    i = nextCapital(text, end);
  }
  return out;
}

function byRegex(text: string): string[] {
  const out: string[] = [];
  const re = /\p{Lu}[\p{L}\p{M}'’.-]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(`${m.index}:${m[0]}`);
  return out;
}

test('the scanner finds the words the capitalised-word regex finds', () => {
  assert.deepEqual(byScanner('Nouri al-Maliki met U.S. envoy O’Brien in Baghdad.'), ['0:Nouri', '9:Maliki', '20:U.S.', '31:O’Brien', '42:Baghdad.']);
  assert.deepEqual(byScanner('no capitals here'), []);
  const alphabet = ['a', 'Z', ' ', '.', '-', "'", '’', 'É', 'é', '\u0301', 'Σ', '1', '\ud835\udc00' /* 𝐀 (Lu) */, '\ud835\udc1a' /* 𝐚 (Ll) */, '\ud800', '\udc00', '“', 'ǅ' /* Lt */, 'Ⓐ'];
  let seed = 11;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  for (let k = 0; k < 4000; k++) {
    let s = '';
    const len = rnd() % 16;
    for (let i = 0; i < len; i++) s += alphabet[rnd() % alphabet.length];
    assert.deepEqual(byScanner(s), byRegex(s), JSON.stringify(s));
  }
});

test('letterWords finds the words of the word regex in a slice', () => {
  const words = (t: string, a: number, b: number) => letterWords(t, a, b).map((w) => `${w.start}:${t.slice(w.start, w.end)}`);
  const byRegex = (t: string, a: number, b: number) => {
    const out: string[] = [];
    const re = /[\p{L}\p{M}][\p{L}\p{M}.'’-]*/gu;
    const s = t.slice(a, b);
    for (let m = re.exec(s); m; m = re.exec(s)) out.push(`${a + m.index}:${m[0]}`);
    return out;
  };
  assert.deepEqual(words('Prime Minister al-Maliki’s aide, Gen. X', 0, 39), byRegex('Prime Minister al-Maliki’s aide, Gen. X', 0, 39));
  assert.deepEqual(words('abc def', 2, 5), ['2:c', '4:d']);
  const alphabet = ['a', 'Z', ' ', '.', '-', "'", '’', 'É', '\u0301', '1', ',', '\ud835\udc00', '\ud835\udc1a', '\ud800', '\udc00', '“'];
  let seed = 17;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  for (let k = 0; k < 4000; k++) {
    let s = '';
    const len = rnd() % 16;
    for (let i = 0; i < len; i++) s += alphabet[rnd() % alphabet.length];
    const a = s.length ? rnd() % s.length : 0;
    const b = a + (s.length - a ? rnd() % (s.length - a + 1) : 0);
    assert.deepEqual(words(s, a, b), byRegex(s, a, b), JSON.stringify([s, a, b]));
  }
});
