#!/usr/bin/env node
// CPU cost of each stage of the per-article analysis, on the benchmark's synthetic news corpus:
// front matter, markup mask, names, linking, dates, outline, and the whole analyzeArticle. Prints
// words per CPU second per stage and what share of the whole each takes (issue 4: date recognition
// must add no more than 20% to indexing; issue 7: where cold-indexing time goes).
//
//   npm run bench:stages [-- --articles 300 --rounds 3]
// Requires the compiled server (`npx tsc -b server`). Writes nothing but the generated corpus cache.
'use strict';
const fs = require('fs');
const path = require('path');
const { arg } = require('./lib/cli');
const { generateCorpus } = require('../bench/generateCorpus');

const root = path.join(__dirname, '..');
const ARTICLES = Number(arg('articles', 300));
const ROUNDS = Number(arg('rounds', 3));
const S = path.join(root, 'server', 'out');
const { productionComponents } = require(path.join(S, 'components.js'));
const { parseFrontMatter } = require(path.join(S, 'core', 'frontMatter.js'));
const { linkDocument } = require(path.join(S, 'core', 'linking', 'documentEntities.js'));
const { analyzeArticle } = require(path.join(S, 'core', 'analyzeArticle.js'));
const { tokenize } = require(path.join(S, 'core', 'text', 'tokenize.js'));

function cpuMs(fn) {
  const a = process.cpuUsage();
  fn();
  const d = process.cpuUsage(a);
  return (d.user + d.system) / 1000;
}

function main() {
  // the benchmark's own corpus (generated once, then reused) and its list of articles
  const corpus = generateCorpus({ articles: ARTICLES, out: path.join(root, '.cache', 'bench', `stages-${ARTICLES}`) });
  const texts = corpus.fileList.map((f) => fs.readFileSync(path.join(corpus.dir, f), 'utf8'));
  const words = texts.reduce((a, t) => a + t.split(/\s+/).filter(Boolean).length, 0);
  const c = productionComponents();
  const pre = texts.map((t) => {
    const f = parseFrontMatter(t);
    return { t, f, m: c.maskMarkup(t, f.bodyStart) };
  });
  const names = pre.map((p) => c.recognizeEntities(p.m));
  // linkDocument writes roles and types onto the mentions it is given: each round links fresh
  // copies (made before the clock starts), as indexing links freshly recognised names
  const copies = () => names.map((list) => list.map((m) => ({ ...m })));
  // the outline gets the linked mentions, as in analyzeArticle
  const linked = copies().map((list, i) => linkDocument(pre[i].m, list).mentions);
  let fresh = copies();
  const before = { linking: () => (fresh = copies()) };
  const stages = {
    'tokenizer (floor)': () => pre.forEach((p) => tokenize(p.m)),
    'front matter': () => texts.forEach((t) => parseFrontMatter(t)),
    'markup mask': () => pre.forEach((p) => c.maskMarkup(p.t, p.f.bodyStart)),
    names: () => pre.forEach((p) => c.recognizeEntities(p.m)),
    linking: () => pre.forEach((p, i) => linkDocument(p.m, fresh[i])),
    dates: () => pre.forEach((p) => c.recognizeDates(p.m, p.f.meta.date)),
    // with the masked text, as analyzeArticle passes it (the outline need not mask again)
    outline: () => pre.forEach((p, i) => c.analyzeArgument({ text: p.t, bodyStart: p.f.bodyStart, meta: p.f.meta, mentions: linked[i], masked: p.m })),
    'whole analyzeArticle': () => texts.forEach((t) => analyzeArticle(t, c)),
  };
  const best = {};
  for (let r = 0; r < ROUNDS + 1; r++) {
    for (const [name, fn] of Object.entries(stages)) {
      before[name]?.();
      const ms = cpuMs(fn);
      if (r > 0) best[name] = Math.min(best[name] ?? Infinity, ms); // round 0 warms up
    }
  }
  const whole = best['whole analyzeArticle'];
  console.log(`${texts.length} articles, ${words.toLocaleString('en-US')} words; best of ${ROUNDS} rounds, CPU time`);
  for (const [name, ms] of Object.entries(best)) {
    const share = name === 'whole analyzeArticle' || name === 'tokenizer (floor)' ? '' : `${((ms / whole) * 100).toFixed(1)}% of the whole`;
    console.log(`${name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms  ${(words / ms / 1000).toFixed(2).padStart(6)} M words/s  ${share}`);
  }
}

main();
