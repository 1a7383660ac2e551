/** The analysis core does no I/O and knows nothing of the editor or the protocol. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

const FORBIDDEN = /^(vscode|vscode-languageserver|vscode-languageserver\/.*|vscode-jsonrpc|vscode-languageclient|fs|fs\/promises|node:fs|path|node:path|child_process|node:child_process|net|http|https|worker_threads|os)$/;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

test('no core module imports vscode*, the protocol or Node I/O modules', () => {
  const coreDir = join(__dirname, '..', '..', 'src', 'core');
  const files = sources(coreDir);
  assert.ok(files.length > 10, `expected core sources under ${coreDir}`);
  const offenders: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
      if (FORBIDDEN.test(m[1])) offenders.push(`${file.slice(coreDir.length + 1)} imports ${m[1]}`);
    }
  }
  assert.deepEqual(offenders, []);
});
