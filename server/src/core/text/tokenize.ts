/**
 * A fast, linear-time tokenizer for news text (raw prose, Markdown with markup blanked out, or
 * CoNLL-style space-tokenized text). It scans the string once, character by character, with no
 * regular expressions, and returns the tokens as parallel typed arrays (struct of arrays) so that
 * callers can walk millions of tokens without allocating an object per token.
 *
 * Rules:
 *  - whitespace separates tokens; a newline starts a new line, a blank line a new paragraph, and both
 *    are sentence boundaries (see `TOKEN_SENTENCE_START`), except a single line break that wraps a
 *    long line (>= WRAP_MIN_LINE units) which did not end a sentence (hard-wrapped prose), unless the
 *    text is space-tokenized one-sentence-a-line data like CoNLL (see looksPreTokenized);
 *  - words: letters/digits with internal hyphens ("al-Maliki", "power-sharing", "1996-08-22"), internal
 *    periods ("U.S", "3.5"), digit commas ("1,000"), internal apostrophes ("O'Brien", "Shi'ite") and
 *    "&" between capitals ("AT&T");
 *  - a trailing period stays on abbreviations ("U.S.", "Dec.", "Gen.", initials "J.");
 *  - possessives and clitics are split: "Bush's"/"Bush’s" → "Bush" + "'s", "don't" → "do" + "n't";
 *  - every other punctuation character is its own token (runs of the same character, "--", "...",
 *    "``", "''", stay together); curly quotes are separate tokens;
 *  - a word hyphenated across a line break ("govern-\nment") is one token.
 * Offsets are UTF-16 indices, end exclusive.
 */

export const TOKEN_SENTENCE_START = 1;
export const TOKEN_LINE_START = 2;
export const TOKEN_PARAGRAPH_START = 4;
/** The token is a word (starts with a letter or digit), not punctuation or a symbol. */
export const TOKEN_WORD = 8;

export interface TokenList {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Bit set of TOKEN_* flags. */
  flags: Uint8Array;
}

/**
 * A single line break after a line at least this long (UTF-16 units) that did not end with terminal
 * punctuation is taken as hard wrapping, not a sentence boundary ("said Prime Minister\nNouri al-Maliki").
 */
const WRAP_MIN_LINE = 60;

/** Abbreviations that keep their trailing period (lowercase, without the period). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt',
  'adm', 'cmdr', 'cdr', 'gens', 'sens', 'reps', 'pres', 'rev', 'fr', 'st', 'mt', 'ft', 'jr', 'sr', 'messrs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'inc', 'corp', 'co', 'ltd', 'bros', 'plc', 'vs', 'etc', 'no', 'nos', 'vol', 'approx', 'dept', 'univ',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn',
  'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo', 'ave', 'blvd', 'cf', 'al', 'e.g', 'i.e',
]);
/** Abbreviations after which a capitalized word does not start a sentence (titles). */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt',
  'adm', 'cmdr', 'cdr', 'rev', 'fr', 'st', 'mt', 'messrs', 'pres', 'gens', 'sens', 'reps',
]);

// Character classes.
const C_SPACE = 0;
const C_NEWLINE = 1;
const C_LETTER = 2;
const C_DIGIT = 3;
const C_PUNCT = 4;
const C_SURROGATE = 5;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c === 10 || c === 13) ASCII_CLASS[c] = C_NEWLINE;
  else if (c <= 32 || c === 127) ASCII_CLASS[c] = C_SPACE;
  else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ASCII_CLASS[c] = C_LETTER;
  else if (c >= 48 && c <= 57) ASCII_CLASS[c] = C_DIGIT;
  else ASCII_CLASS[c] = C_PUNCT;
}

/** 1 for the ASCII letters and digits. */
const ASCII_ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_ALNUM[c] = ASCII_CLASS[c] === C_LETTER || ASCII_CLASS[c] === C_DIGIT ? 1 : 0;

/** Whether scanWord may take a word on past character c (else the word ends before it): a non-ASCII
 * character, or a hyphen, period, comma, ampersand or apostrophe. */
function mayContinueWord(c: number): boolean {
  return c >= 128 || c === 45 || c === 46 || c === 44 || c === 38 || c === 39;
}

