import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonNounAcronyms } from './commonAcronyms';
import { linkDocument } from './documentEntities';
import type { EntityMention } from '../types';

test('acronyms introduced for lower-case phrases are common nouns', () => {
  const text = 'Iraqi weapons of mass destruction (WMD) were sought; improvised explosive devices (IEDs) and rocket-propelled grenades (RPG) killed many.';
  assert.deepEqual([...commonNounAcronyms(text)].sort(), ['IED', 'RPG', 'WMD']);
});

test('acronyms of names, or whose letters do not fit the words, are kept', () => {
  const text = 'The United Iraqi Alliance (UIA) won; the mass destruction (WMD) claim; Hillary Clinton (HRC) spoke; the (US) view.';
  assert.deepEqual([...commonNounAcronyms(text)], []);
});

test('linking drops the mentions of such an acronym, not other names', () => {
  const text = 'Its weapons of mass destruction (WMD) were gone. No WMD was found in Iraq.';
  const at = (s: string, from = 0): number => text.indexOf(s, from);
  const mention = (surface: string, start: number, type: EntityMention['type']): EntityMention => ({ start, end: start + surface.length, text: surface, type, source: 'model', confidence: 0.6 });
  const doc = linkDocument(text, [mention('WMD', at('WMD'), 'organization'), mention('WMD', at('WMD', at('WMD') + 1), 'organization'), mention('Iraq', at('Iraq'), 'place')]);
  assert.deepEqual(doc.mentions.map((m) => m.text), ['Iraq']);
});
