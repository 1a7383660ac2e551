import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'fs';
import { deflateRawSync } from 'zlib';
import * as path from 'path';
import { analyzeArticle, type ArticleAnalysis } from '../core/analyzeArticle';
import { productionComponents } from '../components';
import { decodeArticleLine, encodeArticleLine } from './snapshotCodec';
import { compactAnalysis } from './compactAnalysis';
import { analysisJson } from './analysisTestSupport';

/** A line as the snapshot reader sees it: inside a larger buffer. */
function decodeLine(line: string, text: string) {
  const buffer = Buffer.from(`header\n${line}\ntrailer`, 'utf8');
  return decodeArticleLine(buffer, 7, buffer.length - 8, () => text);
}

/** The analysis with maps as entry lists (deepEqual-comparable across a JSON round trip). */
const plain = (a: ArticleAnalysis): unknown => JSON.parse(analysisJson(a));

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
    const line = encodeArticleLine(analysis, () => text);
    assert.equal(line.includes('\n'), false);
    const decoded = decodeLine(line, text);
    assert.ok(decoded);
    assert.deepEqual(plain(decoded), plain(analysis));
    assert.deepEqual(decoded.clusters, analysis.clusters, 'clusters come back with their spelling maps');
    // A compact analysis writes the same line (its outline and clusters as stored, not re-serialized).
    assert.equal(encodeArticleLine(decoded, () => text), line);
    assert.equal(encodeArticleLine(compactAnalysis(analysis, () => text), () => text), line);
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
  const line = encodeArticleLine(analysis, () => text);
  const head = JSON.parse(line.split('\t')[0]) as { x: unknown[]; y: unknown[]; s: string[] };
  assert.deepEqual(head.y, [[1, 'not the span']], 'only a date whose text is not its span stores it');
  assert.deepEqual(head.x, [[0, { ti: 'President', r: 'the president' }], [1, { t: 'Prime-Minister' }]]);
  assert.deepEqual(head.s, ['2006-10-31', '2006-11-02', 'P1D'], 'values and anchors are stored once each');
  assert.deepEqual(plain(decodeLine(line, text)!), plain(analysis));
});

test('a damaged line is a miss, never an error; a damaged lazy part reads as empty and is flagged', () => {
  const text = 'President George W. Bush met Prime Minister Nouri al-Maliki in Amman on Tuesday.';
  const analysis = analyzeArticle(text, productionComponents());
  const good = encodeArticleLine(analysis, () => text);
  const [head, columns, , clusters] = good.split('\t');
  const parsedHead = JSON.parse(head) as { x: Array<[number, unknown]>; s: string[] };
  assert.ok(parsedHead.s.length > 0 && columns.length > 40, 'the fixture has mentions and a date');
  const bytes = Buffer.from(columns, 'base64');
  const shortened = bytes.subarray(0, bytes.length - 1).toString('base64');
  const badType = Buffer.from(bytes);
  badType[badType.length - 2 * bytes.readInt32LE(4) - 1] = 99; // the last mention's source code, out of range
  for (const bad of [
    '',
    `not json\t${columns}\t[]\t[]`,
    `{"m":[],"d":[]}\t${columns}\t[]\t[]`,
    `${head}\t${shortened}\t[]\t${clusters}`,
    `${head}\t${badType.toString('base64')}\t[]\t${clusters}`,
    `${JSON.stringify({ ...parsedHead, s: [] })}\t${columns}\t[]\t${clusters}`,
    `${JSON.stringify({ ...parsedHead, x: [[10_000, {}]] })}\t${columns}\t[]\t${clusters}`,
    `${head}\t${columns}\t[]`,
    `${head}\t${columns}\t[]\t${clusters}\t[]`,
  ]) {
    assert.equal(decodeLine(bad, text), undefined, bad.slice(0, 60));
  }
  assert.ok(decodeLine(good, text), 'the good line decodes');
  // An outline that is not deflated data, or deflated text that is not JSON.
  for (const badOutline of [Buffer.from('not deflated at all').toString('base64'), deflateRawSync('{"role"').toString('base64')]) {
    const lazyDamaged = decodeLine(`${head}\t${columns}\t${badOutline}\t${clusters}`, text);
    assert.ok(lazyDamaged);
    assert.equal(lazyDamaged.damaged, false);
    assert.deepEqual(lazyDamaged.outline, []);
    assert.equal(lazyDamaged.damaged, true);
    assert.ok(analysis.clusters.length >= 2);
    assert.deepEqual(lazyDamaged.clusters, analysis.clusters, 'the other part still reads');
  }
});
