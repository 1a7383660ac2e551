/**
 * Everything the outline's rules share about one article: the masked text, the text with quotation
 * interiors blanked ("outside": what the author writes around the quotes), blocks, sentence units
 * (sentences merged when a quotation runs across them), entity mentions sorted for range lookups,
 * and the speaker-like noun phrases of the document ("a senior administration official").
 */
import { lowerBound } from '../sortedSpans';
import type { EntityMention, Span } from '../types';
import { splitBlocks, maskMarkup, type Block } from '../text/blocks';
import { splitSentences } from '../text/sentences';
import { findQuoteSpans, type QuoteSpan } from './quotes';
import { tokenize, tokenizeTail, type Tok } from './tokens';
import { PERSON_NOUNS } from './lexicon';
import { personNounsIn } from './wordScan';
import { spaceCount, squish } from '../text/whitespace';
import { CueWords } from './cueWords';

export interface Unit extends Span {
  block: number;
}

export interface Description extends Span {
  head: string;
  /** "a/an/one …" (introduces a new referent) rather than "the …". */
  indefinite: boolean;
  plural: boolean;
}

export interface DocContext {
  text: string;
  masked: string;
  outside: string;
  bodyStart: number;
  blocks: Block[];
  units: Unit[];
  quotes: QuoteSpan[];
  mentions: EntityMention[];
  descriptions: Description[];
  author?: string;
  /** Surname key → the fullest person name written in the document. */
  fullNames: Map<string, string>;
  /** canonicalName's answers for person names that need no look at the text before them. */
  personNames: Map<string, string>;
  /** Where the cue rules' trigger words stand in `outside`. */
  cueWords: CueWords;
}

