import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { productionComponents } from '../components';
import { contentHash, CorpusIndex } from './corpusIndex';
import { crc32 as zlibCrc32 } from 'zlib';
import { CompactAnalysis } from './compactAnalysis';
import { crc32Js, readSnapshot, SNAPSHOT_FORMAT, writeSnapshot } from './corpusSnapshot';
import { RestoredEntity } from './snapshotEntities';

const ARTICLES: Record<string, string> = {
  'file:///c/corpus/a.md': '---\ntitle: A\ndate: 2006-11-02\n---\nIraqi Prime Minister Nouri al-Maliki met President George W. Bush in Amman on Tuesday. "We will stay," Maliki said. The talks began in 2005 and again in 2005.\n',
  'file:///c/corpus/b.md': '---\ntitle: B\ndate: 2006-11-20\n---\nMaliki told the Associated Press that the Mahdi Army would disarm next April. Bush said Iraq needs time, as it did in 2005 and in March 2006.\n',
  'file:///c/corpus/c.md': '---\ntitle: C\ndate: 2006-12-01\n---\nThe Pentagon said Hezbollah and Hamas were watching. Nuri al-Maliki flew to Tehran last week, as in 2005.\n',
};
const NOTE = ['file:///c/corpus/entities/nouri-al-maliki.md', '---\nname: Nouri al-Maliki\ntype: person\naliases: [Nuri al-Maliki]\nrole: Prime Minister of Iraq\n---\nLeader of the Iraqi government.\n'] as const;

function indexOf(articles: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex(productionComponents());
  index.setNote(NOTE[0], NOTE[1], 'nouri-al-maliki');
  for (const [uri, text] of Object.entries(articles)) index.setArticle(uri, text);
  index.relink();
  return index;
}

/** What queries see of the corpus linking: entities with their counts, spellings and mentions. */
function linkedView(index: CorpusIndex): unknown {
  return index.entities().map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    note: e.note?.id,
    count: e.mentionCount,
    spellings: [...e.spellings].sort(),
    keys: [...e.keys].sort(),
    roles: [...e.roles],
    documents: [...e.documents],
    mentions: index.mentionsOf(e.id).map((m) => `${m.uri}@${m.start}-${m.end}`),
    articles: [...index.articlesOf(e.id)],
    quotes: index.quotesOf(e.id).map(({ uri, quote }) => `${uri}@${quote.start}-${quote.end} ${quote.kind}`),
    said: index.saidCount(e.id),
    cooccurring: index.cooccurring(e.id, 50).map((c) => `${c.entity.id} ${c.articles}`),
  }));
}

/** What queries see of the corpus maps besides the entities: every date (in time order) and date searches. */
function mapsView(index: CorpusIndex): unknown {
  return {
    dates: index.allDates().map((d) => `${d.value} ${d.uri} ${d.date.start}-${d.date.end} ${d.date.text}`),
    year2005: index.datesWithValue('2005').map((d) => `${d.uri} ${d.date.start}`),
    limited: index.datesWithValue('200', 3).map((d) => `${d.value} ${d.uri} ${d.date.start}`),
    stats: index.stats(),
  };
}

async function snapshotOf(index: CorpusIndex, slabBytes?: number): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sl-snap-')), 'snapshots', 'corpus.snapshot');
  const source = index.snapshotSource();
  assert.ok(source, 'a freshly relinked index can be snapshotted');
  assert.equal(await writeSnapshot(file, source, () => true, () => undefined, 3, slabBytes), true);
  return file;
}

type Part = [number, number, number];
interface Trailer {
  format: number;
  size: number;
  entities: number;
  parts: Record<string, Part>;
}

/** A snapshot file taken apart: its data (the parts), and its trailer. */
function opened(file: string): { data: Buffer; trailer: Trailer } {
  const bytes = readFileSync(file);
  const footer = bytes.subarray(bytes.length - 16).toString('latin1');
  assert.ok(footer.startsWith('SLSNAP'));
  const length = Number(footer.slice(6));
  const dataEnd = bytes.length - 16 - length;
  return { data: bytes.subarray(0, dataEnd), trailer: JSON.parse(bytes.toString('utf8', dataEnd, bytes.length - 16)) as Trailer };
}

