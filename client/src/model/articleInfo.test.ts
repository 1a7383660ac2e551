import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleInfo, EntitySummary } from '../../../server/src/protocol';
import { actorsByProminence, metadataRows, openableUrl } from './articleInfo';

const a = (name: string, mentions: number): EntitySummary => ({ id: name, name, type: 'person', mentions, articles: 1, hasNote: false });

test('metadata rows: present fields only, in a fixed order, whitespace collapsed', () => {
  const info: ArticleInfo = { title: 'A  Message\nfor Maliki', author: 'David Ignatius', date: '2006-11-28', publisher: '', url: 'https://example.org/a', actors: [] };
  const rows = metadataRows(info);
  assert.deepEqual(rows.map((r) => r.key), ['title', 'author', 'date', 'link']);
  assert.equal(rows[0].value, 'A Message for Maliki');
  assert.equal(rows[3].url, 'https://example.org/a');
  assert.deepEqual(metadataRows({ actors: [] }), []);
});

test('only http(s) links may be opened (front matter is untrusted)', () => {
  assert.equal(openableUrl('http://x.org/p?q=1'), 'http://x.org/p?q=1');
  assert.equal(openableUrl('javascript:alert(1)'), undefined);
  assert.equal(openableUrl('command:workbench.action.quit'), undefined);
  assert.equal(openableUrl('file:///etc/passwd'), undefined);
  assert.equal(openableUrl('https://x.org/a b'), undefined);
  const rows = metadataRows({ url: 'command:evil', actors: [] });
  assert.equal(rows[0].value, 'command:evil');
  assert.equal(rows[0].url, undefined);
});

test('actors by prominence: most mentioned first, with their share of the article', () => {
  const ranked = actorsByProminence({ actors: [a('Rice', 1), a('Maliki', 6), a('Bush', 3), a('Nobody', 0)] });
  assert.deepEqual(ranked.map((r) => r.actor.name), ['Maliki', 'Bush', 'Rice']);
  assert.deepEqual(ranked.map((r) => r.share), [60, 30, 10]);
  assert.deepEqual(actorsByProminence({ actors: [] }), []);
});
