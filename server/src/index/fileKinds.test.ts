import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyPath, effectivePaths, noteIdFromPath } from './fileKinds';

const IGNORE = 'corpus/.sourcelens-ignore';

test('articles live under a corpus folder or are named *.article.md', () => {
  assert.equal(classifyPath('corpus/a.md', IGNORE), 'article');
  assert.equal(classifyPath('research/corpus/2006/b.markdown', IGNORE), 'article');
  assert.equal(classifyPath('notes/c.article.md', IGNORE), 'article');
  assert.equal(classifyPath('docs/readme.md', IGNORE), null);
  assert.equal(classifyPath('corpus/README.md', IGNORE), null);
  assert.equal(classifyPath('corpus/a.txt', IGNORE), null);
});

test('notes, the ignore list, and skipped folders', () => {
  assert.equal(classifyPath('corpus/entities/nouri-al-maliki.md', IGNORE), 'note');
  assert.equal(classifyPath('corpus/.sourcelens-ignore', IGNORE), 'decisions');
  assert.equal(classifyPath('corpus/.git/x.md', IGNORE), null);
  assert.equal(classifyPath('node_modules/corpus/x.md', IGNORE), null);
});

test('a workspace opened on the corpus folder itself', () => {
  assert.equal(classifyPath('a.md', IGNORE, 'corpus'), 'article');
  assert.equal(classifyPath('entities/x.md', IGNORE, 'corpus'), 'note');
  assert.equal(classifyPath('a.md', IGNORE, 'somewhere'), null);
  assert.deepEqual(effectivePaths('corpus', 'corpus/entities', IGNORE), { notesFolder: 'entities', ignoreFile: '.sourcelens-ignore' });
  assert.deepEqual(effectivePaths('repo', 'corpus/entities', IGNORE), { notesFolder: 'corpus/entities', ignoreFile: IGNORE });
});

test('note ids come from file names', () => {
  assert.equal(noteIdFromPath('corpus/entities/Nouri Al-Maliki.md'), 'nouri-al-maliki');
});
