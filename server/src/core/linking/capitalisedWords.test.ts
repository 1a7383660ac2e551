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
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
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
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  for (let k = 0; k < 4000; k++) {
    let s = '';
    const len = rnd() % 16;
    for (let i = 0; i < len; i++) s += alphabet[rnd() % alphabet.length];
    const a = s.length ? rnd() % s.length : 0;
    const b = a + (s.length - a ? rnd() % (s.length - a + 1) : 0);
    assert.deepEqual(words(s, a, b), byRegex(s, a, b), JSON.stringify([s, a, b]));
  }
});

test('nextCapital from any position: the first code point the /\\p{Lu}/u regex finds there', () => {
  const alphabet = ['a', 'b', 'Z', 'Q', ' ', '.', 'hello ', 'world. ', 'É', 'é', 'Σ', 'ß', '\ud835\udc00', '\ud835\udc1a', '\ud800', '\udc00', '“', '’', 'ǅ', 'Ⓐ', '\u0080', '\uffff'];
  let seed = 29;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  const byRegex = (s: string, from: number) => {
    // the scanner steps over a surrogate pair as one character; a regex from `from` does the same
    const re = /\p{Lu}/gu;
    re.lastIndex = from;
    const m = re.exec(s);
    return m ? m.index : -1;
  };
  let found = 0;
  for (let k = 0; k < 6000; k++) {
    let s = '';
    const len = rnd() % 20;
    for (let i = 0; i < len; i++) s += alphabet[rnd() % alphabet.length];
    const from = rnd() % (s.length + 1);
    // from inside a surrogate pair the two disagree by design (the regex backs up to the pair's start)
    if (from > 0 && /[\ud800-\udbff]/.test(s[from - 1]) && /[\udc00-\udfff]/.test(s[from] ?? '')) continue;
    const got = nextCapital(s, from);
    assert.equal(got, byRegex(s, from), JSON.stringify([s, from]));
    if (got >= 0) found++;
  }
  assert.ok(found > 2000, `only ${found} capitals found`);
});