function charClass(c: number): number {
  if (c < 128) return ASCII_CLASS[c];
  if (c === 0x2028 || c === 0x2029 || c === 0x85) return C_NEWLINE;
  if (c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200f) || c === 0x202f || c === 0x205f) return C_SPACE;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba ? C_LETTER : C_PUNCT;
  if (c === 0xd7 || c === 0xf7) return C_PUNCT;
  if (c >= 0xd800 && c <= 0xdfff) return C_SURROGATE;
  if ((c >= 0x2010 && c <= 0x2bff) || (c >= 0x3001 && c <= 0x303f) || (c >= 0xfe10 && c <= 0xfe6f) || (c >= 0xff01 && c <= 0xff0f)) return C_PUNCT;
  if (c >= 0xe000 && c <= 0xf8ff) return C_PUNCT;
  return C_LETTER;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function isLowerLetter(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 0xdf) return false;
  const cls = charClass(c);
  return cls === C_LETTER && String.fromCharCode(c).toLowerCase() === String.fromCharCode(c) && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c);
}

function isAlnum(c: number): boolean {
  const k = c < 128 ? ASCII_CLASS[c] : charClass(c);
  return k === C_LETTER || k === C_DIGIT;
}

/** Lowercase ASCII of text[start,end) equals `word`? (word is lowercase ASCII) */
function lowerEquals(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

function lowerSlice(text: string, start: number, end: number): string {
  return end - start > 8 ? '' : text.slice(start, end).toLowerCase();
}

class Builder {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  constructor(capacity: number, reuse?: TokenList) {
    if (reuse && reuse.start.length >= capacity && reuse.end.length === reuse.start.length && reuse.flags.length === reuse.start.length) {
      this.start = reuse.start;
      this.end = reuse.end;
      this.flags = reuse.flags;
      return;
    }
    // (the three arrays share one buffer: one allocation per text instead of three)
    const buffer = new ArrayBuffer(capacity * 9);
    this.start = new Int32Array(buffer, 0, capacity);
    this.end = new Int32Array(buffer, capacity * 4, capacity);
    this.flags = new Uint8Array(buffer, capacity * 8, capacity);
  }
  push(s: number, e: number, f: number): void {
    if (this.count === this.start.length) {
      const cap = this.count * 2 + 16;
      const buffer = new ArrayBuffer(cap * 9);
      const ns = new Int32Array(buffer, 0, cap);
      ns.set(this.start);
      const ne = new Int32Array(buffer, cap * 4, cap);
      ne.set(this.end);
      const nf = new Uint8Array(buffer, cap * 8, cap);
      nf.set(this.flags);
      this.start = ns;
      this.end = ne;
      this.flags = nf;
    }
    this.start[this.count] = s;
    this.end[this.count] = e;
    this.flags[this.count] = f;
    this.count++;
  }
}

/**
 * Scans one word starting at `i` (text[i] is a letter or digit) and returns its exclusive end,
 * before any possessive/clitic suffix, which the caller emits separately. `from` (optional, > i):
 * the scan resumes there, text[i + 1, from) being ASCII letters and digits already passed.
 */
function scanWord(text: string, i: number, n: number, from = i + 1): number {
  const wordStart = i;
  let j = from;
  for (;;) {
    if (j >= n) break;
    const c = text.charCodeAt(j);
    if (isAlnum(c)) {
      j++;
      continue;
    }
    if (c >= 0x300 && c <= 0x36f) {
      j++; // combining mark
      continue;
    }
    const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
    if (c === 45 /* - */ || c === 0x2011) {
      if (isAlnum(next)) {
        j += 2;
        continue;
      }
      // hyphenated across a line break: "govern-\nment"
      if (next === 10 || next === 13) {
        let k = j + 1;
        if (text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10) k++;
        k++;
        if (k < n && isLowerLetter(text.charCodeAt(k)) && isLowerLetter(text.charCodeAt(j - 1))) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    if (c === 46 /* . */) {
      if (isAlnum(next) && next !== 0) {
        j += 2;
        continue;
      }
      break;
    }
    if (c === 44 /* , */) {
      const prev = text.charCodeAt(j - 1);
      if (prev >= 48 && prev <= 57 && next >= 48 && next <= 57) {
        j += 2;
        continue;
      }
      break;
    }
    if (c === 38 /* & */) {
      if (isUpper(text.charCodeAt(j - 1)) && isUpper(next)) {
        j += 2;
        continue;
      }
      break;
    }
    if (isApostrophe(c)) {
      if (!isAlnum(next)) break;
      // clitics: 's 'd 'm 're 've 'll and n't are split off by the caller
      const after = j + 2 < n ? text.charCodeAt(j + 2) : 0;
      const after2 = j + 3 < n ? text.charCodeAt(j + 3) : 0;
      const n1 = next | 32;
      if ((n1 === 115 || n1 === 100 || n1 === 109) && !isAlnum(after)) break; // 's 'd 'm
      if (((n1 === 114 && (after | 32) === 101) || (n1 === 118 && (after | 32) === 101) || (n1 === 108 && (after | 32) === 108)) && !isAlnum(after2)) break;
      if (n1 === 116 && !isAlnum(after) && (text.charCodeAt(j - 1) | 32) === 110) {
        // "don't": the word ends before the n, unless the word is just "n" ("n't" as in CoNLL)
        if (j - 1 > wordStart) return j - 1;
        j += 2;
        continue;
      }
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

/** Does a word of text[s,e) followed by a period keep the period (abbreviation)? */
function keepsPeriod(text: string, s: number, e: number): boolean {
  const len = e - s;
  if (len === 1) return isUpper(text.charCodeAt(s)) || (text.charCodeAt(s) >= 97 && text.charCodeAt(s) <= 122);
  // internal period: U.S -> U.S.
  for (let k = s + 1; k < e - 1; k++) if (text.charCodeAt(k) === 46) return isAlnum(text.charCodeAt(e - 1)) && !isDigitRun(text, s, e);
  if (len > 6) return false;
  return ABBREVIATIONS.has(lowerSlice(text, s, e));
}

function isDigitRun(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 44)) return false;
  }
  return true;
}

/**
 * Tokenizes `text`. Never throws; linear in the length of the text. `reuse` (optional): a token list
 * from an earlier call that the caller no longer reads; its arrays are written again when they are
 * long enough (no allocation per text), and it is returned, updated. The tokens are the same.
 */
export function tokenize(text: string, reuse?: TokenList): TokenList {
  const n = text.length;
  const b = new Builder(Math.min(n + 1, Math.max(64, (n >> 2) + 16)), reuse);
  let pendingFlags = TOKEN_SENTENCE_START | TOKEN_LINE_START | TOKEN_PARAGRAPH_START;
  let sentenceEnded = false; // a terminal punctuation mark was seen; the next capitalized word starts a sentence
  let newlines = 0;
  let lastWasTerminal = false;
  let lineBegin = 0;
  let prevLineLength = 0;
  // one-sentence-a-line, space-tokenized text (CoNLL) never wraps
  const wrapAllowed = !looksPreTokenized(text);
  let i = 0;

  const emit = (s: number, e: number, word: boolean, startsSentenceIfPending: boolean): void => {
    let f = pendingFlags;
    if (newlines > 0) {
      f |= TOKEN_LINE_START;
      // a single line break inside a long line that did not end a sentence is hard wrapping
      const wrapped = wrapAllowed && newlines === 1 && b.count > 0 && prevLineLength >= WRAP_MIN_LINE && !sentenceEnded;
      if (!wrapped) f |= TOKEN_SENTENCE_START;
      if (newlines > 1) f |= TOKEN_PARAGRAPH_START;
    } else if (sentenceEnded && startsSentenceIfPending) {
      f |= TOKEN_SENTENCE_START;
    }
    if (word) f |= TOKEN_WORD;
    if (f & TOKEN_SENTENCE_START) sentenceEnded = false;
    b.push(s, e, f);
    pendingFlags = 0;
    newlines = 0;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c] : charClass(c);
    if (cls === C_SPACE) {
      i++;
      continue;
    }
    if (cls === C_NEWLINE) {
      prevLineLength = i - lineBegin;
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      newlines++;
      i++;
      lineBegin = i;
      continue;
    }
    if (cls === C_LETTER || cls === C_DIGIT) {
      // (the ASCII letters and digits of the word are passed here; scanWord, not inlined, is called
      // only for a character where the word may go on: non-ASCII, or - . , & ')
      let e = i + 1;
      while (e < n) {
        const d = text.charCodeAt(e);
        if (d >= 128 || ASCII_ALNUM[d] === 0) break;
        e++;
      }
      if (e < n && mayContinueWord(text.charCodeAt(e))) e = scanWord(text, i, n, e);
      let keptPeriod = false;
      if (e < n && text.charCodeAt(e) === 46 && keepsPeriod(text, i, e)) {
        // "U.S." / "Gen." / "J." keep the period; but a sentence-final "etc." / "U.S." also ends the sentence
        e++;
        keptPeriod = true;
      }
      const startsUpperOrDigit = cls === C_DIGIT || isUpper(c) || !isLowerLetter(c);
      emit(i, e, true, startsUpperOrDigit);
      if (keptPeriod) {
        const title = e - 1 - i <= 6 && TITLE_ABBREVIATIONS.has(lowerSlice(text, i, e - 1));
        const initial = e - 1 - i === 1;
        sentenceEnded = !title && !initial && endsSentenceAfterAbbreviation(text, e, n);
      } else sentenceEnded = false;
      lastWasTerminal = keptPeriod && sentenceEnded;
      i = e;
      // clitic / possessive directly after the word
      if (i < n && isApostrophe(text.charCodeAt(i))) {
        const cl = clitic(text, i, n);
        if (cl > i) {
          emit(i, cl, true, false);
          i = cl;
        }
      } else if (i + 2 < n && (text.charCodeAt(i) | 32) === 110 && isApostrophe(text.charCodeAt(i + 1))) {
        // the "n't" split off by scanWord
        emit(i, i + 3, true, false);
        i += 3;
      }
      continue;
    }
    if (cls === C_SURROGATE) {
      const e = i + 1 < n && text.charCodeAt(i) < 0xdc00 && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff ? i + 2 : i + 1;
      emit(i, e, false, false);
      i = e;
      continue;
    }
    // punctuation
    if (isApostrophe(c)) {
      const cl = clitic(text, i, n);
      if (cl > i) {
        emit(i, cl, true, false);
        i = cl;
        continue;
      }
    }
    let e = i + 1;
    if (c === 45 || c === 46 || c === 96 || c === 39 || c === 42 || c === 61 || c === 95 || c === 35) {
      while (e < n && text.charCodeAt(e) === c) e++;
    }
    const isTerminal = c === 46 || c === 33 || c === 63 || c === 0x2026;
    const isCloser = c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 0xbb;
    const isOpener = c === 0x201c || c === 0x2018 || c === 40 || c === 91 || c === 0xab || c === 96;
    if (sentenceEnded && isCloser && lastWasTerminal && newlines === 0) {
      emit(i, e, false, false);
      sentenceEnded = true; // closing quote after the period: the sentence still ends here
    } else {
      emit(i, e, false, isOpener);
      sentenceEnded = isTerminal;
    }
    lastWasTerminal = isTerminal || (lastWasTerminal && isCloser);
    i = e;
  }
  if (reuse) {
    reuse.count = b.count;
    reuse.start = b.start;
    reuse.end = b.end;
    reuse.flags = b.flags;
    return reuse;
  }
  return { count: b.count, start: b.start, end: b.end, flags: b.flags };
}

/**
 * Space-tokenized text ("the Commission 's chief , he said .") has its commas and periods detached
 * from the words more often than attached. One linear scan.
 */
export function looksPreTokenized(text: string): boolean {
  // (commas, then periods, found by indexOf: a native scan, several times faster than charCodeAt per character)
  const n = text.length;
  let detached = 0;
  let attached = 0;
  for (let mark = 0; mark < 2; mark++) {
    const c = mark === 0 ? 44 : 46;
    const ch = mark === 0 ? ',' : '.';
    for (let i = text.indexOf(ch, 1); i !== -1; i = text.indexOf(ch, i + 1)) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
      if (next !== 32 && next !== 10 && next !== 13) continue;
      const prev = text.charCodeAt(i - 1);
      if (prev === 32) detached++;
      else if (c === 44 && isAlnum(prev)) attached++; // attached periods are too often abbreviations ("U.S.", "1.")
    }
  }
  return detached > attached;
}

/** After an abbreviation with its period at e-1: does the sentence end? (next word capitalized after 2+ spaces or a newline) */
function endsSentenceAfterAbbreviation(text: string, e: number, n: number): boolean {
  let k = e;
  let spaces = 0;
  while (k < n && spaces < 3 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) {
    k++;
    spaces++;
  }
  return spaces >= 2 && k < n && isUpper(text.charCodeAt(k));
}

/** If text[i] is an apostrophe starting a clitic ('s, 'S, 'd, 'm, 're, 've, 'll), its end; else i. */
function clitic(text: string, i: number, n: number): number {
  const a = i + 1 < n ? text.charCodeAt(i + 1) | 32 : 0;
  const b = i + 2 < n ? text.charCodeAt(i + 2) : 0;
  const c2 = i + 3 < n ? text.charCodeAt(i + 3) : 0;
  if ((a === 115 || a === 100 || a === 109) && !isAlnum(b)) return i + 2;
  if (((a === 114 && (b | 32) === 101) || (a === 118 && (b | 32) === 101) || (a === 108 && (b | 32) === 108)) && !isAlnum(c2)) return i + 3;
  if (a === 116 && !isAlnum(b) && i > 0 && (text.charCodeAt(i - 1) | 32) === 110) return i + 2;
  return i;
}

/** Convenience for tests and tools: the token strings. */
export function tokenStrings(text: string, tokens: TokenList = tokenize(text)): string[] {
  const out: string[] = [];
  for (let k = 0; k < tokens.count; k++) out.push(text.slice(tokens.start[k], tokens.end[k]));
  return out;
}

export { lowerEquals as tokenLowerEquals };
