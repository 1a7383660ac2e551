import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseFrontMatter } from './frontMatter';

test('reads YAML front matter and finds where the body starts', () => {
  const text = '---\ntitle: A Message\nauthor: James Phillips\ndate: 2006-11-28\nurl: https://example.org/a\n---\nBody text.';
  const r = parseFrontMatter(text);
  assert.equal(r.meta.title, 'A Message');
  assert.equal(r.meta.author, 'James Phillips');
  assert.equal(r.meta.date, '2006-11-28');
  assert.equal(text.slice(r.bodyStart), 'Body text.');
  assert.deepEqual(r.problems, []);
});

test('tolerates a BOM and CRLF line endings', () => {
  const text = '\uFEFF---\r\ntitle: T\r\ndate: "2013-11-01"\r\n---\r\nBody';
  const r = parseFrontMatter(text);
  assert.equal(r.meta.title, 'T');
  assert.equal(r.meta.date, '2013-11-01');
  assert.equal(text.slice(r.bodyStart), 'Body');
});

test('no front matter: body starts at 0', () => {
  const r = parseFrontMatter('Just text\n---\nmore');
  assert.equal(r.bodyStart, 0);
  assert.deepEqual(r.problems, []);
});

test('unterminated front matter is a problem, not a crash', () => {
  const r = parseFrontMatter('---\ntitle: x\nno end');
  assert.equal(r.problems[0].code, 'frontmatter-unterminated');
  assert.equal(r.bodyStart, 0);
});

test('malformed YAML is a problem, not a crash', () => {
  const r = parseFrontMatter('---\ntitle: [unclosed\n  : :\n---\nBody');
  assert.equal(r.problems[0].code, 'frontmatter-invalid');
  assert.equal(r.meta.title, undefined);
});

test('JavaScript front matter is never evaluated', () => {
  const marker = join(tmpdir(), `sourcelens-pwned-${process.pid}`);
  const payload = `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\nBody`;
  const r = parseFrontMatter(payload);
  assert.equal(existsSync(marker), false);
  assert.equal(r.problems[0].code, 'frontmatter-language');
  for (const lang of ['javascript', 'coffee']) {
    const again = parseFrontMatter(payload.replace('---js', `---${lang}`));
    assert.equal(existsSync(marker), false);
    assert.equal(again.problems[0].code, 'frontmatter-language');
  }
});

test('YAML tags that would build functions are refused', () => {
  const r = parseFrontMatter('---\ntitle: !!js/function "function () { return 1 }"\n---\nBody');
  assert.equal(r.problems[0].code, 'frontmatter-invalid');
  assert.equal(typeof (r.data as Record<string, unknown>).title, 'undefined');
});

test('a date that is not a date is reported', () => {
  const r = parseFrontMatter('---\ndate: someday\n---\n');
  assert.equal(r.meta.date, undefined);
  assert.equal(r.problems[0].code, 'frontmatter-date');
});

test('a block with no language reads as gray-matter reads it (the direct YAML path)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const matter = require('gray-matter') as (s: string, o: object) => { data: unknown };
  const blocks = [
    'title: A\n',
    '# only a comment\n\n  # another\n',
    '#\n', // a lone "#" is not a comment line for gray-matter: the block is read (and gives nothing)
    '\r\ntitle: B\r\n',
    'title: C\n----\nauthor: D\n', // gray-matter stops at the first "\n---", inside "----"
    'a: [1,\n', // malformed
    '~\n',
    '- a\n- b\n',
  ];
  for (const heading of ['---', '--- \t']) {
    for (const block of blocks) {
      const text = `${heading}\n${block}---\nBody`;
      const r = parseFrontMatter(text);
      let expected: unknown;
      try {
        const d = matter(text.slice(0, r.bodyStart), { engines: { js: {} } }).data;
        expected = d && typeof d === 'object' && !Array.isArray(d) ? d : {};
      } catch {
        expected = 'error';
      }
      const got = r.problems.some((p) => p.code === 'frontmatter-invalid') ? 'error' : r.data;
      assert.deepEqual(got, expected, JSON.stringify(text));
    }
  }
  // and the cases the direct path must tell apart give different data
  assert.deepEqual(parseFrontMatter('---\ntitle: C\n----\nauthor: D\n---\nBody').data, { title: 'C' });
  assert.equal(parseFrontMatter('---\na: [1,\n---\nBody').problems[0]?.code, 'frontmatter-invalid');
  assert.deepEqual(parseFrontMatter('---\n# c\n---\nBody').data, {});
});
