/** The CLI contract: `sourcelens extract` over files and over JSON Lines, `sourcelens outline`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const REPO = join(__dirname, '..', '..', '..');
const BIN = join(REPO, 'node_modules', '.bin', 'sourcelens');

function run(args: string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(BIN, args, { cwd: REPO, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

test('extract --jsonl-in: offsets into text, contract types, ids consistent across documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelens-cli-'));
  const file = join(dir, 'in.jsonl');
  const docs = [
    { id: 'a', text: 'Iraqi Prime Minister Nouri al-Maliki met President George W. Bush in Amman on Wednesday. Maliki said the talks were useful.', dct: '2006-11-30' },
    { id: 'b', text: 'On Friday the Iraqi prime minister, Nuri al-Maliki, arrived in Washington. The Pentagon declined to comment.', dct: '2013-11-01' },
  ];
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const r = run(['extract', '--jsonl-in', file]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.id), ['a', 'b']);
  for (const [i, line] of lines.entries()) {
    for (const e of line.entities) {
      assert.equal(docs[i].text.slice(e.start, e.end), e.text);
      assert.ok(['person', 'organization', 'place', 'group'].includes(e.type), e.type);
      assert.equal(typeof e.entity, 'string');
    }
    for (const d of line.dates) assert.equal(docs[i].text.slice(d.start, d.end), d.text);
    assert.ok(Array.isArray(line.quotes) && Array.isArray(line.outline));
  }
  const malikiA = lines[0].entities.find((e: { text: string }) => e.text === 'Nouri al-Maliki');
  const malikiShort = lines[0].entities.find((e: { text: string }) => e.text === 'Maliki');
  const malikiB = lines[1].entities.find((e: { text: string }) => e.text === 'Nuri al-Maliki');
  assert.ok(malikiA && malikiShort && malikiB, JSON.stringify(lines.map((l) => l.entities)));
  assert.equal(malikiA.type, 'person');
  assert.equal(malikiShort.entity, malikiA.entity);
  assert.equal(malikiB.entity, malikiA.entity);
  const wednesday = lines[0].dates.find((d: { text: string }) => d.text === 'Wednesday');
  assert.equal(wednesday?.value, '2006-11-29');
});

test('extract over the corpus prints articles, mentions, dates, entities and outline', () => {
  const r = run(['extract', '--kb', 'corpus/entities', 'corpus']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.articles.length, 5);
  const maliki = out.entities.find((e: { id: string }) => e.id === 'nouri-al-maliki');
  assert.ok(maliki && maliki.type === 'person' && maliki.mentions >= 20);
  for (const a of out.articles) {
    assert.ok(a.meta.title && a.meta.date, a.path);
    assert.ok(a.mentions.length > 10, a.path);
    assert.ok(a.outline.length === 1 && a.outline[0].role === 'article', a.path);
  }
});

test("a folder's entity notes are read by default, and a note's type is the type its mentions report", () => {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelens-cli-'));
  mkdirSync(join(dir, 'entities'));
  writeFileSync(join(dir, 'a.md'), '---\ntitle: A\ndate: 2006-11-02\n---\nSenator Jane Doe told reporters on Capitol Hill that Capitol Hill would vote on Tuesday.\n');
  const note = (type: string) => `---\nname: Capitol Hill\ntype: ${type}\naliases: [the Hill]\n---\nThe United States Congress.\n`;
  const hill = (args: string[]) => {
    const r = run(['extract', ...args]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const mentions = out.articles[0].mentions.filter((m: { text: string }) => m.text === 'Capitol Hill');
    const entity = out.entities.find((e: { id: string }) => e.id === mentions[0]?.entity);
    return { types: mentions.map((m: { type: string }) => m.type), aliases: entity?.aliases ?? [] };
  };
  for (const type of ['organization', 'place']) {
    writeFileSync(join(dir, 'entities', 'capitol-hill.md'), note(type));
    const viaFolder = hill([dir]);
    assert.deepEqual(viaFolder.types, [type, type], `the note says ${type}`);
    assert.ok(viaFolder.aliases.includes('the Hill'), 'the note was read from the folder');
    assert.deepEqual(hill(['--kb', join(dir, 'entities'), join(dir, 'a.md')]).types, [type, type]);
  }
  const fileOnly = hill([join(dir, 'a.md')]);
  assert.equal(fileOnly.aliases.includes('the Hill'), false, 'a file given alone has no notes folder');
});

test('outline prints the argument tree as text', () => {
  const r = run(['outline', 'corpus/2006-11-28-a-message-for-maliki.md']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^article: A Message for Maliki/m);
  assert.match(r.stdout, /^ {2}thesis: /m);
  assert.match(r.stdout, /^ {2}section: Four Key Recommendations/m);
  assert.match(r.stdout, /recommendation: 1\. Press Maliki/);
});

test('bad arguments print usage and exit 2', () => {
  const r = run(['frobnicate']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage:/);
});
