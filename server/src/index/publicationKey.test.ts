import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publicationKey, UNDATED_KEY } from './publicationKey';

test('keys sort as the dates\' texts do, undated last; other texts have no key', () => {
  const dates = ['2006-11-02', '2006-11', '2006', '1999-12-31', '2006-10-31', '2024-01-01', '0001-01-01', '9998-12-31'];
  const byText = [...dates].sort();
  const byKey = [...dates].sort((a, b) => publicationKey(a) - publicationKey(b));
  assert.deepEqual(byKey, byText);
  assert.equal(publicationKey(undefined), UNDATED_KEY);
  assert.ok(publicationKey('9998-12-31') < UNDATED_KEY && UNDATED_KEY < publicationKey('9999-01-01'), "as the text '9999' sorts");
  for (const odd of ['Nov 2, 2006', '2006-1-2', '20061102', '2006-11-02T10:00', '']) assert.equal(publicationKey(odd), -1, odd);
});
