import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksPreTokenized, tokenize, tokenStrings, TOKEN_SENTENCE_START, TOKEN_LINE_START, TOKEN_PARAGRAPH_START, TOKEN_WORD } from './tokenize';

function sentenceStarts(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let k = 0; k < t.count; k++) if (t.flags[k] & TOKEN_SENTENCE_START) out.push(text.slice(t.start[k], t.end[k]));
  return out;
}

test('splits punctuation and keeps abbreviations, hyphenated words and numbers whole', () => {
  assert.deepEqual(tokenStrings('Gen. Petraeus met al-Maliki in the U.S. on Dec. 5, 2006.'), [
    'Gen.', 'Petraeus', 'met', 'al-Maliki', 'in', 'the', 'U.S.', 'on', 'Dec.', '5', ',', '2006', '.',
  ]);
  assert.deepEqual(tokenStrings('a power-sharing deal worth $1,000.50 (3.5%)'), ['a', 'power-sharing', 'deal', 'worth', '$', '1,000.50', '(', '3.5', '%', ')']);
  assert.deepEqual(tokenStrings('AT&T and O\'Brien, Shi\'ite clerics'), ['AT&T', 'and', "O'Brien", ',', "Shi'ite", 'clerics']);
});

test('splits possessives with straight and curly apostrophes, and clitics', () => {
  assert.deepEqual(tokenStrings("Bush's plan"), ['Bush', "'s", 'plan']);
  assert.deepEqual(tokenStrings('Bush’s plan'), ['Bush', '’s', 'plan']);
  assert.deepEqual(tokenStrings("they don't and we're"), ['they', 'do', "n't", 'and', 'we', "'re"]);
  assert.deepEqual(tokenStrings("the Kurds' leader"), ['the', 'Kurds', "'", 'leader']);
});

test('curly quotes and dashes are separate tokens; runs stay together', () => {
  assert.deepEqual(tokenStrings('“We will win,” he said -- really...'), ['“', 'We', 'will', 'win', ',', '”', 'he', 'said', '--', 'really', '...']);
});

test('works on CoNLL space-tokenized text unchanged', () => {
  const text = "Germany 's representative to the European Union 's veterinary committee do n't said 1996-08-22 .";
  assert.deepEqual(tokenStrings(text), text.split(' '));
});

test('offsets are UTF-16 indices, end exclusive', () => {
  const text = 'Café 😀 Ünited';
  const t = tokenize(text);
  assert.equal(t.count, 3);
  assert.equal(text.slice(t.start[0], t.end[0]), 'Café');
  assert.equal(text.slice(t.start[1], t.end[1]), '😀');
  assert.equal(t.end[1] - t.start[1], 2);
  assert.equal(text.slice(t.start[2], t.end[2]), 'Ünited');
  assert.equal(t.flags[1] & TOKEN_WORD, 0);
});

test('sentence boundaries: terminal punctuation, newlines, blank lines; not after titles', () => {
  assert.deepEqual(sentenceStarts('He left. Then Gen. Casey spoke! "Why?" asked Mr. Smith.'), ['He', 'Then', 'Why']);
  const text = 'Headline here\nBAGHDAD 2006-11-29\n\nFirst paragraph.';
  assert.deepEqual(sentenceStarts(text), ['Headline', 'BAGHDAD', 'First']);
  const t = tokenize(text);
  const para = [];
  for (let k = 0; k < t.count; k++) if (t.flags[k] & TOKEN_PARAGRAPH_START) para.push(text.slice(t.start[k], t.end[k]));
  assert.deepEqual(para, ['Headline', 'First']);
  assert.ok(t.flags[2] & TOKEN_LINE_START);
  // negative: a lowercase word after a period inside a sentence
  assert.deepEqual(sentenceStarts('It grew 3.5 percent. and then'), ['It']);
});

test('hard-wrapped prose: a line break inside a sentence of a long line is not a boundary', () => {
  const text =
    'The talks between the two delegations ended late on Tuesday, said Prime Minister\nNouri al-Maliki, who had flown in.\nShort line\nNext line';
  assert.deepEqual(sentenceStarts(text), ['The', 'Short', 'Next']);
  const t = tokenize(text);
  const nouri = tokenStrings(text, t).indexOf('Nouri');
  assert.ok(t.flags[nouri] & TOKEN_LINE_START);
  assert.equal(t.flags[nouri] & TOKEN_SENTENCE_START, 0);
  // but after terminal punctuation a line break still starts a sentence
  const ended = 'A long first sentence that goes on and on and on and on and ends here.\nThen another.';
  assert.deepEqual(sentenceStarts(ended), ['A', 'Then']);
  // space-tokenized one-sentence-a-line text (CoNLL) keeps every line break as a boundary
  const conll = 'Tim Herron , Duffy Waldorf , Davis Love , Anders Forsbrand , Phil\nMickelson ( U.S. ) , Nick Faldo .';
  assert.deepEqual(sentenceStarts(conll), ['Tim', 'Mickelson']);
});

