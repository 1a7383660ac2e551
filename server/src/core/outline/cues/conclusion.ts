/**
 * The conclusion: a section whose heading names it ("Conclusion", "The bottom line"), else a late
 * paragraph opening with a concluding marker ("In conclusion", "Ultimately"), else the article's
 * last substantial paragraph.
 */
import type { Span } from '../../types';
import type { DocContext } from '../context';
import type { Section } from '../sections';
import { lastNonSpace, oneOf, splitSpaceCount } from '../../text/whitespace';

const HEADING = /^(?:conclusions?|in\s+conclusion|concluding\s+\w+|summary|in\s+summary|the\s+bottom\s+line|bottom\s+line|final\s+thoughts|looking\s+ahead|the\s+way\s+forward|what\s+(?:comes\s+)?next|outlook|closing\s+thoughts)\b/i;
const MARKER = /^[\s"“*_]*(?:In\s+conclusion|To\s+conclude|In\s+sum|In\s+short|To\s+sum\s+up|Ultimately|In\s+the\s+end|All\s+in\s+all|Finally|Overall|In\s+the\s+final\s+analysis|So\s+while)\b/;

function flatten(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    flatten(s.children, out);
  }
  return out;
}

/** Site furniture after the article: an author's bio line, an italic note. */
function isTrailer(ctx: DocContext, start: number, end: number): boolean {
  const raw = ctx.text.slice(start, Math.min(end, start + 3000)).trim();
  if (oneOf(raw.charAt(0), '*_') && oneOf(raw.charAt(raw.length - 1), '*_')) return true;
  const bio = bioPattern(ctx.author);
  if (!bio) return false;
  // `^[^.]{0,60}\bSurname`: the surname starts within 60 code points (at most 120 code units)
  const at = raw.indexOf(lastSurname);
  if (at < 0 || at > 120) return false;
  return bio.test(raw);
}

/** Compiled bio patterns by author (authors recur across a corpus; bounded). */
const bioByAuthor = new Map<string, { surname: string; re: RegExp | null }>();
let lastSurname = '';

/** "Roe is/was/has/writes" near the start of a line, for the author's surname; compiled once per author. */
function bioPattern(author: string | undefined): RegExp | null {
  const key = author ?? '';
  let known = bioByAuthor.get(key);
  if (!known) {
    const surname = key.split(/[,&]| and /)[0].trim().split(/\s+/).pop();
    const clean = (surname ?? '').replace(/[^\p{L}\p{N}-]/gu, '');
    known = { surname: clean, re: !!surname && surname.length > 1 ? new RegExp(`^[^.]{0,60}\\b${clean}\\s+(?:is|was|has|writes)\\b`, 'u') : null };
    if (bioByAuthor.size >= 256) bioByAuthor.clear();
    bioByAuthor.set(key, known);
  }
  lastSurname = known.surname;
  return known.re;
}

function proseBlocks(ctx: DocContext): number[] {
  const out: number[] = [];
  ctx.blocks.forEach((b, i) => {
    if (b.kind !== 'paragraph' && b.kind !== 'listItem' && b.kind !== 'blockquote') return;
    const s = ctx.masked.slice(b.content.start, Math.min(b.content.end, b.content.start + 2000));
    if (splitSpaceCount(s, 12) < 12 || !oneOf(lastNonSpace(s), '.!?"”’)')) return;
    if (isTrailer(ctx, b.content.start, b.content.end)) return;
    out.push(i);
  });
  return out;
}

export interface ConclusionSpan extends Span {
  /** The heading's section, when the conclusion is a named section. */
  section?: Section;
}

export function findConclusion(ctx: DocContext, sections: Section[]): ConclusionSpan | null {
  const named = flatten(sections).filter((s) => HEADING.test(s.title));
  const last = named[named.length - 1];
  if (last) {
    const body = ctx.blocks.find((b, i) => i > last.block && b.start >= last.start && b.kind !== 'heading');
    if (body && body.content.start < last.end) return { start: body.content.start, end: last.end, section: last };
  }
  const prose = proseBlocks(ctx);
  if (prose.length === 0) return null;
  const from = Math.floor(prose.length * 0.6);
  for (let k = prose.length - 1; k >= from && k >= 1; k--) {
    const b = ctx.blocks[prose[k]];
    if (MARKER.test(ctx.masked.slice(b.content.start, b.content.start + 60))) return { start: b.content.start, end: ctx.blocks[prose[prose.length - 1]].content.end };
  }
  if (prose.length < 2) return null;
  const b = ctx.blocks[prose[prose.length - 1]];
  return { start: b.content.start, end: b.content.end };
}
