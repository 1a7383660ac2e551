'use strict';
// Small helpers shared by the development scripts (training, clustering, benchmarks).

/** The value after `--name` on the command line, else `def`. */
function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

/** A seeded pseudo-random generator (mulberry32): the same sequence on every run, for deterministic training. */
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { arg, mulberry32 };
