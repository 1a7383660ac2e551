#!/usr/bin/env node
// Runs every test of the pyramid with node's built-in test runner:
//   unit tests                     server/out/**/*.test.js (core, index, features), client/out/** (view models)
//   protocol tests (real server)  test/out/protocol, test/out/cli, test/out/robustness
//   end-to-end tests (real VS Code for the Web) test/out/e2e/**/*.test.js
// Pass --unit, --protocol or --e2e to run one layer only.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const layers = {
  unit: [path.join(root, 'server', 'out'), path.join(root, 'client', 'out')],
  protocol: [path.join(root, 'test', 'out', 'protocol'), path.join(root, 'test', 'out', 'cli'), path.join(root, 'test', 'out', 'robustness')],
  e2e: [path.join(root, 'test', 'out', 'e2e', 'web')],
};

function findTests(dir, acc) {
  if (!fs.existsSync(dir)) return acc;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(full, acc);
    else if (entry.name.endsWith('.test.js')) acc.push(full);
  }
  return acc;
}

const chosen = Object.keys(layers).filter((l) => process.argv.includes(`--${l}`));
const run = chosen.length ? chosen : Object.keys(layers);
const files = run.flatMap((l) => layers[l].flatMap((d) => findTests(d, []))).sort();
if (files.length === 0) {
  console.error('run-tests: no test files found; did the build run?');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit', cwd: root });
process.exit(result.status === null ? 1 : result.status);
