#!/usr/bin/env node
// Installs everything the end-to-end tests (and `npm start` without a desktop VS Code) need to run
// VS Code for the Web locally: Debian packages (Chromium, ripgrep, Kerberos headers), code-server
// with its native addons built from source, all cached in `.cache/vscode-web/` (git-ignored).
//
// Idempotent: a stamp file records a finished install; a second run only checks that the key files
// are still there (well under a second). Downloads only through npm and apt. Works unattended
// (CI=true, no stdin). Usage: `node scripts/setup-vscode-web.js [--force] [--quiet]`.
//
// API (for scripts/start.js and test/e2e): `ensureVscodeWeb({ log }) -> paths` and `paths()`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const CODE_SERVER_VERSION = '4.100.3'; // newest release whose engine is Node 20
const root = path.join(__dirname, '..');
const cacheDir = path.join(root, '.cache', 'vscode-web');
const STAMP_KEY = `code-server@${CODE_SERVER_VERSION} node@${process.versions.modules} ${process.platform}-${process.arch}`;

/** Native addons of VS Code's server that npm would build in their (skipped) install scripts. */
const VSCODE_ADDONS = ['kerberos', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher', '@vscode/deviceid'];

function paths() {
  const codeServerDir = path.join(cacheDir, 'node_modules', 'code-server');
  const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
  return {
    cacheDir,
    codeServerDir,
    vscodeDir,
    entry: path.join(codeServerDir, 'out', 'node', 'entry.js'),
    stamp: path.join(cacheDir, '.setup-complete'),
    chromium: findChromium(),
  };
}

function findChromium() {
  const candidates = [process.env.SOURCELENS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((c) => c && fs.existsSync(c)) || null;
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const full = path.join(dir, cmd);
    try { fs.accessSync(full, fs.constants.X_OK); return full; } catch { /* keep looking */ }
  }
  return null;
}

function run(cmd, args, opts, log) {
  log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${path.relative(root, opts.cwd) || '.'})` : ''}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (res.error || res.status !== 0) {
    const out = `${res.stdout || ''}\n${res.stderr || ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`setup-vscode-web: \`${cmd} ${args.join(' ')}\` failed (${res.error ? res.error.message : `exit ${res.status}`}):\n${out}`);
  }
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return res.stdout;
}

