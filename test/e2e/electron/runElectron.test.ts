/**
 * Desktop VS Code end-to-end suite, run with @vscode/test-electron: downloads VS Code, starts it with
 * this repository as the extension under development on a copy of corpus/, and runs suite/index.ts
 * inside it. Where VS Code cannot be downloaded (no internet), the test is reported as SKIPPED with
 * the reason: it never passes silently. Run: `node test/e2e/electron/run.js` (under xvfb-run on Linux CI).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const version = process.env.VSCODE_TEST_VERSION || 'stable';

test('SourceLens in desktop VS Code (@vscode/test-electron)', { timeout: 20 * 60_000 }, async (t) => {
  let executable: string;
  try {
    executable = await downloadAndUnzipVSCode({ version, timeout: 30_000, cachePath: path.join(root, '.cache', 'vscode-test') });
  } catch (err) {
    const reason = ((err as Error).message || String(err)).split('\n')[0];
    console.log(`SKIPPED: desktop VS Code could not be downloaded (no internet here): ${reason}`);
    t.skip(`desktop VS Code could not be downloaded: ${reason}`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelens-electron-'));
  const workspace = path.join(tmp, 'corpus');
  fs.cpSync(path.join(root, 'corpus'), workspace, { recursive: true });
  try {
    const code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        `--user-data-dir=${path.join(tmp, 'user-data')}`],
      extensionTestsEnv: { SOURCELENS_E2E_WORKSPACE: workspace },
    });
    assert.equal(code, 0, 'the suite inside VS Code failed (see its output above)');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
