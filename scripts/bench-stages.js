#!/usr/bin/env node
// CPU cost of each stage of the per-article analysis, on the benchmark's synthetic news corpus:
// front matter, markup mask, names, linking, dates, outline, and the whole analyzeArticle. Prints
// words per CPU second per stage and what share of the whole each takes (issue 4: date recognition
// must add no more than 20% to indexing; issue 7: where cold-indexing time goes). Then the first
// round of the whole (cold JIT, as a fresh worker starts) and each component's share timed inside
// analyzeArticle, where the stages run slower than alone (they take turns in the CPU caches).
//
//   npm run bench:stages [-- --articles 300 --rounds 3]
// Requires the compiled server (`npx tsc -b server`). Writes nothing but the generated corpus cache.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { arg } = require('./lib/cli');
const { generateCorpus } = require('../bench/generateCorpus');

const root = path.join(__dirname, '..');
const ARTICLES = Number(arg('articles', 300));
const ROUNDS = Number(arg('rounds', 3));
const COLD_ONLY = arg('cold-only', '') !== '';
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
  if (COLD_ONLY) {
    process.stdout.write(String(cpuMs(() => texts.forEach((t) => analyzeArticle(t, c)))));
    return;
  }
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
  // the same components timed inside analyzeArticle (each stage alone, above, runs warmer: its code
  // and data stay in the caches from one article to the next); the rest is front matter, its names
  // (less the recognizer), linking and placing spans in the source
  const inside = { mask: 0, names: 0, dates: 0, outline: 0 };
  const timed = (name, fn) => (...args) => {
    const a = process.cpuUsage();
    try {
      return fn(...args);
    } finally {
      const d = process.cpuUsage(a);
      inside[name] += (d.user + d.system) / 1000;
    }
  };
  const tc = { maskMarkup: timed('mask', c.maskMarkup), recognizeEntities: timed('names', c.recognizeEntities), recognizeDates: timed('dates', c.recognizeDates), analyzeArgument: timed('outline', c.analyzeArgument) };
  stages['whole, stages timed'] = () => {
    for (const k of Object.keys(inside)) inside[k] = 0;
    texts.forEach((t) => analyzeArticle(t, tc));
  };
  const best = {};
  let bestInside;
  // the first round of the whole pipeline in a fresh process, as a fresh worker meets it (cold JIT);
  // in this one, it would change how the stages below are compiled
  const cold = Number(execFileSync(process.execPath, [__filename, '--articles', String(ARTICLES), '--cold-only', '1'], { encoding: 'utf8' }));
  for (let r = 0; r < ROUNDS + 1; r++) {
    for (const [name, fn] of Object.entries(stages)) {
      before[name]?.();
      const ms = cpuMs(fn);
      if (r === 0) continue; // round 0 warms up
      if (name === 'whole, stages timed' && ms < (best[name] ?? Infinity)) bestInside = { ...inside, whole: ms };
      best[name] = Math.min(best[name] ?? Infinity, ms);
    }
  }
  // every round on articles it has not read: the recognizer's caches of contexts seen in earlier
  // documents then hit only as often as indexing new articles lets them (the rounds above read the
  // same articles again); the first slice warms up
  const unseen = generateCorpus({ articles: ARTICLES * (ROUNDS + 1), out: path.join(root, '.cache', 'bench', `stages-unseen-${ARTICLES * (ROUNDS + 1)}`) });
  const slices = [];
  for (let r = 0; r <= ROUNDS; r++) {
    const list = unseen.fileList.slice(r * ARTICLES, (r + 1) * ARTICLES).map((f) => fs.readFileSync(path.join(unseen.dir, f), 'utf8'));
    slices.push({ list, words: list.reduce((a, t) => a + t.split(/\s+/).filter(Boolean).length, 0) });
  }
  let unseenBest;
  for (let r = 0; r <= ROUNDS; r++) {
    const ms = cpuMs(() => slices[r].list.forEach((t) => analyzeArticle(t, c)));
    if (r > 0 && (!unseenBest || ms / slices[r].words < unseenBest.ms / unseenBest.words)) unseenBest = { ms, words: slices[r].words, articles: slices[r].list.length };
  }
  const timedWhole = best['whole, stages timed'];
  delete best['whole, stages timed'];
  const whole = best['whole analyzeArticle'];
  console.log(`${texts.length} articles, ${words.toLocaleString('en-US')} words; best of ${ROUNDS} rounds, CPU time`);
  for (const [name, ms] of Object.entries(best)) {
    const share = name === 'whole analyzeArticle' || name === 'tokenizer (floor)' ? '' : `${((ms / whole) * 100).toFixed(1)}% of the whole`;
    console.log(`${name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms  ${(words / ms / 1000).toFixed(2).padStart(6)} M words/s  ${share}`);
  }
  console.log(`${'whole, unseen articles'.padEnd(22)} ${unseenBest.ms.toFixed(0).padStart(6)} ms  ${(unseenBest.words / unseenBest.ms / 1000).toFixed(2).padStart(6)} M words/s  (${unseenBest.articles} articles, ${unseenBest.words.toLocaleString('en-US')} words, read once)`);
  console.log(`${'first round (cold)'.padEnd(22)} ${cold.toFixed(0).padStart(6)} ms  ${(words / cold / 1000).toFixed(2).padStart(6)} M words/s  (the whole, before anything ran)`);
  const rest = bestInside.whole - bestInside.mask - bestInside.names - bestInside.dates - bestInside.outline;
  const parts = { 'markup mask': bestInside.mask, names: bestInside.names, dates: bestInside.dates, outline: bestInside.outline, 'rest (front matter, linking)': rest };
  console.log(`inside analyzeArticle (best round, ${timedWhole.toFixed(0)} ms with the timers):`);
  for (const [name, ms] of Object.entries(parts)) console.log(`  ${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${((ms / bestInside.whole) * 100).toFixed(1).padStart(5)}%`);
}

main();
