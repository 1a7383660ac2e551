import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType } from '../types';
import { governmentSeatUses } from './governmentSeats';
import { linkDocument } from './documentEntities';
import { linkCorpus, reportedType } from './corpusEntities';
import { mentionsIn } from './linkTestSupport';

/** The capitals of `text` read as a government, in order. */
function seats(text: string, names: Array<[string, EntityType, number]>): boolean[] {
  return governmentSeatUses(text, mentionsIn(text, names));
}

test('a capital as the subject of a modal or a verb of saying stands for its government', () => {
  assert.deepEqual(seats('Washington must prevent a collapse. Moscow said it would respond.', [['Washington', 'place', 0.9], ['Moscow', 'place', 0.9]]), [true, true]);
  assert.deepEqual(seats('Washington has a vital interest in it.', [['Washington', 'place', 0.9]]), [true]);
});

test('a capital after a locative preposition stays a place, even before a verb', () => {
  assert.deepEqual(seats('the regime in Baghdad has to go', [['Baghdad', 'place', 0.9]]), [false]);
  assert.deepEqual(seats('the debate in Washington over the war', [['Washington', 'place', 0.9]]), [false]);
  assert.deepEqual(seats('Maliki has come to Washington to ask for help', [['Washington', 'place', 0.9]]), [false]);
  assert.deepEqual(seats('Baghdad has been shaken by bombs.', [['Baghdad', 'place', 0.9]]), [false]);
});

test('agency prepositions, "loyal to" and a possessive before a word of policy make the government', () => {
  assert.deepEqual(seats('aggression against Tehran would provoke anger', [['Tehran', 'place', 0.9]]), [true]);
  assert.deepEqual(seats('While completely loyal to Washington, Diem failed.', [['Washington', 'place', 0.9]]), [true]);
  assert.deepEqual(seats('difficulties for Washington’s broader plans', [['Washington', 'place', 0.9]]), [true]);
  assert.deepEqual(seats('Baghdad’s crowded streets were empty', [['Baghdad', 'place', 0.9]]), [false]);
});

test('two joined capitals are read together', () => {
  assert.deepEqual(seats('tensions between Tehran and Washington over Iran', [['Tehran', 'place', 0.9], ['Washington', 'place', 0.9]]), [true, true]);
  assert.deepEqual(seats('Still, neither Tehran nor Washington sought talks.', [['Tehran', 'place', 0.9], ['Washington', 'place', 0.9]]), [true, true]);
  assert.deepEqual(seats('before Washington and Tehran were back to throwing barbs', [['Washington', 'place', 0.9], ['Tehran', 'place', 0.9]]), [true, true]);
  assert.deepEqual(seats('flights from Paris and London were cancelled', [['Paris', 'place', 0.9], ['London', 'place', 0.9]]), [false, false]);
});

test('countries, other cities and persons are never read as a government', () => {
  assert.deepEqual(seats('Iraq must secure its borders. Basra said nothing.', [['Iraq', 'place', 0.9], ['Basra', 'place', 0.9]]), [false, false]);
  assert.deepEqual(seats('Washington said he would run.', [['Washington', 'person', 0.9]]), [false]);
});

test('the government uses get a cluster of their own, linked to the city and reported as an organization', () => {
  const text = 'The debate in Washington grew. Washington must prevent a collapse.';
  const doc = linkDocument(text, mentionsIn(text, [['Washington', 'place', 0.9], ['Washington', 'place', 0.9]]));
  assert.notEqual(doc.clusterOf[0], doc.clusterOf[1]);
  assert.equal(doc.clusters[doc.clusterOf[0]].type, 'place');
  assert.equal(doc.clusters[doc.clusterOf[1]].governmentSeat, true);
  // the mentions keep the recognizer's type (CoNLL reads a capital as LOC)
  assert.deepEqual(doc.mentions.map((m) => m.type), ['place', 'place']);
  const linking = linkCorpus([doc.clusters], [{ id: 'washington-d-c', name: 'Washington, D.C.', type: 'place', aliases: ['Washington'], links: [], body: '' }]);
  assert.equal(linking.assignment[0][doc.clusterOf[0]], 'washington-d-c');
  assert.equal(linking.assignment[0][doc.clusterOf[1]], 'washington-d-c');
  assert.equal(reportedType(linking, 0, doc.clusterOf[0], 'place'), 'place');
  assert.equal(reportedType(linking, 0, doc.clusterOf[1], 'place'), 'organization');
});

test('a building that names a government stands for it wherever it occurs; other buildings do not', () => {
  assert.deepEqual(seats('Maliki met Obama at the White House on Friday.', [['White House', 'place', 0.9]]), [true]);
  assert.deepEqual(seats('the Kremlin said', [['Kremlin', 'place', 0.9]]), [true]);
  assert.deepEqual(seats('a concert at the Royal Albert Hall', [['Royal Albert Hall', 'place', 0.9]]), [false]);
  assert.deepEqual(seats('the White House said', [['White House', 'organization', 0.9]]), [false]);
});
