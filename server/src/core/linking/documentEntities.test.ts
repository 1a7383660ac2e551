import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityMention, EntityType } from '../types';
import { linkDocument } from './documentEntities';

/** Marks names in a text with [[Name|type]] and returns the plain text plus the mentions. */
function marked(source: string): { text: string; mentions: EntityMention[] } {
  const mentions: EntityMention[] = [];
  let text = '';
  const re = /\[\[([^|\]]+)\|(\w+)\]\]/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    text += source.slice(last, m.index);
    mentions.push({ start: text.length, end: text.length + m[1].length, text: m[1], type: m[2] as EntityType, source: 'model', confidence: 0.9 });
    text += m[1];
    last = m.index + m[0].length;
  }
  text += source.slice(last);
  return { text, mentions };
}

function clustersOf(source: string): string[][] {
  const { text, mentions } = marked(source);
  const linked = linkDocument(text, mentions);
  return linked.clusters.map((c) => c.mentions.map((i) => linked.mentions[i].text));
}

test('a surname links to the full name introduced earlier in the article', () => {
  const groups = clustersOf('[[Nouri al-Maliki|person]] met aides. Later [[Maliki|person]] spoke, and [[al-Maliki|person]] left.');
  assert.deepEqual(groups, [['Nouri al-Maliki', 'Maliki', 'al-Maliki']]);
});

test('a surname shared by two people in the article stays unlinked (ambiguous)', () => {
  const groups = clustersOf('[[George Bush|person]] and [[Laura Bush|person]] arrived; [[Bush|person]] spoke.');
  assert.equal(groups.length, 3);
});

test('an acronym introduced in parentheses joins its long form', () => {
  const groups = clustersOf('the [[United Iraqi Alliance|organization]] (UIA) coalition. The [[UIA|organization]] split.');
  // The acronym inside the parentheses is itself a mention of the alliance.
  assert.deepEqual(groups, [['United Iraqi Alliance', 'UIA', 'UIA']]);
});

test('a rare misspelling of a frequent name joins it, a different person does not', () => {
  const groups = clustersOf('[[Maliki|person]] said. [[Maliki|person]] left. [[Malikik|person]] returned. [[Jalil Nouri|person]] and [[Nouri al-Maliki|person]].');
  const maliki = groups.find((g) => g.includes('Maliki'))!;
  assert.ok(maliki.includes('Malikik'));
  assert.ok(maliki.includes('Nouri al-Maliki'));
  assert.ok(!maliki.includes('Jalil Nouri'));
});

test('multi-word misspellings join when one letter pair is swapped ("Madhi Army")', () => {
  const groups = clustersOf('the [[Mahdi Army|organization]] and the [[Mahdi Army|organization]] fought; the [[Madhi Army|organization]] militia.');
  assert.deepEqual(groups, [['Mahdi Army', 'Mahdi Army', 'Madhi Army']]);
});

test('untagged occurrences of a recognised name are added for consistency', () => {
  const { text, mentions } = marked('[[Khalilzad|person]] met them. Khalilzad’s plan failed. Khalilzadeh is someone else.');
  const linked = linkDocument(text, mentions);
  assert.deepEqual(linked.mentions.map((m) => [m.text, m.source]), [['Khalilzad', 'model'], ['Khalilzad', 'consistency']]);
  assert.equal(linked.clusters.length, 1);
});

test('short and lower-case words are never propagated', () => {
  const { text, mentions } = marked('[[US|place]] troops. us and them. [[Rice|person]] ate rice.');
  const linked = linkDocument(text, mentions);
  assert.deepEqual(linked.mentions.map((m) => m.text), ['US', 'Rice']);
});

test('roles come from titles before a name and appositions after it', () => {
  const { text, mentions } = marked('Iraqi Prime Minister [[Nouri al-Maliki|person]] spoke. [[Steven Simon|person]], a senior fellow at the council, wrote.');
  const linked = linkDocument(text, mentions);
  const roles = linked.clusters.map((c) => c.roles);
  assert.deepEqual(roles, [['Iraqi Prime Minister'], ['a senior fellow at the council']]);
});

test('overlapping mentions keep the longer one', () => {
  const text = 'New York Times';
  const linked = linkDocument(text, [
    { start: 0, end: 8, text: 'New York', type: 'place', source: 'model', confidence: 0.5 },
    { start: 0, end: 14, text: 'New York Times', type: 'organization', source: 'model', confidence: 0.5 },
  ]);
  assert.deepEqual(linked.mentions.map((m) => m.text), ['New York Times']);
});

test('a one-word head of an organization name links to it ("the Times")', () => {
  const groups = clustersOf('The [[New York Times|organization]] reported it. The [[Times|organization]] added that [[Times|organization]] editors agreed.');
  assert.deepEqual(groups, [['New York Times', 'Times', 'Times']]);
});

test('a head word shared by two organizations stays apart', () => {
  const groups = clustersOf('The [[New York Times|organization]] and the [[Los Angeles Times|organization]] agreed; the [[Times|organization]] did not.');
  assert.equal(groups.length, 3);
});

test('an acronym links to the one organization whose initials it is, not when two fit', () => {
  const groups = clustersOf('The [[Afghan National Army|organization]] grew; the [[ANA|organization]] fought.');
  assert.deepEqual(groups, [['Afghan National Army', 'ANA']]);
  const two = clustersOf('The [[Afghan National Army|organization]] and the [[African National Assembly|organization]] met; the [[ANA|organization]] left.');
  assert.equal(two.length, 3);
  // never a person's initials
  const person = clustersOf('[[Anna Nicole Adams|person]] sang; the [[ANA|organization]] paid.');
  assert.equal(person.length, 2);
});
