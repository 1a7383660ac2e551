import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContext, findDescriptions } from './context';

test('descriptions of unnamed people, with their determiner', () => {
  const ctx = buildContext('A senior administration official said so, and two officials agreed with the spokesman.', 0, []);
  assert.deepEqual(
    ctx.descriptions.map((d) => [ctx.outside.slice(d.start, d.end), d.indefinite, d.plural]),
    [
      ['A senior administration official', true, false],
      ['two officials', false, true],
      ['the spokesman', false, false],
    ],
  );
  assert.deepEqual(buildContext('The weather was fine.', 0, []).descriptions, []);
});

test('the tails tokenized first give the descriptions of whole windows (random text)', () => {
  const pieces = ['a', 'A', 'the', 'one', 'two', 'senior', 'administration', 'Iraqi', 'U.S.', 'official', 'officials', 'spokesman', 'aide', 'workers', 'people', 'said', 'and', 'of', 'in', 'who', 'was', 'former', 'top', 'military', ',', '.', '"', '—'];
  let seed = 17;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  let found = 0;
  for (let k = 0; k < 1500; k++) {
    const words: string[] = [];
    const len = 3 + (rnd() % 40);
    for (let i = 0; i < len; i++) words.push(pieces[rnd() % pieces.length]);
    const text = words.join(rnd() % 4 ? ' ' : '  ');
    const ctx = buildContext(text, 0, []);
    const from = rnd() % 4 ? 0 : rnd() % (text.length + 1);
    const got = findDescriptions(ctx.outside, from, ctx.cueWords);
    assert.deepEqual(got, findDescriptions(ctx.outside, from, ctx.cueWords, []), JSON.stringify([text, from]));
    found += got.length;
  }
  assert.ok(found > 3000, `only ${found} descriptions: the random text says too little`);
});
