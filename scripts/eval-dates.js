#!/usr/bin/env node
// Scores predicted dates against TIMEX3 gold (JSON Lines in the format of timex-tbaq.jsonl:
// {"id","dct","text","timexes":[{"start","end","type","value","text"}]}). Only DATE timexes count;
// predictions of type duration / time / set are not DATEs and are ignored.
//
//   npm run eval:dates -- GOLD.jsonl [--pred PRED.jsonl] [--direct] [--split all|tune|heldout]
//                                     [--errors N] [--json] [--by-kind] [--categories] [--by-form]
// --errors N lists the first N errors; only with --split tune (the held-out split is for checking).
//
// Without --pred the CLI is run: `node server/bin/sourcelens.js extract --jsonl-in GOLD`.
// --direct calls the recognizer in-process (server/out/core/dates/recognizeDates.js; build first).
// --split: the held-out split is every 5th document (index % 5 == 4); tune is the rest.
// Reports extraction P/R/F1, strict (exact span) and relaxed (overlap, one-to-one), and the value
// accuracy of the matched DATEs (strict and relaxed matches), plus ms per 1,000 words with --direct.
// --by-kind adds the strict value accuracy per kind of gold value (day, month, week, year, …).
// --categories counts the value errors of strict matches by category (gold kind -> predicted kind, and
// for the same kind the direction and size of the shift, e.g. "day: 7 days early"). Counts only, no
// individual errors, so it may be run on the held-out split too. --by-form adds to each category the
// coarse form of the gold expression (weekday, month name, "N units ago", "this/last/next unit", …),
// still counts only.
'use strict';
const { readJsonl } = require('./lib/jsonl');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');

function parseArgs(argv) {
  const opts = { gold: null, pred: null, direct: false, split: 'all', errors: 0, json: false, byKind: false, categories: false, byForm: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pred') opts.pred = argv[++i];
    else if (a === '--direct') opts.direct = true;
    else if (a === '--split') opts.split = argv[++i];
    else if (a === '--errors') opts.errors = Number(argv[++i]) || 0;
    else if (a === '--json') opts.json = true;
    else if (a === '--by-kind') opts.byKind = true;
    else if (a === '--categories') opts.categories = true;
    else if (a === '--by-form') opts.byForm = opts.categories = true;
    else if (!opts.gold) opts.gold = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!opts.gold) throw new Error('usage: eval-dates GOLD.jsonl [--pred PRED.jsonl] [--direct] [--split all|tune|heldout]');
  if (!['all', 'tune', 'heldout'].includes(opts.split)) throw new Error(`bad --split ${opts.split}`);
  // The held-out split is a check, not a source of rules: its individual errors are never listed.
  if (opts.errors && opts.split !== 'tune') throw new Error('--errors lists errors of --split tune only (held-out errors stay unseen)');
  return opts;
}


function selectSplit(docs, split) {
  if (split === 'all') return docs;
  return docs.filter((_, i) => (split === 'heldout') === (i % 5 === 4));
}

function predictDirect(docs) {
  const modPath = path.join(root, 'server', 'out', 'core', 'dates', 'recognizeDates.js');
  const { recognizeDates } = require(modPath);
  const out = new Map();
  let words = 0;
  for (const d of docs) {
    words += d.text.split(/\s+/).filter(Boolean).length;
    out.set(d.id, recognizeDates(d.text, d.dct));
  }
  // Speed: best of three further passes (steady state after module load and JIT warm-up).
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = process.hrtime.bigint();
    for (const d of docs) recognizeDates(d.text, d.dct);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { out, msPer1000Words: words ? (best / words) * 1000 : 0 };
}

function predictCli(goldFile, docs) {
  const tmp = path.join(require('os').tmpdir(), `eval-dates-${process.pid}.jsonl`);
  fs.writeFileSync(tmp, docs.map((d) => JSON.stringify({ id: d.id, text: d.text, dct: d.dct })).join('\n') + '\n');
  const cli = path.join(root, 'server', 'bin', 'sourcelens.js');
  const r = spawnSync(process.execPath, [cli, 'extract', '--jsonl-in', tmp], { encoding: 'utf8', maxBuffer: 1 << 30 });
  fs.unlinkSync(tmp);
  if (r.status !== 0) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  return linesToMap(r.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)));
}

function linesToMap(lines) {
  const out = new Map();
  for (const l of lines) out.set(l.id, Array.isArray(l.dates) ? l.dates : []);
  return out;
}

const isPredDate = (p) => !p.type || String(p.type).toLowerCase() === 'date';

/** One-to-one matching; strict = same span; relaxed = overlapping spans (strict pairs first). */
function match(gold, pred, relaxed) {
  const usedP = new Set();
  const pairs = [];
  for (const g of gold) {
    let best = -1;
    for (let j = 0; j < pred.length; j++) {
      if (usedP.has(j)) continue;
      const p = pred[j];
      if (p.start === g.start && p.end === g.end) {
        best = j;
        break;
      }
      if (relaxed && best < 0 && p.start < g.end && g.start < p.end) best = j;
    }
    if (best >= 0) {
      usedP.add(best);
      pairs.push([g, pred[best]]);
    }
  }
  return pairs;
}

