import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityMention, EntityType } from '../types';
import { alignMentionTypes } from './clusterTypes';
import { linkDocument } from './documentEntities';

function m(text: string, type: EntityType, confidence: number, source: EntityMention['source'] = 'model'): EntityMention {
  return { start: 0, end: text.length, text, type, confidence, source };
}

test("an unsure mention takes the type its cluster was given with confidence", () => {
  const text = 'His troops took Tavildara on Monday. Tavildara is now empty.';
  const a = text.indexOf('Tavildara');
  const b = text.indexOf('Tavildara', a + 1);
  const doc = linkDocument(text, [
    { start: a, end: a + 9, text: 'Tavildara', type: 'place', source: 'model', confidence: 0.85 },
    { start: b, end: b + 9, text: 'Tavildara', type: 'organization', source: 'model', confidence: 0.5 },
  ]);
  assert.equal(doc.clusters.length, 1);
  assert.deepEqual(doc.mentions.map((x) => x.type), [doc.clusters[0].type, doc.clusters[0].type]);
});

test('without a sure mention of the type, or for a sure or reader-typed mention, types stay', () => {
  const unsure = [m('Sun', 'organization', 0.7), m('Sun', 'organization', 0.75), m('Sun', 'place', 0.6)];
  alignMentionTypes('organization', [0, 1, 2], unsure);
  assert.deepEqual(unsure.map((x) => x.type), ['organization', 'organization', 'place']);
  const sure = [m('Sun', 'organization', 0.95), m('Sun', 'place', 0.85), m('Sun', 'place', 0.5, 'user'), m('Sun', 'group', 0.5), m('Sun', 'place', 0.5)];
  alignMentionTypes('organization', [0, 1, 2, 3, 4], sure);
  assert.deepEqual(sure.map((x) => x.type), ['organization', 'place', 'place', 'group', 'organization']);
  // person and group clusters are left to their own rules
  const person = [m('Jones', 'person', 0.95), m('Jones', 'organization', 0.5)];
  alignMentionTypes('person', [0, 1], person);
  assert.deepEqual(person.map((x) => x.type), ['person', 'organization']);
});
