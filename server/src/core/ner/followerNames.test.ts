import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFollowerGroups, findMovementNames } from './followerNames';
import { MISC, ORG, PER, spanSetup } from './spanTestSupport';

const GROUP = 100;

function movements(text: string, names: Array<[string, number, number]> = []): string[] {
  const s = spanSetup(text, names);
  const spans = findMovementNames(s.spans, s.ctx);
  return spans.map((sp) => `${sp.type}${sp.source === 'rule' ? '*' : ''}:${text.slice(s.ctx.tokens.start[sp.first], s.ctx.tokens.end[sp.last])}`);
}

function followers(text: string, names: Array<[string, number, number]> = []): string[] {
  const s = spanSetup(text, names);
  findFollowerGroups(s.spans, s.ctx, GROUP);
  return s.show();
}

test('"the Sadrist movement" is an organization of both words', () => {
  assert.deepEqual(movements('The Sadrist movement is the largest faction'), [`${ORG}*:Sadrist movement`]);
  assert.deepEqual(movements('a day later the Sadrist movement declared a strike', [['Sadrist', MISC, 0.9]]), [`${ORG}*:Sadrist movement`]);
});

test('no "the", no "movement", a capitalised Movement, a sure name or no "-ist": unchanged', () => {
  assert.deepEqual(movements('a Sadrist spokesman said'), []);
  assert.deepEqual(movements('the Sadrist militia fought'), []);
  assert.deepEqual(movements('the Socialist Movement won', [['Socialist Movement', ORG, 0.95]]), [`${ORG}:Socialist Movement`]);
  assert.deepEqual(movements('the Baath movement grew'), []);
  assert.deepEqual(movements('the Frist movement', [['Frist', PER, 0.95]]), [`${PER}:Frist`]);
});

test('"the Sadrists" are a group', () => {
  assert.deepEqual(followers('the refusal to turn on the Sadrists , the US'), [`${GROUP}*:Sadrists`]);
  assert.deepEqual(followers('officials said on Tuesday . The Maoists oppose it', []), [`${GROUP}*:Maoists`]);
  assert.deepEqual(followers('talks with the Maoists failed', [['Maoists', PER, 0.52]]), [`${GROUP}*:Maoists`]);
});

test('a sure name, a singular, lower case or no "the": unchanged', () => {
  assert.deepEqual(followers('talks with the Nationalists failed', [['Nationalists', ORG, 0.95]]), [`${ORG}:Nationalists`]);
  assert.deepEqual(followers('a vote for Sadrists and others'), []);
  assert.deepEqual(followers('the economists said'), []);
  assert.deepEqual(followers('the Sadrist leader'), []);
});
