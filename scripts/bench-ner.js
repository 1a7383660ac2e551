#!/usr/bin/env node
// Speed of the named-entity recognizer (words per second on one core) on the CoNLL dev text,
// beside `compromise` (dev dependency) on a sample of the same text, in the same run.
//
//   npm run bench:ner [-- --data DIR --rounds 15 --sample 200]
//   npm run bench:ner -- --against DIR [--pairs 100]
// Requires the compiled server (`npx tsc -b server`).
// --against DIR: DIR is a copy of an earlier server/out (`cp -r server/out /tmp/ner-old` before a
// change); both recognizers run in this process in alternating rounds over the dev text (each one
// first in every other round), and the median of the per-round CPU time ratios is printed: on a
// shared machine whose speed drifts, the fair comparison of two builds. Checks the outputs are equal.
// The main figure repeats the same documents, so the recognizer's word-type and context caches are
// warm; "first pass" is a new recognizer (empty caches, warm JIT) reading the text once, closer to
// reading new articles. On a shared machine compare CPU figures, best and median of several rounds.
'use strict';
const fs = require('fs');
const path = require('path');
const { arg } = require('./lib/cli');

const root = path.join(__dirname, '..');
const DATA = arg('data', path.join(root, '..', 'shared', 'data'));
const ROUNDS = Number(arg('rounds', 15));
const SAMPLE = Number(arg('sample', 60));

