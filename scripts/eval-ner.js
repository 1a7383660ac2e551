#!/usr/bin/env node
// Scores named-entity recognition against a gold file (exact span and type; PER+ORG+LOC).
//
//   npm run eval:ner -- GOLD.jsonl                 runs `node server/bin/sourcelens.js extract --jsonl-in GOLD`
//   npm run eval:ner -- GOLD.jsonl --pred P.jsonl  scores an existing CLI output
//   npm run eval:ner -- GOLD.jsonl --direct        calls the recognizer in-process (server/out), no CLI
//   options: --model FILE, --no-consistency, --no-groups, --no-repair, --window N (with --direct), --errors N (print N wrong mentions), --save P.jsonl
//
// Gold: {"id","text","entities":[{"start","end","type":"PER|ORG|LOC|MISC","text"}]} per line.
// Predictions: {"id","entities":[{"start","end","type":"person|organization|place|group","text"}]} per line.
// Predicted 'group' and gold MISC are left out of the score.
'use strict';
const { parseJsonl } = require('./lib/jsonl');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const argv = process.argv.slice(2);
function opt(name) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}
const goldFile = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !['--pred', '--model', '--errors', '--save'].includes(argv[i - 1])));
if (!goldFile) {
  console.error('usage: eval-ner GOLD.jsonl [--pred PRED.jsonl | --direct [--model FILE]] [--errors N] [--save FILE]');
  process.exit(2);
}


const gold = parseJsonl(fs.readFileSync(goldFile, 'utf8'));
let predLines;
const t0 = Date.now();
if (opt('pred')) {
  predLines = parseJsonl(fs.readFileSync(opt('pred'), 'utf8'));
} else if (argv.includes('--direct')) {
  const { createEntityRecognizer } = require(path.join(root, 'server', 'out', 'core', 'ner', 'recognizer.js'));
  const { loadNerModel } = require(path.join(root, 'server', 'out', 'nerModelFile.js'));
  const options = { documentConsistency: !argv.includes('--no-consistency'), groups: !argv.includes('--no-groups') };
  if (opt('window') !== undefined) options.contextWindow = Number(opt('window'));
  if (argv.includes('--no-repair')) options.repairBoundaries = false;
  const rec = createEntityRecognizer(opt('model') ? loadNerModel(path.resolve(opt('model'))) : loadNerModel(), options);
  predLines = gold.map((d) => ({ id: d.id, entities: rec.recognize(d.text) }));
} else {
  const r = spawnSync(process.execPath, [path.join(root, 'server', 'bin', 'sourcelens.js'), 'extract', '--jsonl-in', goldFile], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) {
    console.error(r.stderr || `sourcelens extract exited with ${r.status}`);
    process.exit(1);
  }
  predLines = parseJsonl(r.stdout);
}
const elapsed = Date.now() - t0;
if (opt('save')) fs.writeFileSync(opt('save'), predLines.map((p) => JSON.stringify(p)).join('\n') + '\n');

const MAP = { person: 'PER', organization: 'ORG', place: 'LOC' };
const TYPES = ['PER', 'ORG', 'LOC'];
const stats = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
const predById = new Map(predLines.map((p) => [p.id, p]));
const errors = [];
let missingDocs = 0;
for (const g of gold) {
  const p = predById.get(g.id);
  if (!p) missingDocs++;
  const gs = new Map();
  for (const e of g.entities) if (TYPES.includes(e.type)) gs.set(`${e.start}:${e.end}:${e.type}`, e);
  const ps = new Map();
  for (const e of (p && p.entities) || []) {
    const t = MAP[e.type];
    if (t) ps.set(`${e.start}:${e.end}:${t}`, e);
  }
  for (const [k, e] of ps) {
    const t = k.split(':')[2];
    if (gs.has(k)) stats[t].tp++;
    else {
      stats[t].fp++;
      errors.push(`FP ${t} ${JSON.stringify(g.text.slice(e.start, e.end))} in ${g.id}: …${g.text.slice(Math.max(0, e.start - 40), e.end + 40).replace(/\n/g, ' / ')}…`);
    }
  }
  for (const [k, e] of gs) {
    if (!ps.has(k)) {
      stats[e.type].fn++;
      errors.push(`FN ${e.type} ${JSON.stringify(e.text)} in ${g.id}: …${g.text.slice(Math.max(0, e.start - 40), e.end + 40).replace(/\n/g, ' / ')}…`);
    }
  }
}

function prf(s) {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return [p, r, f];
}
const pct = (x) => (x * 100).toFixed(2).padStart(6);
console.log(`gold ${path.basename(goldFile)}: ${gold.length} documents${missingDocs ? `, ${missingDocs} without prediction` : ''}; predictions in ${elapsed} ms`);
console.log('type      P       R      F1    gold   pred');
const all = { tp: 0, fp: 0, fn: 0 };
for (const t of TYPES) {
  const s = stats[t];
  all.tp += s.tp;
  all.fp += s.fp;
  all.fn += s.fn;
  const [p, r, f] = prf(s);
  console.log(`${t.padEnd(5)} ${pct(p)}  ${pct(r)}  ${pct(f)}  ${String(s.tp + s.fn).padStart(6)} ${String(s.tp + s.fp).padStart(6)}`);
}
const [p, r, f] = prf(all);
console.log(`${'ALL'.padEnd(5)} ${pct(p)}  ${pct(r)}  ${pct(f)}  ${String(all.tp + all.fn).padStart(6)} ${String(all.tp + all.fp).padStart(6)}`);
const nErr = Number(opt('errors') || 0);
if (nErr > 0) for (const e of errors.slice(0, nErr)) console.log(e);
