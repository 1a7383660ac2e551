/**
 * Role cues around a person's name: a title before it ("Iraqi Prime Minister Nouri al-Maliki",
 * "US ambassador Zalmay Khalilzad") or an apposition after it ("Nouri al-Maliki, Iraq's prime
 * minister,"). Titles are not part of the name's span; they become the actor's role.
 */
import { letterWords } from './capitalisedWords';
import { isSpaceCode, lastNonSpace, oneOf } from '../text/whitespace';

/** Head nouns of roles in news text (lower case). Multi-word heads are matched on their last word. */
const ROLE_HEADS = new Set([
  'president', 'minister', 'premier', 'chancellor', 'king', 'queen', 'prince', 'emperor', 'sultan', 'emir', 'sheikh',
  'ambassador', 'envoy', 'diplomat', 'secretary', 'senator', 'sen', 'congressman', 'congresswoman', 'representative', 'rep',
  'governor', 'gov', 'mayor', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col', 'lieutenant', 'lt', 'major', 'maj', 'captain', 'capt',
  'commander', 'chief', 'chairman', 'chairwoman', 'chair', 'director', 'spokesman', 'spokeswoman', 'spokesperson', 'leader',
  'cleric', 'ayatollah', 'imam', 'bishop', 'pope', 'rabbi', 'judge', 'justice', 'attorney', 'prosecutor', 'lawyer',
  'official', 'officer', 'adviser', 'advisor', 'analyst', 'fellow', 'professor', 'prof', 'dr', 'economist', 'researcher',
  'correspondent', 'reporter', 'editor', 'columnist', 'author', 'writer', 'journalist', 'founder', 'executive', 'ceo', 'head',
  'speaker', 'deputy', 'vice', 'mr', 'mrs', 'ms', 'pres', 'sgt', 'sergeant', 'coach', 'striker', 'player', 'manager',
  'candidate', 'nominee', 'dictator', 'commissioner', 'counselor', 'negotiator', 'mediator', 'monarch', 'clerk',
]);

const COURTESY = new Set(['mr', 'mrs', 'ms', 'dr', 'prof']);
/** A title's abbreviation, its full stop and white space at the end of the text before a name. */
const TITLE_ABBREVIATION_END = /\b(?:Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Adm|Sgt|Pres|Dr|Mr|Mrs|Ms|Prof)\.\s*$/;

/** Longest entry of ROLE_HEADS (a longer word is none: lower-casing never shortens a string). */
const LONGEST_ROLE_HEAD = Math.max(...[...ROLE_HEADS].map((w) => w.length));

function isRoleWord(word: string): boolean {
  // (a final full stop dropped: `word.toLowerCase().replace(/\.$/, '')`, lower-casing only a short word)
  let n = word.length;
  if (n > LONGEST_ROLE_HEAD + 1) return false;
  if (word.charCodeAt(n - 1) === 46) n--;
  if (n > LONGEST_ROLE_HEAD) return false;
  return ROLE_HEADS.has((n === word.length ? word : word.slice(0, n)).toLowerCase());
}


interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsIn(text: string, from: number, to: number): Word[] {
  // the words of /[\p{L}\p{M}][\p{L}\p{M}.'’-]*/gu in text.slice(from, to), scanned by hand (`letterWords`)
  return letterWords(text, from, to).map((w) => ({ text: text.slice(w.start, w.end), start: w.start, end: w.end }));
}

/**
 * The role written before a name: the run of title-like words directly before `start`, e.g.
 * "Iraqi Prime Minister", "US ambassador", "cleric", "Gen.". Returns undefined when there is none.
 */
export function roleBefore(text: string, start: number): string | undefined {
  const windowStart = Math.max(0, start - 80);
  // the line break inside the window only, scanned back (no copy of the window)
  let from = start;
  while (from > windowStart && text.charCodeAt(from - 1) !== 10) from--;
  // (lastNonSpace of text[from, start), read in place: the window is copied only for the test after it)
  let last = start - 1;
  while (last >= from && isSpaceCode(text.charCodeAt(last))) last--;
  if (last >= from && oneOf(text.charAt(last), ',;:.!?“”"()') && !TITLE_ABBREVIATION_END.test(text.slice(from, start))) return undefined;
  if (!lastWordMayBeRole(text, from, start)) return undefined;
  return roleFromWords(text, start, wordsIn(text, from, start));
}

