/**
 * Acronyms an article introduces for a common noun phrase ("weapons of mass destruction (WMD)",
 * "improvised explosive devices (IEDs)") are not names of actors, whatever the recognizer made of
 * them. Found in one linear pass over the text: each "(ACRONYM)" whose letters are the initials of
 * the lower-case words right before it (small words such as "of" may stand between them).
 */

/** "(WMD)", "(IEDs)": two to six capitals, an optional plural "s". */
const PARENTHESISED = /\(([A-Z]{2,6})s?\)/g;
/** Words that may stand inside the phrase without giving a letter. */
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', '&']);
/** How far before "(" the phrase is looked for. */
const LOOK_BACK = 120;

/** The acronyms (as written, without a plural "s") introduced for lower-case phrases. */
export function commonNounAcronyms(text: string): Set<string> {
  const out = new Set<string>();
  PARENTHESISED.lastIndex = 0;
  for (let m = PARENTHESISED.exec(text); m; m = PARENTHESISED.exec(text)) {
    const acronym = m[1];
    if (out.has(acronym)) continue;
    const before = text.slice(Math.max(0, m.index - LOOK_BACK), m.index);
    if (isInitialsOfLowercasePhrase(acronym, before)) out.add(acronym);
  }
  return out;
}

/** The last words of `before` spell `acronym` by their initials and are all lower case. */
function isInitialsOfLowercasePhrase(acronym: string, before: string): boolean {
  const words = before.split(/\s+/).filter(Boolean);
  let need = acronym.length;
  for (let i = words.length - 1; i >= 0 && need > 0; i--) {
    const w = words[i].replace(/[-‐]/g, ' ').trim();
    if (i === words.length - 1 && w === '') return false;
    if (SMALL_WORDS.has(w) && need < acronym.length) continue;
    // a hyphenated word gives the initials of its parts ("rocket-propelled grenade")
    const parts = w.split(' ').filter(Boolean);
    for (let p = parts.length - 1; p >= 0; p--) {
      const part = parts[p];
      if (!/^[a-z]+$/.test(part) || need === 0) return false;
      if (part.charAt(0) !== acronym.charAt(need - 1).toLowerCase()) return false;
      need--;
    }
  }
  return need === 0;
}
