/**
 * Title and role words that precede a person's name ("President Bush", "Prime Minister Nouri
 * al-Maliki", "Gen. Petraeus"). They are never part of the person span; the recognizer reports the
 * nearest run of them as the mention's `title`. Also used as a gazetteer category by the tagger.
 * Generic English vocabulary of roles, not names.
 */
import { FNV_OFFSET } from './hashing';
import { IntMap } from './intMap';

export const TITLE_WORDS: readonly string[] = [
  'president', 'vice president', 'prime minister', 'deputy prime minister', 'minister', 'foreign minister',
  'defense minister', 'defence minister', 'interior minister', 'finance minister', 'secretary',
  'secretary of state', 'secretary-general', 'secretary general', 'undersecretary', 'chancellor', 'premier',
  'king', 'queen', 'prince', 'princess', 'sheikh', 'sheik', 'ayatollah', 'grand ayatollah', 'imam', 'cleric',
  'pope', 'cardinal', 'archbishop', 'bishop', 'reverend', 'rev.', 'father', 'rabbi',
  'general', 'gen.', 'lieutenant', 'lt.', 'lt. gen.', 'maj. gen.', 'brig. gen.', 'colonel', 'col.', 'major',
  'maj.', 'captain', 'capt.', 'sergeant', 'sgt.', 'admiral', 'adm.', 'commander', 'cmdr.', 'marshal',
  'senator', 'sen.', 'representative', 'rep.', 'congressman', 'congresswoman', 'governor', 'gov.',
  'ambassador', 'envoy', 'ambassador to', 'mayor', 'judge', 'justice', 'chief justice', 'attorney general',
  'speaker', 'spokesman', 'spokeswoman', 'chairman', 'chairwoman', 'chair', 'chief executive', 'ceo',
  'director', 'commissioner', 'coach', 'manager', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'professor',
  'mr', 'mrs', 'ms', 'dr', 'lord', 'lady', 'sir', 'dame', 'emir', 'sultan', 'president-elect', 'leader',
];

/**
 * Roles that precede names in reporting ("Senior Fellow Vali Nasr", "analyst Anthony Cordesman"):
 * titles for the recognizer's `title` and boundary repairs, but not part of the tagger's gazetteer
 * (TITLE_WORDS is, and the model is trained with it; changing it means retraining).
 */
export const REPORTING_ROLES: readonly string[] = [
  'fellow', 'senior fellow', 'adjunct senior fellow', 'research fellow', 'visiting fellow', 'analyst', 'adviser', 'advisor',
  'aide', 'correspondent', 'columnist', 'historian', 'economist', 'scholar',
];

const SET = new Set([...TITLE_WORDS, ...REPORTING_ROLES].map((t) => t.toLowerCase()));

/** What asciiPhraseHash returns for a text with a character outside ASCII (not a hash it returns otherwise). */
const NOT_ASCII = 0;

/**
 * An FNV hash of text[start, end) lowercased with each run of whitespace as one space, as titleAt
 * normalises a phrase, when the text is all ASCII (there its lowercasing and \s are the ASCII
 * ones); NOT_ASCII otherwise.
 */
function asciiPhraseHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  let inSpace = false;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 128) return NOT_ASCII;
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (!inSpace) h = Math.imul(h ^ 32, 16777619);
      inSpace = true;
      continue;
    }
    inSpace = false;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 16777619);
  }
  return h === NOT_ASCII ? 1 : h;
}

/** asciiPhraseHash of every title phrase: a phrase whose hash is not here is not a title (a cheap test before the slice). */
const PHRASE_HASHES = new IntMap(9);
for (const t of SET) PHRASE_HASHES.add(asciiPhraseHash(t, 0, t.length));

/** text[start, end) as a lowercase single-spaced title phrase if it is one ("Prime  Minister" → "prime minister"). */
export function titleAt(text: string, start: number, end: number): string | undefined {
  const h = asciiPhraseHash(text, start, end);
  if (h !== NOT_ASCII && !PHRASE_HASHES.has(h)) return undefined;
  const phrase = text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
  return SET.has(phrase) ? phrase : undefined;
}

/** Longest title word count (for scanning backwards from a name). */
export const MAX_TITLE_TOKENS = 4;
