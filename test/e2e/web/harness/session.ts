/**
 * One end-to-end session: VS Code for the Web (code-server) with the packaged extension installed,
 * serving a throw-away copy of the repository's corpus/, driven by Playwright in Chromium.
 * Everything it starts is torn down by `close()`, and by an exit hook if the test process dies.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadScripts, repoRoot, type CodeServer } from './repo';
import { secondsSince } from './poll';
import { waitForWorkbench } from './workbench';

/** Chromium flags that keep it off the (absent) internet and working as root without a GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Settings that make typing deterministic (no suggestion swallows an Enter) and show what we assert on. */
const TEST_SETTINGS = {
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.wordBasedSuggestions': 'off',
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'outline.collapseItems': 'alwaysExpand',
  'workbench.editor.enablePreview': false,
};

export interface Session {
  page: Page;
  /** The folder code-server serves: a copy of the repository's corpus/. */
  workspace: string;
  root: string;
  resultsDir: string;
  timings: Record<string, string>;
  vsixBytes: number;
  /** Screenshot into test-results/e2e/NAME.png (and docs/images/README_NAME.png when given). */
  screenshot(name: string, readmeName?: string): Promise<string>;
  /** Extension host and code-server logs, for failure messages. */
  logs(maxLines?: number): string;
  close(): Promise<void>;
}

export async function startSession(log: (m: string) => void = (m) => console.log(`[e2e] ${m}`)): Promise<Session> {
  const root = repoRoot();
  const scripts = loadScripts();
  const timings: Record<string, string> = {};
  const resultsDir = path.join(root, 'test-results', 'e2e');
  fs.mkdirSync(resultsDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelens-e2e-'));
  const cleanups: Array<() => Promise<void> | void> = [];
  const exitHook = () => { for (const pid of pidsToKill) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } } };
  const pidsToKill: number[] = [];
  // Interrupted (Ctrl+C, a CI timeout): still end code-server's process group before going.
  const onSignal = (sig: NodeJS.Signals) => { exitHook(); process.exit(sig === 'SIGINT' ? 130 : 143); };
  process.on('exit', exitHook);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  cleanups.push(() => { process.off('exit', exitHook); process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal); });

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const userDataDir = path.join(tmp, 'user-data');
  const serverLog = path.join(resultsDir, 'code-server.log');
  for (const f of fs.readdirSync(resultsDir)) if (f.endsWith('.png')) fs.rmSync(path.join(resultsDir, f)); // no stale pictures
  fs.rmSync(serverLog, { force: true });
  fs.rmSync(path.join(resultsDir, 'logs'), { recursive: true, force: true });

  const logs = (maxLines = 80): string => {
    const parts: string[] = [];
    for (const { file, text } of scripts.codeServer.exthostLogs(userDataDir)) {
      parts.push(`--- ${path.relative(tmp, file)} (last ${maxLines} lines) ---\n${text.split('\n').slice(-maxLines).join('\n')}`);
    }
    parts.push(`--- code-server output (last 30 lines) ---\n${scripts.codeServer.tail(serverLog, 30)}`);
    return parts.join('\n');
  };
  const close = async () => {
    for (const c of cleanups.reverse()) {
      try { await c(); } catch (err) { log(`teardown: ${(err as Error).message}`); }
    }
    cleanups.length = 0;
  };

  cleanups.push(() => {
    // Keep the logs as a test artifact, then remove the throw-away workspace, profile and extensions.
    const logsDir = path.join(userDataDir, 'logs');
    if (fs.existsSync(logsDir)) fs.cpSync(logsDir, path.join(resultsDir, 'logs'), { recursive: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  try {
    let t = Date.now();
    const paths = scripts.setup.ensureVscodeWeb({ log });
    timings.setup = secondsSince(t);
    if (!paths.chromium) throw new Error('e2e: no Chromium found after setup');

    t = Date.now();
    const { vsix, bytes } = scripts.pack.packageExtension({ out: path.join(tmp, 'sourcelens.vsix'), log });
    timings.package = secondsSince(t);
    log(`packaged ${path.basename(vsix)}: ${(bytes / 1024 / 1024).toFixed(2)} MB`);

    t = Date.now();
    const extensionsDir = path.join(tmp, 'extensions');
    scripts.codeServer.installExtension({ entry: paths.entry, extensionsDir, userDataDir, vsix });
    timings.install = secondsSince(t);

    const workspace = path.join(tmp, 'corpus');
    fs.cpSync(path.join(root, 'corpus'), workspace, { recursive: true });
    scripts.codeServer.writeUserSettings(userDataDir, TEST_SETTINGS);

    t = Date.now();
    server = await scripts.codeServer.startCodeServer({ entry: paths.entry, folder: workspace, userDataDir, extensionsDir, logFile: serverLog });
    pidsToKill.push(server.pid);
    const srv = server;
    cleanups.push(() => srv.stop());
    timings.codeServer = secondsSince(t);
    log(`code-server on ${server.url} (pid group ${server.pid})`);

    t = Date.now();
    browser = await chromium.launch({ executablePath: paths.chromium, args: CHROMIUM_ARGS, timeout: 60_000 });
    const b = browser;
    cleanups.push(() => b.close());
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(server.folderUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    timings.workbench = secondsSince(t);

    const screenshot = async (name: string, readmeName?: string): Promise<string> => {
      const file = path.join(resultsDir, `${name}.png`);
      await page.screenshot({ path: file });
      if (readmeName) {
        const docs = path.join(root, 'docs', 'images');
        fs.mkdirSync(docs, { recursive: true });
        fs.copyFileSync(file, path.join(docs, `${readmeName}.png`));
      }
      return file;
    };
    log(`session ready: ${JSON.stringify(timings)}`);
    return { page, workspace, root, resultsDir, timings, vsixBytes: bytes, screenshot, logs, close };
  } catch (err) {
    const message = `${(err as Error).message}\n${logs(40)}`;
    await close();
    throw new Error(`e2e session could not start: ${message}`);
  }
}
