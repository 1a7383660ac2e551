import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DateMention, EntityMention } from '../core/types';
import { ArticleColumns } from './articleColumns';
import { findCovering } from './corpusIndex';

const TEXT = 'Maliki met Bush in Amman on Tuesday; next April the Mahdi Army waits.';
const MENTIONS: EntityMention[] = [
  { start: 0, end: 6, type: 'person', text: 'Maliki', source: 'model', confidence: 0.8125 },
  { start: 11, end: 15, type: 'person', text: 'Bush', source: 'note', confidence: 1, title: 'President' },
  { start: 19, end: 24, type: 'place', text: 'Amman', source: 'gazetteer', confidence: 0.5 },
  { start: 52, end: 62, type: 'group', text: 'Mahdi-Army', source: 'user', confidence: 1, role: 'militia' },
];
const DATES: DateMention[] = [
  { start: 28, end: 35, text: 'Tuesday', value: '2006-10-31', type: 'date', relative: true, anchor: '2006-11-02' },
  { start: 37, end: 47, text: 'next April', value: '2007-04', type: 'date', relative: true, anchor: '2006-11-02' },
];

test('columns give back the mentions and dates they were made from, clusters included', () => {
  const c = ArticleColumns.of(MENTIONS, [0, 1, -1, 2], DATES, TEXT);
  assert.equal(c.mentionCount, 4);
  assert.equal(c.dateCount, 2);
  assert.deepEqual(c.mentions(TEXT), MENTIONS);
  assert.deepEqual(c.dates(TEXT), DATES);
  assert.deepEqual(c.clusterList(), [0, 1, -1, 2]);
  assert.deepEqual(c.strings, ['2006-10-31', '2006-11-02', '2007-04'], 'each value and anchor once');
  assert.deepEqual([...c.mentionExtras.keys()], [1, 3], 'only mentions with a title, role or own text keep extras');
  assert.equal(c.dateValueOf(1), '2007-04');
  assert.equal(c.isCalendarDate(0), true);
  const copy = ArticleColumns.fromBytes(c.bytes, c.strings, c.mentionExtras, c.dateTexts);
  assert.ok(copy);
  assert.deepEqual(copy.mentions(TEXT), MENTIONS);
  assert.notEqual(copy.bytes.buffer, c.bytes.buffer, 'stored bytes are copied');
  // handed over: used in place when aligned (a part of a shared chunk, at an offset), copied when not
  const chunk = new Uint8Array(c.bytes.length + 24);
  const aligned = chunk.subarray(8, 8 + c.bytes.length);
  aligned.set(c.bytes);
  const inPlace = ArticleColumns.fromBytes(aligned, c.strings, c.mentionExtras, c.dateTexts, true);
  assert.ok(inPlace);
  assert.equal(inPlace.bytes, aligned);
  assert.deepEqual(inPlace.mentions(TEXT), MENTIONS);
  assert.equal(inPlace.dateValueOf(1), '2007-04');
  const unaligned = chunk.subarray(4, 4 + c.bytes.length);
  unaligned.set(c.bytes);
  const moved = ArticleColumns.fromBytes(unaligned, c.strings, c.mentionExtras, c.dateTexts, true);
  assert.ok(moved);
  assert.notEqual(moved.bytes.buffer, chunk.buffer, 'unaligned bytes are copied');
  assert.deepEqual(moved.mentions(TEXT), MENTIONS);
});

test('one mention made alone equals that mention in the whole list, title, role and own text included', () => {
  const c = ArticleColumns.of(MENTIONS, [0, 1, -1, 2], DATES, TEXT);
  MENTIONS.forEach((m, i) => assert.deepEqual(c.mentionAt(i, TEXT), m, `mention ${i}`));
  assert.equal(c.mentionAt(3, TEXT).text, 'Mahdi-Army', 'its own text, not the span of the article');
});

test('an article without mentions or dates has empty columns', () => {
  const c = ArticleColumns.of([], [], [], '');
  assert.deepEqual([c.mentionCount, c.dateCount, c.bytes.length], [0, 0, 8]);
  assert.deepEqual(c.mentions(''), []);
  assert.equal(c.mentionCovering(0), -1);
});

test('bytes that are not columns are refused', () => {
  const c = ArticleColumns.of(MENTIONS, [0, 1, -1, 2], DATES, TEXT);
  const bad = (mutate: (b: Uint8Array) => Uint8Array, strings: readonly string[] = c.strings) => ArticleColumns.fromBytes(mutate(Uint8Array.from(c.bytes)), strings, c.mentionExtras, c.dateTexts);
  assert.equal(bad((b) => b.subarray(0, 7)), undefined, 'too short');
  assert.equal(bad((b) => b.subarray(0, b.length - 1)), undefined, 'a byte missing');
  assert.equal(bad((b) => { b[0] = 200; return b; }), undefined, 'counts that do not fit the length');
  assert.equal(bad((b) => b, ['2006-10-31']), undefined, 'a value index past the strings');
  assert.equal(bad((b) => { b[b.length - 2 * DATES.length - 2 * MENTIONS.length] = 9; return b; }), undefined, 'an unknown entity type');
  assert.equal(ArticleColumns.fromBytes(c.bytes, c.strings, new Map([[4, {}]]), c.dateTexts), undefined, 'extras of a mention that does not exist');
  assert.ok(bad((b) => b), 'the untouched copy is accepted');
});

test('the covering search agrees with findCovering over random spans and offsets', () => {
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let round = 0; round < 200; round++) {
    const mentions: EntityMention[] = [];
    for (let at = rnd(5); mentions.length < rnd(12); ) {
      const end = at + 1 + rnd(6);
      mentions.push({ start: at, end, type: 'person', text: 'x', source: 'model', confidence: 1 });
      at = end + rnd(4);
    }
    const c = ArticleColumns.of(mentions, mentions.map(() => -1), [], 'x'.repeat(200));
    for (let offset = 0; offset < 90; offset++) assert.equal(c.mentionCovering(offset), findCovering(mentions, offset), `round ${round} offset ${offset}`);
  }
});
