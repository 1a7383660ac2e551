// Floors measured in the same run as the server: a plain pass that reads every article and
// tokenizes it with one regex, and `compromise` (people, organizations, places) over a sample.
'use strict';
const fs = require('fs');
const path = require('path');

const WORD = /[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)*/g;

/** Reads all files and regex-tokenizes them; best of `rounds`. */
function tokenizerPass(dir, files, rounds = 3) {
  let best;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    let words = 0;
    let readNs = 0n;
    for (const f of files) {
      const tr = process.hrtime.bigint();
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      readNs += process.hrtime.bigint() - tr;
      WORD.lastIndex = 0;
      while (WORD.exec(text) !== null) words++;
    }
    const totalMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const result = { ms: totalMs, readMs: Number(readNs) / 1e6, words, wordsPerSecond: Math.round(words / (totalMs / 1000)) };
    if (!best || result.ms < best.ms) best = result;
  }
  return best;
}

/** compromise over the first `sample` files (spread over the corpus), extrapolated to all. */
function compromisePass(dir, files, sample = 200, budgetMs = 60000) {
  const nlp = require('compromise');
  const step = Math.max(1, Math.floor(files.length / sample));
  const chosen = [];
  for (let i = 0; i < files.length && chosen.length < sample; i += step) chosen.push(files[i]);
  const texts = chosen.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  nlp(texts[0]).people(); // warm-up
  let words = 0;
  let entities = 0;
  let done = 0;
  let parseNs = 0n;
  const t0 = process.hrtime.bigint();
  for (const text of texts) {
    WORD.lastIndex = 0;
    while (WORD.exec(text) !== null) words++;
    const tp = process.hrtime.bigint();
    const doc = nlp(text);
    parseNs += process.hrtime.bigint() - tp;
    entities += doc.people().length + doc.organizations().length + doc.places().length;
    done++;
    if (Number(process.hrtime.bigint() - t0) / 1e6 > budgetMs) break;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const wordsPerSecond = words / (ms / 1000);
  // wordsPerSecond: parse + people/organizations/places (what an entity index needs); parse alone beside it.
  return { articles: done, words, ms: Math.round(ms), entities, wordsPerSecond: Math.round(wordsPerSecond), parseOnlyWordsPerSecond: Math.round(words / (Number(parseNs) / 1e9)) };
}

module.exports = { tokenizerPass, compromisePass };