/** Writes the file back with `mutate` applied to part `name`'s bytes and its check made to match (a well-formed file of other content). */
function rewritePart(file: string, name: string, mutate: (part: Buffer) => void): void {
  const { data, trailer } = opened(file);
  const [offset, length] = trailer.parts[name];
  const part = Buffer.from(Uint8Array.from(data.subarray(offset, offset + length)).buffer); // aligned for typed-array views
  mutate(part);
  part.copy(data, offset);
  trailer.parts[name][2] = zlibCrc32(part);
  let text = JSON.stringify(trailer);
  for (let k = 0; k < 3; k++) text = JSON.stringify({ ...trailer, size: data.length + Buffer.byteLength(text) + 16 });
  writeFileSync(file, Buffer.concat([data, Buffer.from(text), Buffer.from(`SLSNAP${String(Buffer.byteLength(text)).padStart(10, '0')}`)]));
}

/** A new index filled from the snapshot as a warm start fills it: analyses taken when the hash matches. */
async function warmIndex(file: string, articles: Record<string, string>): Promise<{ index: CorpusIndex; fromSnapshot: number; restored: boolean }> {
  const snapshot = await readSnapshot(file, () => undefined);
  assert.ok(snapshot);
  const index = new CorpusIndex(productionComponents());
  index.setNote(NOTE[0], NOTE[1], 'nouri-al-maliki');
  let fromSnapshot = 0;
  for (const [uri, text] of Object.entries(articles)) {
    const hash = contentHash(text);
    const analysis = snapshot.analysis(uri, hash, () => text);
    if (analysis) {
      index.putAnalysed(uri, text, hash, analysis, index.readerDecisionsKey);
      fromSnapshot++;
    } else index.setArticle(uri, text);
  }
  const restored = index.restoreLinking(snapshot);
  if (!restored) index.relink();
  return { index, fromSnapshot, restored };
}

test('a warm start from the snapshot gives exactly the linking a relink computes, without relinking', async () => {
  const cold = indexOf(ARTICLES);
  const file = await snapshotOf(cold);
  const { index, fromSnapshot, restored } = await warmIndex(file, ARTICLES);
  assert.equal(fromSnapshot, 3);
  assert.equal(restored, true);
  assert.deepEqual(linkedView(index), linkedView(cold));
  assert.deepEqual(mapsView(index), mapsView(cold));
  const dates = index.allDates().map((d) => `${d.value} ${d.uri} ${d.date.start}`);
  assert.deepEqual(dates, cold.allDates().map((d) => `${d.value} ${d.uri} ${d.date.start}`));
  assert.ok(dates.length >= 7 && dates.filter((d) => d.startsWith('2005 ')).length >= 4, dates.join('; '));
  // In time order; equal values in corpus order (article URI, then position).
  const keyed = index.allDates().map((d) => [d.value, d.uri, d.date.start] as const);
  for (let i = 1; i < keyed.length; i++) {
    const [a, b] = [keyed[i - 1], keyed[i]];
    assert.ok(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]))), `${a} before ${b}`);
  }
  const maliki = index.entities().find((e) => e.note?.id === 'nouri-al-maliki');
  assert.ok(maliki && maliki.mentionCount >= 3, 'the note entity keeps its mentions across articles');
  // The restored index is itself a full relink's result: it can be snapshotted again, byte for byte.
  const again = await snapshotOf(index);
  assert.ok(readFileSync(again).equals(readFileSync(file)));
});

test('an article changed since the snapshot is analysed anew and the corpus relinked', async () => {
  const file = await snapshotOf(indexOf(ARTICLES));
  const changed = { ...ARTICLES, 'file:///c/corpus/c.md': ARTICLES['file:///c/corpus/c.md'].replace('Tehran', 'Damascus, where Bashar al-Assad') };
  const { index, fromSnapshot, restored } = await warmIndex(file, changed);
  assert.equal(fromSnapshot, 2);
  assert.equal(restored, false);
  assert.deepEqual(linkedView(index), linkedView(indexOf(changed)));
});

