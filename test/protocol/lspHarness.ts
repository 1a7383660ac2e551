/**
 * Starts the real language server over stdio and speaks LSP to it, as an editor would.
 * The workspace is a temporary copy of the repository's corpus, so tests can edit and write.
 */
import { spawn, type ChildProcess } from 'child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { after } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const REPO = join(__dirname, '..', '..', '..');
export const SERVER = join(REPO, 'server', 'out', 'server.js');

export interface Harness {
  connection: MessageConnection;
  process: ChildProcess;
  root: string;
  uri(relative: string): string;
  diagnostics: Map<string, Array<{ code?: string | number; message: string }>>;
  /** Resolves when the server reports the index ready (after `count` ready reports). */
  whenReady(count?: number): Promise<void>;
  stderr(): string;
  /** The server's log messages so far. */
  logs(): string[];
  /** Stops the server; the workspace folder is removed unless `keepRoot`. */
  close(options?: { keepRoot?: boolean }): Promise<void>;
}

/** Polls `check` until it returns a truthy value (never a fixed sleep). */
export async function poll<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Servers not closed yet. A test that fails between starting a server and closing it would
 * otherwise leave the server's pipes open, and the test file would wait for them forever instead
 * of reporting the failure.
 */
const running = new Set<ChildProcess>();
after(() => {
  for (const child of running) child.kill();
});

/** `root`: reuse a workspace folder (and its storage) kept by an earlier session's `close({ keepRoot: true })`. */
export async function startServer(options: { corpus?: boolean; setup?: (root: string) => void; settings?: Record<string, unknown>; root?: string } = {}): Promise<Harness> {
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'sourcelens-ws-'));
  if (options.corpus !== false && !options.root) cpSync(join(REPO, 'corpus'), join(root, 'corpus'), { recursive: true });
  options.setup?.(root);
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let errText = '';
  // SL_TEST_SERVER_LOG=FILE: every server's stderr and log messages are appended there (to diagnose a stuck test).
  const trace = (line: string): void => {
    if (process.env.SL_TEST_SERVER_LOG) appendFileSync(process.env.SL_TEST_SERVER_LOG, `${new Date().toISOString()} [${child.pid}] ${line}\n`);
  };
  child.stderr!.on('data', (d) => {
    errText += d.toString();
    trace(`stderr: ${d.toString().trimEnd()}`);
  });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, Array<{ code?: string | number; message: string }>>();
  let readyCount = 0;
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Array<{ code?: string; message: string }> }) => {
    diagnostics.set(p.uri, p.diagnostics);
  });
  connection.onNotification('sourcelens/status', (p: { state: string }) => {
    if (p.state === 'ready') readyCount++;
    trace(`status: ${p.state}`);
  });
  if (process.env.SL_TEST_SERVER_LOG) {
    const send = connection.sendRequest.bind(connection) as (method: string, params?: unknown) => Promise<unknown>;
    (connection as { sendRequest: unknown }).sendRequest = async (method: string, params?: unknown) => {
      trace(`request ${method}`);
      const reply = await send(method, params);
      trace(`reply ${method}`);
      return reply;
    };
  }
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    if (logs.length < 1000) logs.push(p.message);
    trace(`log: ${p.message}`);
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', () => undefined);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? {}));
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = pathToFileURL(root).toString();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    initializationOptions: { storagePath: join(root, '.storage') },
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true }, workspaceFolders: true },
      window: { workDoneProgress: true },
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    root,
    uri: (relative) => pathToFileURL(join(root, relative)).toString(),
    diagnostics,
    whenReady: (count = 1) => poll(() => readyCount >= count, 'the index to be ready', 60000).then(() => undefined),
    stderr: () => errText,
    logs: () => logs,
    async close(closeOptions = {}) {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
      child.kill();
      if (!closeOptions.keepRoot) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The offset of the n-th occurrence of `needle` in `text`, as an LSP position. */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
