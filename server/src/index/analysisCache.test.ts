import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeArticle } from '../core/analyzeArticle';
import { productionComponents } from '../components';
import { AnalysisCache, ANALYSIS_FORMAT, MAX_PACKS } from './analysisCache';
import { encodeArticleLine } from './snapshotCodec';
import { analysisJson } from './analysisTestSupport';

test('the caches of other SourceLens versions are pruned; its own and unrelated files stay', async () => {
  const storage = mkdtempSync(path.join(tmpdir(), 'sl-cache-'));
  const parent = path.join(storage, 'analysis-cache');
  const own = `v${ANALYSIS_FORMAT}-00aa11bb`;
  for (const dir of [own, 'v1-deadbeef', `v${ANALYSIS_FORMAT + 1}-0123`, 'notes-of-mine']) {
    mkdirSync(path.join(parent, dir, 'ab'), { recursive: true });
    writeFileSync(path.join(parent, dir, 'ab', 'x.json'), '{}');
  }
  writeFileSync(path.join(parent, 'v1-cafe'), 'a file, not a cache folder');
  const logs: string[] = [];
  const cache = new AnalysisCache(storage, '00aa11bb', (m) => logs.push(m));
  assert.equal(await cache.pruneOtherVersions(), 2);
  assert.deepEqual(readdirSync(parent).sort(), ['notes-of-mine', own, 'v1-cafe'].sort());
  assert.ok(existsSync(path.join(parent, own, 'ab', 'x.json')));
  assert.ok(logs.some((m) => /Removed 2/.test(m)));
  assert.equal(await cache.pruneOtherVersions(), 0, 'nothing left to prune');
  assert.equal(await new AnalysisCache(path.join(storage, 'missing'), 'ff', () => undefined).pruneOtherVersions(), 0, 'a missing folder is no error');
});

const TEXT = '---\ntitle: T\ndate: 2006-11-02\n---\nPrime Minister Nouri al-Maliki met George W. Bush in Amman on Tuesday. "We will stay," Maliki said.\n';
const OTHER = 'Condoleezza Rice flew to Baghdad on Monday.\n';

function packsOf(cache: AnalysisCache): string[] {
  const dir = path.join(cache.folder, 'packs');
  return existsSync(dir) ? readdirSync(dir).map((n) => path.join(dir, n)) : [];
}

test('an entry gives back the analysis it was given: before it is written, after, and in the next session', async () => {
  const analysis = analyzeArticle(TEXT, productionComponents());
  const storage = mkdtempSync(path.join(tmpdir(), 'sl-cache-'));
  const cache = new AnalysisCache(storage, '00aa11bb', () => undefined);
  const key = cache.key('hash', '');
  assert.equal(await cache.get(key, () => TEXT), undefined, 'nothing stored yet');
  await cache.put(key, analysis, () => TEXT);
  assert.equal(packsOf(cache).length, 0, 'entries wait to be written together');
  const waiting = await cache.get(key, () => TEXT);
  assert.deepEqual(JSON.parse(analysisJson(waiting!)), JSON.parse(analysisJson(analysis)));
  await cache.flush();
  assert.equal(packsOf(cache).length, 1);
  assert.deepEqual(JSON.parse(analysisJson((await cache.get(key, () => TEXT))!)), JSON.parse(analysisJson(analysis)));
  await cache.close();
  const next = new AnalysisCache(storage, '00aa11bb', () => undefined);
  assert.equal(next.size, 1);
  assert.deepEqual(JSON.parse(analysisJson((await next.get(key, () => TEXT))!)), JSON.parse(analysisJson(analysis)));
  assert.equal(await next.get(next.key('other', ''), () => TEXT), undefined);
  await next.close();
});

test('a packed line (a worker reply) is stored as it came, and many entries go to one pack in few writes', async () => {
  const components = productionComponents();
  const storage = mkdtempSync(path.join(tmpdir(), 'sl-cache-'));
  const cache = new AnalysisCache(storage, '00aa11bb', () => undefined);
  const texts = Array.from({ length: 40 }, (_, i) => `${OTHER}Article ${i}: Nouri al-Maliki spoke in Amman.\n`);
  for (const [i, text] of texts.entries()) {
    const analysis = analyzeArticle(text, components);
    await cache.put(cache.key(`h${i}`, ''), analysis, () => text, Buffer.from(encodeArticleLine(analysis, () => text), 'utf8'));
  }
  await cache.close();
  assert.equal(packsOf(cache).length, 1);
  const next = new AnalysisCache(storage, '00aa11bb', () => undefined);
  for (const [i, text] of texts.entries()) {
    const back = await next.get(next.key(`h${i}`, ''), () => text);
    assert.deepEqual(JSON.parse(analysisJson(back!)), JSON.parse(analysisJson(analyzeArticle(text, components))), `entry ${i}`);
  }
  await next.close();
});

