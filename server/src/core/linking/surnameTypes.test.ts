import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedSummary } from './linkTestSupport';

test("an unsure place or organization named like the article's one person of that surname is that person", () => {
  const text = 'MaliVai Washington won. Washington served well, and Washington said so.';
  assert.deepEqual(linkedSummary(text, [['MaliVai Washington', 'person', 0.99], ['Washington', 'place', 0.8], ['Washington', 'organization', 0.6]]), [
    'MaliVai Washington:person:malivai washington',
    'Washington:person:malivai washington',
    'Washington:person:malivai washington',
  ]);
});

test('a sure mention, two people of the surname, or an organization ending with it keep the type', () => {
  const sure = 'Michael Jordan played. Jordan signed a treaty; Jordan agreed.';
  assert.deepEqual(linkedSummary(sure, [['Michael Jordan', 'person', 0.99], ['Jordan', 'place', 0.99], ['Jordan', 'place', 0.7]]).slice(1), ['Jordan:place:jordan', 'Jordan:place:jordan']);
  const two = 'George Bush and Laura Bush came. Bush said so.';
  assert.deepEqual(linkedSummary(two, [['George Bush', 'person', 0.99], ['Laura Bush', 'person', 0.99], ['Bush', 'organization', 0.6]]).slice(2), ['Bush:organization:bush']);
  const org = 'John Lloyd joined Banco Lloyd. Lloyd said so.';
  assert.deepEqual(linkedSummary(org, [['John Lloyd', 'person', 0.99], ['Banco Lloyd', 'organization', 0.99], ['Lloyd', 'organization', 0.6]]).slice(2), ['Lloyd:organization:banco lloyd']);
});
