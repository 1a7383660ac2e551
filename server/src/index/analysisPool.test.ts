import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { analyzeArticle } from '../core/analyzeArticle';
import { productionComponents } from '../components';
import { AnalysisPool } from './analysisPool';
import { analysisJson } from './analysisTestSupport';

const TEXT = '---\ntitle: Talks\ndate: 2006-11-29\n---\nPresident George W. Bush met Prime Minister Nouri al-Maliki in Amman on Tuesday. “We will stay,” Maliki said.\n';
const NO_DECISIONS = { ignored: new Set<string>(), types: new Map() };
const plain = (a: unknown) => JSON.parse(analysisJson(a as never));

test('workers start on the first analysis, stop when released, and start again for the next one', async () => {
  const components = productionComponents();
  const expected = plain(analyzeArticle(TEXT, components));
  const logs: string[] = [];
  const pool = new AnalysisPool(2, components, (m) => logs.push(m), path.join(__dirname, 'analysisWorker.js'));
  try {
    assert.equal(pool.size, 2, 'the scan plans for two workers before any has started');
    assert.equal(pool.running, 0, 'nothing starts before there is work');
    const first = await Promise.all([pool.analyze(TEXT, NO_DECISIONS), pool.analyze(TEXT, NO_DECISIONS)]);
    assert.equal(pool.running, 2);
    for (const a of first) assert.deepEqual(plain(a), expected);
    pool.release();
    assert.equal(pool.running, 0);
    assert.equal(pool.size, 2);
    const pending = pool.analyze(TEXT, NO_DECISIONS);
    pool.release(); // a job in flight: the workers stay
    assert.equal(pool.running, 2);
    assert.deepEqual(plain(await pending), expected);
    assert.deepEqual(logs, []);
  } finally {
    pool.dispose();
  }
});

test('after a scan one worker, the most practised, stays for edits; a warm-up sends nothing back', async () => {
  const components = productionComponents();
  const expected = plain(analyzeArticle(TEXT, components));
  const pool = new AnalysisPool(2, components, () => undefined, path.join(__dirname, 'analysisWorker.js'));
  try {
    await Promise.all([pool.analyze(TEXT, NO_DECISIONS), pool.analyze(TEXT, NO_DECISIONS), pool.analyze(TEXT, NO_DECISIONS)]);
    assert.equal(pool.running, 2);
    assert.equal(pool.practice, 2, 'the least loaded worker took two of the three');
    pool.release(1);
    assert.equal(pool.running, 1);
    assert.equal(pool.practice, 2, 'the worker kept is the one that analysed two');
    assert.equal(pool.size, 2, 'a new scan still plans for two');
    assert.equal(await pool.analyze(TEXT, NO_DECISIONS, { discard: true, oneWorker: true }), undefined);
    assert.equal(pool.practice, 3);
    assert.deepEqual(plain(await pool.analyze(TEXT, NO_DECISIONS, { oneWorker: true })), expected);
    assert.equal(pool.running, 1, 'an edit does not start the second worker');
    await pool.analyze(TEXT, NO_DECISIONS);
    assert.equal(pool.running, 2, 'a scan analysis tops the pool up');
    pool.release();
    assert.equal(pool.running, 0);
  } finally {
    pool.dispose();
  }
});

test('without a worker file the pool analyses on the main thread, with the same result', async () => {
  const components = productionComponents();
  const pool = new AnalysisPool(2, components, () => undefined, path.join(__dirname, 'no-such-worker.js'));
  assert.equal(pool.size, 0);
  assert.deepEqual(plain(await pool.analyze(TEXT, NO_DECISIONS)), plain(analyzeArticle(TEXT, components)));
  assert.equal(pool.running, 0);
});

