import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel } from '../../nerModelFile';
import { isDemonymCompound } from './demonymCompounds';

const gaz = loadNerModel().gazetteer;
const is = (w: string): boolean => isDemonymCompound(gaz, `a ${w} b`, 2, 2 + w.length);

test('hyphenated adjectives of peoples are compounds', () => {
  for (const w of ['Sunni-Shia', 'Israeli-Palestinian', 'US-Iraqi', 'Arab-Israeli']) assert.equal(is(w), true, w);
});

test('places, companies, lowercase parts and plain words are not', () => {
  for (const w of ['Guinea-Bissau', 'Bosnia-Herzegovina', 'Hewlett-Packard', 'Iraqi-led', 'Iraqi', 'al-Maliki', 'Shiite-', '-Shiite']) assert.equal(is(w), false, w);
});