test('an added or removed article, or another note, refuses the stored linking', async () => {
  const file = await snapshotOf(indexOf(ARTICLES));
  const fewer = { ...ARTICLES };
  delete fewer['file:///c/corpus/b.md'];
  assert.equal((await warmIndex(file, fewer)).restored, false);
  const more = { ...ARTICLES, 'file:///c/corpus/d.md': '---\ntitle: D\n---\nAngela Merkel spoke.\n' };
  assert.equal((await warmIndex(file, more)).restored, false);
  const snapshot = await readSnapshot(file, () => undefined);
  const index = new CorpusIndex(productionComponents());
  index.setNote(NOTE[0], NOTE[1].replace('Leader of', 'Head of'), 'nouri-al-maliki');
  for (const [uri, text] of Object.entries(ARTICLES)) index.setArticle(uri, text);
  assert.equal(index.restoreLinking(snapshot!), false);
});

test('a truncated or corrupt snapshot is discarded (logged, removed), never trusted', async () => {
  const file = await snapshotOf(indexOf(ARTICLES));
  const bytes = readFileSync(file);
  const latin1 = bytes.toString('latin1');
  const flipped = Buffer.from(bytes);
  flipped[bytes.length - 20] ^= 0xff; // inside the trailer
  for (const bad of [
    bytes.subarray(0, Math.floor(bytes.length * 0.6)),
    bytes.subarray(0, bytes.length - 1),
    Buffer.concat([bytes, Buffer.from('x')]),
    Buffer.from(latin1.replace(`"format":${SNAPSHOT_FORMAT}`, '"format":99'), 'latin1'),
    Buffer.from(latin1.replace(/"size":\d/, '"size":9'), 'latin1'),
    flipped,
    Buffer.from('not json\n'),
    Buffer.alloc(0),
  ]) {
    writeFileSync(file, bad);
    const logs: string[] = [];
    assert.equal(await readSnapshot(file, (m) => logs.push(m)), undefined);
    assert.equal(existsSync(file), false, 'a bad snapshot is removed');
    assert.ok(logs.some((m) => /snapshot/.test(m)));
  }
  assert.equal(await readSnapshot(file, () => undefined), undefined, 'a missing snapshot is a quiet miss');
  // A damaged part the open does not read: the entities (the linking is recomputed) and the articles' slabs (analysed anew).
  writeFileSync(file, bytes);
  const { trailer } = opened(file);
  const damagedBytes = Buffer.from(bytes);
  damagedBytes[trailer.parts.entities[0] + 3] ^= 0x01;
  const firstSlab = new Float64Array(Uint8Array.from(bytes.subarray(trailer.parts.slabs[0], trailer.parts.slabs[0] + 40)).buffer);
  damagedBytes[firstSlab[2] + firstSlab[3] - 3] ^= 0x01; // the end of the first slab (the last article's metadata)
  writeFileSync(file, damagedBytes);
  const damaged = await readSnapshot(file, () => undefined);
  assert.ok(damaged, 'the file itself is whole');
  const lastUri = damaged.uris[damaged.uris.length - 1];
  const lastText = ARTICLES[lastUri];
  assert.equal(damaged.analysis(lastUri, contentHash(lastText), () => lastText), undefined);
  assert.deepEqual(damaged.linking(new Map()), undefined);
  damaged.close();
  const { index, restored, fromSnapshot } = await warmIndex(file, ARTICLES);
  assert.equal(restored, false);
  assert.equal(fromSnapshot, 0);
  assert.deepEqual(linkedView(index), linkedView(indexOf(ARTICLES)));
});

