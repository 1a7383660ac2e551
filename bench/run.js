#!/usr/bin/env node
// `npm run bench`: generates a deterministic synthetic corpus, drives the real language server over
// stdio as an editor would, and reports cold index, warm start, request latencies, edit → refreshed
// results, peak RSS and initialize time, beside a plain tokenizer pass and `compromise` measured in
// the same run. Writes bench/results/latest.json and prints a table. See bench/README.md.
//
//   npm run bench [-- --articles 1000,10000 --hovers 2000 --edits 10 --edit-timeout 30 --cold-timeout 900 --warm-timeout 60
//                     --profile --no-warm --compromise-sample 200 --snapshot [REF] --server FILE]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync, spawnSync } = require('child_process');
const { generateCorpus } = require('./generateCorpus');
const { tokenizerPass, compromisePass } = require('./baselines');
const { startSession, now, SERVER } = require('./lspSession');
const { measureHovers, measureReferences, measureDocumentSymbols, measureEdits } = require('./measureQueries');
const { summarizeProfile, printProfile, readProfiles } = require('./profileSummary');
const { printTable, targetChecks, growthRows } = require('./report');
const { snapshotServer } = require('./serverSnapshot');

const ROOT = path.join(__dirname, '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const arg = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
};
const opts = {
  sizes: String(arg('articles', '10000')).split(',').map((s) => Number(s.trim())).filter((n) => n > 0),
  seed: Number(arg('seed', 42)),
  hovers: Number(arg('hovers', 2000)),
  symbols: Number(arg('symbols', 300)),
  edits: Number(arg('edits', 10)),
  editTimeoutMs: Number(arg('edit-timeout', 30)) * 1000,
  coldTimeoutMs: Number(arg('cold-timeout', 900)) * 1000,
  warmTimeoutMs: Number(arg('warm-timeout', 60)) * 1000,
  compromiseSample: Number(arg('compromise-sample', 200)),
  profile: flag('profile'),
  // --snapshot [REF]: run a private build of the server at a commit (default HEAD) instead of server/dist (the working tree's bundle).
  snapshot: flag('snapshot') ? (argv[argv.indexOf('--snapshot') + 1] && !argv[argv.indexOf('--snapshot') + 1].startsWith('--') ? argv[argv.indexOf('--snapshot') + 1] : 'HEAD') : undefined,
  server: arg('server', SERVER),
  warm: !flag('no-warm'),
  // --keep-storage: do not empty the storage folder first (the "cold" run then starts from whatever
  // the server cached before; reported as cachedFilesAtStart). For finishing a cache across runs.
  keepStorage: flag('keep-storage'),
  out: arg('out', path.join(ROOT, 'bench', 'results', 'latest.json')),
};
const log = (...a) => console.log(...a);
const round = (x, d = 1) => (x === undefined || x === null ? x : Math.round(x * 10 ** d) / 10 ** d);

