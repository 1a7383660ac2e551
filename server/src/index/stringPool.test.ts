import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intern, pooledStrings } from './stringPool';

test('pooled strings equal their input, odd ones included, and each distinct string is pooled once', () => {
  const before = pooledStrings();
  const text = 'President Nouri al-Maliki said on Tuesday, “We stay.” \uD800 lone';
  const names = [text.slice(10, 25), text.slice(10, 25), 'Maliki', text.slice(48, 54), text.slice(54), '']; // two equal slices
  const pooled = names.map(intern);
  assert.deepEqual(pooled, names);
  assert.equal(intern(text.slice(54)), '\uD800 lone', 'a lone surrogate survives');
  assert.equal(pooledStrings() - before, 5, 'the two equal slices share one entry');
});