test('looksPreTokenized equals a per-character scan on random text', () => {
  const reference = (text: string): boolean => {
    let detached = 0;
    let attached = 0;
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 44 && c !== 46) continue;
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
      if (next !== 32 && next !== 10 && next !== 13) continue;
      const prev = text.charCodeAt(i - 1);
      if (prev === 32) detached++;
      else if (c === 44 && /[A-Za-z0-9]/.test(text[i - 1])) attached++;
    }
    return detached > attached;
  };
  const alphabet = ['a', 'Z', '1', ' ', ' ', ',', ',', '.', '.', '\n', '\r', '-'];
  let x = 99;
  let trues = 0;
  for (let k = 0; k < 3000; k++) {
    let t = '';
    const len = k % 23;
    for (let j = 0; j < len; j++) {
      x = (Math.imul(x, 1103515245) + 12345) | 0;
      t += alphabet[(x >>> 8) % alphabet.length];
    }
    const want = reference(t);
    if (want) trues++;
    assert.equal(looksPreTokenized(t), want, JSON.stringify(t));
  }
  assert.ok(trues > 100 && trues < 2900, `both answers occur (${trues} true)`);
});

test('detects space-tokenized text', () => {
  assert.equal(looksPreTokenized("Germany 's representative , Werner Zwingmann , said on Wednesday ."), true);
  assert.equal(looksPreTokenized('Germany’s representative, Werner Zwingmann, said on Wednesday.'), false);
  assert.equal(looksPreTokenized(''), false);
  assert.equal(looksPreTokenized(', a , b'), true, 'a mark at index 0 is not counted; the others are');
  assert.equal(looksPreTokenized('a, b , c.'), false, 'a tie is not pre-tokenized; a period at the very end counts as detached only after a space');
  assert.equal(looksPreTokenized('x ,\ny .'), true, 'a mark before a line break or at the end counts');
});

test('a word hyphenated across a line break is one token', () => {
  assert.deepEqual(tokenStrings('the govern-\nment said'), ['the', 'govern-\nment', 'said']);
  // but a dash at the end of a line before a capitalised word is not joined
  assert.deepEqual(tokenStrings('the -\nGovernment'), ['the', '-', 'Government']);
});

test('handles empty, whitespace-only and pathological input in linear time', () => {
  assert.equal(tokenize('').count, 0);
  assert.equal(tokenize('   \n\n\t ').count, 0);
  const big = 'A'.repeat(100_000);
  assert.equal(tokenize(big).count, 1);
  const dots = '.'.repeat(200_000) + "'".repeat(200_000) + 'a-'.repeat(100_000);
  const start = Date.now();
  const t = tokenize(dots);
  assert.ok(t.count >= 3);
  const many = 'U.S. '.repeat(50_000);
  assert.equal(tokenize(many).count, 50_000);
  assert.ok(Date.now() - start < 5000);
});

test('a reused token list gives the same tokens as a fresh one, and grows when a text needs more', () => {
  const texts = ['Gen. Petraeus met al-Maliki in the U.S. on Dec. 5, 2006.', 'x', '', 'A b c d e f g h i j k l m n o p q r s t u v w x y z. '.repeat(40), "Bush's aides don't.\n\nNew paragraph"];
  let reuse = tokenize('warm up with a first text');
  const firstStart = reuse.start;
  for (const text of texts) {
    const fresh = tokenize(text);
    const again = tokenize(text, reuse);
    assert.equal(again, reuse, 'the reused list is returned');
    assert.equal(again.count, fresh.count, text);
    for (let k = 0; k < fresh.count; k++) {
      assert.equal(again.start[k], fresh.start[k]);
      assert.equal(again.end[k], fresh.end[k]);
      assert.equal(again.flags[k], fresh.flags[k], `flags of token ${k} of ${JSON.stringify(text)}`);
    }
    reuse = again;
  }
  assert.notEqual(reuse.start, firstStart, 'the long text needed longer arrays');
  const short = tokenize('Two words', reuse);
  assert.equal(short.count, 2);
  assert.equal(short.start, reuse.start, 'long enough arrays are written again');
  assert.equal(short.flags[0] & TOKEN_SENTENCE_START, TOKEN_SENTENCE_START, 'no flag is left over from the text before');
  assert.equal(short.flags[1] & TOKEN_SENTENCE_START, 0);
});