test('a damaged slab costs only its own articles; the others are read from theirs', async () => {
  const file = await snapshotOf(indexOf(ARTICLES), 1);
  const { trailer, data } = opened(file);
  const slabs = new Float64Array(Uint8Array.from(data.subarray(trailer.parts.slabs[0], trailer.parts.slabs[0] + trailer.parts.slabs[1])).buffer);
  assert.equal(slabs.length / 5, 3, 'one article per slab');
  const bytes = readFileSync(file);
  bytes[slabs[5 + 2] + 30] ^= 0x40; // the second slab's record
  writeFileSync(file, bytes);
  const snapshot = await readSnapshot(file, () => undefined);
  assert.ok(snapshot);
  const found = snapshot.uris.map((uri) => !!snapshot.analysis(uri, contentHash(ARTICLES[uri]), () => ARTICLES[uri]));
  assert.deepEqual(found, [true, false, true]);
  assert.ok(snapshot.linking(new Map(indexOf(ARTICLES).entities().flatMap((e) => (e.note ? [[e.note.id, e.note] as const] : [])))), 'the linking is intact');
  snapshot.close();
  const { index, fromSnapshot, restored } = await warmIndex(file, ARTICLES);
  assert.equal(fromSnapshot, 2);
  assert.equal(restored, true, 'the article analysed anew has the same clusters, so the stored linking still applies');
  assert.deepEqual(linkedView(index), linkedView(indexOf(ARTICLES)));
});

test('a restored analysis reads its columns in place, and the extras and entity details when first asked', async () => {
  const cold = indexOf(ARTICLES);
  const file = await snapshotOf(cold);
  const { index } = await warmIndex(file, ARTICLES);
  const uri = 'file:///c/corpus/a.md';
  const analysis = index.article(uri)!.analysis as CompactAnalysis;
  assert.ok(analysis instanceof CompactAnalysis);
  const columns = analysis.columns;
  assert.ok(columns.bytes.buffer.byteLength > columns.bytes.length, 'a view into the slab, not a copy');
  assert.deepEqual(analysis.mentions, cold.article(uri)!.analysis.mentions);
  assert.deepEqual(analysis.dates, cold.article(uri)!.analysis.dates);
  const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
  assert.ok(cold.article(uri)!.analysis.quotes.length > 0);
  assert.deepEqual(plain(analysis.quotes), plain(cold.article(uri)!.analysis.quotes));
  assert.deepEqual(analysis.quotes.map((q) => [q.text, q.speaker?.name]), cold.article(uri)!.analysis.quotes.map((q) => [q.text, q.speaker?.name]));
  assert.deepEqual(analysis.outline, cold.article(uri)!.analysis.outline);
  assert.deepEqual(analysis.clusters, cold.article(uri)!.analysis.clusters);
  assert.deepEqual(analysis.meta, cold.article(uri)!.analysis.meta);
  assert.deepEqual(analysis.problems, cold.article(uri)!.analysis.problems);
  assert.equal(analysis.bodyStart, cold.article(uri)!.analysis.bodyStart);
  const restored = index.entities();
  assert.ok(restored.every((e) => e instanceof RestoredEntity && e.packed), 'no entity detail is parsed by the warm start');
  const maliki = restored.find((e) => e.note?.id === 'nouri-al-maliki')! as RestoredEntity;
  const coldMaliki = cold.entities().find((e) => e.id === maliki.id)!;
  assert.deepEqual([...maliki.spellings], [...coldMaliki.spellings]);
  assert.equal(maliki.packed, false);
  assert.deepEqual([...maliki.roles], [...coldMaliki.roles]);
  assert.deepEqual([...maliki.documents], [...coldMaliki.documents]);
  assert.ok(restored.some((e) => (e as RestoredEntity).packed), 'the others stay packed');
});

test('the JavaScript CRC-32 (for a Node without zlib.crc32) is zlib\'s', () => {
  const data = Buffer.from('SourceLens snapshot \u00e9\u2014 check'.repeat(50));
  assert.equal(crc32Js(data), zlibCrc32(data));
  assert.equal(crc32Js(data.subarray(100), crc32Js(data.subarray(0, 100))), zlibCrc32(data));
  assert.equal(crc32Js(Buffer.alloc(0)), 0);
  assert.notEqual(crc32Js(Buffer.from('a')), crc32Js(Buffer.from('b')));
});

