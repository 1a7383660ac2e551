// The benchmark's verdicts against issue 7's targets, how cost grows with corpus size, and the
// printed table.
'use strict';

/** A real cold start: the storage folder was empty (not --keep-storage with a partial cache). */
const isCold = (r) => !!r.cold && !r.cold.cachedFilesAtStart;

const TARGETS = [
  { key: 'coldMs', label: 'cold index (ms)', max: 5000, get: (r) => (isCold(r) ? r.cold.readyMs : undefined) },
  { key: 'coldToTokenizer', label: 'cold ÷ tokenizer pass', max: 4, get: (r) => (isCold(r) ? r.ratios && r.ratios.coldToTokenizer : undefined) },
  { key: 'warmMs', label: 'warm start (ms)', max: 1000, get: (r) => r.warm && r.warm.readyMs },
  { key: 'hoverP99', label: 'hover p99 (ms)', max: 5, get: (r) => r.hover && r.hover.p99 },
  { key: 'referencesP99', label: 'references p99 (ms, ≥1,000-mention actors)', max: 10, get: (r) => r.references && r.references.p99 },
  { key: 'editP99', label: 'edit → refreshed p99 (ms)', max: 10, get: (r) => r.edit && r.edit.countRefreshedMs && r.edit.countRefreshedMs.p99 },
  { key: 'rssMB', label: 'server peak RSS (MB)', max: 300, get: (r) => r.memory && r.memory.peakRssMB },
  { key: 'initializeMs', label: 'initialize (ms)', max: 300, get: (r) => r.cold && r.cold.initializeMs },
];

const INFO = [
  { label: 'initialize, server CPU (ms)', get: (r) => r.cold && r.cold.initializeCpuMs },
  { label: 'words', get: (r) => r.corpus.words },
  { label: 'distinct actors placed', get: (r) => Object.values(r.corpus.distinctActors).reduce((a, b) => a + b, 0) },
  { label: 'tokenizer pass (ms)', get: (r) => r.baselines.tokenizer.ms },
  { label: 'compromise, extrapolated (ms)', get: (r) => r.baselines.compromise.extrapolatedMs },
  { label: 'cold ÷ compromise', get: (r) => (isCold(r) ? r.ratios && r.ratios.coldToCompromise : undefined) },
  { label: 'first start with a partial cache (ms)', get: (r) => (r.cold && r.cold.cachedFilesAtStart ? r.cold.readyMs : undefined) },
  { label: 'files cached before that start', get: (r) => (r.cold && r.cold.cachedFilesAtStart) || undefined },
  { label: 'server CPU until ready (s)', get: (r) => r.cold && r.cold.serverCpuSeconds },
  { label: 'cold: not ready in time', get: (r) => r.cold && r.cold.timedOut },
  { label: 'words/s (wall)', get: (r) => r.ratios && r.ratios.ourWordsPerSecond },
  { label: 'hover p50 (ms)', get: (r) => r.hover && r.hover.p50 },
  { label: 'references p50 (ms)', get: (r) => r.references && r.references.p50 },
  { label: 'references, 3 most frequent p99 (ms)', get: (r) => r.referencesTop && r.referencesTop.p99 },
  { label: '… their largest reply (locations)', get: (r) => r.referencesTop && Math.max(...r.referencesTop.entities.map((e) => e.serverReferences)) },
  { label: 'documentSymbol p99 (ms)', get: (r) => r.documentSymbols && r.documentSymbols.p99 },
  { label: 'server CPU per hover (ms)', get: (r) => r.hover && r.hover.serverCpuMsPerRequest },
  { label: 'server CPU per references (ms)', get: (r) => r.references && r.references.serverCpuMsPerRequest },
  { label: 'server CPU per documentSymbol (ms)', get: (r) => r.documentSymbols && r.documentSymbols.serverCpuMsPerRequest },
  { label: 'edit → hover recognizes p50 (ms)', get: (r) => r.edit && r.edit.recognizedMs && r.edit.recognizedMs.p50 },
  { label: 'entities reported by server', get: (r) => r.cold && r.cold.reportedEntities },
];

