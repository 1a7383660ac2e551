/**
 * Protocol tests: answers the server keeps between requests (hover cards, reference locations,
 * document symbols) are the same when asked again, and change as soon as an edit changes what they
 * show, including in articles other than the one edited.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import { join } from 'path';
import { poll, positionOf, startServer, type Harness } from './lspHarness';

let h: Harness;
const OTHER = 'corpus/2006-11-02-relations-between-us-and-iraqi-government-at-breaking-point.md';
const EDITED = 'corpus/2007-03-12-maliki-issues-plea-for-help-at-iraq-talks.md';
let otherText: string;
let editedText: string;

before(async () => {
  h = await startServer();
  await h.whenReady();
  otherText = readFileSync(join(h.root, OTHER), 'utf8');
  editedText = readFileSync(join(h.root, EDITED), 'utf8');
});
after(async () => h?.close());

interface Loc {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const atMaliki = () => ({ textDocument: { uri: h.uri(OTHER) }, position: positionOf(otherText, 'Maliki issued') });
const card = async (): Promise<string> => ((await h.connection.sendRequest('textDocument/hover', atMaliki())) as { contents: { value: string } } | null)?.contents.value ?? '';
const references = (): Promise<Loc[]> => h.connection.sendRequest('textDocument/references', { ...atMaliki(), context: { includeDeclaration: false } });
const mentionCount = (c: string): number => Number(/\*\*(\d+)\*\* mentions?/.exec(c)?.[1] ?? -1);
/** The text a location covers, in the given article text. */
const surface = (text: string, r: Loc['range']): string => text.split('\n')[r.start.line].slice(r.start.character, r.end.character);

test('asking twice gives the same hover card, references and document symbols', async () => {
  const first = await card();
  assert.match(first, /\*\*Nouri al-Maliki\*\* · person/);
  assert.equal(await card(), first);
  const refs = await references();
  assert.ok(refs.length >= 20, String(refs.length));
  assert.deepEqual(await references(), refs);
  // With the declaration: the entity note first, then the same mentions.
  const withNote: Loc[] = await h.connection.sendRequest('textDocument/references', { ...atMaliki(), context: { includeDeclaration: true } });
  assert.ok(withNote[0].uri.endsWith('/corpus/entities/nouri-al-maliki.md'), withNote[0].uri);
  assert.deepEqual(withNote.slice(1), refs);
  assert.deepEqual(await references(), refs);
  const symbols = await h.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: h.uri(OTHER) } });
  assert.ok(Array.isArray(symbols) && symbols.length > 0);
  assert.deepEqual(await h.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: h.uri(OTHER) } }), symbols);
});

test('an edit elsewhere updates the card and the references of an actor hovered in another article, and undoing it restores them', async () => {
  const uri = h.uri(EDITED);
  const cardBefore = await card();
  const refsBefore = await references();
  const inEditedBefore = refsBefore.filter((r) => r.uri === uri);
  assert.ok(inEditedBefore.length > 0, 'the edited article names Maliki');
  for (const r of inEditedBefore) assert.match(surface(editedText, r.range), /Maliki/);

  // A new title, and the first paragraph (which names Maliki) written twice: the old mentions move
  // down two lines and the copy adds mentions of its own.
  const lines = editedText.split('\n');
  const first = lines.findIndex((l) => l.includes('Nouri al-Maliki, Iraq’s prime minister'));
  assert.ok(first > 0);
  const edited = [...lines.slice(0, first), lines[first], '', ...lines.slice(first)].join('\n').replace('title: Maliki Issues Plea for Help at Iraq Talks', 'title: A Retitled Report on the Baghdad Talks');
  await h.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text: editedText } });
  await h.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });

  const cardAfter = await poll(async () => {
    const c = await card();
    return mentionCount(c) > mentionCount(cardBefore) && c.includes('A Retitled Report') ? c : undefined;
  }, 'the card hovered in another article to count the new mentions and show the new title');
  assert.doesNotMatch(cardAfter, /Maliki Issues Plea for Help/);
  assert.match(cardBefore, /Maliki Issues Plea for Help/);
  const added = mentionCount(cardAfter) - mentionCount(cardBefore);

  const refsAfter = await references();
  assert.equal(refsAfter.length, refsBefore.length + added);
  const inEdited = refsAfter.filter((r) => r.uri === uri);
  assert.equal(inEdited.length, inEditedBefore.length + added);
  for (const r of inEdited) assert.match(surface(edited, r.range), /Maliki/, JSON.stringify(r.range));
  assert.ok(inEdited.some((r) => r.range.start.line === first), 'a mention in the copied paragraph');
  const key = (r: Loc) => `${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`;
  const now = new Set(inEdited.map(key));
  // The title (line 1) is rewritten: its mention of Maliki goes; every mention below moves down two lines.
  const titleLine = editedText.split('\n').findIndex((l) => l.startsWith('title:'));
  for (const r of inEditedBefore) {
    if (r.range.start.line === titleLine) continue;
    const moved = { ...r, range: { start: { ...r.range.start, line: r.range.start.line + 2 }, end: { ...r.range.end, line: r.range.end.line + 2 } } };
    assert.ok(now.has(key(moved)), `the mention at ${key(r)} is now at ${key(moved)}`);
  }
  // The other articles' locations are unchanged.
  assert.deepEqual(refsAfter.filter((r) => r.uri !== uri), refsBefore.filter((r) => r.uri !== uri));

  // Undo: the card and the references are those of before.
  await h.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: editedText }] });
  await poll(async () => ((await card()) === cardBefore ? true : undefined), 'the card to be as before the edit');
  // The same locations (an edited article's mentions may come last until the next full relink).
  const sorted = (refs: Loc[]) => refs.map((r) => `${r.uri} ${key(r)}`).sort();
  assert.deepEqual(sorted(await references()), sorted(refsBefore));
  await h.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('an edited article gets document symbols for its new text, not the kept ones', async () => {
  const uri = h.uri(EDITED);
  type Sym = { name: string; children?: Sym[] };
  const before: Sym[] = await h.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(before[0].name, 'Maliki Issues Plea for Help at Iraq Talks');
  const edited = editedText.replace('title: Maliki Issues Plea for Help at Iraq Talks', 'title: Another Title Entirely');
  await h.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text: edited } });
  const after = await poll(async () => {
    const s: Sym[] = await h.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    return s[0]?.name === 'Another Title Entirely' ? s : undefined;
  }, 'the outline of the edited text');
  assert.equal(after[0].name, 'Another Title Entirely');
  await h.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await poll(async () => {
    const s: Sym[] = await h.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    return s[0]?.name === 'Maliki Issues Plea for Help at Iraq Talks' ? true : undefined;
  }, 'the outline of the disk text after closing');
});
