import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameRunEnd, nextCapital } from './capitalisedWords';

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
