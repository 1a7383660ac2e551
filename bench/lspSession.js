// Starts the real SourceLens language server over stdio and speaks LSP to it as an editor would
// (vscode-jsonrpc), recording when the index reports ready, the work-done progress, and the
// server process's memory (VmRSS sampled, VmHWM at the end, from /proc).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const ROOT = path.join(__dirname, '..');
// The esbuild bundle (scripts/bundle.js): what the extension starts. `--server server/out/server.js`
// measures the tsc output instead (slower to start: hundreds of small modules).
const SERVER = path.join(ROOT, 'server', 'dist', 'server.js');

const now = () => Number(process.hrtime.bigint()) / 1e6;

function procStatus(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(s);
      return m ? Number(m[1]) * 1024 : undefined;
    };
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return {};
  }
}

/** CPU seconds (user + system) the process has used so far, from /proc/PID/stat. */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/**
 * Starts a server on a workspace folder. Returns a session with the connection and timing marks:
 * initializeMs (request → reply), and promises for the first 'ready' status and progress end.
 */
async function startSession({ workspace, execArgv = [], storagePath, serverJs = SERVER, log = () => undefined }) {
  const child = spawn(process.execPath, [...execArgv, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 200000) stderr += d.toString();
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const marks = { progressBegin: undefined, progressEnd: undefined, ready: [], statuses: 0, errors: [] };
  let onReady = [];
  connection.onNotification('sourcelens/status', (p) => {
    marks.statuses++;
    marks.lastStatus = { at: now(), state: p.state, done: p.done, total: p.total };
    if (p.state === 'ready') {
      marks.ready.push({ at: now(), articles: p.articles, entities: p.entities });
      const waiting = onReady;
      onReady = [];
      for (const f of waiting) f();
    }
  });
  connection.onNotification('$/progress', (p) => {
    const kind = p.value && p.value.kind;
    if (kind === 'begin' && marks.progressBegin === undefined) marks.progressBegin = now();
    if (kind === 'end' && marks.progressEnd === undefined) marks.progressEnd = now();
  });
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onNotification('window/logMessage', (p) => {
    // Errors and warnings are kept (bounded) and shown: a degraded server must not pass unnoticed.
    if (p.type <= 2 && marks.errors.length < 50) {
      marks.errors.push(String(p.message).slice(0, 500));
      log(`[server] ${String(p.message).slice(0, 300)}`);
    }
  });
  connection.onNotification('window/showMessage', (p) => log(`[server message] ${p.message}`));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();

  let peakRss = 0;
  const sampler = setInterval(() => {
    const { rss } = procStatus(child.pid);
    if (rss && rss > peakRss) peakRss = rss;
  }, 200);

  const rootUri = pathToFileURL(workspace).toString();
  const t0 = now();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    clientInfo: { name: 'sourcelens-bench' },
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(workspace) }],
    // Where a client would point the server's persistent cache (the extension's storage folder).
    initializationOptions: storagePath ? { storagePath, storageUri: pathToFileURL(storagePath).toString() } : undefined,
    capabilities: {
      workspace: { configuration: true, semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true }, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        references: {},
      },
    },
  });
  const initializeMs = now() - t0;
  const initializedAt = now();
  await connection.sendNotification('initialized', {});

  return {
    connection,
    child,
    initializeMs,
    initializedAt,
    marks,
    stderr: () => stderr,
    /** Resolves with the time of the `count`-th ready status, or undefined after timeoutMs. */
    whenReady(count = 1, timeoutMs = 600000) {
      if (marks.ready.length >= count) return Promise.resolve(marks.ready[count - 1].at);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), timeoutMs);
        const check = () => {
          if (marks.ready.length >= count) {
            clearTimeout(timer);
            resolve(marks.ready[count - 1].at);
          } else onReady.push(check);
        };
        onReady.push(check);
      });
    },
    cpuSeconds: () => cpuSeconds(child.pid),
    memory() {
      const s = procStatus(child.pid);
      return { rss: s.rss, hwm: s.hwm, sampledPeak: Math.max(peakRss, s.rss ?? 0) };
    },
    /** shutdown + exit, waiting (bounded) for the process to end; killed if it does not. */
    async close(timeoutMs = 20000) {
      clearInterval(sampler);
      const bounded = (p) => Promise.race([p, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
      try {
        await bounded(connection.sendRequest('shutdown'));
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      const result = await bounded(exited);
      if (result === 'timeout') child.kill('SIGKILL');
      connection.dispose();
      return result;
    },
    kill() {
      clearInterval(sampler);
      child.kill('SIGKILL');
      connection.dispose();
    },
  };
}

/** Times an async call in milliseconds. */
async function timed(fn) {
  const t = now();
  const value = await fn();
  return { ms: now() - t, value };
}

function percentile(sorted, p) {
  if (!sorted.length) return undefined;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x) => (x === undefined ? undefined : Math.round(x * 1000) / 1000);
  return { n: s.length, p50: r(percentile(s, 50)), p90: r(percentile(s, 90)), p99: r(percentile(s, 99)), max: r(s[s.length - 1]) };
}

module.exports = { startSession, timed, summarize, now, SERVER, procStatus, cpuSeconds };
