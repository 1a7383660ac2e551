/**
 * Runs inside desktop VS Code (extension host) with SourceLens under development, on a copy of
 * corpus/ (see ../runElectron.test.ts). A small sequential runner with node:assert (no mocha): each
 * check asks VS Code's own provider commands, so it goes through the real client, server and editor.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

type Check = { name: string; run: () => Promise<void> };

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined && v !== null && v !== false) return v as T;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function workspaceDir(): string {
  const dir = process.env.SOURCELENS_E2E_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!dir) throw new Error('no workspace folder');
  return dir;
}

/** The article naming Maliki most often, and the position of its first mention in the body. */
function malikiArticle(): { uri: vscode.Uri; position: vscode.Position; lastPosition: vscode.Position } {
  const dir = workspaceDir();
  let best: { file: string; hits: vscode.Position[] } | undefined;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/);
    const fmEnd = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
    const hits: vscode.Position[] = [];
    lines.forEach((l, i) => {
      if (i < fmEnd) return;
      for (const m of l.matchAll(/\bMaliki\b/g)) hits.push(new vscode.Position(i, (m.index ?? 0) + 1));
    });
    if (hits.length && (!best || hits.length > best.hits.length)) best = { file: f, hits };
  }
  if (!best) throw new Error('no article names Maliki');
  return { uri: vscode.Uri.file(path.join(dir, best.file)), position: best.hits[0], lastPosition: best.hits[best.hits.length - 1] };
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

const checks: Check[] = [
  {
    name: 'an article opens as language "article" and the extension activates',
    run: async () => {
      const doc = await vscode.workspace.openTextDocument(malikiArticle().uri);
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.languageId, 'article');
      const ext = vscode.extensions.getExtension('sourcelens.sourcelens');
      assert.ok(ext, 'SourceLens is installed');
      await until('the extension to activate', async () => ext.isActive);
    },
  },
  {
    name: 'hover on Maliki shows the canonical name and a mention count',
    run: async () => {
      const { uri, position } = malikiArticle();
      const text = await until('an actor card', async () => {
        const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
        return /al-Maliki/.test(t) && /\d+\*{0,2} mentions?/.test(t) ? t : undefined;
      });
      assert.match(text, /in \**\d+\** articles?/);
    },
  },
  {
    name: 'go to definition leads to the note or an earlier mention',
    run: async () => {
      const { uri, lastPosition } = malikiArticle();
      const defs = await until('a definition', async () => {
        const d = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, lastPosition);
        return d && d.length ? d : undefined;
      });
      const target = 'targetUri' in defs[0] ? defs[0].targetUri : defs[0].uri;
      const targetLine = 'targetRange' in defs[0] ? defs[0].targetRange.start.line : defs[0].range.start.line;
      assert.ok(/entities/.test(target.path) || (target.toString() === uri.toString() && targetLine < lastPosition.line), `unexpected target ${target.toString()}:${targetLine}`);
    },
  },
  {
    name: 'references list mentions in several articles',
    run: async () => {
      const { uri, position } = malikiArticle();
      const refs = await until('references in two articles', async () => {
        const r = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
        return r && new Set(r.map((l) => l.uri.toString())).size >= 2 ? r : undefined;
      });
      assert.ok(refs.some((l) => l.uri.toString() === uri.toString()));
    },
  },
  {
    name: 'document symbols carry a thesis (Key) and recommendations (Event)',
    run: async () => {
      const dir = workspaceDir();
      const kinds = new Set<vscode.SymbolKind>();
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
        const symbols = await until(`symbols of ${f}`, async () => {
          const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', vscode.Uri.file(path.join(dir, f)));
          return s && s.length ? s : undefined;
        });
        const walk = (s: vscode.DocumentSymbol[]) => s.forEach((x) => { kinds.add(x.kind); walk(x.children); });
        walk(symbols);
      }
      assert.ok(kinds.has(vscode.SymbolKind.Key), 'a thesis somewhere in the corpus');
      assert.ok(kinds.has(vscode.SymbolKind.Event), 'a recommendation somewhere in the corpus');
    },
  },
  {
    name: 'semantic tokens colour names',
    run: async () => {
      const { uri } = malikiArticle();
      const tokens = await until('semantic tokens', async () => {
        const t = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
        return t && t.data.length > 0 ? t : undefined;
      });
      assert.equal(tokens.data.length % 5, 0);
    },
  },
];

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const check of checks) {
    const started = Date.now();
    try {
      await check.run();
      console.log(`ok - ${check.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failures.push(`${check.name}: ${(err as Error).message}`);
      console.log(`not ok - ${check.name}: ${(err as Error).message}`);
    }
  }
  console.log(`${checks.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} desktop check(s) failed:\n${failures.join('\n')}`);
}