/** The kind of a TIMEX3 DATE value, for the per-kind breakdown. */
function valueKind(v) {
  if (/_REF$/.test(v)) return 'ref';
  if (/^[\dX]{4}-[\dX]{2}-[\dX]{2}T/.test(v)) return 'day+time';
  if (/^[\dX]{4}-[\dX]{2}-[\dX]{2}$/.test(v)) return 'day';
  if (/^[\dX]{4}-W[\dX]+(-WE)?$/.test(v)) return 'week';
  if (/^[\dX]{4}-[\dX]{2}$/.test(v)) return 'month';
  if (/^[\dX]{4}-(Q|H)[\dX]$/.test(v)) return 'quarter/half';
  if (/^[\dX]{4}-(SP|SU|FA|WI)$/.test(v)) return 'season';
  if (/^[\dX]{4}$/.test(v)) return 'year';
  if (/^[\dX]{2,3}X*$/.test(v)) return 'decade/century';
  return 'other';
}

/** The coarse form of an expression's text, for --by-form (no words of the text are reported). */
function expressionForm(text) {
  const t = String(text).toLowerCase();
  if (/\b(ago|earlier|later|before|after)$/.test(t) || /year-(ago|earlier)/.test(t)) return 'N units ago/earlier';
  if (/\b(today|yesterday|tomorrow|tonight|now)\b/.test(t)) return 'today/yesterday/tomorrow/now';
  if (/\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/.test(t)) return 'weekday';
  if (/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d/.test(t)) return 'month day';
  if (/\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/.test(t)) return 'month name';
  if (/\b(quarter|half)\b/.test(t)) return 'quarter/half';
  if (/\b(this|last|next|past|coming|previous|current|that)\b/.test(t)) return 'this/last/next unit';
  if (/\d/.test(t)) return 'numeric';
  return 'other';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Days since 0000-01-01 of a YYYY-MM-DD value (day kind only). */
function dayNumber(v) {
  return Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, Number(v.slice(8, 10))) / 86400000;
}

/** Weeks since year 0 of a YYYY-Www value (approximate across years: 52 weeks a year; enough for a shift size). */
function weekNumber(v) {
  return Number(v.slice(0, 4)) * 52 + Number(v.slice(6));
}

/** The category of a value error: kinds, and for two values of the same kind how far apart they are. */
function errorCategory(gold, pred) {
  const gk = valueKind(gold);
  const pk = valueKind(pred);
  if (gk !== pk) {
    if (gold.startsWith(pred) || pred.startsWith(gold)) return `${gk} -> ${pk} (same period, other granularity)`;
    return `${gk} -> ${pk}`;
  }
  if (/X/.test(gold) && !/X/.test(pred)) return `${gk}: gold underspecified (X)`;
  if (/X/.test(pred) && !/X/.test(gold)) return `${gk}: prediction underspecified (X)`;
  const dir = (d) => (d < 0 ? 'early' : 'late');
  if (gk === 'day' || gk === 'day+time') {
    const d = dayNumber(pred) - dayNumber(gold);
    if (gk === 'day+time' && d === 0) return 'day+time: same day, other time';
    const a = Math.abs(d);
    return `${gk}: ${a === 1 ? '1 day' : a === 7 ? '7 days' : a < 7 ? '2-6 days' : a < 360 ? '8-359 days' : a % 365 <= 1 || a % 366 <= 1 ? 'whole years' : 'other'} ${dir(d)}`;
  }
  if (gk === 'week' && /^\d{4}-W\d+$/.test(gold) && /^\d{4}-W\d+$/.test(pred)) {
    if (gold.slice(0, 4) === pred.slice(0, 4) && Number(gold.slice(6)) === Number(pred.slice(6))) return 'week: same week, other spelling (W7 / W07)';
    const d = weekNumber(pred) - weekNumber(gold);
    return `week: ${Math.abs(d) === 1 ? '1 week' : 'weeks'} ${dir(d)}`;
  }
  if (gk === 'year') {
    const d = Number(pred) - Number(gold);
    return `year: ${Math.abs(d) === 1 ? '1 year' : 'years'} ${dir(d)}`;
  }
  if (gold.slice(0, 4) !== pred.slice(0, 4) && gold.slice(4) === pred.slice(4)) {
    const d = Number(pred.slice(0, 4)) - Number(gold.slice(0, 4));
    return `${gk}: other year, same ${gk} (${Math.abs(d) === 1 ? '1 year' : 'years'} ${dir(d)})`;
  }
  if (gold.slice(0, 4) === pred.slice(0, 4)) return `${gk}: same year, other ${gk}`;
  return `${gk}: other`;
}