test('temporary files left by a server that stopped while writing are removed by the next write', async () => {
  const index = indexOf(ARTICLES);
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-snap-'));
  const file = path.join(dir, 'corpus.jsonl');
  writeFileSync(`${file}.12345.tmp`, 'half a snapshot');
  writeFileSync(path.join(dir, 'other.jsonl.999.tmp'), 'another workspace');
  assert.equal(await writeSnapshot(file, index.snapshotSource()!, () => true, () => undefined), true);
  assert.deepEqual(readdirSync(dir).sort(), ['corpus.jsonl', 'other.jsonl.999.tmp']);
});

test('a write is abandoned when the index changes meanwhile, leaving no file behind', async () => {
  const index = indexOf(ARTICLES);
  const source = index.snapshotSource()!;
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-snap-'));
  const file = path.join(dir, 'corpus.jsonl');
  const logs: string[] = [];
  assert.equal(await writeSnapshot(file, source, () => false, (m) => logs.push(m), 0), false);
  assert.deepEqual(readdirSync(dir), []);
  assert.ok(logs.some((m) => /changed/.test(m)));
  // An index with unlinked changes has nothing to snapshot.
  index.setArticle('file:///c/corpus/e.md', 'Vladimir Putin arrived.');
  assert.equal(index.snapshotSource(), undefined);
});

test('a snapshot is read from its file until closed; a closed one gives misses, not errors', async () => {
  const file = await snapshotOf(indexOf(ARTICLES));
  const snapshot = await readSnapshot(file, () => undefined);
  assert.ok(snapshot);
  const uri = 'file:///c/corpus/b.md';
  const hash = contentHash(ARTICLES[uri]);
  const notes = new Map(indexOf(ARTICLES).entities().flatMap((e) => (e.note ? [[e.note.id, e.note] as const] : [])));
  assert.ok(snapshot.analysis(uri, hash, () => ARTICLES[uri]), 'an unchanged article is found');
  assert.ok(snapshot.linking(notes), 'the linking is read while open');
  snapshot.close();
  assert.equal(snapshot.analysis(uri, hash, () => ARTICLES[uri]), undefined);
  assert.equal(snapshot.linking(notes), undefined);
});

test('a snapshot of the previous format is discarded, not read', async () => {
  const file = await snapshotOf(indexOf(ARTICLES));
  const text = readFileSync(file).toString('latin1');
  writeFileSync(file, Buffer.from(text.replace(`"format":${SNAPSHOT_FORMAT}`, `"format":${SNAPSHOT_FORMAT - 1}`), 'latin1'));
  const logs: string[] = [];
  assert.equal(await readSnapshot(file, (m) => logs.push(m)), undefined);
  assert.equal(existsSync(file), false);
  assert.ok(logs.some((m) => /unknown format/.test(m)), logs.join('; '));
});

test('an assignment naming an entity number the snapshot does not hold refuses the linking; the relink is exact', async () => {
  const file = await snapshotOf(indexOf(ARTICLES));
  const { trailer } = opened(file);
  rewritePart(file, 'rows', (rows) => {
    const numbers = new Int32Array(rows.buffer, rows.byteOffset, rows.length / 4);
    const k = numbers.findIndex((n) => n >= 0);
    numbers[k] = trailer.entities + 3;
  });
  const { index: warm, fromSnapshot, restored } = await warmIndex(file, ARTICLES);
  assert.equal(fromSnapshot, 3, 'the analyses still apply');
  assert.equal(restored, false);
  assert.deepEqual(linkedView(warm), linkedView(indexOf(ARTICLES)));
  // A row holding what is no entity number nor -1 makes the file unreadable.
  rewritePart(file, 'rows', (rows) => new Int32Array(rows.buffer, rows.byteOffset, 1).set([-7]));
  assert.equal(await readSnapshot(file, () => undefined), undefined);
  assert.equal(existsSync(file), false);
});

