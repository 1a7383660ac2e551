import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntitySummary, MentionItem } from '../../../server/src/protocol';
import { actorDescription, foldForSearch, groupActors, groupByArticle, matchesFilter, oneLine, plural, treeIds } from './actorsTree';

function actor(name: string, type: EntitySummary['type'], mentions: number, articles = 1, role?: string): EntitySummary {
  return { id: name.toLowerCase().replace(/\W+/g, '-'), name, type, mentions, articles, role, hasNote: false };
}

const ALL = [
  actor('Baghdad', 'place', 9, 4),
  actor('Nouri al-Maliki', 'person', 30, 5, 'prime minister'),
  actor('Moqtada al-Sadr', 'person', 12, 3, 'cleric'),
  actor('Pentagon', 'organization', 4, 2),
  actor('Sunnis', 'group', 7, 3),
  actor('Zoe Núñez', 'person', 12, 4),
  actor('Never Mentioned', 'person', 0, 0),
];

test('actors are grouped by type in a fixed order and sorted by mentions (ties: articles, then name)', () => {
  const groups = groupActors(ALL);
  assert.deepEqual(groups.map((g) => g.type), ['person', 'organization', 'place', 'group']);
  assert.deepEqual(groups[0].entities.map((e) => e.name), ['Nouri al-Maliki', 'Zoe Núñez', 'Moqtada al-Sadr']);
  // Actors without mentions are not listed.
  assert.ok(!groups.some((g) => g.entities.some((e) => e.name === 'Never Mentioned')));
});

test('empty types are left out; nothing in, nothing out', () => {
  assert.deepEqual(groupActors([actor('Kurds', 'group', 2)]).map((g) => g.type), ['group']);
  assert.deepEqual(groupActors([]), []);
});

test('the filter matches every word in name, role or type, ignoring case and accents', () => {
  assert.deepEqual(groupActors(ALL, 'SADR').flatMap((g) => g.entities.map((e) => e.name)), ['Moqtada al-Sadr']);
  assert.deepEqual(groupActors(ALL, 'nunez').flatMap((g) => g.entities.map((e) => e.name)), ['Zoe Núñez']);
  assert.deepEqual(groupActors(ALL, 'cleric').flatMap((g) => g.entities.map((e) => e.name)), ['Moqtada al-Sadr']);
  assert.deepEqual(groupActors(ALL, 'places').flatMap((g) => g.entities.map((e) => e.name)), ['Baghdad']);
  assert.deepEqual(groupActors(ALL, 'al maliki').flatMap((g) => g.entities.map((e) => e.name)), ['Nouri al-Maliki']);
  assert.deepEqual(groupActors(ALL, 'maliki cleric'), []);
  assert.equal(groupActors(ALL, '   ').length, 4);
  assert.equal(matchesFilter(ALL[0], 'xyz'), false);
  assert.equal(foldForSearch('Ça Érié'), 'ca erie');
});

function mention(uri: string, title: string, line: number, character: number, date?: string): MentionItem {
  return { uri, articleTitle: title, articleDate: date, snippet: `snippet ${line}:${character}`, range: { start: { line, character }, end: { line, character: character + 3 } } };
}

test('mentions are grouped by article: dated articles in date order, undated last by title; mentions in reading order', () => {
  const groups = groupByArticle([
    mention('file:///b.md', 'B', 9, 1, '2007-03-12'),
    mention('file:///z.md', 'Undated Z', 1, 0),
    mention('file:///a.md', 'A', 5, 2, '2006-05-06'),
    mention('file:///b.md', 'B', 2, 7, '2007-03-12'),
    mention('file:///c.md', 'Undated C', 3, 0),
    mention('file:///b.md', 'B', 2, 3, '2007-03-12'),
  ]);
  assert.deepEqual(groups.map((g) => g.title), ['A', 'B', 'Undated C', 'Undated Z']);
  assert.deepEqual(groups[1].mentions.map((m) => `${m.range.start.line}:${m.range.start.character}`), ['2:3', '2:7', '9:1']);
  assert.deepEqual(groupByArticle([]), []);
});

test('labels: plurals, descriptions, one-line snippets', () => {
  assert.equal(plural(1, 'mention'), '1 mention');
  assert.equal(plural(0, 'article'), '0 articles');
  assert.equal(actorDescription({ mentions: 12, articles: 1 }), '12 mentions · 1 article');
  assert.equal(oneLine('  a\n\n  b\tc '), 'a b c');
  const long = oneLine('x'.repeat(50) + 'MIDDLE' + 'y'.repeat(50), 21);
  assert.equal(long.length, 21);
  assert.ok(long.startsWith('xxxxxxxxxx…') && long.endsWith('y'.repeat(10)));
});

test('tree ids are stable and distinct per level', () => {
  const m = mention('file:///a.md', 'A', 1, 2);
  const ids = [treeIds.type('person'), treeIds.entity('x'), treeIds.article('x', 'file:///a.md'), treeIds.mention('x', m), treeIds.mention('y', m)];
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(treeIds.mention('x', m), treeIds.mention('x', { ...m, snippet: 'other' }));
});
