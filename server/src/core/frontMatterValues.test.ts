import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontMatter } from './frontMatter';
import { frontMatterValues } from './frontMatterValues';

function values(text: string, keys = ['title', 'author', 'authors', 'publisher']) {
  return frontMatterValues(text, parseFrontMatter(text), keys).map((v) => ({ key: v.key, at: text.slice(v.start, v.end), readable: v.readable, value: v.value }));
}

test('plain one-line values at their exact offsets, comment dropped', () => {
  const text = '---\ntitle: Maliki Issues Plea   # a comment\nauthor: James Cogan, Peter Symonds\ndate: 2007-03-12\n---\nBody';
  assert.deepEqual(values(text), [
    { key: 'title', at: 'Maliki Issues Plea', readable: 'Maliki Issues Plea', value: 'Maliki Issues Plea' },
    { key: 'author', at: 'James Cogan, Peter Symonds', readable: 'James Cogan, Peter Symonds', value: 'James Cogan, Peter Symonds' },
  ]);
});

test('double-quoted value: escapes blanked in the readable copy, same length as the source', () => {
  const text = '---\ntitle: "The \\"Surge\\" and Bush\\\\s Plan"\n---\nBody';
  const [v] = values(text);
  assert.equal(v.value, 'The "Surge" and Bush\\s Plan');
  assert.equal(v.at, 'The \\"Surge\\" and Bush\\\\s Plan');
  assert.equal(v.readable, 'The   Surge   and Bush  s Plan');
  assert.equal(v.readable.length, v.at.length);
});

test('an escape that stands for a letter makes the value uncertain: skipped', () => {
  const text = '---\ntitle: "Jos\\u00e9 Mart\\xed in Havana"\nauthor: Ann Lee\n---\nBody';
  assert.deepEqual(values(text).map((v) => v.key), ['author']);
});

test("single-quoted value: '' is one quote, its first character blanked", () => {
  const text = "---\ntitle: 'Bush''s Wavering'\n---\nBody";
  const [v] = values(text);
  assert.equal(v.value, "Bush's Wavering");
  assert.equal(v.readable, "Bush 's Wavering");
  assert.equal(v.at, "Bush''s Wavering");
});

test('block and flow lists give one value per item', () => {
  const block = '---\nauthors:\n  - James Cogan\n  - "Peter Symonds"\ntitle: T\n---\nBody';
  assert.deepEqual(values(block).map((v) => [v.key, v.at]), [['authors', 'James Cogan'], ['authors', 'Peter Symonds'], ['title', 'T']]);
  const flow = "---\nauthors: [James Cogan, 'Peter Symonds']\n---\nBody";
  assert.deepEqual(values(flow).map((v) => v.at), ['James Cogan', 'Peter Symonds']);
});

test('CRLF front matter: offsets exclude the carriage return', () => {
  const text = '---\r\ntitle: How Obama Can Help Iraq\r\nauthor: Stephanie Gaskell\r\n---\r\nBody';
  assert.deepEqual(values(text).map((v) => v.at), ['How Obama Can Help Iraq', 'Stephanie Gaskell']);
});

test('folded, block and multi-line scalars are skipped, not guessed', () => {
  const multi = '---\ntitle: Maliki Issues Plea\n  for Help at Iraq Talks\nauthor: Ann Lee\n---\nBody';
  assert.deepEqual(values(multi).map((v) => v.key), ['author']);
  const folded = '---\ntitle: >\n  Maliki Issues Plea\nauthor: |\n  Ann Lee\n---\nBody';
  assert.deepEqual(values(folded), []);
  const quoted = '---\ntitle: "Maliki Issues\n  Plea"\n---\nBody';
  assert.deepEqual(values(quoted), []);
});

test('non-string values and nested keys are not read; malformed front matter gives nothing', () => {
  assert.deepEqual(values('---\ntitle: 2006\nauthor:\n  name: Ann Lee\n---\nBody'), []);
  assert.deepEqual(values('---\nmeta:\n  title: Inner Title\n---\nBody'), []);
  assert.deepEqual(values('---\ntitle: [unclosed\n  : :\n---\nBody'), []);
  assert.deepEqual(values('---\ntitle: Unterminated\nno end'), []);
  assert.deepEqual(values('No front matter\ntitle: X'), []);
});

test('a 1 MB one-line value is read in linear time', () => {
  const big = 'A'.repeat(1 << 20);
  const text = `---\ntitle: ${big}\n---\nBody`;
  const t0 = Date.now();
  assert.equal(values(text)[0].value.length, big.length);
  assert.ok(Date.now() - t0 < 2000);
});
