import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roleAfter, roleBefore, roleBeforeWholeWindow } from './roleCues';

test('roles before and after a name', () => {
  const t = 'Iraqi Prime Minister Nouri al-Maliki met US ambassador Zalmay Khalilzad and Mr. Smith.';
  assert.equal(roleBefore(t, t.indexOf('Nouri')), 'Iraqi Prime Minister');
  assert.equal(roleBefore(t, t.indexOf('Zalmay')), 'US ambassador');
  assert.equal(roleBefore(t, t.indexOf('Smith')), undefined); // a courtesy title is no role
  assert.equal(roleBefore(t, t.indexOf('Iraqi')), undefined);
  const a = 'Nouri al-Maliki, Iraq’s prime minister, spoke.';
  assert.equal(roleAfter(a, a.indexOf(',')), 'Iraq’s prime minister');
});

test('looking at the last word first gives the whole window’s role (random text, every position)', () => {
  const pieces = ['Prime', 'Minister', 'minister', 'US', 'ambassador', 'Gen.', 'Mr.', 'cleric', 'of', 'State', 'former', 'the', 'The', 'said', 'Nouri', 'al-Maliki', 'O’Brien', 'é', '𝐀', '1', ' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', ',', '.', '“', '-'];
  let seed = 41;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  let roles = 0;
  for (let k = 0; k < 1500; k++) {
    let s = '';
    const len = rnd() % 40;
    for (let i = 0; i < len; i++) s += pieces[rnd() % pieces.length] + (rnd() % 3 ? ' ' : '');
    for (let pos = 0; pos <= s.length; pos++) {
      const got = roleBefore(s, pos);
      assert.equal(got, roleBeforeWholeWindow(s, pos), JSON.stringify([s, pos]));
      if (got) roles++;
    }
  }
  assert.ok(roles > 3000, `only ${roles} roles found`);
});
