import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleAt } from './titles';

function at(s: string): string | undefined {
  return titleAt(`x ${s} y`, 2, 2 + s.length);
}

test('titleAt reads a title phrase in any case and spacing, and nothing else', () => {
  assert.equal(at('Prime Minister'), 'prime minister');
  assert.equal(at('PRIME \t\n MINISTER'), 'prime minister');
  assert.equal(at('Lt. Gen.'), 'lt. gen.');
  assert.equal(at('Senior Fellow'), 'senior fellow');
  assert.equal(at('Prime\u00a0Minister'), 'prime minister', 'a non-ASCII space is whitespace too');
  assert.equal(at('prime ministers'), undefined);
  assert.equal(at('Minister Prime'), undefined);
  assert.equal(at('Président'), undefined);
  assert.equal(at(' minister'), undefined, 'leading whitespace is part of the phrase');
  assert.equal(at(''), undefined);
});
