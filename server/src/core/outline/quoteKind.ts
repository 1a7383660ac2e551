/**
 * What kind of quotation: a direct quote (a clause or sentence given to a speaker), a partial quote
 * (a fragment woven into the author's sentence, attributed), or a scare quote (a short term held at
 * a distance, nobody's words). A quoted title or headline ("an op-ed headlined “…”") is nobody's
 * speech either: it is reported as a scare quote without a speaker.
 */
import type { QuoteKind } from '../types';
import type { DocContext } from './context';
import type { QuoteSpan } from './quotes';
import { isSpaceCode } from '../text/whitespace';

// The cue, then spaces and one optional ":" or "," with spaces: `\s*:?\s*$` (two adjacent runs) is
// quadratic in V8 on a cue followed by a long run of spaces.
const TITLE_CUE = /\b(?:headlined?|headline\s+(?:read|said|was)|titled|entitled|headed|captioned|slogan|banner|hashtag|dubbed\s+the|under\s+the\s+title)\s*(?::\s*)?$/i;
const WORK_NOUN = /\b(?:article|op-ed|oped|column|editorial|essay|piece|story|book|report|study|paper|film|movie|documentary|song|album|novel|poem|play|series|program|programme|podcast|show|headline)\s*(?:,\s*)?$/i;
const SMALL = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'or', 'in', 'on', 'at', 'to', 'with', 'by', 'from', 'is', 'as', 'vs']);

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const CAP_OR_DIGIT_START = /^[\p{Lu}\p{N}]/u;

/**
 * Calls `visit` with each word of `s` in order — the pieces of `s.split(/\s+/)` that hold a letter
 * or digit — until it returns false. Walks the string instead of splitting it.
 */
function eachWord(s: string, visit: (w: string) => boolean): void {
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const from = i;
    let ascii = false;
    while (i < n && !isSpaceCode(s.charCodeAt(i))) {
      const c = s.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) ascii = true;
      i++;
    }
    const w = s.slice(from, i);
    if ((ascii || HAS_WORD_CHAR.test(w)) && !visit(w)) return;
  }
}

/** Same as `words(s).length` with `words(s) = s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))`, counted up to `stopAt`. */
function wordCount(s: string, stopAt: number): number {
  let count = 0;
  eachWord(s, () => ++count < stopAt);
  return count;
}

/** Ends (spaces aside) in . ! or ?, optionally followed by one closing quote: `/[.!?]["”’]?$/` on the trimmed text. */
function endsSentence(inner: string): boolean {
  const t = inner.trim();
  const last = t.charAt(t.length - 1);
  if (last === '.' || last === '!' || last === '?') return true;
  if (last !== '"' && last !== '”' && last !== '’') return false;
  const before = t.charAt(t.length - 2);
  return before === '.' || before === '!' || before === '?';
}

/** Two to fourteen words, each capitalised (or a digit) or a small word, not all small, no end punctuation. */
export function titleCase(inner: string): boolean {
  if (endsSentence(inner)) return false;
  let count = 0;
  let allFit = true;
  let someBig = false;
  eachWord(inner, (w) => {
    if (++count > 14) return false;
    const small = SMALL.has(w.toLowerCase());
    if (!small) someBig = true;
    if (!small && !CAP_OR_DIGIT_START.test(w)) allFit = false;
    return allFit;
  });
  return allFit && count >= 2 && count <= 14 && someBig;
}

/** A quoted title or headline rather than speech. */
export function isTitleQuote(ctx: DocContext, q: QuoteSpan, before: string): boolean {
  if (q.innerEnd - q.innerStart > 200) return false;
  if (TITLE_CUE.test(before)) return true;
  const inner = ctx.text.slice(q.innerStart, q.innerEnd);
  return titleCase(inner) && WORK_NOUN.test(before);
}

/**
 * Kind from the quote's shape: `clauseShaped` when it opens its sentence or follows an introducing
 * verb or colon; `attributed` when a speaker was found.
 */
export function quoteKind(inner: string, clauseShaped: boolean, attributed: boolean): QuoteKind {
  const n = wordCount(inner, 5); // compared only with 2, 4 and 5 below
  const sentenceLike = /^[\s"“‘']*[\p{Lu}\p{N}]/u.test(inner) && n >= 5 && /[.!?,;:…—-]\s*$/.test(inner);
  const direct = clauseShaped || sentenceLike;
  if (attributed) return direct && (n >= 2 || /[.!?]\s*$/.test(inner)) ? 'direct' : 'partial';
  if (direct && n >= 4) return 'direct';
  return n <= 4 ? 'scare' : 'partial';
}
