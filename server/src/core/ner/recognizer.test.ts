import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel } from '../../nerModelFile';
import { createEntityRecognizer, decodeNerModel } from './recognizer';
import { EntityMention } from '../types';

const model = loadNerModel();
const rec = createEntityRecognizer(model);

function find(ms: EntityMention[], text: string): EntityMention | undefined {
  return ms.find((m) => m.text === text);
}

function summary(ms: EntityMention[]): string[] {
  return ms.map((m) => `${m.type}:${m.text}`);
}

test('finds people, places and organizations in unseen news text, with titles outside the span', () => {
  const text = 'Iraqi Prime Minister Nouri al-Maliki met President George W. Bush in Amman, Jordan, on Thursday.';
  const ms = rec.recognize(text);
  const maliki = find(ms, 'Nouri al-Maliki');
  assert.ok(maliki, summary(ms).join(', '));
  assert.equal(maliki.type, 'person');
  assert.equal(maliki.title, 'Prime Minister');
  const bush = find(ms, 'George W. Bush');
  assert.equal(bush?.type, 'person');
  assert.equal(bush?.title, 'President');
  assert.equal(find(ms, 'Amman')?.type, 'place');
  assert.equal(find(ms, 'Jordan')?.type, 'place');
  for (const m of ms) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(m.confidence >= 0 && m.confidence <= 1);
    assert.ok(m.source === 'model' || m.source === 'gazetteer' || m.source === 'consistency');
  }
  assert.equal(find(ms, 'Prime Minister Nouri al-Maliki'), undefined);
});

test('organizations and the State Department; Sen. as a title', () => {
  const ms = rec.recognize('Ambassador Zalmay Khalilzad told reporters at the State Department that Sen. John McCain had met officials of the United Nations.');
  assert.equal(find(ms, 'Zalmay Khalilzad')?.title, 'Ambassador');
  assert.equal(find(ms, 'State Department')?.type, 'organization');
  assert.equal(find(ms, 'John McCain')?.title, 'Sen.');
  assert.equal(find(ms, 'United Nations')?.type, 'organization');
});

test('never includes a possessive in the span (straight or curly apostrophe)', () => {
  for (const text of ["Germany's farmers protested in Berlin.", 'Germany’s farmers protested in Berlin.']) {
    const ms = rec.recognize(text);
    assert.equal(find(ms, 'Germany')?.type, 'place', summary(ms).join(', '));
    assert.ok(!ms.some((m) => /['’]s$/.test(m.text)));
  }
});

test('plural demonyms and religious or ethnic communities are groups', () => {
  const ms = rec.recognize('Sunnis and Shiites clashed in Baghdad, while Kurds in the north stayed calm, said Americans working there.');
  for (const g of ['Sunnis', 'Shiites', 'Kurds', 'Americans']) assert.equal(find(ms, g)?.type, 'group', `${g}: ${summary(ms).join(', ')}`);
  assert.equal(find(ms, 'Baghdad')?.type, 'place');
  // singular adjectives are not groups
  const adj = rec.recognize('The Iraqi government and American officials met.');
  assert.ok(!adj.some((m) => m.type === 'group'), summary(adj).join(', '));
});

test('a name tagged once is the same type in its other mentions in the document', () => {
  const ms = rec.recognize('Microsoft said on Tuesday that Bill Gates would step down. Gates founded the company in 1975.');
  assert.equal(find(ms, 'Bill Gates')?.type, 'person');
  assert.equal(find(ms, 'Gates')?.type, 'person');
});

test('negative cases: month names, sentence-initial words, headline capitals', () => {
  const a = rec.recognize('In May, the company reported higher profits. However, the talks stalled. Officials said nothing.');
  assert.deepEqual(summary(a), []);
  const b = rec.recognize('STOCKS RALLY AS OIL PRICES FALL\nShares rose sharply on Monday.');
  assert.deepEqual(summary(b), []);
});

test('recognize never throws on odd input', () => {
  const inputs = ['', ' ', '\n\n\n', '😀😀 🇮🇶', '\ud800 lone surrogate \udc00', 'A'.repeat(100_000), 'THE '.repeat(25_000), "'s 's 's", '((((', 'x'.repeat(10) + '-'.repeat(10_000)];
  for (const input of inputs) {
    const ms = rec.recognize(input);
    assert.ok(Array.isArray(ms));
    for (const m of ms) assert.equal(input.slice(m.start, m.end), m.text);
  }
  // a long single line without sentence boundaries is decoded in chunks
  const long = 'Baghdad, Mosul and Basra, '.repeat(5000);
  const ms = rec.recognize(long);
  assert.equal(ms.filter((m) => m.type === 'place' && m.text === 'Baghdad').length, 5000);
  for (const m of ms) assert.equal(long.slice(m.start, m.end), m.text);
  // non-string input from untyped callers
  assert.deepEqual(rec.recognize(undefined as unknown as string), []);
});

test('decodeNerModel rejects a malformed file with an Error', () => {
  assert.throws(() => decodeNerModel(new Uint8Array(4)), /too short/);
  assert.throws(() => decodeNerModel(new Uint8Array(64)), /bad magic/);
});

test('recognition is deterministic', () => {
  const text = 'Chancellor Angela Merkel visited Paris and met officials of Renault SA and the European Central Bank.';
  assert.deepEqual(rec.recognize(text), createEntityRecognizer(model).recognize(text));
});
