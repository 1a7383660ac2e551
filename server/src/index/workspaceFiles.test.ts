import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { contentHash, utf8ContentHash } from './corpusIndex';
import { decodeText, fileBuffer, findFiles, readTextFile } from './workspaceFiles';

test('found files carry the URI pathToFileURL gives, for plain and odd names alike', async () => {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'sl-find-')), 'work space');
  const names = ['plain.md', 'with space.md', 'hash#tag.md', 'percent%20.md', 'qu?estion.md', 'Müller & Söhne.md', 'emoji-😀.md', 'a.b-c_d.md'];
  for (const folder of ['corpus', 'corpus/sub dir', 'corpus/ünï']) {
    mkdirSync(path.join(root, folder), { recursive: true });
    for (const name of names) writeFileSync(path.join(root, folder, name), 'x');
  }
  mkdirSync(path.join(root, 'corpus', 'entities'));
  writeFileSync(path.join(root, 'corpus', 'entities', 'some one.md'), '---\nname: Some One\n---\n');
  for (const r of [root, root + path.sep]) {
    const found = await findFiles(r, 'corpus/.sourcelens-ignore', () => undefined);
    assert.equal(found.length, 3 * names.length + 1);
    for (const f of found) {
      assert.equal(f.uri, pathToFileURL(f.fsPath).toString(), f.fsPath);
      assert.equal(f.relativePath, path.relative(root, f.fsPath).split(path.sep).join('/'));
    }
    assert.equal(found.find((f) => f.relativePath === 'corpus/entities/some one.md')?.kind, 'note');
    assert.equal(found.find((f) => f.relativePath === 'corpus/sub dir/hash#tag.md')?.kind, 'article');
  }
});

test('a file of exact UTF-8 keeps its bytes, hashed as its text is; a byte-order mark or a bad byte means decoding', () => {
  const text = '---\ntitle: “Talks” in Amman\n---\nMaliki — 😀 é\r\n';
  const exact = decodeText(Buffer.from(text, 'utf8'));
  assert.ok(exact.ok);
  assert.equal(exact.text, text);
  assert.ok(exact.utf8);
  assert.equal(utf8ContentHash(exact.utf8), contentHash(text));
  const withBom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  assert.ok(withBom.ok);
  assert.equal(withBom.utf8, undefined);
  assert.equal(withBom.text, text, 'the mark is not part of the text');
  const invalid = decodeText(Buffer.from([0x61, 0xff, 0x62]));
  assert.ok(invalid.ok);
  assert.equal(invalid.utf8, undefined);
  assert.equal(invalid.text, 'a\uFFFDb');
  const binary = decodeText(Buffer.from([0x61, 0x00, 0x62]));
  assert.equal(binary.ok, false);
});

test('readTextFile gives a file exactly (empty, small, large), and refuses what is too large, binary, or no file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-read-'));
  const large = 'Maliki met Bush — “in Amman”.\n'.repeat(20_000);
  const cases: Array<[string, string]> = [['empty.md', ''], ['small.md', 'Nouri al-Maliki spoke.\n'], ['large.md', large]];
  for (const [name, text] of cases) {
    writeFileSync(path.join(dir, name), text);
    const read = await readTextFile(path.join(dir, name), 10 * 1024 * 1024);
    assert.ok(read.ok, name);
    assert.equal(read.text, text, name);
    assert.equal(read.utf8?.length, Buffer.byteLength(text), name);
  }
  const tooLarge = await readTextFile(path.join(dir, 'large.md'), 1024);
  assert.ok(!tooLarge.ok && /over the limit/.test(tooLarge.reason));
  writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x41, 0, 0x42]));
  const binary = await readTextFile(path.join(dir, 'binary.md'), 1024);
  assert.ok(!binary.ok && /binary/.test(binary.reason));
  const missing = await readTextFile(path.join(dir, 'missing.md'), 1024);
  assert.ok(!missing.ok && /disappeared/.test(missing.reason));
  const folder = await readTextFile(dir, 1024);
  assert.ok(!folder.ok && /not a regular file/.test(folder.reason));
});

test('small files share arenas without overlapping; a large one has a buffer of its own; many files read back exactly', async () => {
  const sizes = [0, 1, 7, 8, 9, 1000, 65536, 300, 5];
  const buffers = sizes.map((n) => fileBuffer(n));
  buffers.forEach((b, k) => {
    assert.equal(b.length, sizes[k]);
    assert.equal(b.byteOffset % 8, 0, 'aligned');
    b.fill(k + 1);
  });
  // Writing each left the others whole: no two overlap.
  buffers.forEach((b, k) => assert.ok(b.every((x) => x === k + 1), `buffer ${k}`));
  const shared = buffers.filter((b) => b.buffer === buffers[1].buffer).length;
  assert.ok(shared >= 2, 'small buffers share an arena');
  const large = fileBuffer(65537);
  assert.equal(large.byteOffset, 0);
  assert.equal(large.buffer.byteLength, 65537, 'a large file owns its memory');
  // Enough files to fill several arenas: each reads back as written, after all were read.
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-arena-'));
  const texts = Array.from({ length: 400 }, (_, k) => `---\ntitle: ${k}\n---\n${'word '.repeat((k * 37) % 3000)}é ${k}\n`);
  texts.forEach((t, k) => writeFileSync(path.join(dir, `${k}.md`), t));
  const reads = await Promise.all(texts.map((_, k) => readTextFile(path.join(dir, `${k}.md`), 1 << 20)));
  reads.forEach((r, k) => {
    assert.ok(r.ok);
    assert.equal(r.text, texts[k]);
    assert.equal(utf8ContentHash(r.utf8!), contentHash(texts[k]));
  });
});
