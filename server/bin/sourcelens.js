#!/usr/bin/env node
'use strict';
// The SourceLens command line: `sourcelens extract …`, `sourcelens outline …`.
require('../out/cli.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`sourcelens: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 1; },
);
