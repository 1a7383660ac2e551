import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyzeArticle, type ArticleAnalysis } from '../core/analyzeArticle';
import { productionComponents } from '../components';
import { decodeAnalysis, encodeAnalysis } from './snapshotCodec';

const CORPUS = path.join(__dirname, '..', '..', '..', 'corpus');

test('packed analyses decode to the analysis itself (the corpus articles, CRLF and odd text included)', () => {
  const texts = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));
  assert.ok(texts.length >= 5);
  texts.push(texts[0].replace(/\n/g, '\r\n'), '---\ndate: 2006-11-02\n---\nOn Tuesday, “Nouri al-Maliki” met\u00a0George W. Bush 😀 in Amman; tomorrow Bush flies home.\n');
  let mentions = 0;
  let dates = 0;
  for (const text of texts) {
    const analysis = analyzeArticle(text, productionComponents());
    mentions += analysis.mentions.length;
    dates += analysis.dates.length;
    const packed = JSON.parse(JSON.stringify(encodeAnalysis(analysis, text)));
    assert.deepEqual(decodeAnalysis(packed, text), JSON.parse(JSON.stringify(analysis, (k, v) => (v instanceof Map ? [...v] : v)), (k, v) => (k === 'spellings' ? new Map(v) : v)));
  }
  assert.ok(mentions > 100 && dates > 20, 'the check ran over real mentions and dates');
});

test('texts, titles, roles and anchors that are not the span itself survive packing', () => {
  const text = 'President Bush said on Tuesday that the Prime Minister would come.';
  const analysis: ArticleAnalysis = {
    meta: { title: 't' } as ArticleAnalysis['meta'],
    bodyStart: 0,
    mentions: [
      { start: 10, end: 14, type: 'person', text: 'Bush', source: 'model', confidence: 0.9, title: 'President', role: 'the president' },
      { start: 39, end: 53, type: 'person', text: 'Prime-Minister', source: 'rule', confidence: 1 },
    ],
    clusters: [],
    clusterOf: [-1, -1],
    dates: [
      { start: 23, end: 30, text: 'Tuesday', value: '2006-10-31', type: 'date', relative: true, anchor: '2006-11-02' },
      { start: 0, end: 9, text: 'not the span', value: 'P1D', type: 'duration', relative: false },
    ],
    quotes: [],
    outline: [],
    problems: [],
  };
  const packed = encodeAnalysis(analysis, text);
  assert.equal(packed.d[0].length, 6, 'a date whose text is its span stores no text');
  assert.deepEqual(decodeAnalysis(JSON.parse(JSON.stringify(packed)), text), analysis);
  assert.equal(decodeAnalysis({ m: 'x' } as never, text), undefined);
});