/** Debian packages: Chromium to drive, ripgrep for VS Code's search, Kerberos headers for the `kerberos` addon. */
function ensureSystemPackages(log) {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  if (!which('rg')) missing.push('ripgrep');
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h') && !which('krb5-config')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (!which('apt-get')) {
    throw new Error(`setup-vscode-web: missing ${missing.join(', ')} and no apt-get to install them; install them by hand.`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : (which('sudo') ? ['sudo', '-n'] : null);
  if (!sudo) throw new Error(`setup-vscode-web: missing ${missing.join(', ')}; need root or sudo to apt-get install them.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args], { env }, log) : run('apt-get', args, { env }, log));
  log(`installing Debian packages: ${missing.join(' ')}`);
  apt(['update', '-q']);
  apt(['install', '-y', '-q', ...missing]);
}

function nodeGypCommand() {
  // npm ships node-gyp; use it rather than fetching another copy.
  const bundled = [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].find((p) => fs.existsSync(p));
  return bundled ? [process.execPath, bundled] : ['npx', '--yes', 'node-gyp'];
}

/** Headers of the running Node when they are installed beside it (Debian's nodejs): no download needed. */
function nodeDir() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  const dir = process.env.npm_config_nodedir || (fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : null);
  return dir ? path.resolve(dir) : null;
}

/**
 * Compiler settings for the addons: without optimisation (-O0 comes after gyp's -O3 on the command
 * line, so it wins). These addons only serve the test editor; -O0 builds them about 3x faster.
 */
function buildEnv() {
  return { ...process.env, CFLAGS: `${process.env.CFLAGS || ''} -O0`.trim(), CXXFLAGS: `${process.env.CXXFLAGS || ''} -O0`.trim() };
}

function nodeGypArgs() {
  return ['rebuild', `--jobs=${Math.max(1, os.cpus().length)}`, ...(nodeDir() ? [`--nodedir=${nodeDir()}`] : [])];
}

function hasBuiltAddon(dir) {
  const release = path.join(dir, 'build', 'Release');
  return fs.existsSync(release) && fs.readdirSync(release).some((f) => f.endsWith('.node'));
}

function npmInstall(cwd, args, log) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...args], { cwd, env: { ...process.env, CI: 'true' } }, log);
}

function install(log) {
  const p = paths();
  fs.mkdirSync(cacheDir, { recursive: true });
  // A package.json of its own so npm installs here, not into the project (whose root is a workspace).
  fs.writeFileSync(path.join(cacheDir, 'package.json'), JSON.stringify({ name: 'sourcelens-vscode-web-cache', private: true }, null, 2));
  if (!fs.existsSync(path.join(p.codeServerDir, 'package.json'))) {
    npmInstall(cacheDir, [`code-server@${CODE_SERVER_VERSION}`], log);
  }
  npmInstall(p.vscodeDir, ['--omit=dev'], log);

  const gyp = nodeGypCommand();
  for (const addon of VSCODE_ADDONS) {
    const dir = path.join(p.vscodeDir, 'node_modules', addon);
    if (!fs.existsSync(path.join(dir, 'binding.gyp'))) throw new Error(`setup-vscode-web: addon ${addon} not found in ${dir}`);
    if (hasBuiltAddon(dir)) continue; // built by an earlier, interrupted run
    run(gyp[0], [...gyp.slice(1), ...nodeGypArgs()], { cwd: dir, env: buildEnv() }, log);
  }
  // code-server's own password hashing addon: its install script falls back to a source build offline.
  const argon2 = path.dirname(require.resolve('argon2/package.json', { paths: [p.codeServerDir] }));
  const env = { ...buildEnv(), npm_config_build_from_source: 'true', ...(nodeDir() ? { npm_config_nodedir: nodeDir() } : {}) };
  run('npm', ['run', 'install', '--loglevel=error'], { cwd: argon2, env }, log);

  // @vscode/ripgrep's install script downloads a binary; use Debian's instead.
  const rgDir = path.join(p.vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgDir, { recursive: true });
  fs.copyFileSync(which('rg'), path.join(rgDir, 'rg'));
  fs.chmodSync(path.join(rgDir, 'rg'), 0o755);

  // VS Code's server loads modules from node_modules.asar; the unpacked folder serves as well.
  const asar = path.join(p.vscodeDir, 'node_modules.asar');
  fs.rmSync(asar, { force: true, recursive: true });
  fs.symlinkSync('node_modules', asar, 'dir');

  fs.writeFileSync(p.stamp, `${STAMP_KEY}\n${new Date().toISOString()}\n`);
}

function isComplete() {
  const p = paths();
  try {
    return fs.readFileSync(p.stamp, 'utf8').split('\n')[0] === STAMP_KEY && fs.existsSync(p.entry) &&
      fs.existsSync(path.join(p.vscodeDir, 'node_modules', 'node-pty', 'build', 'Release')) &&
      fs.existsSync(path.join(cacheDir, 'node_modules', 'argon2', 'lib', 'binding')) &&
      fs.existsSync(path.join(p.vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
  } catch {
    return false;
  }
}

/** Cross-process lock (the e2e tests and `npm start` may both call this): a directory, stale after 20 min. */
function withLock(fn, log) {
  const lock = path.join(root, '.cache', 'vscode-web.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 20 * 60 * 1000;
  let announced = false;
  for (;;) {
    try { fs.mkdirSync(lock); break; } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let age = 0;
      try { age = Date.now() - fs.statSync(lock).mtimeMs; } catch { continue; }
      if (age > 20 * 60 * 1000) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`setup-vscode-web: lock ${lock} held for too long`);
      if (!announced) { log('waiting for another setup of VS Code for the Web to finish...'); announced = true; }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try { return fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

/** Makes sure VS Code for the Web can run; returns its paths. Throws an Error with the failing step's output. */
function ensureVscodeWeb({ log = (m) => console.error(`[setup-vscode-web] ${m}`), force = false } = {}) {
  const started = Date.now();
  if (!force && isComplete() && findChromium()) return paths();
  withLock(() => {
    ensureSystemPackages(log);
    if (force || !isComplete()) install(log);
  }, log);
  const p = paths();
  if (!p.chromium) throw new Error('setup-vscode-web: Chromium is still missing after the install');
  log(`VS Code for the Web ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${path.relative(root, cacheDir)})`);
  return p;
}

module.exports = { ensureVscodeWeb, paths, CODE_SERVER_VERSION };

if (require.main === module) {
  const quiet = process.argv.includes('--quiet');
  try {
    const p = ensureVscodeWeb({ force: process.argv.includes('--force'), log: quiet ? () => {} : undefined });
    if (!quiet) console.log(JSON.stringify({ entry: p.entry, chromium: p.chromium }, null, 2));
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
