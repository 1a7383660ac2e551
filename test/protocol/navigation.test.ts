/** Protocol tests: the real server over stdio, on a copy of the corpus. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { positionOf, startServer, type Harness } from './lspHarness';

let h: Harness;
const ARTICLE = 'corpus/2006-11-02-relations-between-us-and-iraqi-government-at-breaking-point.md';
let text: string;

before(async () => {
  h = await startServer();
  await h.whenReady();
  text = readFileSync(join(h.root, ARTICLE), 'utf8');
});
after(async () => h?.close());

const doc = () => ({ uri: h.uri(ARTICLE) });

test('hover on "Maliki" shows the actor card with canonical name and counts across articles', async () => {
  const hover: { contents: { kind: string; value: string } } = await h.connection.sendRequest('textDocument/hover', { textDocument: doc(), position: positionOf(text, 'Maliki issued') });
  assert.equal(hover.contents.kind, 'markdown');
  const card = hover.contents.value;
  assert.match(card, /Nouri al-Maliki/);
  assert.match(card, /person/);
  const counts = /\*\*(\d+)\*\* mentions? in \*\*(\d+)\*\* articles?/.exec(card);
  assert.ok(counts, card);
  assert.ok(Number(counts[1]) >= 20, `mentions: ${counts[1]}`);
  assert.ok(Number(counts[2]) >= 4, `articles: ${counts[2]}`);
});

test('hover on a plain word answers nothing', async () => {
  const hover = await h.connection.sendRequest('textDocument/hover', { textDocument: doc(), position: positionOf(text, 'Tensions between') });
  assert.equal(hover, null);
});

test('go to definition opens the entity note', async () => {
  const loc: { uri: string } = await h.connection.sendRequest('textDocument/definition', { textDocument: doc(), position: positionOf(text, 'Maliki issued') });
  assert.ok(loc.uri.endsWith('/corpus/entities/nouri-al-maliki.md'), loc.uri);
});

test('find all references lists mentions in several articles, including misspellings', async () => {
  const refs: Array<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> = await h.connection.sendRequest('textDocument/references', {
    textDocument: doc(),
    position: positionOf(text, 'Maliki issued'),
    context: { includeDeclaration: false },
  });
  const files = new Set(refs.map((r) => r.uri));
  assert.ok(files.size >= 4, `files: ${[...files].join(', ')}`);
  const surfaces = new Set<string>();
  for (const r of refs) {
    const file = readFileSync(new URL(r.uri), 'utf8');
    const lines = file.split('\n');
    surfaces.add(lines[r.range.start.line].slice(r.range.start.character, r.range.end.character));
  }
  assert.ok(surfaces.has('Maliki'));
  assert.ok(surfaces.has('Nouri al-Maliki'));
  assert.ok([...surfaces].some((s) => s === 'Malikik' || s === 'Mailiki'), [...surfaces].join(', '));
  assert.ok(![...surfaces].some((s) => /Bush|Sadr/.test(s)), [...surfaces].join(', '));
});

test('document highlights mark every mention of the actor in the article', async () => {
  const highlights: unknown[] = await h.connection.sendRequest('textDocument/documentHighlight', { textDocument: doc(), position: positionOf(text, 'Maliki issued') });
  const expected = (text.match(/Maliki/g) ?? []).length;
  assert.ok(highlights.length >= expected - 1 && highlights.length <= expected, `${highlights.length} vs ${expected}`);
});

test('workspace symbols find the actor by a partial name', async () => {
  const symbols: Array<{ name: string; containerName?: string }> = await h.connection.sendRequest('workspace/symbol', { query: 'Maliki' });
  assert.equal(symbols[0].name, 'Nouri al-Maliki');
});

test('semantic tokens colour the names with their entity type', async () => {
  const legend = ['person', 'organization', 'place', 'group', 'date'];
  const tokens: { data: number[] } = await h.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: doc() });
  assert.ok(tokens.data.length > 50 && tokens.data.length % 5 === 0);
  const lines = text.split('\n');
  let line = 0;
  let char = 0;
  const seen = new Map<string, string>();
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type] = tokens.data.slice(i, i + 4);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    seen.set(lines[line].slice(char, char + len), legend[type]);
  }
  assert.equal(seen.get('Maliki'), 'person');
  assert.equal(seen.get('Sadr City'), 'place');
  assert.equal(seen.get('Baghdad'), 'place');
});

test('semantic tokens colour a capital standing for its government as an organization, and the city as a place', async () => {
  const legend = ['person', 'organization', 'place', 'group', 'date'];
  const tokens: { data: number[] } = await h.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: doc() });
  const typeAt = (position: { line: number; character: number }): string | undefined => {
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, , type] = tokens.data.slice(i, i + 4);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      if (line === position.line && char === position.character) return legend[type];
    }
    return undefined;
  };
  // As `sourcelens extract` reports them: "Washington's broader plans" is the government.
  assert.equal(typeAt(positionOf(text, 'Washington’s broader plans', 0, 0)), 'organization');
  assert.equal(typeAt(positionOf(text, 'Washington over the future', 0, 0)), 'place');
});

test('entity notes and all five articles are indexed', async () => {
  const entities: Array<{ name: string; mentions: number; hasNote: boolean }> = await h.connection.sendRequest('sourcelens/entities');
  const articles = readdirSync(join(h.root, 'corpus')).filter((f) => f.endsWith('.md'));
  assert.equal(articles.length, 5);
  const maliki = entities.find((e) => e.name === 'Nouri al-Maliki');
  assert.ok(maliki && maliki.hasNote && maliki.mentions >= 20);
  assert.ok(entities[0].mentions >= entities[entities.length - 1].mentions);
});

test('the Outline is the argument: article → thesis → sections → recommendations', async () => {
  const uri = h.uri('corpus/2006-11-28-a-message-for-maliki.md');
  type Sym = { name: string; detail?: string; kind: number; children?: Sym[] };
  const symbols: Sym[] = await h.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols.length, 1);
  const article = symbols[0];
  assert.match(article.name, /A Message for Maliki/);
  const kids = article.children ?? [];
  assert.equal(kids[0].kind, 20, 'the thesis comes first, as a Key symbol');
  const sections = kids.filter((k) => k.kind === 3).map((k) => k.name);
  assert.ok(sections.includes('Four Key Recommendations for President Bush'), sections.join(' | '));
  const recs = kids.find((k) => k.name.startsWith('Four Key'))!.children!.filter((c) => c.kind === 24 && /^\d\./.test(c.name));
  assert.equal(recs.length, 4);
});

test('a relative date gets an inlay hint with its resolved value', async () => {
  const uri = h.uri('corpus/2006-11-28-a-message-for-maliki.md');
  const hints: Array<{ label: string; position: { line: number } }> = await h.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } } });
  assert.ok(hints.some((x) => x.label === '⟨2006-11-29⟩'), JSON.stringify(hints));
});

test('a quotation is tied to its speaker: the quote hover names them, and "everything X said" lists it', async () => {
  const quotes: Array<{ text: string; speaker: string; kind: string }> = await h.connection.sendRequest('sourcelens/quotesBy', { uri: h.uri(ARTICLE), position: positionOf(text, 'Maliki issued') });
  assert.ok(quotes.length >= 1, 'Maliki is quoted in the corpus');
  assert.ok(quotes.every((q) => q.speaker === 'Nouri al-Maliki'));
  const said = quotes[0].text;
  const hover: { contents: { value: string } } = await h.connection.sendRequest('textDocument/hover', { textDocument: doc(), position: positionOf(text, 'open roads', 0, 2) });
  assert.match(hover.contents.value, /Said by \*\*Nouri al-Maliki\*\*/);
  void said;
});