function score(docs, preds, nErrors, byForm) {
  const tot = { gold: 0, pred: 0, strict: 0, relaxed: 0, strictVal: 0, relaxedVal: 0 };
  const kinds = {};
  const errors = [];
  const categories = {};
  for (const d of docs) {
    const gold = (d.timexes || []).filter((t) => t.type === 'DATE');
    const pred = (preds.get(d.id) || []).filter(isPredDate);
    tot.gold += gold.length;
    tot.pred += pred.length;
    const sp = match(gold, pred, false);
    const rp = match(gold, pred, true);
    tot.strict += sp.length;
    tot.relaxed += rp.length;
    tot.strictVal += sp.filter(([g, p]) => g.value === p.value).length;
    tot.relaxedVal += rp.filter(([g, p]) => g.value === p.value).length;
    for (const [g, p] of sp) {
      const k = (kinds[valueKind(g.value)] ||= { matched: 0, right: 0 });
      k.matched++;
      if (g.value === p.value) k.right++;
      else {
        let c = errorCategory(String(g.value), String(p.value)) + (byForm ? ` [${expressionForm(g.text ?? d.text.slice(g.start, g.end))}]` : '');
        // Week and weekday errors depend on where the publication day falls in its week.
        if (byForm && /^(week|day)/.test(c) && /^\d{4}-\d\d-\d\d$/.test(d.dct || '')) c += ` (published on a ${WEEKDAYS[new Date(d.dct + 'T00:00:00Z').getUTCDay()]})`;
        categories[c] = (categories[c] || 0) + 1;
      }
    }
    if (nErrors) {
      const ctx = (s, e) => JSON.stringify(d.text.slice(Math.max(0, s - 40), s) + '[' + d.text.slice(s, e) + ']' + d.text.slice(e, e + 30));
      const sg = new Set(sp.map(([g]) => g));
      const spd = new Set(sp.map(([, p]) => p));
      for (const g of gold) if (!sg.has(g)) errors.push(`MISS ${d.id} dct=${d.dct} gold=${g.value} ${ctx(g.start, g.end)}`);
      for (const p of pred) if (!spd.has(p)) errors.push(`FP   ${d.id} dct=${d.dct} pred=${p.value} ${ctx(p.start, p.end)}`);
      for (const [g, p] of sp) if (g.value !== p.value) errors.push(`VAL  ${d.id} dct=${d.dct} gold=${g.value} pred=${p.value} ${ctx(g.start, g.end)}`);
    }
  }
  const prf = (m) => {
    const p = tot.pred ? m / tot.pred : 0;
    const r = tot.gold ? m / tot.gold : 0;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  return {
    docs: docs.length,
    gold: tot.gold,
    pred: tot.pred,
    strict: { ...prf(tot.strict), matched: tot.strict, valueAccuracy: tot.strict ? tot.strictVal / tot.strict : 0 },
    relaxed: { ...prf(tot.relaxed), matched: tot.relaxed, valueAccuracy: tot.relaxed ? tot.relaxedVal / tot.relaxed : 0 },
    errors: errors.slice(0, nErrors),
    byKind: kinds,
    categories,
  };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const all = readJsonl(opts.gold);
  const docs = selectSplit(all, opts.split);
  let preds;
  let speed = null;
  if (opts.pred) preds = linesToMap(readJsonl(opts.pred));
  else if (opts.direct) {
    const r = predictDirect(docs);
    preds = r.out;
    speed = r.msPer1000Words;
  } else preds = predictCli(opts.gold, docs);
  const s = score(docs, preds, opts.errors, opts.byForm);
  if (opts.json) {
    console.log(JSON.stringify({ split: opts.split, ...s, msPer1000Words: speed }, null, 2));
    return;
  }
  const f = (x) => x.toFixed(3);
  for (const e of s.errors) console.log(e);
  console.log(`split=${opts.split} docs=${s.docs} gold DATE=${s.gold} predicted DATE=${s.pred}`);
  console.log(`strict : P=${f(s.strict.p)} R=${f(s.strict.r)} F1=${f(s.strict.f1)}  value acc=${f(s.strict.valueAccuracy)} (${s.strict.matched} matched)`);
  console.log(`relaxed: P=${f(s.relaxed.p)} R=${f(s.relaxed.r)} F1=${f(s.relaxed.f1)}  value acc=${f(s.relaxed.valueAccuracy)} (${s.relaxed.matched} matched)`);
  if (speed !== null) console.log(`speed  : ${speed.toFixed(2)} ms per 1,000 words (in-process, best of 3 passes)`);
  if (opts.byKind) {
    for (const [k, v] of Object.entries(s.byKind).sort((a, b) => b[1].matched - a[1].matched)) {
      console.log(`  ${k.padEnd(15)} ${String(v.matched).padStart(5)} matched  value acc=${f(v.right / v.matched)}`);
    }
  }
  if (opts.categories) {
    console.log('value errors of strict matches by category:');
    for (const [c, n] of Object.entries(s.categories).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      console.log(`  ${String(n).padStart(4)}  ${c}`);
    }
  }
}

try {
  main();
} catch (e) {
  console.error(`eval-dates: ${e && e.message ? e.message : e}`);
  process.exit(2);
}
