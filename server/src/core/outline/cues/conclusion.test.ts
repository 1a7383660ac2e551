import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContext } from '../context';
import { buildSections } from '../sections';
import { findConclusion } from './conclusion';

function check(text: string, expectedStart: string | null, author?: string) {
  const ctx = buildContext(text, 0, [], author);
  const c = findConclusion(ctx, buildSections(ctx, -1));
  assert.equal(c ? text.slice(c.start, c.start + expectedStart!.length) : null, expectedStart, text);
}

const P = (s: string) => `${s} This sentence makes the paragraph long enough to count as real prose.`;

test('a section named Conclusion, a concluding marker, else the last paragraph', () => {
  check(`## Background\n\n${P('One.')}\n\n## Conclusion\n\n${P('Wrap.')}\n\n${P('More.')}`, 'Wrap.');
  check(`## The Bottom Line\n\n${P('Bottom.')}`, 'Bottom.');
  check(`${P('A.')}\n\n${P('B.')}\n\n${P('Ultimately, it ends.')}\n\n${P('Last.')}`, 'Ultimately, it ends.');
  check(`${P('A.')}\n\n${P('B.')}\n\n${P('Last one.')}`, 'Last one.');
});

test('not a conclusion: author bio lines, italic notes, link lists, a one-paragraph text', () => {
  check(`${P('A.')}\n\n${P('Real end.')}\n\nGareth Roe is a historian and journalist who has written many books on the history of war.`, 'Real end.', 'Gareth Roe');
  check(`${P('A.')}\n\n${P('Real end.')}\n\n*This story has been updated to correct the spelling of several names in the text above.*`, 'Real end.');
  check(`${P('A.')}\n\n${P('Real end.')}\n\nReport One | Report Two | Report Three | Report Four | Report Five | More on This Topic`, 'Real end.');
  check(P('Only.'), null);
});
