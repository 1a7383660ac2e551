/**
 * Sentence spans inside one block of prose, in linear time. A sentence ends at `.`, `!`, `?` or
 * `…` (with any closing quotes and brackets after it) followed by white space and a likely sentence
 * opening (capital, digit, opening quote). Abbreviations, initials and decimals do not end a
 * sentence; an abbreviation such as "U.S." or "Dec." does when the next word is a typical sentence
 * opener ("… regardless of U.S. The United States …").
 */
import type { Span } from '../types';
import { nextMatchFinder } from './nextMatch';

/** Abbreviations that precede a name or number and never end a sentence. */
export const TITLES = new Set(
  (
    'mr mrs ms messrs mme dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig sen rep gov pres ' +
    'supt det insp atty amb hon rev fr sr st mt ft no nos vol pp ch art fig sec dept est approx ' +
    'vs v cf e.g i.e al'
  ).split(' '),
);
/** Abbreviations that end a sentence only before a typical sentence opener. */
export const AMBIGUOUS = new Set(
  (
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'jr inc corp co ltd bros etc a.m p.m u.s u.n u.k e.u d.c u.s.a'
  ).split(' '),
);
/** Words that typically open a sentence (used after an ambiguous abbreviation or an initial). */
export const OPENERS = new Set(
  (
    'the a an he she it they we i you his her its their our my this that these those there here ' +
    'but and or so yet however meanwhile still also in on at for after before while although though ' +
    'when where why how what who if as since despite during by with from to under over then now ' +
    'some many most several no not one two three both all each every such other another last next ' +
    'mr mrs ms dr president prime officials'
  ).split(' '),
);

const CLOSERS = '"”’\')]*_»';

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
}

/** Same as `c !== c.toLowerCase() && c === c.toUpperCase()`; ASCII answered from its code. */
function isUpper(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 128 && c.length === 1) return k >= 65 && k <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Same as `w.toLowerCase()`; a word of lower-case ASCII letters and dots is returned as it is. */
function lowerCase(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const k = w.charCodeAt(i);
    if (!((k >= 97 && k <= 122) || k === 46)) return w.toLowerCase();
  }
  return w;
}

/** Same as `c.toLowerCase() !== c.toUpperCase()` for one character; ASCII answered from its code. */
function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90);
  return c.toLowerCase() !== c.toUpperCase();
}

/** The word (letters and inner dots) that ends at `dot` (exclusive). */
function wordBefore(text: string, dot: number, floor: number): string {
  let k = dot;
  while (k > floor && k > dot - 24 && (isLetter(text[k - 1]) || text[k - 1] === '.')) k--;
  return text.slice(k, dot);
}

function nextWord(text: string, from: number, end: number): string {
  let k = from;
  while (k < end && k < from + 24 && isLetter(text[k])) k++;
  return text.slice(from, k).toLowerCase();
}

/** The first character that can end a sentence at or after i (the loop below looks only at these); text.length when none. */
const nextEndMark = nextMatchFinder(/[.!?…]/g);

/**
 * Sentence spans of text[start, end), trimmed, in order. Text without end punctuation is one
 * sentence. Never throws; returns [] for an empty range.
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  if (typeof text !== 'string') return out;
  start = Math.max(0, start | 0);
  end = Math.min(text.length, end | 0);
  let s = start;
  const push = (a: number, b: number) => {
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = start; i < end; i++) {
    // straight to the next end mark: every other character is passed over
    i = nextEndMark(text, i);
    if (i >= end) break;
    const c = text[i];
    // the whole run of end punctuation and closers: ".”", "?)", "...", ".**"
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    const punctEnd = j;
    while (j < end && CLOSERS.includes(text[j])) j++;
    if (j < end && !isSpace(text[j])) {
      i = punctEnd - 1;
      continue; // "2.5", "U.S.-led", "Yahoo!Inc"
    }
    let k = j;
    while (k < end && isSpace(text[k])) k++;
    if (k >= end) break; // the rest is the last sentence
    const n = text[k];
    const opens = isUpper(n) || (n >= '0' && n <= '9') || '“"‘\'([*_¿¡'.includes(n);
    if (!opens) {
      i = punctEnd - 1;
      continue;
    }
    if (c === '.' && punctEnd === i + 1) {
      const w = wordBefore(text, i, s);
      const lw = lowerCase(w);
      if (TITLES.has(lw)) continue;
      const initial = w.length === 1 && isUpper(w);
      if (initial || AMBIGUOUS.has(lw) || (w.includes('.') && w.length <= 8)) {
        // the word after is read only here, where it decides
        const following = isLetter(n) ? nextWord(text, k, end) : '';
        if (j === punctEnd && !(following && OPENERS.has(following))) continue;
      }
    }
    push(s, j);
    s = j;
    i = j - 1;
  }
  push(s, end);
  return out;
}
