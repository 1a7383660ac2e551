/**
 * "Sunni-Shia civil war", "Israeli-Palestinian talks", "US-Iraqi decision": a hyphenated word whose
 * parts are capitalised and one of which is a demonym or a community's adjective (the demonym
 * gazetteer) is an adjective of peoples (CoNLL MISC), not an organization, place or person. A
 * word that is itself a gazetteer entry ("Guinea-Bissau") is not one. No allocation but the parts'
 * hashes; linear in the word's length.
 */
import { FNV_OFFSET, lowerCode } from './hashing';
import { FIRST_PREFIX, GAZ_CATEGORIES, gazetteerFirstStep } from './gazetteer';
import type { Gazetteer } from './gazetteer';

const DEMONYM_BIT = 1 << GAZ_CATEGORIES.indexOf('demonym');
/** Most parts looked at. */
const MAX_PARTS = 4;

/** Whether text[start, end) is such a compound. */
export function isDemonymCompound(gaz: Gazetteer, text: string, start: number, end: number): boolean {
  let hyphen = false;
  for (let i = start + 1; i < end - 1 && !hyphen; i++) hyphen = text.charCodeAt(i) === 45;
  if (!hyphen) return false;
  let parts = 0;
  let demonym = false;
  let s = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 45;
    if (c !== 45) continue;
    if (i === s || parts === MAX_PARTS) return false; // empty part, or too many
    const first = text.charCodeAt(s);
    if (!(first >= 65 && first <= 90)) return false; // every part capitalised
    let h = FNV_OFFSET;
    for (let k = s; k < i; k++) h = Math.imul(h ^ lowerCode(text.charCodeAt(k)), 16777619);
    if (gazetteerFirstStep(gaz, h) & DEMONYM_BIT) demonym = true;
    parts++;
    s = i + 1;
  }
  if (parts < 2 || !demonym) return false;
  let whole = FNV_OFFSET;
  for (let k = start; k < end; k++) whole = Math.imul(whole ^ lowerCode(text.charCodeAt(k)), 16777619);
  return (gazetteerFirstStep(gaz, whole) & ~FIRST_PREFIX) === 0;
}
