/** Protocol tests: edits, file events, bad files and the reader's quick fixes. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { poll, positionOf, startServer, type Harness } from './lspHarness';

let h: Harness;

before(async () => {
  h = await startServer({
    setup(root) {
      writeFileSync(join(root, 'corpus', 'broken.md'), '---\ntitle: [oops\n: :\n---\nJalil Nouri met Zalmay Khalilzad in Baghdad.\n');
      writeFileSync(join(root, 'corpus', 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
      writeFileSync(join(root, 'corpus', 'bom-crlf.md'), '\uFEFF---\r\ntitle: BOM\r\ndate: 2006-11-02\r\n---\r\nGeneral George Casey met Zalmay Khalilzad in Baghdad on Tuesday.\r\n');
      writeFileSync(join(root, 'corpus', 'latin1.md'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' talk: Zalmay Khalilzad spoke.\n')]));
      writeFileSync(join(root, 'corpus', 'empty.md'), '');
      writeFileSync(join(root, 'corpus', 'huge.md'), 'Zalmay Khalilzad spoke. '.repeat(60_000));
      symlinkSync(join(root, 'corpus'), join(root, 'corpus', 'loop'), 'dir');
    },
  });
  await h.whenReady();
});
after(async () => h?.close());

async function hoverText(uri: string, text: string, needle: string): Promise<string> {
  const hover: { contents: { value: string } } | null = await h.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle) });
  return hover?.contents.value ?? '';
}

const mentionCount = (card: string): number => Number(/\*\*(\d+)\*\* mention/.exec(card)?.[1] ?? -1);

test('malformed front matter gives a diagnostic, and the article is still read', async () => {
  const uri = h.uri('corpus/broken.md');
  const diags = await poll(() => h.diagnostics.get(uri), 'diagnostics for broken.md');
  assert.ok(diags.some((d) => d.code === 'frontmatter-invalid'), JSON.stringify(diags));
  const text = readFileSync(join(h.root, 'corpus', 'broken.md'), 'utf8');
  assert.match(await hoverText(uri, text, 'Khalilzad in'), /Zalmay Khalilzad/);
});

test('a binary file named .md is skipped with a notice', async () => {
  const diags = await poll(() => h.diagnostics.get(h.uri('corpus/binary.md')), 'diagnostics for binary.md');
  assert.match(diags[0].message, /binary/);
});

test('BOM and CRLF, invalid UTF-8, empty, oversized files and a symlink loop: each handled, nothing else affected', async () => {
  const bomUri = h.uri('corpus/bom-crlf.md');
  const bom = readFileSync(join(h.root, 'corpus', 'bom-crlf.md'), 'utf8');
  assert.match(await hoverText(bomUri, bom, 'Khalilzad in'), /Zalmay Khalilzad/);
  const date: { contents: { value: string } } = await h.connection.sendRequest('textDocument/hover', { textDocument: { uri: bomUri }, position: positionOf(bom, 'Tuesday') });
  assert.match(date.contents.value, /2006-10-31/);
  const latin = await poll(() => h.diagnostics.get(h.uri('corpus/latin1.md')), 'diagnostics for latin1.md');
  assert.ok(latin.some((d) => d.code === 'invalid-utf8'));
  const huge = await poll(() => h.diagnostics.get(h.uri('corpus/huge.md')), 'diagnostics for huge.md');
  assert.match(huge[0].message, /over the limit/);
  const entities: Array<{ name: string }> = await h.connection.sendRequest('sourcelens/entities');
  assert.ok(entities.some((e) => e.name === 'Nouri al-Maliki'));
  assert.equal(h.process.exitCode, null, 'the server is still running');
});

test('editing an open article updates the cards', async () => {
  const uri = h.uri('corpus/2006-11-28-a-message-for-maliki.md');
  const original = readFileSync(join(h.root, 'corpus', '2006-11-28-a-message-for-maliki.md'), 'utf8');
  await h.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text: original } });
  const before = mentionCount(await hoverText(uri, original, 'al-Maliki for'));
  assert.ok(before > 0);
  const edited = original + '\nZalmay Khalilzad met Nouri al-Maliki. Maliki agreed. Maliki left.\n';
  await h.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
  const after = await poll(async () => {
    const n = mentionCount(await hoverText(uri, edited, 'al-Maliki for'));
    return n >= before + 3 ? n : 0;
  }, 'the card to count the new mentions');
  assert.ok(after >= before + 3);
  await h.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('the request right after an edit already sees it: new names, shifted offsets, the latest of several quick edits', async () => {
  const rel = 'corpus/2006-11-02-relations-between-us-and-iraqi-government-at-breaking-point.md';
  const uri = h.uri(rel);
  const original = readFileSync(join(h.root, rel), 'utf8');
  await h.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text: original } });
  const bodyStart = original.indexOf('\n---', 3) + 5;
  // Three quick edits, each inserting text before every name (shifting every offset); no waiting in between.
  let text = original;
  const inserts = ['Condoleezza Rice flew in. ', 'Zalmay Khalilzad stayed. ', 'Hoshyar Zebari waited. '];
  for (const [k, insert] of inserts.entries()) {
    text = text.slice(0, bodyStart) + insert + text.slice(bodyStart);
    await h.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: k + 2 },
      contentChanges: [{ range: { start: positionOfOffset(text, bodyStart), end: positionOfOffset(text, bodyStart) }, text: insert }],
    });
  }
  // No polling: the first request after the edits must answer for the text the editor shows.
  const zebari = await hoverText(uri, text, 'Zebari waited');
  assert.match(zebari, /Hoshyar Zebari/, zebari.slice(0, 200));
  const maliki = await hoverText(uri, text, 'Maliki');
  assert.match(maliki, /al-Maliki/, 'a name further down, its offset shifted by all three inserts');
  const symbols: Array<{ name: string }> = await h.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(symbols.length > 0);
  // And an edit that puts the text back is the indexed text again: the first request sees it too.
  await h.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ text: original }] });
  const back = await hoverText(uri, original, 'Maliki');
  assert.match(back, /al-Maliki/);
  await h.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

/** The LSP position of a UTF-16 offset. */
function positionOfOffset(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

test('a new article on disk is indexed after a file event, and a deleted one leaves', async () => {
  const rel = 'corpus/new-article.md';
  const uri = h.uri(rel);
  const text = '---\ntitle: New\ndate: 2007-01-02\n---\nDavid Petraeus met Nouri al-Maliki in Baghdad on Tuesday.\n';
  writeFileSync(join(h.root, rel), text);
  await h.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
  const card = await poll(async () => hoverText(uri, text, 'Petraeus'), 'hover in the new article');
  assert.match(card, /David Petraeus/);
  await h.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
  await poll(async () => (await hoverText(uri, text, 'Petraeus')) === '', 'the deleted article to leave the index');
});

test('"Not an entity" writes the ignore list in the workspace and the name stops being an actor', async () => {
  const rel = 'corpus/2006-11-02-relations-between-us-and-iraqi-government-at-breaking-point.md';
  const uri = h.uri(rel);
  const text = readFileSync(join(h.root, rel), 'utf8');
  const position = positionOf(text, 'Sadr City');
  const actions: Array<{ title: string; command: { command: string; arguments: unknown[] } }> = await h.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
  const notEntity = actions.find((a) => /is not an entity/.test(a.title));
  assert.ok(notEntity, actions.map((a) => a.title).join('; '));
  assert.ok(actions.some((a) => /change type of .* to person/.test(a.title)));
  await h.connection.sendRequest('workspace/executeCommand', { command: notEntity.command.command, arguments: notEntity.command.arguments });
  const ignoreFile = join(h.root, 'corpus', '.sourcelens-ignore');
  assert.ok(existsSync(ignoreFile));
  assert.match(readFileSync(ignoreFile, 'utf8'), /^Sadr City$/m);
  await poll(async () => (await hoverText(uri, text, 'Sadr City')) === '', 'Sadr City to stop being an actor');
});

test('"Create note for" writes a sanitised note inside the notes folder', async () => {
  const rel = 'corpus/2006-05-06-bushs-wavering-halts-insurgent-peace-talks.md';
  const uri = h.uri(rel);
  await h.connection.sendRequest('workspace/executeCommand', { command: 'sourcelens.server.createNote', arguments: ['../../Evil Name', 'person', ''] });
  assert.ok(existsSync(join(h.root, 'corpus', 'entities', 'evil-name.md')));
  assert.ok(!existsSync(join(h.root, '..', 'Evil Name.md')));
  void uri;
});
