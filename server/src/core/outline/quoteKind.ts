/**
 * What kind of quotation: a direct quote (a clause or sentence given to a speaker), a partial quote
 * (a fragment woven into the author's sentence, attributed), or a scare quote (a short term held at
 * a distance, nobody's words). A quoted title or headline ("an op-ed headlined “…”") is nobody's
 * speech either: it is reported as a scare quote without a speaker.
 */
import type { QuoteKind } from '../types';
import type { DocContext } from './context';
import type { QuoteSpan } from './quotes';

// The cue, then spaces and one optional ":" or "," with spaces: `\s*:?\s*$` (two adjacent runs) is
// quadratic in V8 on a cue followed by a long run of spaces.
const TITLE_CUE = /\b(?:headlined?|headline\s+(?:read|said|was)|titled|entitled|headed|captioned|slogan|banner|hashtag|dubbed\s+the|under\s+the\s+title)\s*(?::\s*)?$/i;
const WORK_NOUN = /\b(?:article|op-ed|oped|column|editorial|essay|piece|story|book|report|study|paper|film|movie|documentary|song|album|novel|poem|play|series|program|programme|podcast|show|headline)\s*(?:,\s*)?$/i;
const SMALL = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'or', 'in', 'on', 'at', 'to', 'with', 'by', 'from', 'is', 'as', 'vs']);

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

function titleCase(inner: string): boolean {
  if (/[.!?]["”’]?$/.test(inner.trim())) return false; // checked first: cheaper than splitting
  const ws = words(inner);
  if (ws.length < 2 || ws.length > 14) return false;
  let caps = 0;
  for (const w of ws) if (/^[\p{Lu}\p{N}]/u.test(w) || SMALL.has(w.toLowerCase())) caps++;
  return caps === ws.length && ws.some((w) => !SMALL.has(w.toLowerCase()));
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
  const n = words(inner).length;
  const sentenceLike = /^[\s"“‘']*[\p{Lu}\p{N}]/u.test(inner) && n >= 5 && /[.!?,;:…—-]\s*$/.test(inner);
  const direct = clauseShaped || sentenceLike;
  if (attributed) return direct && (n >= 2 || /[.!?]\s*$/.test(inner)) ? 'direct' : 'partial';
  if (direct && n >= 4) return 'direct';
  return n <= 4 ? 'scare' : 'partial';
}