/** Verdicts for the 10,000-article run (or the largest run when there is none). */
function targetChecks(runs) {
  if (!runs.length) return [];
  const run = runs.find((r) => r.articles === 10000) ?? runs.reduce((a, b) => (b.articles > a.articles ? b : a));
  return TARGETS.map((t) => {
    const value = t.get(run);
    return { target: t.label, articles: run.articles, max: t.max, value: value ?? null, pass: value === undefined || value === null ? false : value <= t.max };
  });
}

/** Cost per article from one size to the next (1.0 = linear). */
function growthRows(runs) {
  const sorted = [...runs].sort((a, b) => a.articles - b.articles);
  const rows = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    const scale = b.articles / a.articles;
    const per = (f) => {
      const x = f(a);
      const y = f(b);
      return x && y ? Math.round((y / x / scale) * 100) / 100 : null;
    };
    rows.push({
      from: a.articles,
      to: b.articles,
      coldPerArticle: per((r) => r.cold && r.cold.readyMs),
      cpuPerArticle: per((r) => r.cold && r.cold.serverCpuSeconds),
      rssPerArticle: per((r) => r.memory && r.memory.peakRssMB),
      tokenizerPerArticle: per((r) => r.baselines.tokenizer.ms),
      hoverP99: a.hover && b.hover ? Math.round((b.hover.p99 / a.hover.p99) * 100) / 100 : null,
    });
  }
  return rows;
}

function fmt(v) {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'number') return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 100) / 100);
  return String(v);
}

function printTable(results, print = console.log) {
  const runs = results.runs;
  const head = ['metric', ...runs.map((r) => `${r.articles.toLocaleString('en-US')} art.`), 'target', 'verdict'];
  const checks = targetChecks(runs);
  const rows = [];
  TARGETS.forEach((t, i) => rows.push([t.label, ...runs.map((r) => fmt(t.get(r))), `≤ ${t.max}`, checks[i].pass ? 'PASS' : 'FAIL']));
  for (const t of INFO) rows.push([t.label, ...runs.map((r) => fmt(t.get(r))), '', '']);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
  const m = results.machine;
  print(`\nSourceLens benchmark — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.node}, load average ${m.loadAverageAtStart.join('/')} at start`);
  print(`(verdicts for the ${checks.length ? checks[0].articles.toLocaleString('en-US') : '—'}-article run)`);
  print(line(head));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) print(line(r));
  if (results.growth && results.growth.length) {
    print('\nGrowth (cost per article relative to the smaller size; 1.0 = linear):');
    for (const g of results.growth) print(`  ${g.from.toLocaleString('en-US')} → ${g.to.toLocaleString('en-US')}: cold ${fmt(g.coldPerArticle)}, server CPU ${fmt(g.cpuPerArticle)}, RSS ${fmt(g.rssPerArticle)}, tokenizer ${fmt(g.tokenizerPerArticle)}; hover p99 ×${fmt(g.hoverP99)}`);
  }
}

module.exports = { targetChecks, growthRows, printTable, TARGETS };

// `node bench/report.js A.json B.json … [--out merged.json]`: merges the runs of several result files
// (e.g. sizes measured in separate invocations) and prints one table with growth.
if (require.main === module) {
  const fs = require('fs');
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const files = args.filter((a, i) => a !== '--out' && i !== outAt + 1);
  const all = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  const merged = { ...all[0], mergedFrom: files, runs: all.flatMap((r) => r.runs).sort((a, b) => a.articles - b.articles) };
  merged.targets = targetChecks(merged.runs);
  merged.growth = growthRows(merged.runs);
  printTable(merged);
  if (out) fs.writeFileSync(out, JSON.stringify(merged, null, 1));
}
