import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType } from '../types';
import type { DocCluster } from './documentEntities';
import { linkCorpus, reportedType, type EntityNote } from './corpusEntities';
import { nameKey } from './nameKey';

function cluster(type: EntityType, ...spellings: string[]): DocCluster {
  const keys = [...new Set(spellings.map(nameKey))];
  const key = keys.reduce((a, b) => (b.split(' ').length > a.split(' ').length ? b : a));
  return { key, type, keys, spellings: new Map(spellings.map((s) => [s, 1])), mentions: spellings.map((_, i) => i), roles: [] };
}

function idsOf(result: ReturnType<typeof linkCorpus>): string[][] {
  return result.assignment;
}

test('the same full name in two articles is one entity', () => {
  const r = linkCorpus([[cluster('person', 'Zalmay Khalilzad', 'Khalilzad')], [cluster('person', 'Zalmay Khalilzad')]]);
  assert.equal(idsOf(r)[0][0], idsOf(r)[1][0]);
  assert.equal(r.byId.get(idsOf(r)[0][0])!.mentionCount, 3);
});

test('transliteration variants of a first name meet ("Nuri"/"Nouri al-Maliki")', () => {
  const r = linkCorpus([[cluster('person', 'Nouri al-Maliki', 'Maliki')], [cluster('person', 'Nuri al-Maliki')]]);
  assert.equal(idsOf(r)[0][0], idsOf(r)[1][0]);
});

test('a lone surname links to the person of another article; a misspelt one too when well attested', () => {
  const r = linkCorpus([
    [cluster('person', 'Nouri al-Maliki', 'Maliki', 'Maliki', 'Maliki')],
    [cluster('person', 'Maliki')],
    [cluster('person', 'Mailiki')],
  ]);
  const id = idsOf(r)[0][0];
  assert.equal(idsOf(r)[1][0], id);
  assert.equal(idsOf(r)[2][0], id);
});

test('"Jalil Nouri" is not Nouri al-Maliki', () => {
  const r = linkCorpus([[cluster('person', 'Nouri al-Maliki', 'Maliki', 'Maliki')], [cluster('person', 'Jalil Nouri')]]);
  assert.notEqual(idsOf(r)[0][0], idsOf(r)[1][0]);
});

test('different first names with one surname stay apart ("John Smith"/"Joan Smith")', () => {
  const r = linkCorpus([[cluster('person', 'John Smith')], [cluster('person', 'Joan Smith')]]);
  assert.notEqual(idsOf(r)[0][0], idsOf(r)[1][0]);
});

test('an entity note pins aliases, type and canonical name', () => {
  const note: EntityNote = { id: 'united-states', name: 'United States', type: 'place', aliases: ['U.S.', 'US', 'America'], links: [], body: '' };
  const r = linkCorpus([[cluster('organization', 'U.S.')], [cluster('place', 'America')]], [note]);
  assert.equal(idsOf(r)[0][0], 'united-states');
  assert.equal(idsOf(r)[1][0], 'united-states');
  const e = r.byId.get('united-states')!;
  assert.equal(e.type, 'place');
  assert.equal(e.name, 'United States');
});

test('an acronym alone links to the one organization with those initials', () => {
  const r = linkCorpus([[cluster('organization', 'United Iraqi Alliance')], [cluster('organization', 'UIA')]]);
  assert.equal(idsOf(r)[0][0], idsOf(r)[1][0]);
});

test('a person and an organization of the same name stay apart; ids are deterministic', () => {
  const docs = [[cluster('person', 'Ali Hassan')], [cluster('organization', 'Ali Hassan')]];
  const a = linkCorpus(docs);
  const b = linkCorpus(docs);
  assert.deepEqual(idsOf(a), idsOf(b));
  assert.notEqual(idsOf(a)[0][0], idsOf(a)[1][0]);
});

test('a full name with and without middle initials is one person, unless the initials differ or two fit', () => {
  const r = linkCorpus([[cluster('person', 'George W. Casey')], [cluster('person', 'George Casey')]]);
  assert.equal(idsOf(r)[0][0], idsOf(r)[1][0]);
  const two = linkCorpus([[cluster('person', 'George H. W. Bush')], [cluster('person', 'George W. Bush')], [cluster('person', 'George Bush')]]);
  const [father, son, plain] = [idsOf(two)[0][0], idsOf(two)[1][0], idsOf(two)[2][0]];
  assert.notEqual(father, son);
  assert.ok(plain !== father && plain !== son, `${plain} ${father} ${son}`);
  // not across types, and "Jalil Nouri" still is not Nouri al-Maliki
  const typed = linkCorpus([[cluster('person', 'George W. Casey')], [cluster('organization', 'George Casey')]]);
  assert.notEqual(idsOf(typed)[0][0], idsOf(typed)[1][0]);
});

