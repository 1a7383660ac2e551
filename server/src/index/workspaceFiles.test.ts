import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { findFiles } from './workspaceFiles';

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
