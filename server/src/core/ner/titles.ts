/**
 * Title and role words that precede a person's name ("President Bush", "Prime Minister Nouri
 * al-Maliki", "Gen. Petraeus"). They are never part of the person span; the recognizer reports the
 * nearest run of them as the mention's `title`. Also used as a gazetteer category by the tagger.
 * Generic English vocabulary of roles, not names.
 */

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

/** text[start, end) as a lowercase single-spaced title phrase if it is one ("Prime  Minister" → "prime minister"). */
export function titleAt(text: string, start: number, end: number): string | undefined {
  const phrase = text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
  return SET.has(phrase) ? phrase : undefined;
}

/** Longest title word count (for scanning backwards from a name). */
export const MAX_TITLE_TOKENS = 4;