test('a cluster linked to an entity with a note reports the note type, others their own', () => {
  const note: EntityNote = { id: 'white-house', name: 'White House', type: 'organization', aliases: ['White House'], links: [], body: '' };
  const docs = [[cluster('place', 'White House'), cluster('place', 'Baghdad')]];
  const r = linkCorpus(docs, [note]);
  assert.equal(reportedType(r, 0, 0, 'place'), 'organization');
  assert.equal(reportedType(r, 0, 1, 'place'), 'place');
  // without notes, even a cluster linked across types keeps its own type
  const plain = linkCorpus([[cluster('person', 'George W. Bush', 'Bush')], [{ ...cluster('organization', 'Bush'), confidence: 0.5 }]]);
  assert.equal(idsOf(plain)[0][0], idsOf(plain)[1][0]);
  assert.equal(reportedType(plain, 1, 0, 'organization'), 'organization');
  assert.equal(reportedType(plain, 5, 0, 'place'), 'place');
});

test('a one-word place or organization joins a person of another article only on strong evidence', () => {
  const jordan = (confidence?: number): DocCluster => ({ ...cluster('place', 'Jordan'), confidence });
  // the person's surname never used alone as a person: the country stays apart, sure or not
  for (const c of [0.5, 0.95, undefined]) {
    const r = linkCorpus([[cluster('person', 'Michael Jordan')], [jordan(c)]]);
    assert.notEqual(idsOf(r)[0][0], idsOf(r)[1][0], String(c));
  }
  // the surname alone typed a person in some article (even a later one): an unsure mistyping joins, a sure place does not
  const unsure = linkCorpus([[cluster('person', 'Michael Jordan')], [jordan(0.6)], [cluster('person', 'Jordan')]]);
  assert.equal(idsOf(unsure)[1][0], idsOf(unsure)[0][0]);
  assert.equal(idsOf(unsure)[2][0], idsOf(unsure)[0][0]);
  const sure = linkCorpus([[cluster('person', 'Michael Jordan', 'Jordan')], [jordan(0.9)]]);
  assert.notEqual(idsOf(sure)[1][0], idsOf(sure)[0][0]);
  // two people with that surname: none
  const two = linkCorpus([[cluster('person', 'Michael Jordan', 'Jordan')], [cluster('person', 'Vernon Jordan', 'Jordan')], [jordan(0.5)]]);
  assert.notEqual(idsOf(two)[2][0], idsOf(two)[0][0]);
  assert.notEqual(idsOf(two)[2][0], idsOf(two)[1][0]);
});

test('two people of different articles who share a surname used alone stay apart', () => {
  const r = linkCorpus([[cluster('person', 'Hillary Clinton', 'Clinton')], [cluster('person', 'Bill Clinton', 'Clinton')], [cluster('person', 'Hillary Clinton')]]);
  assert.notEqual(idsOf(r)[0][0], idsOf(r)[1][0]);
  assert.equal(idsOf(r)[2][0], idsOf(r)[0][0]);
});

test('a lone given name links to the one person who has it, not when two do or when it is someone\'s surname', () => {
  const r = linkCorpus([[cluster('person', 'Saddam Hussein', 'Hussein')], [cluster('person', 'Saddam')]]);
  assert.equal(idsOf(r)[1][0], idsOf(r)[0][0]);
  const two = linkCorpus([[cluster('person', 'George W. Bush'), cluster('person', 'George Casey')], [cluster('person', 'George')]]);
  assert.notEqual(two.assignment[1][0], two.assignment[0][0]);
  assert.notEqual(two.assignment[1][0], two.assignment[0][1]);
  // "Jordan" goes by the surname of Michael Jordan before the given name of Jordan Smith
  const sur = linkCorpus([[cluster('person', 'Michael Jordan', 'Jordan'), cluster('person', 'Jordan Smith')], [cluster('person', 'Jordan')]]);
  assert.equal(sur.assignment[1][0], sur.assignment[0][0]);
  // an organization or place is never joined by a given name
  const org = linkCorpus([[cluster('person', 'Saddam Hussein')], [cluster('place', 'Saddam')]]);
  assert.notEqual(org.assignment[1][0], org.assignment[0][0]);
});