test('after a warm start, edits update the corpus maps exactly as after a cold start', async () => {
  const file = await snapshotOf(indexOf(ARTICLES));
  const { index: warm, restored } = await warmIndex(file, ARTICLES);
  assert.equal(restored, true);
  const cold = indexOf(ARTICLES);
  const B = 'file:///c/corpus/b.md';
  const edited = ARTICLES[B].replace('Bush said', 'Maliki and Bush said, as Hamas said,');
  for (const index of [warm, cold]) {
    index.setArticle(B, edited);
    index.relinkIncremental();
  }
  assert.deepEqual(linkedView(warm), linkedView(cold));
  assert.deepEqual(mapsView(warm), mapsView(cold));
  for (const index of [warm, cold]) {
    index.remove('file:///c/corpus/a.md');
    index.relinkIncremental();
  }
  assert.deepEqual(linkedView(warm), linkedView(cold));
  assert.deepEqual(mapsView(warm), mapsView(cold));
  const maliki = warm.entities().find((e) => e.note?.id === 'nouri-al-maliki')!;
  assert.equal(warm.articlesOf(maliki.id).get(B), cold.articlesOf(maliki.id).get(B));
  assert.ok((warm.articlesOf(maliki.id).get(B) ?? 0) >= 2);
});

test('the corpus maps are restored from the snapshot as stored, and equal those a relink computes', async () => {
  const cold = indexOf(ARTICLES);
  const file = await snapshotOf(cold);
  const { trailer } = opened(file);
  assert.ok(trailer.parts.maps && trailer.parts.maps[1] > 0, 'the snapshot holds the maps');
  // A quotation and dates in several articles, so the stored maps are not empty.
  assert.ok(cold.entities().some((e) => cold.quotesOf(e.id).length > 0));
  const { index: warm, restored } = await warmIndex(file, ARTICLES);
  assert.equal(restored, true);
  assert.deepEqual(mapsView(warm), mapsView(cold));
  assert.deepEqual(linkedView(warm), linkedView(cold));
  // The stored maps are those read: a snapshot whose date groups were changed (well-formed, its check
  // matching) shows the change, so the maps are not silently recomputed.
  rewritePart(file, 'maps', (part) => {
    const ints = new Int32Array(part.buffer, part.byteOffset, part.length / 4);
    const [, entities, values, rowPairs, dates] = ints;
    const dateIndexAt = 6 + entities + 1 + 2 * rowPairs + values + values + 1 + dates;
    assert.ok(dates >= 2);
    // The first group's first two dates swap their index: same dates, other order.
    [ints[dateIndexAt], ints[dateIndexAt + 1]] = [ints[dateIndexAt + 1], ints[dateIndexAt]];
  });
  const { index: tampered } = await warmIndex(file, ARTICLES);
  assert.notDeepEqual(mapsView(tampered), mapsView(cold));
});

test('a damaged or ill-fitting maps part costs only the maps: the linking is restored, the maps computed exactly', async () => {
  const cold = indexOf(ARTICLES);
  for (const damage of ['bytes', 'lengths', 'positions'] as const) {
    const file = await snapshotOf(cold);
    if (damage === 'bytes') {
      const { trailer } = opened(file);
      const bytes = readFileSync(file);
      bytes[trailer.parts.maps[0] + 5] ^= 0xff;
      writeFileSync(file, bytes);
    } else {
      rewritePart(file, 'maps', (part) => {
        const ints = new Int32Array(part.buffer, part.byteOffset, part.length / 4);
        if (damage === 'lengths') ints[3] += 1; // one row pair more than there is
        else ints[6 + ints[1] + 1] = 99; // a row naming article 99 of 3
      });
    }
    const { index, fromSnapshot, restored } = await warmIndex(file, ARTICLES);
    assert.equal(fromSnapshot, 3, damage);
    assert.equal(restored, true, damage);
    assert.deepEqual(mapsView(index), mapsView(cold), damage);
    assert.deepEqual(linkedView(index), linkedView(cold), damage);
  }
});
