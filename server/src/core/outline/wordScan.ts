/**
 * The lexicon's two running-text searches (`SPEECH_WORD_RE`, `PERSON_NOUN_RE`) done by a scan of
 * character codes and a set lookup per word, with exactly the regexes' answers: every alternative is
 * a lower-case ASCII word between look-arounds that exclude letters and digits, so a match is a
 * whole maximal run of a–z starting where the look-behind allows, looked up in the set. (A long /u
 * alternation re-run on every sentence was one of the outline's hot spots.) If the lexicon ever
 * gets a word outside a–z, the regexes are used instead.
 */
import { PERSON_NOUNS, PERSON_NOUN_RE, SPEECH_PARTICIPLES, SPEECH_VERBS, SPEECH_WORD_RE } from './lexicon';
import { isSpaceCode } from '../text/whitespace';
import { cueRule, type CueWords } from './cueWords';
import { firstAtLeast } from '../sortedSpans';

export interface WordHit {
  index: number;
  text: string;
}

const SPEECH_WORDS = new Set([...SPEECH_VERBS, ...SPEECH_PARTICIPLES]);
const LOWER_ASCII = /^[a-z]+$/;

/** Words by first letter and length, so a run is compared in place (no string built per word). */
class WordTable {
  /** Index (first letter − 'a') * 32 + length → the words of that first letter and length. */
  private readonly buckets: (string[] | undefined)[] = new Array(26 * 32).fill(undefined);
  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length >= 32 || !LOWER_ASCII.test(w)) continue; // then SCANNABLE is false and the regexes are used
      const key = (w.charCodeAt(0) - 97) * 32 + w.length;
      (this.buckets[key] ??= []).push(w);
    }
  }
  /** The word equal to text[i, j) (a run of a–z), if any. */
  at(text: string, i: number, j: number): string | undefined {
    if (j - i >= 32) return undefined;
    const list = this.buckets[(text.charCodeAt(i) - 97) * 32 + (j - i)];
    if (list) for (const w of list) if (text.startsWith(w, i)) return w;
    return undefined;
  }
}

const SPEECH_TABLE = new WordTable(SPEECH_WORDS);
const PERSON_TABLE = new WordTable(PERSON_NOUNS);
const SCANNABLE = [...SPEECH_WORDS, ...PERSON_NOUNS].every((w) => LOWER_ASCII.test(w) && w.length < 32) && !SPEECH_WORDS.has('according');

/** `[\p{L}\p{N}]` (code point), then `[\p{L}\p{N}'’-]`, sticky. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The code point starting at i is in `[\p{L}\p{N}-]`, or with `quotes` in `[\p{L}\p{N}'’-]`. */
function wordCharAt(text: string, i: number, quotes: boolean): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || (quotes && c === 39);
  if (quotes && c === 0x2019) return true;
  LETTER_OR_DIGIT.lastIndex = i;
  return LETTER_OR_DIGIT.test(text);
}

