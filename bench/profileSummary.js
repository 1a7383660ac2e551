#!/usr/bin/env node
// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time and
// the most inclusive time, and self time per source file. Paths are shown relative to the repo.
//
//   node bench/profileSummary.js FILE.cpuprofile|DIR [--top 25]   (a DIR: every thread's profile in it, summed)
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');

function shortUrl(url) {
  if (!url) return '';
  const p = url.startsWith('file://') ? decodeURIComponent(url.slice(7)) : url;
  return p.startsWith(ROOT) ? path.relative(ROOT, p) : p;
}

/**
 * Self and inclusive time per function over one or more profiles (e.g. the main thread and the
 * workers), optionally only for samples inside a window of monotonic-clock microseconds.
 */
function summarizeProfile(profiles, top = 25, window = undefined) {
  const list = Array.isArray(profiles) ? profiles : [profiles];
  const self = new Map();
  const inclusive = new Map();
  const perFile = new Map();
  let total = 0;
  for (const profile of list) total += accumulate(profile, window, self, inclusive, perFile);
  const rows = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: Math.round((ms / total) * 1000) / 10 }));
  return {
    totalMs: Math.round(total),
    selfTop: rows(new Map([...self].filter(([k]) => !/^\(idle\)/.test(k))), top),
    idleMs: Math.round([...self].filter(([k]) => /^\(idle\)/.test(k)).reduce((a, [, v]) => a + v, 0)),
    inclusiveTop: rows(
      new Map([...inclusive].filter(([k]) => !/^\((root|program|idle|garbage collector)\)/.test(k))),
      top,
    ),
    filesTop: rows(new Map([...perFile].filter(([k]) => !/^\(\(idle\)\)/.test(k))), 15),
  };
}

function accumulate(profile, window, self, inclusive, perFile) {
  const byId = new Map();
  const parent = new Map();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const keyOf = (n) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
  };
  const { samples, timeDeltas } = profile;
  let total = 0;
  let t = profile.startTime + (timeDeltas[0] ?? 0);
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000; // ms spent at samples[i]
    const at = t;
    t += timeDeltas[i + 1] ?? 0;
    if (dt <= 0) continue;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    total += dt;
    const node = byId.get(samples[i]);
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    const file = shortUrl(node.callFrame.url) || `(${node.callFrame.functionName || 'native'})`;
    perFile.set(file, (perFile.get(file) ?? 0) + dt);
    const seen = new Set();
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) {
      const k = keyOf(byId.get(id));
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  }
  return total;
}

/** Profiles written by `node --cpu-prof --cpu-prof-dir DIR` (one per thread), main thread first. */
function readProfiles(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  // CPU.<date>.<time>.<pid>.<threadId>.<seq>.cpuprofile — thread 0 is the main thread.
  const thread = (f) => Number(f.split('.')[4] ?? 0);
  files.sort((a, b) => thread(a) - thread(b));
  return files.map((f) => ({ file: path.join(dir, f), thread: thread(f), profile: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

function printProfile(summary, print = console.log) {
  print(`CPU profile: ${(summary.totalMs / 1000).toFixed(1)} s sampled (${((summary.idleMs ?? 0) / 1000).toFixed(1)} s idle)`);
  print('  Top self time:');
  for (const r of summary.selfTop) print(`    ${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.name}`);
  print('  Top inclusive time:');
  for (const r of summary.inclusiveTop) print(`    ${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.name}`);
  print('  Self time by file:');
  for (const r of summary.filesTop) print(`    ${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.name}`);
}

if (require.main === module) {
  const target = process.argv[2];
  const i = process.argv.indexOf('--top');
  const top = i > 0 ? Number(process.argv[i + 1]) : 25;
  const profiles = fs.statSync(target).isDirectory() ? readProfiles(target).map((p) => p.profile) : [JSON.parse(fs.readFileSync(target, 'utf8'))];
  printProfile(summarizeProfile(profiles, top));
}

module.exports = { summarizeProfile, printProfile, readProfiles };
