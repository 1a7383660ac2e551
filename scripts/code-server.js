// Starts and stops VS Code for the Web (code-server, installed by scripts/setup-vscode-web.js) for the
// e2e tests and `npm start`. code-server's extension hosts, file watchers and terminals outlive a plain
// kill of its process, so it runs in its own process group and `stop()` ends the whole group.
//
// API: freePort(), installExtension({ entry, extensionsDir, vsix }), writeUserSettings(dir, settings),
//      startCodeServer({ entry, folder, userDataDir, extensionsDir, port?, logFile?, timeoutMs? })
//        -> Promise<{ url, folderUrl, port, pid, stop(): Promise<void>, exited: Promise<number|null> }>
//      exthostLogs(userDataDir) -> [{ file, text }]
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const http = require('http');
const { spawn, spawnSync } = require('child_process');

/** A TCP port on 127.0.0.1 that was free a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Installs a .vsix into an extensions dir (code-server's own CLI, no network). */
function installExtension({ entry, extensionsDir, userDataDir, vsix, timeoutMs = 120000 }) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  const args = [entry, '--extensions-dir', extensionsDir, ...(userDataDir ? ['--user-data-dir', userDataDir] : []),
    '--install-extension', vsix, '--force'];
  const res = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: timeoutMs, env: quietEnv() });
  const out = `${res.stdout || ''}${res.stderr || ''}`;
  if (res.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`code-server --install-extension ${vsix} failed (${res.error ? res.error.message : `exit ${res.status}`}):\n${out}`);
  }
  return out.trim();
}

/** User settings for a clean, quiet, deterministic workbench (merged over `extra`). */
function writeUserSettings(userDataDir, extra = {}) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'editor.semanticHighlighting.enabled': true,
    'editor.inlayHints.enabled': 'on',
    'editor.hover.delay': 300,
    'editor.minimap.enabled': false,
    'files.autoSave': 'off',
    'window.confirmBeforeClose': 'never',
    'workbench.colorTheme': 'Default Dark Modern',
    ...extra,
  };
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
  return file;
}

function quietEnv() {
  const env = { ...process.env };
  // No gallery, no update checks: this machine has no internet, and tests must not depend on it.
  env.EXTENSIONS_GALLERY = JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' });
  delete env.VSCODE_IPC_HOOK_CLI; // when run from a VS Code terminal, do not talk to that editor
  return env;
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode !== undefined && res.statusCode < 500); });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => { req.destroy(); resolve(false); });
  });
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); return true; } catch { return false; }
}

function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

/** Starts code-server on 127.0.0.1 in its own process group and waits until it answers. */
async function startCodeServer({ entry, folder, userDataDir, extensionsDir, port, logFile, timeoutMs = 60000, extraArgs = [] }) {
  port = port || await freePort();
  fs.mkdirSync(userDataDir, { recursive: true });
  const args = [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', ...extraArgs, folder];
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', out, out], env: quietEnv() });
  if (typeof out === 'number') fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode;
  exited.then((c) => { exitCode = c; });
  const pid = child.pid;
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (!groupAlive(pid)) return;
    killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`code-server exited with ${exitCode} before answering${logFile ? `; log:\n${tail(logFile)}` : ''}`);
    }
    if (await httpOk(`${url}healthz`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms${logFile ? `; log:\n${tail(logFile)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const folderUrl = `${url}?folder=${encodeURIComponent(folder)}`;
  return { url, folderUrl, port, pid, stop, exited };
}

function tail(file, lines = 60) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch (err) { return `(${err.message})`; }
}

/** The extension host logs of a run (where an extension's activation errors and console output land). */
function exthostLogs(userDataDir) {
  const found = [];
  const walk = (dir) => {
    let entries = [];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      // The extension host's own log and the logs of extensions not built into VS Code.
      else if (/exthost/i.test(full) && (/^(remote)?exthost\.log$/i.test(e.name) || !/[\\/]vscode\.[^\\/]+[\\/]/.test(full)) &&
        !/telemetry/i.test(e.name) && e.name.endsWith('.log')) found.push({ file: full, text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return found;
}

module.exports = { freePort, installExtension, writeUserSettings, startCodeServer, exthostLogs, tail, quietEnv };
