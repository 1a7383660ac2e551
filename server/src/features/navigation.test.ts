import { test } from 'node:test';
import assert from 'node:assert/strict';
import { productionComponents } from '../components';
import { CorpusIndex } from '../index/corpusIndex';
import { provideReferences } from './navigation';
import { PreSerialized } from './preSerialized';
import { toRange } from './positions';

const A = 'file:///c/a.md';
const B = 'file:///c/b.md';
const sentence = 'Prime Minister Nouri al-Maliki spoke in Baghdad on Tuesday, and Maliki said the “talks” would go on.\n';

function indexed(): CorpusIndex {
  const index = new CorpusIndex(productionComponents());
  // More mentions than one serialization batch (256), across two articles.
  index.setArticle(A, `---\ntitle: A\ndate: 2006-11-02\n---\n${sentence.repeat(120)}`);
  index.setArticle(B, `---\ntitle: B\ndate: 2006-11-03\n---\n${sentence.repeat(90)}`);
  index.relink();
  return index;
}

/** The JSON text a kept reply sends (its frame without the head room and the closing brace of the response). */
function sentJson(reply: PreSerialized<unknown>): string {
  const frame = reply.frame;
  return frame.subarray(64, frame.length - 1).toString('utf8');
}

test('references of a frequent actor: every mention, and the JSON sent is exactly the locations', () => {
  const index = indexed();
  const params = { textDocument: { uri: A }, position: { line: 4, character: 22 }, context: { includeDeclaration: false } };
  const reply = provideReferences(index, params);
  assert.ok(reply instanceof PreSerialized);
  const locations = reply.value;
  assert.ok(locations.length >= 2 * 210, `${locations.length} locations`);
  assert.deepEqual(new Set(locations.map((l) => l.uri)), new Set([A, B]));
  assert.equal(sentJson(reply), JSON.stringify(locations));
  assert.deepEqual(JSON.parse(sentJson(reply)), locations);
});

test('the locations written as JSON text are exactly those serialized from Location objects, also for URIs needing escapes', () => {
  const odd = 'file:///c/caf\u00e9 "quoted" \\ back.md';
  const index = new CorpusIndex(productionComponents());
  index.setArticle(odd, `---\ntitle: Odd\ndate: 2006-11-04\n---\n${sentence.repeat(3)}\r\n${sentence}`);
  index.setArticle(A, `---\ntitle: A\ndate: 2006-11-02\n---\n${sentence.repeat(5)}`);
  index.relink();
  const params = { textDocument: { uri: A }, position: { line: 4, character: 22 }, context: { includeDeclaration: false } };
  const reply = provideReferences(index, params);
  assert.ok(reply instanceof PreSerialized);
  const hit = index.mentionAt(A, index.article(A)!.document.offsetAt(params.position))!;
  const expected = index.mentionsOf(hit.entityId).map((m) => ({ uri: m.uri, range: toRange(index.article(m.uri)!.document, m.start, m.end) }));
  assert.ok(expected.some((l) => l.uri === odd) && expected.length >= 8, String(expected.length));
  assert.equal(sentJson(reply), JSON.stringify(expected));
  assert.deepEqual(reply.value, expected);
  // Negative: a reply for another actor is not these locations.
  const other = provideReferences(index, { ...params, position: { line: 4, character: sentence.indexOf('Baghdad') + 2 } });
  assert.ok(other instanceof PreSerialized);
  assert.notEqual(sentJson(other), JSON.stringify(expected));
});