test('a worker that dies fails its jobs (they are analysed elsewhere) instead of leaving them waiting forever', { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-pool-'));
  const crashing = path.join(dir, 'crashingWorker.js');
  writeFileSync(crashing, "require('worker_threads').parentPort.on('message', () => process.exit(3));\n");
  const logs: string[] = [];
  const pool = new AnalysisPool(2, productionComponents(), (m) => logs.push(m), crashing);
  // Workers do not keep the process alive (a server's connection does): a timer stands in for it,
  // for 20 s at most, so a pool that never answers fails the test instead of hanging the run.
  const alive = setTimeout(() => undefined, 20_000);
  try {
    const results = await Promise.allSettled([pool.analyze(TEXT, NO_DECISIONS), pool.analyze(TEXT, NO_DECISIONS), pool.analyze(TEXT, NO_DECISIONS)]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected', 'rejected']);
    assert.match(String((results[0] as PromiseRejectedResult).reason), /worker failed.*code 3/);
    assert.equal(pool.running, 0, 'the dead workers are out of the pool');
    assert.ok(logs.some((m) => /Analysis worker failed/.test(m)), logs.join('\n'));
    // The next analysis starts workers again (and fails the same way here, rather than hanging).
    await assert.rejects(pool.analyze(TEXT, NO_DECISIONS));
  } finally {
    clearTimeout(alive);
    pool.dispose();
  }
});

test('workers idle for idleStopMs stop; a job resets the countdown, and an edit after the stop is still analysed', async () => {
  const components = productionComponents();
  const expected = plain(analyzeArticle(TEXT, components));
  const logs: string[] = [];
  const pool = new AnalysisPool(2, components, (m) => logs.push(m), path.join(__dirname, 'analysisWorker.js'), 400);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  try {
    assert.deepEqual(plain(await pool.analyze(TEXT, NO_DECISIONS, { oneWorker: true })), expected);
    assert.equal(pool.running, 1);
    await sleep(250);
    assert.equal(pool.running, 1, 'not idle long enough yet');
    await pool.analyze(TEXT, NO_DECISIONS, { oneWorker: true });
    await sleep(250);
    assert.equal(pool.running, 1, 'the second job restarted the countdown');
    assert.deepEqual(logs, []);
    await sleep(400);
    assert.equal(pool.running, 0, 'idle for longer than idleStopMs: stopped');
    assert.equal(logs.length, 1);
    assert.match(logs[0], /stopped after/);
    assert.ok(pool.inWorkers, 'the pool still analyses in workers');
    assert.deepEqual(plain(await pool.analyze(TEXT, NO_DECISIONS, { oneWorker: true })), expected);
    assert.equal(pool.running, 1, 'the next analysis started a worker again');
  } finally {
    pool.dispose();
  }
});

test('the analysis worker copies its replies, never transferring (detaching) a buffer', { timeout: 30_000 }, async () => {
  // A detach would invalidate V8's array-buffer-detaching protector in the worker and throw away its
  // optimized recognizer code (analysisWorker.ts): the worker's postMessage is watched for a transfer list.
  const { Worker } = await import('worker_threads');
  const workerFile = path.join(__dirname, 'analysisWorker.js');
  const wrapper = `
    const { parentPort } = require('worker_threads');
    const post = parentPort.postMessage.bind(parentPort);
    parentPort.postMessage = (message, transfer) => post({ ...message, transferred: transfer !== undefined && [].concat(transfer).length > 0 });
    require(${JSON.stringify(workerFile)});`;
  const worker = new Worker(wrapper, { eval: true });
  try {
    const reply = (job: object) =>
      new Promise<{ id: number; line?: Uint8Array; transferred: boolean }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage(job);
      });
    const warm = await reply({ id: 1, text: TEXT, decisions: NO_DECISIONS, discard: true });
    assert.equal(warm.transferred, false);
    const edit = await reply({ id: 2, text: TEXT, decisions: NO_DECISIONS });
    assert.equal(edit.transferred, false, 'the reply is sent without a transfer list');
    assert.ok(edit.line && edit.line.length > 0, 'the packed analysis came back');
  } finally {
    await worker.terminate();
  }
});