/**
 * False when the last word before `start` is no role word or is not right before it, as the
 * walk below would find first; the words after the window's last plain space are enough to tell
 * (a space ends every word, so the words after it are the window's own). True when unsure.
 */
function lastWordMayBeRole(text: string, from: number, start: number): boolean {
  let p = start;
  while (p > from && text.charCodeAt(p - 1) === 32) p--;
  let space = p - 1;
  while (space > from && text.charCodeAt(space) !== 32) space--;
  if (space <= from) return true;
  const tail = letterWords(text, space, start);
  if (tail.length === 0) return true;
  const last = tail[tail.length - 1];
  return text.slice(last.end, start).trim() === '' && isRoleWord(text.slice(last.start, last.end));
}

/** roleBefore without the look at the last word first (what that look must agree with; for tests). */
export function roleBeforeWholeWindow(text: string, start: number): string | undefined {
  const windowStart = Math.max(0, start - 80);
  const lineBreak = text.slice(windowStart, start).lastIndexOf('\n');
  const from = lineBreak >= 0 ? windowStart + lineBreak + 1 : windowStart;
  const between = text.slice(from, start);
  if (oneOf(lastNonSpace(between), ',;:.!?“”"()') && !/\b(?:Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Adm|Sgt|Pres|Dr|Mr|Mrs|Ms|Prof)\.\s*$/.test(between)) return undefined;
  return roleFromWords(text, start, wordsIn(text, from, start));
}

function roleFromWords(text: string, start: number, words: Word[]): string | undefined {
  // Walk back while words are role heads, capitalised modifiers of a role, or "of"/"State" inside it.
  let i = words.length - 1;
  if (i < 0 || text.slice(words[i].end, start).trim() !== '') return undefined;
  if (!isRoleWord(words[i].text)) return undefined;
  let first = i;
  let steps = 0;
  while (first > 0 && steps < 4) {
    const prev = words[first - 1];
    const gap = text.slice(prev.end, words[first].start);
    if (gap.trim() !== '' ) break;
    const lower = prev.text.toLowerCase();
    const capitalised = prev.text.charAt(0) !== prev.text.charAt(0).toLowerCase();
    if (isRoleWord(prev.text) || capitalised || lower === 'of' || lower === 'state' || lower === 'top' || lower === 'senior' || lower === 'former') {
      first--;
      steps++;
    } else break;
  }
  // Do not start a role with "of" or with a sentence-initial function word.
  while (first < i && (words[first].text.toLowerCase() === 'of' || /^(The|A|An|But|And|Then|When|As)$/.test(words[first].text))) first++;
  const role = text.slice(words[first].start, words[i].end).replace(/\s+/g, ' ');
  if (COURTESY.has(role.toLowerCase().replace(/\.$/, ''))) return undefined;
  return role;
}

/**
 * The role written in apposition after a name: "Nouri al-Maliki, Iraq's prime minister, made…".
 * Only short appositions (≤ 7 words) that contain a role head count.
 */
export function roleAfter(text: string, end: number): string | undefined {
  if (text.charAt(end) !== ',') return undefined;
  const stop = Math.min(text.length, end + 90);
  let close = -1;
  for (let i = end + 1; i < stop; i++) {
    const c = text.charAt(i);
    if (c === ',' || c === ';' || c === '.' || c === '\n' || c === '(' || c === '“' || c === '"') {
      close = c === ',' || c === ';' ? i : -1;
      break;
    }
  }
  if (close < 0) return undefined;
  const words = wordsIn(text, end + 1, close);
  if (words.length === 0 || words.length > 7) return undefined;
  if (!words.some((w) => isRoleWord(w.text))) return undefined;
  if (/^(who|which|that|said|says|told|and|but)$/i.test(words[0].text)) return undefined;
  return text.slice(words[0].start, words[words.length - 1].end).replace(/\s+/g, ' ');
}
