#!/usr/bin/env node
// `npm start`: opens corpus/ in VS Code with SourceLens, from a fresh clone if need be.
//   1. installs dependencies when node_modules is missing (npm ci), then builds (npm run build);
//   2. with a desktop VS Code on PATH (`code`): `code --extensionDevelopmentPath=<repo> <repo>/corpus`;
//      otherwise VS Code for the Web served locally by code-server (set up by setup-vscode-web.js,
//      with the packaged .vsix installed), and prints the address to open in a browser.
// Ctrl+C stops everything it started (code-server runs in its own process group).
// Options: --web (use VS Code for the Web even if `code` exists), --port N (default: 8080 if free),
//          --folder DIR (default corpus/), --no-build.
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const log = (m) => console.log(`[start] ${m}`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(title, cmd, cmdArgs) {
  log(`${title}: ${cmd} ${cmdArgs.join(' ')}`);
  const res = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`[start] ${title} failed (${res.error ? res.error.message : `exit ${res.status}`})`);
    process.exit(res.status || 1);
  }
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const full = path.join(dir, cmd);
    try { fs.accessSync(full, fs.constants.X_OK); return full; } catch { /* next */ }
  }
  return null;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Runs until Ctrl+C (or the child ends); then ends the child's whole process group. */
function superviseGroup(pid, exited, stop) {
  let stopping = false;
  const onSignal = async (sig) => {
    if (stopping) return;
    stopping = true;
    log(`${sig}: stopping everything started here...`);
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', () => { try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ } });
  exited.then((code) => {
    if (!stopping) {
      log(`stopped (exit ${code})`);
      process.exit(code || 0);
    }
  });
}

async function startDesktop(code, folder) {
  log(`opening ${path.relative(root, folder) || folder} in desktop VS Code (${code}) with the extension under development`);
  const child = spawn(code, ['--new-window', '--wait', `--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit', detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  superviseGroup(child.pid, exited, async () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } });
  log('close the VS Code window or press Ctrl+C here to stop.');
}

async function startWeb(folder) {
  const { ensureVscodeWeb } = require('./setup-vscode-web');
  const { packageExtension } = require('./package');
  const cs = require('./code-server');
  const paths = ensureVscodeWeb();
  const { vsix } = packageExtension({ out: path.join(root, '.cache', 'sourcelens.vsix') });
  const stateDir = path.join(root, '.cache', 'start');
  const extensionsDir = path.join(stateDir, 'extensions');
  const userDataDir = path.join(stateDir, 'user-data');
  cs.installExtension({ entry: paths.entry, extensionsDir, userDataDir, vsix });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) cs.writeUserSettings(userDataDir); // keep the reader's own settings afterwards
  const wanted = Number(option('--port') || process.env.PORT || 8080);
  const port = (await portFree(wanted)) ? wanted : await cs.freePort();
  const logFile = path.join(stateDir, 'code-server.log');
  const server = await cs.startCodeServer({ entry: paths.entry, folder, userDataDir, extensionsDir, port, logFile });
  superviseGroup(server.pid, server.exited, server.stop);
  console.log('');
  console.log(`  SourceLens is running in VS Code for the Web. Open this address in a browser:`);
  console.log(`    ${server.folderUrl}`);
  console.log('');
  log(`code-server log: ${path.relative(root, logFile)}; press Ctrl+C to stop.`);
}

async function main() {
  const folder = path.resolve(option('--folder') || path.join(root, 'corpus'));
  const fresh = !fs.existsSync(path.join(root, 'node_modules'));
  // npm ci runs the `prepare` script, which builds; otherwise build now (incremental, quick when up to date).
  if (fresh) step('installing dependencies', npm, ['ci', '--no-audit', '--no-fund']);
  else if (!flag('--no-build')) step('building', npm, ['run', 'build']);
  const code = flag('--web') ? null : which(process.platform === 'win32' ? 'code.cmd' : 'code');
  if (code) await startDesktop(code, folder);
  else {
    if (!flag('--web')) log('no desktop VS Code (`code`) on PATH: using VS Code for the Web instead');
    await startWeb(folder);
  }
}

main().catch((err) => {
  console.error(`[start] ${err.message || err}`);
  process.exit(1);
});