export function surnameKey(name: string): string {
  const parts = name.trim().split(/\s+/);
  const last = (parts[parts.length - 1] ?? '').replace(/['’]s$/i, '').toLowerCase();
  return last.replace(/^(?:al|el|ad|as|ash|an|ar|ul)-/, '');
}

function blankQuotes(masked: string, quotes: QuoteSpan[]): string {
  if (quotes.length === 0) return masked;
  const parts: string[] = [];
  let at = 0;
  for (const q of quotes) {
    if (q.innerStart < at) continue;
    parts.push(masked.slice(at, q.innerStart));
    const inner = masked.slice(q.innerStart, q.innerEnd);
    // line breaks stay; without any, the blank is just spaces (a regex replace per quote was slow)
    parts.push(/[\n\r]/.test(inner) ? inner.replace(/[^\n\r]/g, ' ') : ' '.repeat(inner.length));
    at = q.innerEnd;
  }
  parts.push(masked.slice(at));
  return parts.join('');
}

function buildUnits(masked: string, blocks: Block[], quotes: QuoteSpan[]): Unit[] {
  const sentences: Unit[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'code') continue;
    for (const s of splitSentences(masked, b.content.start, b.content.end)) sentences.push({ start: s.start, end: s.end, block: i });
  }
  // merge sentences a quotation spans (within one block; a multi-paragraph quote keeps one unit per block)
  const units: Unit[] = [];
  for (const s of sentences) {
    const last = units[units.length - 1];
    const qi = lowerBound(quotes, s.start + 1) - 1;
    const straddles = qi >= 0 && quotes[qi].start < s.start && quotes[qi].end > s.start;
    if (last && last.block === s.block && straddles) last.end = s.end;
    else units.push({ start: s.start, end: s.end, block: s.block });
  }
  return units;
}

/**
 * Words that end a description walking back (`/^(?:and|or|…)$/i` on the token, as a set of lower
 * case forms: no character outside ASCII lower-cases to a letter of these words).
 */
const DESCRIPTION_STOP = new Set(['and', 'or', 'but', 'that', 'which', 'who', 'said', 'says', 'of', 'in', 'on', 'to', 'by', 'for', 'with', 'from', 'at', 'as', 'is', 'was', 'were', 'are', 'has', 'had', 'have']);

/** The first word of the description whose head is token i: up to 7 words back, stopping at a stop word or a non-word. */
function walkBack(toks: Tok[], i: number): number {
  let j = i;
  while (j > 0 && i - j < 7 && toks[j - 1].word && !DESCRIPTION_STOP.has(toks[j - 1].lower)) j--;
  return j;
}

/**
 * White-space chunks tokenized first (then any further entries), before the whole window: the walk
 * back almost always stops within the last few words (5 measured fastest on the bench articles;
 * 3 often ran out, "a senior administration official"). Exported for tests (none: whole windows only).
 */
export const DESCRIPTION_TAILS: readonly number[] = [5];

export function findDescriptions(outside: string, from: number, words: CueWords, tails: readonly number[] = DESCRIPTION_TAILS): Description[] {
  const out: Description[] = [];
  // the matches of PERSON_NOUN_RE from `from` (`wordScan.ts`)
  for (const hit of personNounsIn(words, outside, from)) {
    const m = { index: hit.index, 0: hit.text };
    const headEnd = m.index + m[0].length;
    const after = tokenize(outside, headEnd, Math.min(outside.length, headEnd + 20), 1)[0];
    if (after && after.word && !after.cap && PERSON_NOUNS.has(after.lower)) continue; // not the head: "aide workers"
    // The walk back takes at most 7 steps and stops at the first token it has: the last few words
    // decide it unless it runs out of them, and then a longer tail, at last the whole window, is tokenized.
    const windowStart = Math.max(from, m.index - 80);
    let toks: Tok[] = [];
    let i = -1;
    let j = 0;
    let whole = true;
    for (const chunks of tails) {
      toks = tokenizeTail(outside, windowStart, headEnd, chunks);
      i = toks.length - 1;
      if (i < 0) break;
      j = walkBack(toks, i);
      if (!(j === 0 && i < 7 && toks[0].start > windowStart)) {
        whole = false;
        break;
      }
    }
    if (whole && (tails.length === 0 || i >= 0)) {
      toks = tokenize(outside, windowStart, headEnd);
      i = toks.length - 1;
      j = walkBack(toks, i);
    }
    if (i < 0) continue;
    const first: Tok = toks[j];
    const det = first.lower;
    const head = m[0];
    out.push({
      start: first.start,
      end: headEnd,
      head,
      indefinite: det === 'a' || det === 'an' || det === 'one' || (j < i && first.cap && det !== 'the'),
      plural: head.endsWith('s') || head === 'people' || head === 'men' || head === 'women',
    });
  }
  return out;
}

function fullNamesOf(mentions: EntityMention[]): Map<string, string> {
  const map = new Map<string, string>();
  // a name repeats through an article: its key and clean form are worked out once
  const seen = new Map<string, { key: string; name: string; lower: boolean }>();
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    let known = seen.get(m.text);
    if (!known) {
      const name = squish(m.text.replace(/['’]s$/i, ''));
      known = { key: surnameKey(m.text), name, lower: /^\p{Ll}/u.test(name) };
      seen.set(m.text, known);
    }
    const { key, name } = known;
    if (known.lower) continue;
    const had = map.get(key);
    if (!had || spaceCount(name) > spaceCount(had)) map.set(key, name);
  }
  return map;
}

export function buildContext(text: string, bodyStart: number, mentions: readonly EntityMention[], author?: string, premasked?: string): DocContext {
  const masked = typeof premasked === 'string' && premasked.length === text.length ? premasked : maskMarkup(text, bodyStart);
  const blocks = splitBlocks(text, bodyStart);
  const quotes = findQuoteSpans(masked, blocks);
  const outside = blankQuotes(masked, quotes);
  const valid = (Array.isArray(mentions) ? mentions : [])
    .filter((m) => m && Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= text.length && m.start < m.end)
    .map((m) => {
      // a copy, then the assignment (`{ ...m, text }` is slow in V8); the key order is the same
      const c = { ...m };
      c.text = typeof m.text === 'string' ? m.text : text.slice(m.start, m.end);
      return c;
    })
    .sort((a, b) => a.start - b.start);
  const cueWords = new CueWords(outside);
  return {
    text,
    masked,
    outside,
    bodyStart,
    blocks,
    units: buildUnits(masked, blocks, quotes),
    quotes,
    mentions: valid,
    descriptions: findDescriptions(outside, Math.min(bodyStart, text.length), cueWords),
    author,
    fullNames: fullNamesOf(valid),
    personNames: new Map(),
    cueWords,
  };
}

export { lowerBound } from '../sortedSpans';

/** Index of the unit containing pos (or the last one starting before it), -1 if none. */
export function unitAt(ctx: DocContext, pos: number): number {
  const i = lowerBound(ctx.units, pos + 1) - 1;
  return i;
}

/** Mentions that start inside [a, b). */
export function mentionsIn(ctx: DocContext, a: number, b: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = lowerBound(ctx.mentions, a); i < ctx.mentions.length && ctx.mentions[i].start < b; i++) out.push(ctx.mentions[i]);
  return out;
}

/** The mention overlapping [a, b) that ends last, if any. */
export function mentionOverlapping(ctx: DocContext, a: number, b: number): EntityMention | undefined {
  let i = lowerBound(ctx.mentions, a) - 1;
  if (i < 0) i = 0;
  let found: EntityMention | undefined;
  for (; i < ctx.mentions.length && ctx.mentions[i].start < b; i++) {
    const m = ctx.mentions[i];
    if (m.end > a) found = m;
  }
  return found;
}

export function isInsideQuote(ctx: DocContext, pos: number): boolean {
  const i = lowerBound(ctx.quotes, pos + 1) - 1;
  return i >= 0 && ctx.quotes[i].innerStart <= pos && pos < ctx.quotes[i].innerEnd;
}

/**
 * A hard-wrap hyphen: "-", spaces up to the first line break, any whitespace, then a lower-case
 * letter (kept by the replacement). The space before the first break excludes "\n" so there is one
 * way to match: `-\s*\n\s*` is quadratic in V8 on "-" and a long run of "\n\t".
 */
const WRAP_HYPHEN = /-[^\S\n]*\n\s*([a-z])/g;

/** Whitespace-normalised slice of the masked text (markup already blanked). */
export function cleanSlice(ctx: DocContext, a: number, b: number): string {
  const s = ctx.masked.slice(a, b);
  // WRAP_HYPHEN needs a line break: skip the scan when there is none
  return squish(s.indexOf('\n') >= 0 ? s.replace(WRAP_HYPHEN, '$1') : s);
}
