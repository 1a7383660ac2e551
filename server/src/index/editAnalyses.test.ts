import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleAnalysis } from '../core/analyzeArticle';
import { EditAnalyses, type EditSink } from './editAnalyses';

const NO_DECISIONS = { ignored: new Set<string>(), types: new Map() };

/** An analyzer whose answers the test releases by hand, in any order. */
function manualAnalyzer() {
  const jobs: Array<{ text: string; resolve(a: ArticleAnalysis): void; reject(e: Error): void }> = [];
  return {
    jobs,
    analyze(text: string) {
      return new Promise<ArticleAnalysis>((resolve, reject) => jobs.push({ text, resolve, reject }));
    },
  };
}

const fakeAnalysis = (text: string) => ({ meta: { extra: {} }, bodyStart: 0, mentions: [], clusters: [], clusterOf: [], dates: [], quotes: [], outline: [], problems: [], text }) as unknown as ArticleAnalysis;

function recordingSink() {
  const applied: Array<{ uri: string; version: number; text: string }> = [];
  const failures: Array<{ uri: string; version: number; why: string }> = [];
  const sink: EditSink = {
    analysed: (uri, text, version) => applied.push({ uri, version, text }),
    failed: (uri, _text, version, why) => failures.push({ uri, version, why }),
  };
  return { sink, applied, failures };
}

test('only the latest version of an article is applied, even when an older analysis arrives last', async () => {
  const analyzer = manualAnalyzer();
  const { sink, applied } = recordingSink();
  const edits = new EditAnalyses(analyzer, sink);
  edits.submit('a', 'v2', 2, NO_DECISIONS, 'k');
  edits.submit('a', 'v3', 3, NO_DECISIONS, 'k');
  edits.submit('b', 'b2', 2, NO_DECISIONS, 'k');
  assert.equal(edits.pending, 2, 'one analysis in flight per article');
  const settled = edits.settled();
  assert.ok(settled, 'something is in flight');
  analyzer.jobs[1].resolve(fakeAnalysis('v3'));
  analyzer.jobs[2].resolve(fakeAnalysis('b2'));
  analyzer.jobs[0].resolve(fakeAnalysis('v2')); // the older one, last
  await settled;
  assert.deepEqual(applied, [
    { uri: 'a', version: 3, text: 'v3' },
    { uri: 'b', version: 2, text: 'b2' },
  ]);
  assert.equal(edits.pending, 0);
  assert.equal(edits.settled(), undefined, 'nothing left to wait for');
});

test('settled waits for an edit that arrives while waiting', async () => {
  const analyzer = manualAnalyzer();
  const { sink, applied } = recordingSink();
  const edits = new EditAnalyses(analyzer, sink);
  edits.submit('a', 'v2', 2, NO_DECISIONS, 'k');
  let done = false;
  const settled = edits.settled()!.then(() => (done = true));
  edits.submit('a', 'v3', 3, NO_DECISIONS, 'k');
  analyzer.jobs[0].resolve(fakeAnalysis('v2'));
  await new Promise((r) => setImmediate(r));
  assert.equal(done, false, 'v3 is still in flight');
  analyzer.jobs[1].resolve(fakeAnalysis('v3'));
  await settled;
  assert.deepEqual(applied.map((a) => a.version), [3]);
});

test('a cancelled edit is never applied, and a failed one is handed back', async () => {
  const analyzer = manualAnalyzer();
  const { sink, applied, failures } = recordingSink();
  const edits = new EditAnalyses(analyzer, sink);
  edits.submit('a', 'v2', 2, NO_DECISIONS, 'k');
  edits.cancel('a');
  assert.equal(edits.settled(), undefined);
  analyzer.jobs[0].resolve(fakeAnalysis('v2'));
  edits.submit('b', 'b2', 2, NO_DECISIONS, 'k');
  analyzer.jobs[1].reject(new Error('worker exited'));
  await edits.settled();
  assert.deepEqual(applied, []);
  assert.deepEqual(failures, [{ uri: 'b', version: 2, why: 'worker exited' }]);
});

test('a stuck analysis delays requests by the timeout at most', async () => {
  const analyzer = manualAnalyzer();
  const { sink, applied } = recordingSink();
  const edits = new EditAnalyses(analyzer, sink);
  edits.submit('a', 'v2', 2, NO_DECISIONS, 'k');
  const t0 = Date.now();
  await edits.settled(50);
  assert.ok(Date.now() - t0 >= 45, 'it waited');
  assert.equal(edits.pending, 1, 'the edit is still in flight');
  analyzer.jobs[0].resolve(fakeAnalysis('v2'));
  await edits.settled();
  assert.equal(applied.length, 1);
});
