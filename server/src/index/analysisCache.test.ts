import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeArticle } from '../core/analyzeArticle';
import { productionComponents } from '../components';
import { AnalysisCache, ANALYSIS_FORMAT } from './analysisCache';
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

test('an entry gives back the analysis it was given; a corrupt one is a miss, logged and removed', async () => {
  const components = productionComponents();
  const text = '---\ntitle: T\ndate: 2006-11-02\n---\nPrime Minister Nouri al-Maliki met George W. Bush in Amman on Tuesday. "We will stay," Maliki said.\n';
  const analysis = analyzeArticle(text, components);
  const logs: string[] = [];
  const cache = new AnalysisCache(mkdtempSync(path.join(tmpdir(), 'sl-cache-')), '00aa11bb', (m) => logs.push(m));
  const key = cache.key('hash', '');
  assert.equal(await cache.get(key, () => text), undefined, 'nothing stored yet');
  await cache.put(key, analysis, () => text);
  const back = await cache.get(key, () => text);
  assert.ok(back);
  assert.deepEqual(JSON.parse(analysisJson(back)), JSON.parse(analysisJson(analysis)));
  const [sub] = readdirSync(cache.folder);
  const [entry] = readdirSync(path.join(cache.folder, sub));
  writeFileSync(path.join(cache.folder, sub, entry), '{"not": "an entry"}');
  assert.equal(await cache.get(key, () => text), undefined);
  assert.ok(logs.some((m) => /corrupt/.test(m)));
  assert.equal(existsSync(path.join(cache.folder, sub, entry)), false);
});
