import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../core/analyzeArticle';
import { productionComponents } from '../components';
import { analysisJson } from './analysisTestSupport';
import { decodeArticle, encodeArticle, StringTable } from './snapshotArticles';

const TEXT = '---\ntitle: Talks\ndate: 2006-11-29\n---\n# Talks in Amman\n\nPresident George W. Bush met Prime Minister Nouri al-Maliki in Amman on Tuesday. “We will stay,” Maliki said.\n\n## What next\n\nThe Mahdi Army said it would wait until next April, as in 2005.\n';

/** A record as a slab holds it: in an 8-byte aligned buffer of its own. */
function slabOf(record: Buffer): Buffer {
  const slab = Buffer.allocUnsafeSlow(record.length);
  record.copy(slab);
  return slab;
}

test('an article record gives back the analysis, reading its metadata and problems only when asked', () => {
  const plain = analyzeArticle(TEXT, productionComponents());
  const analysis = { ...plain, problems: [{ start: 4, end: 9, severity: 'warning' as const, code: 'test-problem', message: 'A problem kept with the analysis.' }] };
  assert.ok(analysis.quotes.length > 0 && analysis.dates.length > 0 && analysis.mentions.length > 0, 'the fixture has quotes, dates and mentions');
  const strings = new StringTable();
  const record = encodeArticle(analysis, () => TEXT, strings);
  assert.equal(record.length % 8, 0);
  const restored = decodeArticle(slabOf(record), 0, record.length, strings.list, () => TEXT);
  assert.ok(restored);
  assert.deepEqual(JSON.parse(JSON.stringify(analysisJson(restored))), JSON.parse(JSON.stringify(analysisJson(analysis))));
  assert.equal(restored.problems.length, 1);
  // Written again from the restored analysis: the same bytes.
  assert.ok(encodeArticle(restored, () => TEXT, strings).equals(record));
});

test('a damaged or foreign record is a miss; damaged metadata reads as none', () => {
  const analysis = analyzeArticle(TEXT, productionComponents());
  const strings = new StringTable();
  const record = encodeArticle(analysis, () => TEXT, strings);
  const decode = (bytes: Buffer, list: readonly string[] = strings.list) => decodeArticle(slabOf(bytes), 0, bytes.length, list, () => TEXT);
  assert.equal(decode(record.subarray(0, 40)), undefined, 'shorter than its header');
  const longer = Buffer.from(record);
  longer.writeInt32LE(1 << 30, 0);
  assert.equal(decode(longer), undefined, 'parts longer than the record');
  assert.equal(decode(record, []), undefined, 'a date string the table does not hold');
  const negative = Buffer.from(record);
  negative.writeInt32LE(-3, 4 * 8);
  assert.equal(decode(negative), undefined, 'a negative body start');
  // The metadata JSON is the record's last part: damaging it leaves the rest readable.
  const restLength = record.readInt32LE(4 * 7);
  const damagedMeta = Buffer.from(record);
  const metaAt = damagedMeta.lastIndexOf('{"m":');
  assert.ok(metaAt > 0 && restLength > 0);
  damagedMeta.write('#', metaAt + 2);
  const restored = decode(damagedMeta);
  assert.ok(restored, 'the rest of the record is read');
  assert.deepEqual(restored.meta, { extra: {} });
  assert.deepEqual(restored.problems, []);
  assert.equal(restored.mentions.length, analysis.mentions.length);
});
