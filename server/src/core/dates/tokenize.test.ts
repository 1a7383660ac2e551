import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjacent, sentenceBreakBefore, tokenize, TOKEN_PATTERN } from './tokenize';

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

/** The tokens TOKEN_PATTERN gives (the rule the hand-written scan implements). */
function byPattern(text: string): Array<{ text: string; lower: string; start: number; end: number; kind: string }> {
  const out: Array<{ text: string; lower: string; start: number; end: number; kind: string }> = [];
  const re = new RegExp(TOKEN_PATTERN.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const t = m[0];
    const c = t.charCodeAt(0);
    const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
    const kind = c >= 48 && c <= 57 ? 'num' : isLetter ? 'word' : 'punct';
    const lower = kind === 'word' ? t.toLowerCase() : t;
    if (kind === 'word' && t.length > 2 && (lower.endsWith("'s") || lower.endsWith('\u2019s'))) {
      const cut = m.index + t.length - 2;
      out.push({ text: t.slice(0, -2), lower: lower.slice(0, -2), start: m.index, end: cut, kind });
      out.push({ text: t.slice(-2), lower: "'s", start: cut, end: cut + 2, kind: 'word' });
      continue;
    }
    out.push({ text: t, lower, start: m.index, end: m.index + t.length, kind });
  }
  return out;
}

test('the hand-written scan gives exactly the tokens of TOKEN_PATTERN (random and tricky text)', () => {
  const alphabet = ['a', 'Z', 'é', 'Ä', 'ʃ', '0', '9', "'", '\u2019', '.', ',', ':', '/', '-', ' ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '😀', '\ud800', '\udc00', 'ß', 'İ', '\u0301', 's', 'S', '$', '"'];
  let seed = 7;
  const rand = (k: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % k;
  };
  const texts = [
    "On Friday's vote, Jan. 16, 2006 the 1990s 1,000 16th 5pm year’s end o'clock 3:30 1/2 2.5. l'état 12'ers",
    "ISRAEL'S U.S.'s SHI'ITES'S abc's'd 9'x x'9 ''s 's",
  ];
  for (let k = 0; k < 2000; k++) {
    let t = '';
    const len = rand(30);
    for (let j = 0; j < len; j++) t += alphabet[rand(alphabet.length)];
    texts.push(t);
  }
  for (const text of texts) assert.deepEqual(tokenize(text), byPattern(text), JSON.stringify(text));
});

test('a period followed by a comma ends no sentence; followed by a capital it does', () => {
  const breaks = (text: string): string[] => {
    const t = tokenize(text);
    return t.filter((_, i) => i > 0 && sentenceBreakBefore(t, i, text)).map((x) => x.text);
  };
  assert.deepEqual(breaks('A bombing in Birmingham, Ala., killed a guard. Police came.'), ['Police']);
  assert.deepEqual(breaks('It is based in Oshkosh, Wis.; sales fell.'), []);
  assert.deepEqual(breaks('He moved to Ala. The next day he left.'), ['The']);
});

test('a one-digit number before a period is no initial: the sentence ends there', () => {
  const breaks = (text: string): string[] => {
    const t = tokenize(text);
    return t.filter((_, i) => i > 0 && sentenceBreakBefore(t, i, text)).map((x) => x.text);
  };
  assert.deepEqual(breaks('The pact took effect June 1.\n\n"We expect a decline," he said.'), ['"']);
  assert.deepEqual(breaks('It opened on June 1. The store closed.'), ['The']);
  // A one-letter initial still continues the sentence, unless a blank line follows it.
  assert.deepEqual(breaks('He met John F. Kennedy there.'), []);
  assert.deepEqual(breaks('It was Plan B.\n\nThen it failed.'), ['Then']);
});