function ensureBuilt() {
  if (opts.snapshot) {
    const snap = snapshotServer(opts.snapshot, log);
    opts.server = snap.serverJs;
    opts.serverCommit = snap.commit;
    return;
  }
  if (fs.existsSync(SERVER)) return;
  log('server/dist/server.js is missing: running npm run build…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function machine() {
  const cpus = os.cpus();
  let commit;
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    commit = undefined;
  }
  return { cpu: cpus[0] && cpus[0].model, cores: cpus.length, memoryGB: round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`, node: process.version, commit, loadAverageAtStart: os.loadavg().map((x) => round(x, 2)) };
}

/** Starts a server, waits for ready (bounded). Returns the session and the cold-index figures. */
async function indexRun(manifest, storagePath, timeoutMs, execArgv = []) {
  const session = await startSession({ workspace: manifest.dir, storagePath, execArgv, serverJs: opts.server, log });
  const cpuAtInit = session.cpuSeconds();
  const readyAt = await session.whenReady(1, timeoutMs);
  const cpuAtReady = session.cpuSeconds();
  const status = session.marks.ready[0];
  return {
    session,
    figures: {
      initializeMs: round(session.initializeMs),
      // The server process's CPU time from its start to just after the initialize reply (node's own start-up included).
      initializeCpuMs: cpuAtInit === undefined ? null : round(cpuAtInit * 1000, 0),
      readyMs: readyAt === undefined ? null : round(readyAt - session.initializedAt, 0),
      progressEndMs: session.marks.progressEnd === undefined ? null : round(session.marks.progressEnd - session.initializedAt, 0),
      serverCpuSeconds: round(cpuAtReady - cpuAtInit, 2),
      timedOut: readyAt === undefined ? `not ready within ${timeoutMs / 1000} s` : undefined,
      reportedArticles: status && status.articles,
      reportedEntities: status && status.entities,
      serverErrors: session.marks.errors,
      // When not ready in time: how far the progress got (files done of total, and when).
      lastStatus: readyAt === undefined && session.marks.lastStatus ? { ...session.marks.lastStatus, at: round(session.marks.lastStatus.at - session.initializedAt, 0) } : undefined,
    },
  };
}

async function benchSize(n) {
  log(`\n=== ${n.toLocaleString('en-US')} articles ===`);
  const manifest = generateCorpus({ articles: n, seed: opts.seed, log });
  log(`corpus ${manifest.reused ? 'reused' : 'generated'}: ${manifest.files} files, ${manifest.words.toLocaleString('en-US')} words, ${(manifest.bytes / 2 ** 20).toFixed(1)} MB, ${Object.values(manifest.distinctActors).reduce((a, b) => a + b, 0).toLocaleString('en-US')} distinct actors, ${manifest.actorsWith1000Mentions} with ≥ 1,000 mentions (${manifest.dir})`);
  const files = manifest.fileList;
  const tokenizer = tokenizerPass(manifest.dir, files);
  log(`tokenizer pass: ${round(tokenizer.ms)} ms (${tokenizer.words.toLocaleString('en-US')} words, read ${round(tokenizer.readMs)} ms)`);
  const comp = compromisePass(manifest.dir, files, opts.compromiseSample);
  comp.extrapolatedMs = Math.round((tokenizer.words / comp.wordsPerSecond) * 1000);
  log(`compromise: ${comp.wordsPerSecond.toLocaleString('en-US')} words/s over ${comp.articles} articles → ${round(comp.extrapolatedMs / 1000)} s for the corpus`);

  const storage = path.join(ROOT, '.cache', 'bench', `storage-${n}`);
  if (!opts.keepStorage) fs.rmSync(storage, { recursive: true, force: true });
  fs.mkdirSync(storage, { recursive: true });
  const cachedFilesAtStart = countFiles(storage);
  const result = { articles: n, corpus: { files: manifest.files, words: manifest.words, bytes: manifest.bytes, mentionsPlaced: manifest.mentions, distinctActors: manifest.distinctActors, actorsWith1000Mentions: manifest.actorsWith1000Mentions }, baselines: { tokenizer, compromise: comp } };

  log('cold start…');
  const cold = await indexRun(manifest, storage, opts.coldTimeoutMs);
  result.cold = { ...cold.figures, cachedFilesAtStart, storageFilesAtEnd: countFiles(storage) };
  if (cachedFilesAtStart) log(`  NOTE: the storage folder already held ${cachedFilesAtStart} files (--keep-storage): this is not a cold start`);
  log(`  initialize ${cold.figures.initializeMs} ms; ready after ${cold.figures.readyMs ?? cold.figures.timedOut} ms (server CPU ${cold.figures.serverCpuSeconds} s)`);
  if (cold.figures.readyMs !== null) {
    const budget = 120000;
    // Server CPU per request beside the wall-clock latencies: steadier on a shared machine (the
    // workers are idle once the index is ready, so this is the main thread's work, warm-up included).
    const withCpu = async (run) => {
      const before = cold.session.cpuSeconds();
      const r = await run();
      const after = cold.session.cpuSeconds();
      if (r && r.n && before !== undefined && after !== undefined) r.serverCpuMsPerRequest = round(((after - before) * 1000) / r.n, 3);
      return r;
    };
    result.hover = await withCpu(() => measureHovers(cold.session, manifest, opts.hovers, budget));
    log(`  hover p50 ${result.hover.p50} ms p99 ${result.hover.p99} ms (${result.hover.n}, ${result.hover.withEntityCard} entity cards)`);
    result.references = await withCpu(() => measureReferences(cold.session, manifest, budget));
    log(`  references (actors with ≥ 1,000 mentions, closest to 1,000) p50 ${result.references.p50} ms p99 ${result.references.p99} ms: ${result.references.entities.map((e) => `${e.name} ${e.serverReferences}`).join(', ')}`);
    result.referencesTop = await withCpu(() => measureReferences(cold.session, manifest, budget, 'top'));
    log(`  references (3 most frequent actors) p50 ${result.referencesTop.p50} ms p99 ${result.referencesTop.p99} ms: ${result.referencesTop.entities.map((e) => `${e.name} ${e.serverReferences} (${e.replyMB.toFixed(1)} MB)`).join(', ')}`);
    result.documentSymbols = await withCpu(() => measureDocumentSymbols(cold.session, manifest, opts.symbols, budget));
    log(`  documentSymbol p50 ${result.documentSymbols.p50} ms p99 ${result.documentSymbols.p99} ms`);
    result.edit = await measureEdits(cold.session, manifest, opts.edits, opts.editTimeoutMs);
    log(`  edit → recognized p50 ${result.edit.recognizedMs && result.edit.recognizedMs.p50} ms; → count refreshed p50 ${result.edit.countRefreshedMs && result.edit.countRefreshedMs.p50} ms p99 ${result.edit.countRefreshedMs && result.edit.countRefreshedMs.p99} ms ${result.edit.failures && result.edit.failures.length ? result.edit.failures.join('; ') : ''}`);
  }
  const mem = cold.session.memory();
  result.memory = { peakRssMB: round((mem.hwm ?? mem.sampledPeak) / 2 ** 20), sampledPeakRssMB: round(mem.sampledPeak / 2 ** 20), rssAtEndMB: round(mem.rss / 2 ** 20) };
  log(`  server peak RSS ${result.memory.peakRssMB} MB`);
  await cold.session.close();

  if (opts.warm) {
    log('warm start (second server, same corpus and storage folder)…');
    const warm = await indexRun(manifest, storage, opts.warmTimeoutMs);
    result.warm = { ...warm.figures, storageFiles: countFiles(storage) };
    log(`  ready after ${warm.figures.readyMs ?? warm.figures.timedOut} ms (storage folder holds ${result.warm.storageFiles} files)`);
    if (warm.figures.readyMs === null) warm.session.kill();
    else await warm.session.close();
  }

  if (opts.profile && n === opts.sizes[0]) result.profile = await profiledRuns(manifest, n);
  result.ratios = {
    coldToTokenizer: result.cold.readyMs ? round(result.cold.readyMs / tokenizer.ms) : null,
    coldToCompromise: result.cold.readyMs ? round(result.cold.readyMs / comp.extrapolatedMs, 2) : null,
    ourWordsPerSecond: result.cold.readyMs ? Math.round(tokenizer.words / (result.cold.readyMs / 1000)) : null,
    ourWordsPerServerCpuSecond: result.cold.serverCpuSeconds ? Math.round(tokenizer.words / result.cold.serverCpuSeconds) : null,
  };
  return result;
}

/**
 * Cold start (then 3 edits) and warm start under `node --cpu-prof`, one profile per thread.
 * Summaries: the main thread while indexing, the workers, the main thread during the edits, and
 * the warm start's main thread and workers.
 */
async function profiledRuns(manifest, n) {
  const base = path.join(ROOT, '.cache', 'bench', 'profiles', `${n}-${Date.now()}`);
  const storage = path.join(base, 'storage');
  const out = { dir: path.relative(ROOT, base) };
  const phase = async (name, withEdits) => {
    const dir = path.join(base, name);
    fs.mkdirSync(dir, { recursive: true });
    log(`profiled ${name} start (node --cpu-prof on the server)…`);
    const run = await indexRun(manifest, storage, name === 'cold' ? opts.coldTimeoutMs : Math.max(opts.warmTimeoutMs, 120000), ['--cpu-prof', '--cpu-prof-dir', dir]);
    const readyAt = run.session.marks.ready[0] && run.session.marks.ready[0].at;
    let editWindow;
    if (withEdits && readyAt) {
      const from = now();
      await measureEdits(run.session, manifest, 3, 30000);
      editWindow = { fromUs: from * 1000, toUs: now() * 1000 };
    }
    await run.session.close(120000);
    const profiles = readProfiles(dir);
    if (!profiles.length) return { error: 'no profile written' };
    const main = profiles.filter((p) => p.thread === 0).map((p) => p.profile);
    const workers = profiles.filter((p) => p.thread !== 0).map((p) => p.profile);
    const indexWindow = readyAt ? { fromUs: run.session.initializedAt * 1000, toUs: readyAt * 1000 } : undefined;
    const r = { readyMs: run.figures.readyMs, threads: profiles.length };
    r.mainWhileIndexing = summarizeProfile(main, 25, indexWindow);
    if (workers.length) r.workers = summarizeProfile(workers, 25);
    if (editWindow) r.mainDuringEdits = summarizeProfile(main, 15, editWindow);
    for (const [label, summary] of Object.entries(r)) {
      if (!summary || typeof summary !== 'object') continue;
      log(`-- ${name}: ${label} --`);
      printProfile(summary, log);
    }
    return r;
  };
  out.cold = await phase('cold', true);
  out.warm = await phase('warm', false);
  return out;
}

function countFiles(dir) {
  let n = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : n++;
  };
  try {
    walk(dir);
  } catch {
    /* missing */
  }
  return n;
}

async function main() {
  ensureBuilt();
  const started = now();
  const results = { date: new Date().toISOString(), machine: machine(), server: { path: path.relative(ROOT, opts.server), commit: opts.serverCommit ?? 'working tree (server/dist)' }, options: { ...opts, out: undefined }, runs: [] };
  log(`server: ${results.server.path} (${results.server.commit})`);
  for (const n of opts.sizes) {
    results.runs.push(await benchSize(n));
    results.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
    results.targets = targetChecks(results.runs);
    results.growth = growthRows(results.runs);
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, JSON.stringify(results, null, 1));
  }
  results.totalSeconds = round((now() - started) / 1000);
  fs.writeFileSync(opts.out, JSON.stringify(results, null, 1));
  printTable(results, log);
  log(`\nwrote ${path.relative(process.cwd(), opts.out)}`);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
