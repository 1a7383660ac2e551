#!/usr/bin/env node
// `npm run package`: production esbuild bundles of client and server, then a .vsix made by @vscode/vsce.
//
// The bundles are built in a staging folder (.cache/package/) that mirrors the repository through
// symlinks, so packaging never rewrites the working tree's client/dist and server/dist while other
// tests (protocol tests run in parallel with the e2e layer) are using them. `.vscodeignore` (an
// allowlist) decides what ships. Usage: `node scripts/package.js [--out FILE]` (default
// .cache/sourcelens.vsix). Prints the path and size. API: `packageExtension({ out, log }) -> { vsix, bytes }`.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const stagingDir = path.join(root, '.cache', 'package');
// Top-level entries never mirrored into the staging folder (caches, VCS, build outputs of other tools).
const SKIP_TOP = new Set(['.git', '.cache', 'node_modules', 'test-results', 'test', 'bench', 'client', 'server']);
// Inside client/ and server/: the bundles are written fresh; dependencies are bundled, never shipped.
const SKIP_PACKAGE = new Set(['dist', 'node_modules', 'out']);

function mirror(fromDir, toDir, skip) {
  fs.mkdirSync(toDir, { recursive: true });
  for (const name of fs.readdirSync(fromDir)) {
    if (skip.has(name)) continue;
    fs.symlinkSync(path.join(fromDir, name), path.join(toDir, name));
  }
}

function stage() {
  fs.rmSync(stagingDir, { recursive: true, force: true });
  mirror(root, stagingDir, SKIP_TOP);
  for (const pkg of ['client', 'server']) {
    if (fs.existsSync(path.join(root, pkg))) mirror(path.join(root, pkg), path.join(stagingDir, pkg), SKIP_PACKAGE);
  }
  // The bundler resolves `esbuild` and the sources' imports from the real repository (symlinks are followed).
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(stagingDir, 'node_modules'));
}

/** Runs scripts/bundle.js with the staging folder as its root (the script derives its root from __dirname). */
function bundleInto(dir, log) {
  const script = path.join(root, 'scripts', 'bundle.js');
  const stagedScript = path.join(dir, 'scripts', 'bundle.js');
  log(`bundling (production) into ${path.relative(root, dir)}/{client,server}/dist`);
  const res = spawnSync(process.execPath, ['-e', `
    const Module = require('module');
    const src = require('fs').readFileSync(${JSON.stringify(script)}, 'utf8').replace(/^#!.*\\n/, '');
    const m = new Module(${JSON.stringify(stagedScript)}, null);
    m.filename = ${JSON.stringify(stagedScript)};
    m.paths = Module._nodeModulePaths(${JSON.stringify(path.dirname(script))});
    m._compile(src, ${JSON.stringify(stagedScript)});
  `, '--', '--production'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) throw new Error(`package: bundling failed (exit ${res.status}):\n${res.stdout}${res.stderr}`);
}

function packageExtension({ out = path.join(root, '.cache', 'sourcelens.vsix'), log = (m) => console.error(`[package] ${m}`) } = {}) {
  const started = Date.now();
  stage();
  bundleInto(stagingDir, log);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.rmSync(out, { force: true });
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = [vsce, 'package', '--no-dependencies', '--follow-symlinks', '--skip-license', '--allow-missing-repository',
    '--allow-star-activation', '--no-rewrite-relative-links', '-o', path.resolve(out)];
  log(`$ vsce ${args.slice(1).join(' ')}`);
  const res = spawnSync(process.execPath, args, { cwd: stagingDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`package: vsce failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  const bytes = fs.statSync(out).size;
  log(`${path.relative(root, path.resolve(out))}: ${(bytes / 1024 / 1024).toFixed(2)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { vsix: path.resolve(out), bytes };
}

/** Lists the files a .vsix ships (for the report and the size check). */
function listVsix(vsix) {
  const res = spawnSync('unzip', ['-l', vsix], { encoding: 'utf8' });
  return res.status === 0 ? res.stdout : `(unzip not available: ${res.error ? res.error.message : res.stderr})`;
}

module.exports = { packageExtension, listVsix, stagingDir };

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  try {
    const { vsix } = packageExtension(i > 0 ? { out: process.argv[i + 1] } : {});
    if (process.argv.includes('--list')) console.log(listVsix(vsix));
    console.log(vsix);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