const docs = fs
  .readFileSync(path.join(DATA, 'conll-dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l).text);
const countWords = (t) => t.split(/\s+/).filter(Boolean).length;
const words = docs.reduce((a, t) => a + countWords(t), 0);

const { tokenize } = require(path.join(root, 'server', 'out', 'core', 'text', 'tokenize.js'));
const { createEntityRecognizer } = require(path.join(root, 'server', 'out', 'core', 'ner', 'recognizer.js'));
const { loadNerModel } = require(path.join(root, 'server', 'out', 'nerModelFile.js'));

if (arg('against', null)) {
  pairedComparison(path.resolve(arg('against')), Number(arg('pairs', 100)));
  process.exit(0);
}

let t = process.hrtime.bigint();
const model = loadNerModel();
const rec = createEntityRecognizer(model);
const loadMs = Number(process.hrtime.bigint() - t) / 1e6;

// Wall time, and the process's own CPU time (user + system), which is the fairer figure when the
// machine is shared with other busy processes (see the load average printed below).
let lastCpu = 0;
function time(fn) {
  const c = process.cpuUsage();
  const s = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - s) / 1e9;
  const d = process.cpuUsage(c);
  lastCpu = (d.user + d.system) / 1e6;
  return wall;
}

// warm up, then best of ROUNDS
for (const d of docs) rec.recognize(d);
let best = Infinity;
let bestCpu = Infinity;
let mentions = 0;
const cpus = [];
for (let r = 0; r < ROUNDS; r++) {
  best = Math.min(
    best,
    time(() => {
      mentions = 0;
      for (const d of docs) mentions += rec.recognize(d).length;
    }),
  );
  bestCpu = Math.min(bestCpu, lastCpu);
  cpus.push(lastCpu);
}
const medianCpu = cpus.slice().sort((a, b) => a - b)[cpus.length >> 1];
// first pass: a new recognizer (empty caches) over the same text once, best of 3
let firstCpu = Infinity;
for (let r = 0; r < 3; r++) {
  const fresh = createEntityRecognizer(model);
  time(() => docs.forEach((d) => fresh.recognize(d)));
  firstCpu = Math.min(firstCpu, lastCpu);
}
let bestTok = Infinity;
for (let r = 0; r < ROUNDS; r++) bestTok = Math.min(bestTok, time(() => docs.forEach((d) => tokenize(d))));

const nlp = require('compromise');
const sample = docs.slice(0, SAMPLE);
const sampleWords = sample.reduce((a, t) => a + countWords(t), 0);
sample.slice(0, 5).forEach((d) => nlp(d).people());
const compromiseSec = time(() => {
  for (const d of sample) {
    const doc = nlp(d);
    doc.people().out('array');
    doc.organizations().out('array');
    doc.places().out('array');
  }
});
const compromiseCpu = lastCpu;

// A fixed reference workload, so runs on busy or slow machines can be compared.
let ref = 0;
const refSec = time(() => {
  let h = 0x811c9dc5;
  for (let i = 0; i < 2e7; i++) h = Math.imul(h ^ i, 16777619);
  ref = h;
});
const refCpu = lastCpu;
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const os = require('os');
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; reference loop (2e7 FNV steps) ${(refSec * 1000).toFixed(0)} ms wall, ${(refCpu * 1000).toFixed(0)} ms CPU${ref === 1 ? '' : ''}`);
console.log(`dev text: ${docs.length} documents, ${fmt(words)} words; model load ${loadMs.toFixed(0)} ms`);
console.log(`tokenizer only:        ${fmt(words / bestTok)} words/s (wall)`);
console.log(`sourcelens recognizer: ${fmt(words / best)} words/s wall, ${fmt(words / bestCpu)} words/s of CPU time (best of ${ROUNDS}; median ${fmt(words / medianCpu)}; ${mentions} mentions)`);
console.log(`  first pass (empty caches): ${fmt(words / firstCpu)} words/s of CPU time (best of 3)`);
console.log(`compromise ${nlp.version}:     ${fmt(sampleWords / compromiseSec)} words/s wall, ${fmt(sampleWords / compromiseCpu)} words/s of CPU time (${sample.length} documents, ${fmt(sampleWords)} words; people+organizations+places)`);
console.log(`ratio (wall): ${(words / best / (sampleWords / compromiseSec)).toFixed(0)}x`);

/** Old (a copy of server/out in `dir`) and current recognizer in alternating rounds; see --against. */
function pairedComparison(dir, pairs) {
  const modelBytes = new Uint8Array(fs.readFileSync(path.join(root, 'server', 'models', 'ner.bin')));
  const builds = [dir, path.join(root, 'server', 'out')].map((d) => {
    const r = require(path.join(d, 'core', 'ner', 'recognizer.js'));
    return r.createEntityRecognizer(r.decodeNerModel(modelBytes));
  });
  const outputs = builds.map((rec) => JSON.stringify(docs.map((d) => rec.recognize(d))));
  if (outputs[0] !== outputs[1]) console.log('NOTE: the two builds give different output on the dev text');
  const cpuOf = (rec) => {
    const c = process.cpuUsage();
    for (const d of docs) rec.recognize(d);
    const u = process.cpuUsage(c);
    return (u.user + u.system) / 1e6;
  };
  for (let r = 0; r < 5; r++) builds.forEach(cpuOf);
  const old = [];
  const cur = [];
  const ratios = [];
  for (let r = 0; r < pairs; r++) {
    let a;
    let b;
    if (r % 2 === 0) {
      a = cpuOf(builds[0]);
      b = cpuOf(builds[1]);
    } else {
      b = cpuOf(builds[1]);
      a = cpuOf(builds[0]);
    }
    old.push(a);
    cur.push(b);
    ratios.push(a / b);
  }
  const med = (x) => x.slice().sort((p, q) => p - q)[x.length >> 1];
  const fmt = (x) => Math.round(x).toLocaleString('en-US');
  console.log(`dev text: ${docs.length} documents, ${fmt(words)} words; ${pairs} alternating rounds`);
  console.log(`old (${dir}): best ${fmt(words / Math.min(...old))}, median ${fmt(words / med(old))} words/s of CPU time`);
  console.log(`current:  best ${fmt(words / Math.min(...cur))}, median ${fmt(words / med(cur))} words/s of CPU time`);
  console.log(`speedup (old CPU time / current, per round): median ${med(ratios).toFixed(3)}`);
}
