import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDocumentConsistency, TokenSpan } from './consistency';

const [PER, ORG] = [0, 1];

/** Word hashes for a sequence of words (equal words, equal hashes) and all-capitalised flags. */
function doc(words: string[]): { word: Int32Array; capitalized: Uint8Array } {
  const ids = new Map<string, number>();
  const word = new Int32Array(words.map((w) => {
    if (!ids.has(w)) ids.set(w, ids.size + 101);
    return ids.get(w)!;
  }));
  return { word, capitalized: new Uint8Array(words.map((w) => (/^[A-Z]/.test(w) ? 1 : 0))) };
}

test("a rule's type for a name is given to the name's less sure mentions", () => {
  // "with Knight Ridder on ... Lasseter of Knight Ridder"
  const words = ['with', 'Knight', 'Ridder', 'on', 'Lasseter', 'of', 'Knight', 'Ridder', 'said', 'Knight', 'Ridder'];
  const { word, capitalized } = doc(words);
  const spans: TokenSpan[] = [
    { first: 1, last: 2, type: PER, confidence: 0.66, source: 'model' },
    { first: 4, last: 4, type: PER, confidence: 0.99, source: 'model' },
    { first: 6, last: 7, type: ORG, confidence: 0.6, source: 'rule' },
    { first: 9, last: 10, type: PER, confidence: 0.95, source: 'model' },
  ];
  const out = applyDocumentConsistency(spans, words.length, word, capitalized, 3, PER);
  assert.deepEqual(out.map((s) => `${s.type}:${s.source}`), ['1:consistency', '0:model', '1:rule', '0:model']);
});

test('without a rule, or with two rules disagreeing, tagged types stay', () => {
  const words = ['Knight', 'Ridder', 'x', 'Knight', 'Ridder', 'y', 'Knight', 'Ridder'];
  const { word, capitalized } = doc(words);
  const plain = (): TokenSpan[] => [
    { first: 0, last: 1, type: PER, confidence: 0.6, source: 'model' },
    { first: 3, last: 4, type: ORG, confidence: 0.6, source: 'model' },
    { first: 6, last: 7, type: PER, confidence: 0.6, source: 'model' },
  ];
  assert.deepEqual(applyDocumentConsistency(plain(), words.length, word, capitalized, 3, PER).map((s) => s.type), [PER, ORG, PER]);
  const rules = plain();
  rules[1].source = 'rule';
  rules[2].source = 'rule';
  assert.deepEqual(applyDocumentConsistency(rules, words.length, word, capitalized, 3, PER).map((s) => s.type), [PER, ORG, PER]);
});

test('a name starting with a lower-case particle is tagged again where it repeats, particle included', () => {
  // "against al Qaeda short ... Sunnis against al Qaeda ." ; "Qaeda" alone typed MISC in a third place
  const words = ['against', 'al', 'Qaeda', 'short', 'of', 'against', 'al', 'Qaeda', '.', 'the', 'al', 'Qaeda', 'group'];
  const { word, capitalized } = doc(words);
  const spans: TokenSpan[] = [
    { first: 6, last: 7, type: ORG, confidence: 0.6, source: 'model' },
    { first: 11, last: 11, type: 3, confidence: 0.5, source: 'model' },
  ];
  const out = applyDocumentConsistency(spans, words.length, word, capitalized, 3, PER);
  assert.deepEqual(out.map((s) => `${s.first}-${s.last}:${s.type}`), ['1-2:1', '6-7:1', '10-11:1']);
});

test('a lower-case word alone, or a particle no tagged name starts with, is never tagged', () => {
  const words = ['the', 'al', 'Qaeda', 'and', 'al', 'said', 'van', 'Gogh', 'with', 'Gogh'];
  const { word, capitalized } = doc(words);
  const spans: TokenSpan[] = [{ first: 1, last: 2, type: ORG, confidence: 0.6, source: 'model' }];
  const out = applyDocumentConsistency(spans, words.length, word, capitalized, 3, PER);
  assert.deepEqual(out.map((s) => `${s.first}-${s.last}:${s.type}`), ['1-2:1']);
});
