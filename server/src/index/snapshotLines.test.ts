import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { SnapshotLines } from './snapshotLines';

const dir = (): string => mkdtempSync(path.join(tmpdir(), 'sl-lines-'));

test('lines are found across read chunks, the last one without a newline, empty ones kept', () => {
  const file = path.join(dir(), 'snap.jsonl');
  // A line longer than both the 1 MB scan chunk and the 64 KB read buffer, with multi-byte text.
  const long = 'é'.repeat(700_000);
  const lines = ['{"format":3}', '', long, 'x\ty', 'tail'];
  writeFileSync(file, lines.join('\n'));
  const read = SnapshotLines.open(file);
  assert.ok(read);
  assert.equal(read.count, lines.length);
  lines.forEach((l, i) => assert.equal(read.text(i), l, `line ${i}`));
  // Reading again (out of order) gives the same bytes: the reused buffer is refilled each time.
  assert.equal(read.text(3), 'x\ty');
  assert.equal(read.bytes(0).toString(), '{"format":3}');
  read.close();
});

test('a file ending in a newline has an empty last line', () => {
  const file = path.join(dir(), 'snap.jsonl');
  writeFileSync(file, 'a\nb\n');
  const read = SnapshotLines.open(file)!;
  assert.deepEqual([read.text(0), read.text(1), read.text(2)], ['a', 'b', '']);
  assert.equal(read.count, 3);
  read.close();
});

test('a missing file is undefined, not an error', () => {
  assert.equal(SnapshotLines.open(path.join(dir(), 'none.jsonl')), undefined);
});

test('the opened file is read even after another writer renames a new snapshot over it or it is removed', () => {
  const d = dir();
  const file = path.join(d, 'snap.jsonl');
  writeFileSync(file, 'old one\nold two');
  const read = SnapshotLines.open(file)!;
  writeFileSync(path.join(d, 'new.tmp'), 'new one\nnew two\nnew three');
  renameSync(path.join(d, 'new.tmp'), file);
  assert.equal(read.text(1), 'old two');
  rmSync(file);
  assert.equal(read.text(0), 'old one');
  read.close();
});

test('after close, reads throw and a second close is harmless', () => {
  const file = path.join(dir(), 'snap.jsonl');
  writeFileSync(file, 'a\nb');
  const read = SnapshotLines.open(file)!;
  read.close();
  assert.throws(() => read.bytes(0), /closed/);
  read.close();
});
