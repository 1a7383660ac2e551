#!/usr/bin/env node
// Compiles the desktop VS Code suite (its own tsconfig) and runs it with node's test runner.
// Expects `npm run build` to have produced client/dist and server/dist.
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const here = __dirname;
const root = path.resolve(here, '..', '..', '..');
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(here, 'tsconfig.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status || 1);
const run = spawnSync(process.execPath, ['--test', path.join(here, 'out', 'runElectron.test.js')], { stdio: 'inherit', cwd: root });
process.exit(run.status === null ? 1 : run.status);
