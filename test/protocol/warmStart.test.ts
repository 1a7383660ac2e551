/**
 * Protocol tests: a second session on the same workspace starts from the corpus snapshot the first
 * one wrote, and answers exactly as the first did; an article changed in between is seen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { poll, positionOf, startServer, type Harness } from './lspHarness';

const OTHER = 'corpus/2006-11-02-relations-between-us-and-iraqi-government-at-breaking-point.md';
const EDITED = 'corpus/2007-03-12-maliki-issues-plea-for-help-at-iraq-talks.md';

/** The snapshot files under the workspace's storage folder. */
function snapshots(root: string): string[] {
  const base = join(root, '.storage', 'analysis-cache');
  if (!existsSync(base)) return [];
  return readdirSync(base).flatMap((v) => (existsSync(join(base, v, 'snapshots')) ? readdirSync(join(base, v, 'snapshots')).filter((f) => f.endsWith('.snapshot')).map((f) => join(base, v, 'snapshots', f)) : []));
}

/** What a reader sees of the corpus: a hover card, references, document symbols, a symbol search and the timeline. */
async function answers(h: Harness): Promise<unknown> {
  const text = readFileSync(join(h.root, OTHER), 'utf8');
  const at = { textDocument: { uri: h.uri(OTHER) }, position: positionOf(text, 'Maliki issued') };
  return {
    card: ((await h.connection.sendRequest('textDocument/hover', at)) as { contents: { value: string } } | null)?.contents.value,
    references: await h.connection.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } }),
    symbols: await h.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: h.uri(OTHER) } }),
    search: await h.connection.sendRequest('workspace/symbol', { query: 'Maliki' }),
    dates: await h.connection.sendRequest('workspace/symbol', { query: '2006-11' }),
  };
}

const mentionCount = (a: unknown): number => Number(/\*\*(\d+)\*\* mentions?/.exec((a as { card: string }).card)?.[1] ?? -1);

test('a warm start from the snapshot answers exactly as the session that wrote it; a changed article is seen', async () => {
  const first = await startServer();
  let root = first.root;
  try {
    await first.whenReady();
    const cold = await answers(first);
    assert.ok(mentionCount(cold) > 10, JSON.stringify(cold).slice(0, 300));
    await poll(() => snapshots(root).length === 1, 'the corpus snapshot to be written', 30000);
    await first.close({ keepRoot: true });

    const second = await startServer({ root });
    await second.whenReady();
    assert.ok(second.logs().some((m) => /linking restored from the snapshot/.test(m)), second.logs().join('\n'));
    assert.deepEqual(await answers(second), cold);
    await second.close({ keepRoot: true });

    appendFileSync(join(root, EDITED), '\nNouri al-Maliki spoke again, and Maliki was heard.\n');
    const third = await startServer({ root });
    root = '';
    await third.whenReady();
    assert.ok(!third.logs().some((m) => /linking restored from the snapshot/.test(m)), 'a changed article means a relink');
    assert.equal(mentionCount(await answers(third)), mentionCount(cold) + 2);
    await third.close();
  } finally {
    if (root) rmSync(root, { recursive: true, force: true });
  }
});
