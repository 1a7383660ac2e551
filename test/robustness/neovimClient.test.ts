/**
 * A second real LSP client: headless Neovim (Debian's package, its built-in LSP client) starts
 * the server on a copy of the corpus and asks for hover, references and definition on "Maliki"
 * (test/neovim/init.lua writes the answers to a JSON file). test/neovim/setup.sh installs Neovim
 * when it is missing; when it cannot, the test is reported SKIPPED with the reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { REPO } from './core';
import { sliceRange, type Range } from './lspText';

const ARTICLE = 'corpus/2006-11-02-relations-between-us-and-iraqi-government-at-breaking-point.md';

interface NvimResults {
  error?: string;
  steps: string[];
  nvim: { major: number; minor: number };
  uri: string;
  position: { line: number; character: number };
  hover?: { contents: { kind: string; value: string }; range?: Range } | null;
  references?: Array<{ uri: string; range: Range }> | null;
  definition?: { uri: string } | Array<{ uri: string }> | null;
}

test('Neovim (built-in LSP client): hover, references and definition on "Maliki" work against the real server', { timeout: 420_000 }, (t) => {
  const setup = spawnSync('sh', [join(REPO, 'test', 'neovim', 'setup.sh')], { encoding: 'utf8', timeout: 300_000 });
  if (setup.status !== 0) {
    t.skip(`Neovim unavailable: ${(setup.stdout + setup.stderr).trim() || `setup.sh exited with ${setup.status ?? setup.signal}`}`);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'sourcelens-nvim-'));
  try {
    cpSync(join(REPO, 'corpus'), join(root, 'corpus'), { recursive: true });
    const out = join(root, 'nvim-results.json');
    const run = spawnSync('nvim', ['--headless', '-u', join(REPO, 'test', 'neovim', 'init.lua')], {
      encoding: 'utf8',
      timeout: 120_000,
      cwd: root,
      env: {
        ...process.env,
        SOURCELENS_SERVER: join(REPO, 'server', 'out', 'server.js'),
        SOURCELENS_ROOT: root,
        SOURCELENS_ARTICLE: ARTICLE,
        SOURCELENS_OUT: out,
        SOURCELENS_MIN_ARTICLES: '5',
      },
    });
    assert.ok(existsSync(out), `Neovim wrote no results (exit ${run.status ?? run.signal}): ${run.stderr}`);
    const r = JSON.parse(readFileSync(out, 'utf8')) as NvimResults;
    t.diagnostic(`Neovim ${r.nvim.major}.${r.nvim.minor}; steps: ${r.steps.join(', ')}`);
    assert.equal(r.error, undefined, `Neovim script failed: ${r.error}`);
    assert.equal(run.status, 0);

    // Hover: the actor card, in Markdown, covering the name ("Maliki" or "Nouri al-Maliki").
    const text = readFileSync(join(root, ARTICLE), 'utf8');
    assert.ok(r.hover, 'no hover answer');
    assert.equal(r.hover.contents.kind, 'markdown');
    assert.match(r.hover.contents.value, /\*\*Nouri al-Maliki\*\* · person/);
    if (r.hover.range) assert.match(sliceRange(text, r.hover.range), /^(Nouri al-)?Maliki$/);

    // References: mentions in several articles, each range on a spelling of his name.
    assert.ok(Array.isArray(r.references) && r.references.length >= 20, `references: ${r.references?.length}`);
    const files = new Set(r.references.map((x) => x.uri));
    assert.ok(files.size >= 4, `references in ${files.size} files`);
    for (const ref of r.references) {
      const file = readFileSync(new URL(ref.uri), 'utf8');
      const surface = sliceRange(file, ref.range);
      assert.match(surface, /Nouri|Ma[a-z]*ki/, `reference on ${JSON.stringify(surface)}`);
      assert.doesNotMatch(surface, /Bush|Sadr/);
    }

    // Definition: the entity note.
    const def = Array.isArray(r.definition) ? r.definition[0] : r.definition;
    assert.ok(def && def.uri.endsWith('/corpus/entities/nouri-al-maliki.md'), `definition: ${JSON.stringify(r.definition)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
