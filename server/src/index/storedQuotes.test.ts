import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../core/types';
import { decodeQuotes, encodeQuotes, QUOTE_FIELDS } from './storedQuotes';

const TEXT = 'Maliki said: "We will stay." A senior official said it was “too early”. "Go," someone shouted.';
const QUOTES: Quote[] = [
  { start: 13, end: 28, text: 'We will stay.', kind: 'direct', speaker: { start: 0, end: 6, name: 'Maliki' } },
  { start: 59, end: 70, text: 'too early', kind: 'partial', speaker: { start: 29, end: 45, name: 'the senior official' } },
  { start: 72, end: 78, text: 'Go,', kind: 'direct', speaker: { name: 'someone' } },
  { start: 72, end: 78, text: 'not in the text', kind: 'scare', speaker: null },
];
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

test('quotes come back as they were stored, texts cut from the article only when read', () => {
  const encoded = encodeQuotes(QUOTES, () => TEXT);
  assert.equal(encoded.ints.length, QUOTES.length * QUOTE_FIELDS);
  assert.deepEqual(encoded.strings, ['the senior official', 'someone', 'not in the text'], 'only what is not a span of the text is kept as a string');
  let textReads = 0;
  let stringReads = 0;
  const quotes = decodeQuotes(encoded.ints, () => (textReads++, TEXT), () => (stringReads++, encoded.strings))!;
  assert.ok(quotes);
  assert.deepEqual(quotes.map((q) => [q.start, q.end, q.kind, q.speaker?.start]), QUOTES.map((q) => [q.start, q.end, q.kind, q.speaker?.start]));
  assert.equal(textReads + stringReads, 0, 'nothing read until a text is asked for');
  assert.deepEqual(plain(quotes), plain(QUOTES));
  assert.deepEqual(quotes.map((q) => q.text), QUOTES.map((q) => q.text));
  assert.deepEqual(quotes.map((q) => q.speaker?.name), QUOTES.map((q) => q.speaker?.name));
  assert.equal(stringReads, 1, 'own strings parsed once');
  assert.equal('start' in quotes[2].speaker!, false, 'a speaker without a span has no start');
});

test('numbers that are not quotes are refused', () => {
  const ints = encodeQuotes(QUOTES, () => TEXT).ints;
  const bad = (mutate: (a: Int32Array) => void): unknown => {
    const copy = Int32Array.from(ints);
    mutate(copy);
    return decodeQuotes(copy, () => TEXT, () => []);
  };
  assert.equal(decodeQuotes(ints.subarray(0, 5), () => TEXT, () => []), undefined, 'not whole quotes');
  assert.equal(bad((a) => (a[2] = 7)), undefined, 'an unknown kind');
  assert.equal(bad((a) => (a[1] = -4)), undefined, 'an end before the start');
  assert.equal(bad((a) => (a[5] = -9)), undefined, 'an unknown speaker code');
  assert.ok(bad(() => undefined), 'the untouched numbers are quotes');
});

test('restored quotes are written again from what they hold, without making their texts', () => {
  const encoded = encodeQuotes(QUOTES, () => TEXT);
  let textReads = 0;
  const quotes = decodeQuotes(encoded.ints, () => (textReads++, TEXT), () => encoded.strings)!;
  const again = encodeQuotes(quotes, () => {
    throw new Error('the text is not needed');
  });
  assert.deepEqual([...again.ints], [...encoded.ints]);
  assert.deepEqual(again.strings, encoded.strings);
  assert.equal(textReads, 0);
  // A text set in place is written as it now is.
  quotes[0].text = 'changed';
  const changed = encodeQuotes(quotes, () => TEXT);
  const back = decodeQuotes(changed.ints, () => TEXT, () => changed.strings)!;
  assert.equal(back[0].text, 'changed');
  assert.deepEqual(plain(back.slice(1)), plain(QUOTES.slice(1)));
});