test('a damaged entry is a miss (logged); a pack cut short keeps the entries before the cut', async () => {
  const components = productionComponents();
  const storage = mkdtempSync(path.join(tmpdir(), 'sl-cache-'));
  const cache = new AnalysisCache(storage, '00aa11bb', () => undefined);
  const a = analyzeArticle(TEXT, components);
  const b = analyzeArticle(OTHER, components);
  await cache.put(cache.key('a', ''), a, () => TEXT);
  await cache.put(cache.key('b', ''), b, () => OTHER);
  await cache.close();
  const [pack] = packsOf(cache);
  const bytes = readFileSync(pack);
  // flip a byte inside the first entry's payload
  const flipped = Buffer.from(bytes);
  flipped[40] ^= 0xff;
  writeFileSync(pack, flipped);
  const logs: string[] = [];
  const damaged = new AnalysisCache(storage, '00aa11bb', (m) => logs.push(m));
  assert.equal(await damaged.get(damaged.key('a', ''), () => TEXT), undefined);
  assert.ok(logs.some((m) => /damaged cache entry/.test(m)), logs.join('\n'));
  assert.ok(await damaged.get(damaged.key('b', ''), () => OTHER), 'the other entry is intact');
  await damaged.close();
  // cut the pack in the middle of the second entry: the first (restored) stays
  writeFileSync(pack, bytes.subarray(0, bytes.length - 10));
  const cut = new AnalysisCache(storage, '00aa11bb', (m) => logs.push(m));
  assert.ok(await cut.get(cut.key('a', ''), () => TEXT));
  assert.equal(await cut.get(cut.key('b', ''), () => OTHER), undefined);
  assert.ok(logs.some((m) => /ends in a damaged entry/.test(m)));
  await cut.close();
  // garbage in place of a pack: no entries, no error
  writeFileSync(pack, 'not a pack at all');
  const garbage = new AnalysisCache(storage, '00aa11bb', () => undefined);
  assert.equal(garbage.size, 0);
  assert.equal(await garbage.get(garbage.key('a', ''), () => TEXT), undefined);
});

test('over its budget of packs the cache removes the oldest when it opens', async () => {
  const analysis = analyzeArticle(OTHER, productionComponents());
  const storage = mkdtempSync(path.join(tmpdir(), 'sl-cache-'));
  const logs: string[] = [];
  for (let s = 0; s < MAX_PACKS + 2; s++) {
    const session = new AnalysisCache(storage, '00aa11bb', (m) => logs.push(m));
    await session.put(session.key(`s${s}`, ''), analysis, () => OTHER);
    await session.close();
    await new Promise((r) => setTimeout(r, 2)); // pack names start with the time
  }
  const cache = new AnalysisCache(storage, '00aa11bb', (m) => logs.push(m));
  assert.equal(cache.size, MAX_PACKS);
  assert.equal(await cache.get(cache.key('s0', ''), () => OTHER), undefined, 'the oldest session went');
  assert.ok(await cache.get(cache.key(`s${MAX_PACKS + 1}`, ''), () => OTHER), 'the newest stays');
  assert.equal(packsOf(cache).length, MAX_PACKS);
  assert.equal(logs.filter((m) => /Removed an old analysis cache pack/.test(m)).length, 2);
  await cache.close();
});

test('a cache that cannot write goes on without storing (logged once), and reads still miss cleanly', async () => {
  const storage = mkdtempSync(path.join(tmpdir(), 'sl-cache-'));
  const logs: string[] = [];
  const cache = new AnalysisCache(storage, '00aa11bb', (m) => logs.push(m));
  mkdirSync(path.dirname(cache.folder), { recursive: true });
  writeFileSync(cache.folder, 'a file where the cache folder should be');
  const analysis = analyzeArticle(OTHER, productionComponents());
  await cache.put(cache.key('a', ''), analysis, () => OTHER);
  await cache.flush();
  await cache.put(cache.key('b', ''), analysis, () => OTHER);
  await cache.close();
  assert.equal(logs.filter((m) => /Could not write the analysis cache/.test(m)).length, 1, logs.join('\n'));
  assert.equal(await cache.get(cache.key('b', ''), () => OTHER), undefined);
});
