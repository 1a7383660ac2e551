import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { StoredText } from './storedText';

/** A deterministic pseudo-random generator (xorshift), so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const PIECES = ['a', 'Bush ', ' ', '\n', '\r', '\r\n', '\n\n', '“', '”', '—', 'é', '😀', '\uD800', '\u00a0', '\u2028'];

/** Both ways of making a stored text (from the string; from its UTF-8 bytes when it has exact ones) answer as TextDocument does. */
function sameDocument(text: string): void {
  sameAs(text, new StoredText('file:///a.md', 'article', 3, text));
  if (!text.includes('\uD800')) sameAs(text, new StoredText('file:///a.md', 'article', 3, Buffer.from(text, 'utf8')));
}

function sameAs(text: string, stored: StoredText): void {
  const reference = TextDocument.create('file:///a.md', 'article', 3, text);
  assert.equal(stored.getText(), text);
  assert.equal(stored.lineCount, reference.lineCount);
  assert.equal(stored.uri, reference.uri);
  assert.equal(stored.version, reference.version);
  for (let line = -1; line <= reference.lineCount + 1; line++) {
    assert.deepEqual(stored.getLineRange(line), reference.getLineRange(line));
    assert.equal(stored.getEOLCharacters(line), reference.getEOLCharacters(line));
  }
  for (let offset = -2; offset <= text.length + 2; offset++) assert.deepEqual(stored.positionAt(offset), reference.positionAt(offset), `positionAt(${offset}) in ${JSON.stringify(text)}`);
  for (let line = -1; line <= reference.lineCount + 1; line++) {
    for (let character = -1; character <= 12; character++) {
      const position = { line, character };
      assert.equal(stored.offsetAt(position), reference.offsetAt(position), `offsetAt(${line}:${character}) in ${JSON.stringify(text)}`);
      const range = { start: { line: 0, character: 1 }, end: position };
      assert.equal(stored.getText(range), reference.getText(range));
    }
  }
}

test('a stored text answers exactly as a TextDocument: CRLF, lone CR, astral and lone surrogates, edges', () => {
  for (const text of ['', '\n', '\r\n', '\r', 'a', 'a\r\nb', 'a\r\r\nb\n', '\n\r', '“Maliki” — 😀\r\nsaid\rhe\n']) sameDocument(text);
  const next = random(20261122);
  for (let n = 0; n < 300; n++) {
    let text = '';
    const pieces = Math.floor(next() * 30);
    for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)];
    sameDocument(text);
  }
});

test('texts are kept as UTF-8 bytes, and repeated reads of one text return it unchanged', () => {
  const text = '---\ntitle: “Talks”\n---\nPresident Bush met Maliki in Amman.\n'.repeat(50);
  const a = new StoredText('file:///a.md', 'article', 0, text);
  const b = new StoredText('file:///b.md', 'article', 0, text.toUpperCase());
  for (let i = 0; i < 10; i++) {
    assert.equal(a.getText(), text);
    assert.equal(b.getText(), text.toUpperCase());
  }
  // More texts than are kept decoded: each still reads right.
  const many = Array.from({ length: 9 }, (_, i) => new StoredText(`file:///${i}.md`, 'article', 0, `${i} “x”\n`.repeat(i + 1)));
  for (let round = 0; round < 3; round++) many.forEach((doc, i) => assert.equal(doc.getText(), `${i} “x”\n`.repeat(i + 1)));
  // A lone surrogate cannot go through UTF-8: such a text is kept as it is.
  const odd = 'a\uD800b\n';
  assert.equal(new StoredText('file:///odd.md', 'article', 0, odd).getText(), odd);
});

test('a text kept as bytes makes its line table on the first position asked for, or when prepared', () => {
  const text = 'One “line”\r\nTwo 😀\rThree\n';
  const lazy = new StoredText('file:///a.md', 'article', 1, Buffer.from(text, 'utf8'));
  assert.equal(lazy.prepared, false, 'nothing made while the index loads');
  assert.deepEqual(lazy.positionAt(text.indexOf('Three')), { line: 2, character: 0 });
  assert.equal(lazy.prepared, true);
  const prepared = new StoredText('file:///a.md', 'article', 1, Buffer.from(text, 'utf8'));
  prepared.prepare();
  assert.equal(prepared.prepared, true);
  assert.equal(prepared.length, text.length);
  assert.equal(new StoredText('file:///a.md', 'article', 1, Buffer.from(text, 'utf8')).length, text.length, 'the length alone makes the table too');
  assert.equal(new StoredText('file:///a.md', 'article', 1, text).prepared, true, 'a string (an editor text) has its table at once');
});
