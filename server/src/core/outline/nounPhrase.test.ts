import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContext } from './context';
import { phraseBefore, phraseBeforeWholeWindow } from './nounPhrase';
import type { EntityMention } from '../types';

test('phraseBefore finds the subject before a reporting verb', () => {
  const text = 'Prime Minister Nouri al-Maliki said on Monday that a senior official, Jalil Nouri, told reporters.';
  const ctx = buildContext(text, 0, [{ start: 15, end: 30, text: 'Nouri al-Maliki', type: 'person', source: 'model', confidence: 0.9 } as EntityMention]);
  assert.equal(phraseBefore(ctx, text.indexOf(' said'), 0).main?.name, 'Nouri al-Maliki');
  const told = phraseBefore(ctx, text.indexOf(' told'), 0);
  assert.equal(told.apposition?.name, 'Jalil Nouri');
  assert.equal(told.main?.kind, 'description');
  assert.equal(phraseBefore(ctx, text.indexOf('on Monday'), 0).main, null);
});

test('the tails it tokenizes give the answer of the whole window (random text, every position)', () => {
  const pieces = ['the', 'The', 'a', 'senior', 'official', 'officials', 'spokesman', 'Maliki', 'Nouri', 'al-Maliki', 'U.S.', 'Mr.', 'of', 'in', 'at', 'for', 'on', 'and', 'but', 'he', 'she', 'they', 'it', 'also', 'later', 'quickly', 'has', 'was', 'Army', 'Ministry', 'government', "Bush's", 'people', ',', ',', '.', '"', '”', '—', '--', ';'];
  let seed = 3;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  let named = 0;
  for (let k = 0; k < 400; k++) {
    const words: string[] = [];
    const len = 5 + (rnd() % 60);
    for (let i = 0; i < len; i++) words.push(pieces[rnd() % pieces.length]);
    const text = words.join(rnd() % 4 ? ' ' : '  ');
    // capitalised words become mentions, some of them
    const mentions: EntityMention[] = [];
    for (const m of text.matchAll(/\b[A-Z][a-z-]+(?: [A-Z][a-z-]+)*/g)) {
      if (rnd() % 3) mentions.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: rnd() % 2 ? 'person' : 'organization', source: 'model', confidence: 0.9 } as EntityMention);
    }
    const ctx = buildContext(text, 0, mentions);
    for (let pos = 0; pos <= text.length; pos++) {
      const floor = rnd() % 3 ? 0 : rnd() % (pos + 1);
      const got = phraseBefore(ctx, pos, floor);
      assert.deepEqual(got, phraseBeforeWholeWindow(ctx, pos, floor), JSON.stringify([text, pos, floor]));
      if (got.main) named++;
    }
  }
  assert.ok(named > 2000, `only ${named} subjects found: the random text says too little`);
});
