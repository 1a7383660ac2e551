import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSpans, decodeSpansIn, makeLabelSet } from './labels';

// BIO over PER, ORG: 0 O, 1 B-PER, 2 I-PER, 3 B-ORG, 4 I-ORG
const ls = makeLabelSet('BIO', ['PER', 'ORG']);

test('decodeSpansIn over ranges with O between them gives the spans of the whole sequence', () => {
  const labels = [0, 1, 2, 0, 0, 3, 4, 4, 0, 1, 0, 0];
  const whole = decodeSpans(ls, labels, labels.length);
  assert.deepEqual(whole, [
    { first: 1, last: 2, type: 0 },
    { first: 5, last: 7, type: 1 },
    { first: 9, last: 9, type: 0 },
  ]);
  const parts: Array<{ first: number; last: number; type: number }> = [];
  decodeSpansIn(ls, labels, 0, 4, parts);
  decodeSpansIn(ls, labels, 4, 9, parts);
  decodeSpansIn(ls, labels, 9, 12, parts);
  assert.deepEqual(parts, whole);
});

test('decodeSpansIn closes a span at the end of its range (what follows is taken as O)', () => {
  const labels = [1, 2, 2, 2];
  const spans: Array<{ first: number; last: number; type: number }> = [];
  decodeSpansIn(ls, labels, 0, 2, spans);
  assert.deepEqual(spans, [{ first: 0, last: 1, type: 0 }]);
  // the whole sequence keeps one span: cutting inside it is the caller's mistake, not a merge
  assert.deepEqual(decodeSpans(ls, labels, 4), [{ first: 0, last: 3, type: 0 }]);
  const none: Array<{ first: number; last: number; type: number }> = [];
  decodeSpansIn(ls, [0, 0, 0], 0, 3, none);
  assert.deepEqual(none, []);
});
