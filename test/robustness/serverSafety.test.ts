/**
 * The real server over stdio, on a copy of the corpus plus hostile and multi-script articles:
 * positions are right in any script (UTF-16, LSP's default encoding), front matter never runs,
 * and hover Markdown built from article text is escaped (no raw HTML, no `command:` links).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join, sep } from 'path';
import { fileURLToPath } from 'url';
import { startServer, type Harness } from '../protocol/lspHarness';
import { decodeTokens, positionAt, sliceRange, type Range } from './lspText';

// Emoji (surrogate pairs, a ZWJ family, a flag), Arabic script, combining marks and astral
// letters all sit before the mentions on the same line, so any UTF-8/code-point confusion shifts them.
const UNICODE_ARTICLE = [
  '---',
  'title: "Unicode: 😀 محمد é"',
  'date: 2006-11-28',
  '---',
  '',
  '😀👩‍👩‍👧🇮🇶 Crowds chanting «نوري المالكي» and e\u0301\u0301 a\u0308 𝒜𝒷𝒸 waited in Baghdad until Prime Minister Nouri al-Maliki arrived.',
  '',
  'مرحبا 🙂 — On Tuesday, 🎉 Maliki said the talks with President Bush would continue.',
  '',
].join('\n');

const PWNED = join(tmpdir(), `sourcelens-pwned-${process.pid}`);
const PAYLOAD = `require('fs').writeFileSync(${JSON.stringify(PWNED)}, 'x')`;
const HOSTILE_FILES: Record<string, string> = {
  'hostile-js.md': `---js\n{ title: (function(){ ${PAYLOAD}; return 'x' })() }\n---\nPrime Minister Nouri al-Maliki said nothing.\n`,
  'hostile-javascript.md': `---javascript\nmodule.exports = { title: (() => { ${PAYLOAD}; return 'y' })() }\n---\nMaliki said nothing.\n`,
  'hostile-coffee.md': `---coffee\ntitle: do -> ${PAYLOAD}\n---\nMaliki said nothing.\n`,
  'hostile-yaml-tag.md': `---\ntitle: !!js/function "function(){ ${PAYLOAD.replace(/"/g, '\\"')} }"\nauthor: !!js/undefined ''\nrun: !<tag:yaml.org,2002:js/function> 'function(){ ${PAYLOAD.replace(/'/g, "''")} }'\n---\nMaliki said nothing.\n`,
  'hostile-markdown.md': [
    '---',
    'title: "[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>"',
    'date: 2006-11-28',
    '---',
    '',
    'Prime Minister Nouri al-Maliki said "[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) <img src=x onerror=alert(1)> <script>alert(1)</script> ](command:evil)" on Tuesday.',
    '',
    'The Council [Evil](command:workbench.action.quit)<img src=x onerror=alert(2)> met Maliki in Baghdad, an official said.',
    '',
  ].join('\n'),
};

let h: Harness;
before(async () => {
  h = await startServer({
    setup(root) {
      writeFileSync(join(root, 'corpus', 'unicode-positions.md'), UNICODE_ARTICLE);
      for (const [name, text] of Object.entries(HOSTILE_FILES)) writeFileSync(join(root, 'corpus', name), text);
    },
  });
  await h.whenReady();
});
after(async () => h?.close());

const offsetOf = (text: string, needle: string, occurrence = 0) => {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return at;
};

type Hover = { contents: { kind: string; value: string }; range?: Range } | null;

test('positions: hover on a name after emoji, Arabic script and combining marks covers exactly that name', async () => {
  const uri = h.uri('corpus/unicode-positions.md');
  for (const [needle, occurrence] of [['Maliki arrived', 0], ['Maliki said', 0], ['Baghdad', 0]] as const) {
    const at = offsetOf(UNICODE_ARTICLE, needle, occurrence);
    const hover: Hover = await h.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionAt(UNICODE_ARTICLE, at + 2) });
    assert.ok(hover?.range, `no hover on "${needle}"`);
    const covered = sliceRange(UNICODE_ARTICLE, hover.range);
    const word = needle.split(' ')[0];
    assert.ok(covered === word || covered.endsWith(word), `hover range covers ${JSON.stringify(covered)}, expected it to end with ${word}`);
    assert.ok(!/[\ud800-\udfff]/.test(covered), 'range cuts a surrogate pair');
  }
  // Negative: the emoji and the Arabic text are not names.
  const emoji: Hover = await h.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionAt(UNICODE_ARTICLE, offsetOf(UNICODE_ARTICLE, '👩')) });
  assert.equal(emoji, null);
});

test('positions: references to Maliki land on "Maliki" in the multi-script article', async () => {
  const uri = h.uri('corpus/unicode-positions.md');
  const refs: Array<{ uri: string; range: Range }> = await h.connection.sendRequest('textDocument/references', {
    textDocument: { uri },
    position: positionAt(UNICODE_ARTICLE, offsetOf(UNICODE_ARTICLE, 'Maliki said') + 1),
    context: { includeDeclaration: false },
  });
  const here = refs.filter((r) => r.uri === uri).map((r) => sliceRange(UNICODE_ARTICLE, r.range));
  assert.ok(here.length >= 2, `references in the unicode article: ${JSON.stringify(here)}`);
  for (const s of here) assert.match(s, /Maliki$/, `reference covers ${JSON.stringify(s)}`);
  assert.ok(refs.some((r) => r.uri !== uri), 'references reach the other articles too');
});

test('positions: semantic tokens decode to the exact names in UTF-16', async () => {
  const uri = h.uri('corpus/unicode-positions.md');
  const legend = ['person', 'organization', 'place', 'group', 'date'];
  const tokens: { data: number[] } = await h.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
  const decoded = decodeTokens(UNICODE_ARTICLE, tokens.data).map((t) => `${t.text}:${legend[t.type]}`);
  assert.ok(decoded.includes('Maliki:person'), decoded.join(', '));
  assert.ok(decoded.includes('Baghdad:place'), decoded.join(', '));
  assert.ok(decoded.some((d) => d.startsWith('Nouri al-Maliki:') || d === 'Maliki:person'), decoded.join(', '));
  for (const d of decoded) assert.ok(!/[\ud800-\udfff]/.test(d), `token cuts a surrogate pair: ${JSON.stringify(d)}`);
});

test('safety: ---js / ---javascript / ---coffee front matter and !!js tags are never evaluated', async () => {
  // The articles were indexed (the index is ready); give any stray evaluation a moment anyway.
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(existsSync(PWNED), false, `a front-matter payload wrote ${PWNED}`);
  const stray = readdirSync(tmpdir()).filter((f) => f.startsWith('sourcelens-pwned-'));
  assert.deepEqual(stray, []);
  for (const name of Object.keys(HOSTILE_FILES)) {
    const info = (await h.connection.sendRequest('sourcelens/articleInfo', { uri: h.uri(`corpus/${name}`) }).catch(() => null)) as { title?: string } | null;
    if (info?.title) assert.ok(!/^[xy]$/.test(info.title), `${name}: title computed by code: ${info.title}`);
  }
});

test('safety: hover Markdown built from hostile article text is escaped (no command: links, no raw HTML)', async () => {
  const name = 'hostile-markdown.md';
  const text = HOSTILE_FILES[name];
  const uri = h.uri(`corpus/${name}`);
  const cards: string[] = [];
  for (const needle of ['Maliki said', 'x](command', 'img src=x onerror=alert(1)> <script', 'Council', 'Maliki in', 'Tuesday']) {
    const hover: Hover = await h.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offsetOf(text, needle) + 1) });
    if (hover) cards.push(hover.contents.value);
  }
  // Also the card of the actor whose articles include the hostile title.
  const maliki: Hover = await h.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offsetOf(text, 'Maliki said') + 1) });
  assert.ok(maliki, 'no hover on Maliki in the hostile article');
  assert.ok(cards.length >= 2, `only ${cards.length} hover cards`);
  for (const card of cards) {
    assert.ok(!card.includes('](command:'), `raw command link in hover:\n${card}`);
    assert.ok(!/\(command:/i.test(card.replace(/\\\(command:/gi, '')), `unescaped (command: in hover:\n${card}`);
    assert.ok(!/<img|<script/i.test(card), `raw HTML in hover:\n${card}`);
  }
  // The hostile title is shown (escaped) in some card: it was not silently dropped.
  assert.ok(cards.some((c) => c.includes('command') || c.includes('onerror')), `hostile text never shown, so escaping was not exercised:\n${cards.join('\n---\n')}`);
});

test('safety: the isTrusted flag is never set on hover contents', async () => {
  const text = HOSTILE_FILES['hostile-markdown.md'];
  const hover = (await h.connection.sendRequest('textDocument/hover', { textDocument: { uri: h.uri('corpus/hostile-markdown.md') }, position: positionAt(text, offsetOf(text, 'Maliki said') + 1) })) as Record<string, unknown> & { contents: Record<string, unknown> };
  assert.equal(hover.contents.isTrusted, undefined);
  assert.equal((hover as { isTrusted?: unknown }).isTrusted, undefined);
});

test('safety: a note for an entity named like a path is written inside the notes folder only', async (t) => {
  const hostileNames = ['../../../escaped-note', '..\\..\\escaped-win', '/etc/escaped-abs', 'corpus/../../escaped-dot', '\u0000nul'];
  const written: string[] = [];
  for (const name of hostileNames) {
    const uri = (await h.connection.sendRequest('workspace/executeCommand', { command: 'sourcelens.server.createNote', arguments: [name, 'person', ''] }).catch(() => null)) as string | null;
    if (uri === null) continue; // refused: fine
    const file = fileURLToPath(uri);
    assert.ok(file.startsWith(join(h.root, 'corpus', 'entities') + sep), `${JSON.stringify(name)} was written to ${file}`);
    assert.ok(!basename(file).startsWith('.'), `hidden file name ${basename(file)}`);
    written.push(basename(file));
  }
  assert.ok(written.length >= 3, `the server refused most notes, so sanitising was not exercised: ${written.join(', ')}`);
  for (const leaked of [join(h.root, '..', 'escaped-note.md'), join(h.root, '..', '..', 'escaped-note.md'), '/etc/escaped-abs.md', join(h.root, '..', 'escaped-dot.md')]) {
    assert.equal(existsSync(leaked), false, `note escaped the workspace: ${leaked}`);
  }
  t.diagnostic(`notes written as: ${written.join(', ')}`);
});
