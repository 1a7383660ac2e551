import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../core/analyzeArticle';
import { productionComponents } from '../components';
import { compactAnalysis, restoreClusters, storedClusters } from './compactAnalysis';
import { analysisJson } from './analysisTestSupport';

const TEXT = '---\ntitle: Talks\ndate: 2006-11-29\n---\n# Talks in Amman\n\nPresident George W. Bush met Prime Minister Nouri al-Maliki in Amman on Tuesday. “We will stay,” Maliki said.\n\n## What next\n\nThe Mahdi Army said it would wait until next April.\n';

test('a compact analysis reads exactly as the analysis it was made from, and is stored the same', () => {
  const analysis = analyzeArticle(TEXT, productionComponents());
  assert.ok(analysis.outline.length > 0 && analysis.clusters.length >= 3, 'the fixture has an outline and clusters');
  const compact = compactAnalysis(analysis, () => TEXT);
  assert.deepEqual(compact.outline, analysis.outline);
  assert.deepEqual(compact.clusters, analysis.clusters);
  assert.equal(compact.clusterCount, analysis.clusters.length);
  assert.deepEqual(compact.mentions, analysis.mentions, 'mentions and dates come back from their columns');
  assert.deepEqual(compact.dates, analysis.dates);
  assert.deepEqual(compact.clusterOf, analysis.clusterOf);
  assert.equal(compact.mentions, compact.mentions, 'the objects are made once');
  assert.equal(compact.columns.mentionCount, analysis.mentions.length);
  // The cache stores the same JSON for both (a compact analysis's lazy parts are getters, not own fields).
  assert.equal(analysisJson(compact), analysisJson(analysis));
  // The outline and clusters are kept deflated: well under their JSON's size.
  const json = JSON.stringify(analysis.outline).length + JSON.stringify(storedClusters(analysis.clusters)).length;
  assert.ok(compact.lazyBytes - compact.columns.bytes.length < json / 2, `${compact.lazyBytes - compact.columns.bytes.length} packed bytes for ${json} of JSON`);
  const rebound = compactAnalysis(compact, () => TEXT);
  assert.equal(rebound.columns, compact.columns, 'compacting twice shares the columns');
  // Each read is a fresh list: a caller changing it cannot change the stored analysis.
  compact.outline.length = 0;
  compact.clusters[0].spellings.clear();
  assert.deepEqual(compact.outline, analysis.outline);
  assert.deepEqual(compact.clusters, analysis.clusters);
  assert.equal(compact.damaged, false);
});

test('stored clusters come back only when they are clusters', () => {
  const clusters = analyzeArticle(TEXT, productionComponents()).clusters;
  assert.deepEqual(restoreClusters(JSON.parse(JSON.stringify(storedClusters(clusters)))), clusters);
  for (const bad of [undefined, {}, [1], [{ key: 'x' }], [{ key: 'x', keys: [], spellings: {}, mentions: [], roles: [] }]]) assert.equal(restoreClusters(bad), undefined);
});