/** The code point ending just before i (not reaching below `floor`) is in `[\p{L}\p{N}'’-]`, as a /u look-behind reads it. */
function wordCharBefore(text: string, i: number, floor: number): boolean {
  const c = text.charCodeAt(i - 1);
  if (c === 32) return false; // the usual case: a word after a space
  const at = isLow(c) && i - 2 >= floor && isHigh(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
  return wordCharAt(text, at, true);
}

/** Like `wordCharAt(…, true)` for a slice ending at `b`: a surrogate pair cut by the end is no letter. */
function wordCharWithin(text: string, j: number, b: number): boolean {
  if (j + 1 >= b && isHigh(text.charCodeAt(j))) return false;
  return wordCharAt(text, j, true);
}

function endOfLowerRun(text: string, i: number, end: number): number {
  while (i < end && isLowerAscii(text.charCodeAt(i))) i++;
  return i;
}

/**
 * speechWords' look at position i of the slice [a, b): adds a match starting there to `out` and
 * returns the next position to look at.
 */
function speechStep(text: string, i: number, a: number, b: number, out: WordHit[]): number {
  if (!isLowerAscii(text.charCodeAt(i)) || (i > a && wordCharBefore(text, i, a))) return i + 1;
  const j = endOfLowerRun(text, i, b);
  const followed = j < b && wordCharWithin(text, j, b);
  const word = followed ? undefined : SPEECH_TABLE.at(text, i, j);
  if (word !== undefined) {
    out.push({ index: i, text: word });
    return j;
  }
  if (j - i === 9 && text.startsWith('according', i) && j < b && isSpaceCode(text.charCodeAt(j))) {
    // "according\s+to"
    let k = j;
    while (k < b && isSpaceCode(text.charCodeAt(k))) k++;
    if (k + 2 <= b && text.startsWith('to', k) && !(k + 2 < b && wordCharWithin(text, k + 2, b))) {
      out.push({ index: i, text: text.slice(i, k + 2) });
      return k + 2;
    }
  }
  return j; // no match can start inside this run: the look-behind sees a letter
}

/** The matches of `SPEECH_WORD_RE` in text.slice(a, b), with offsets into `text`. */
export function speechWords(text: string, a: number, b: number): WordHit[] {
  if (!SCANNABLE) return byRegex(SPEECH_WORD_RE, text.slice(a, b), 0, a);
  const out: WordHit[] = [];
  for (let i = a; i < b; ) i = speechStep(text, i, a, b, out);
  return out;
}

/** personNouns' look at position i: adds a match starting there to `out`; returns the next position to look at. */
function personStep(text: string, i: number, out: WordHit[]): number {
  const end = text.length;
  if (!isLowerAscii(text.charCodeAt(i)) || (i > 0 && wordCharBefore(text, i, 0))) return i + 1;
  const j = endOfLowerRun(text, i, end);
  // the look-ahead here allows an apostrophe after the noun ("officials’ views")
  const word = j < end && wordCharAt(text, j, false) ? undefined : PERSON_TABLE.at(text, i, j);
  if (word !== undefined) out.push({ index: i, text: word });
  return j;
}

/** The matches of `PERSON_NOUN_RE` run over `text` from `from` (the look-behind may see before it). */
export function personNouns(text: string, from: number): WordHit[] {
  if (!SCANNABLE) return byRegex(PERSON_NOUN_RE, text, from, 0);
  const out: WordHit[] = [];
  for (let i = Math.max(0, from); i < text.length; ) i = personStep(text, i, out);
  return out;
}

/*
 * The same answers from the document's word positions (`CueWords`, built over the same text), so
 * a sentence is not scanned character by character. A match other than at the slice's start begins
 * after a character that is no letter and ends before one that is none (or at the slice's end), so
 * it is a whole run of ASCII letters in the text, and CueWords lists the run's start when the run is
 * one of the words in any case; or the slice's end cuts the run, whose start is then looked at too.
 * Looking at a superset of the match starts gives the same matches: the step at each is the
 * scanner's own, and no start the scanner would look at lies inside a run it skips.
 */
const SPEECH_RULE = SCANNABLE ? cueRule([...SPEECH_WORDS, 'according']) : undefined;
const PERSON_RULE = SCANNABLE ? cueRule([...PERSON_NOUNS]) : undefined;

function isAsciiLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

/** `speechWords(text, a, b)` where `words` was built over `text`. */
export function speechWordsIn(words: CueWords, text: string, a: number, b: number): WordHit[] {
  const starts = SPEECH_RULE && words.over(text) ? words.positions(SPEECH_RULE) : undefined;
  if (!starts) return speechWords(text, a, b);
  const out: WordHit[] = [];
  if (!(a < b)) return out;
  let next = speechStep(text, a, a, b, out);
  for (let k = firstAtLeast(starts, next); k < starts.length && starts[k] < b; k++) if (starts[k] >= next) next = speechStep(text, starts[k], a, b, out);
  if (b < text.length && isAsciiLetter(text.charCodeAt(b - 1)) && isAsciiLetter(text.charCodeAt(b))) {
    // the run the slice's end cuts
    let p = b - 1;
    while (p > a && isAsciiLetter(text.charCodeAt(p - 1))) p--;
    if (p >= next) speechStep(text, p, a, b, out);
  }
  return out;
}

/** `personNouns(text, from)` where `words` was built over `text`. */
export function personNounsIn(words: CueWords, text: string, from: number): WordHit[] {
  const starts = PERSON_RULE && words.over(text) ? words.positions(PERSON_RULE) : undefined;
  if (!starts) return personNouns(text, from);
  const out: WordHit[] = [];
  let next = Math.max(0, from);
  for (let k = firstAtLeast(starts, next); k < starts.length; k++) if (starts[k] >= next) next = personStep(text, starts[k], out);
  return out;
}

function byRegex(source: RegExp, s: string, from: number, offset: number): WordHit[] {
  const re = new RegExp(source.source, source.flags);
  re.lastIndex = from;
  const out: WordHit[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ index: offset + m.index, text: m[0] });
  return out;
}
