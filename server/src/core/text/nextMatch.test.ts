import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextMatchFinder } from './nextMatch';

test('the next-match search answers as a fresh search would, whatever order it is asked in', () => {
  const next = nextMatchFinder(/[.!?]/);
  const fresh = (text: string, i: number): number => {
    const m = /[.!?]/g;
    m.lastIndex = i;
    return m.exec(text)?.index ?? text.length;
  };
  const texts = ['One. Two! Three?', 'no marks at all', '', '...', 'a.b'];
  for (const text of [...texts, ...texts.reverse()]) {
    for (const i of [0, 3, 1, 9, 4, 4, 20, 0, text.length]) assert.equal(next(text, i), fresh(text, i), `${JSON.stringify(text)} @${i}`);
  }
});
