/** Locates the repository and loads its plain-JS scripts (setup, packaging, code-server launcher). */
import * as fs from 'fs';
import * as path from 'path';

export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'sourcelens') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`e2e: cannot find the sourcelens repository above ${__dirname}`);
    dir = up;
  }
}

export interface VscodeWebPaths { entry: string; chromium: string | null; cacheDir: string }
export interface CodeServer { url: string; folderUrl: string; port: number; pid: number; stop(): Promise<void>; exited: Promise<number | null> }

export interface Scripts {
  setup: { ensureVscodeWeb(opts?: { log?: (m: string) => void }): VscodeWebPaths };
  pack: { packageExtension(opts?: { out?: string; log?: (m: string) => void }): { vsix: string; bytes: number } };
  codeServer: {
    installExtension(opts: { entry: string; extensionsDir: string; userDataDir?: string; vsix: string }): string;
    writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): string;
    startCodeServer(opts: { entry: string; folder: string; userDataDir: string; extensionsDir: string; logFile?: string; timeoutMs?: number }): Promise<CodeServer>;
    exthostLogs(userDataDir: string): Array<{ file: string; text: string }>;
    tail(file: string, lines?: number): string;
  };
}

export function loadScripts(): Scripts {
  const root = repoRoot();
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const load = (name: string) => require(path.join(root, 'scripts', name));
  return { setup: load('setup-vscode-web.js'), pack: load('package.js'), codeServer: load('code-server.js') };
}
