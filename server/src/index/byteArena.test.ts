import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteArena, base64DecodedLength } from './byteArena';

const bytes = (n: number, seed: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) & 255));

test('parts decoded from base64 equal what Buffer.from decodes, at any length and padding', () => {
  const arena = new ByteArena(1024);
  for (let n = 0; n < 300; n += 7) {
    const data = bytes(n, n);
    const text = data.toString('base64');
    assert.equal(base64DecodedLength(text), n);
    assert.deepEqual(arena.fromBase64(text), data, `${n} bytes`);
    assert.deepEqual(arena.fromBase64(text.replace(/=+$/, '')), data, `${n} bytes, unpadded`);
  }
});

test('parts share chunks without overlapping, each starts 8-byte aligned, large ones get their own buffer', () => {
  const arena = new ByteArena(1024);
  const kept = Array.from({ length: 40 }, (_, i) => ({ data: bytes(13 + i * 5, i), part: arena.fromBase64(bytes(13 + i * 5, i).toString('base64')) }));
  for (const { data, part } of kept) {
    assert.deepEqual(part, data, 'later parts did not overwrite earlier ones');
    assert.equal(part.byteOffset % 8, 0);
    assert.equal(new Int32Array(part.buffer, part.byteOffset, part.length >> 2).length, part.length >> 2, 'an Int32 view over it can be made');
  }
  const chunks = new Set(kept.map((k) => k.part.buffer));
  assert.ok(chunks.size > 1 && chunks.size < kept.length, `${chunks.size} chunks for ${kept.length} parts`);
  for (const c of chunks) assert.equal(c.byteLength, 1024);
  const large = arena.fromBase64(bytes(600, 1).toString('base64'));
  assert.ok(large.buffer.byteLength >= 600 && large.buffer.byteLength !== 1024, 'a part over a quarter of a chunk is not put in one');
  assert.deepEqual(large, bytes(600, 1));
});

test('damaged base64 gives what the decoder makes of it, never bytes from elsewhere in the chunk', () => {
  const arena = new ByteArena(1024);
  arena.fromBase64(Buffer.alloc(16, 0xee).toString('base64'));
  const part = arena.fromBase64('AAEC!!!!AwQF');
  assert.deepEqual(part, Buffer.from('AAEC!!!!AwQF', 'base64'));
  assert.ok(!part.includes(0xee));
});
