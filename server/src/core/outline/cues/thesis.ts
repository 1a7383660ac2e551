/**
 * The thesis: the sentence that states the article's position. Looked for in the lead (the first
 * three paragraphs of prose; captions and standfirsts set wholly in italics are skipped): the
 * author's own prescription, preferring evaluative ones that share words with the title and come
 * early. A report that prescribes nothing in its lead has its lead sentence as the thesis.
 */
import type { DocContext } from '../context';
import { oneOf, wordRunCount } from '../../text/whitespace';

export interface ThesisScores {
  /** The author's prescription in this unit: 0 none, 1 impersonal, 2 with a named actor ("Bush should …"). */
  recommendation(unit: number): number;
  claimScore(unit: number): number;
  /** The unit reports speech (quotes, "X said"). */
  reported(unit: number): boolean;
}

const LEAD_PARAGRAPHS = 3;
const SENTENCES_PER_PARAGRAPH = 8;

function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 4) out.add(w.slice(0, 6));
  return out;
}

function wholeItalic(ctx: DocContext, start: number, end: number): boolean {
  const s = ctx.text.slice(start, Math.min(end, start + 4000)).trim();
  return oneOf(s.charAt(0), '*_') && oneOf(s.charAt(s.length - 1), '*_');
}

function wordCount(s: string, stopAt: number): number {
  return wordRunCount(s, stopAt);
}

/** The unit index of the thesis, or -1. */
export function pickThesis(ctx: DocContext, title: string, scores: ThesisScores, exclude: ReadonlySet<number>): number {
  const leadBlocks: number[] = [];
  for (let i = 0; i < ctx.blocks.length && leadBlocks.length < LEAD_PARAGRAPHS; i++) {
    const b = ctx.blocks[i];
    if (b.kind !== 'paragraph' && b.kind !== 'blockquote') continue;
    if (exclude.has(i) || wholeItalic(ctx, b.content.start, b.content.end)) continue;
    if (wordCount(ctx.masked.slice(b.content.start, Math.min(b.content.end, b.content.start + 400)), 12) < 12) continue;
    leadBlocks.push(i);
  }
  if (leadBlocks.length === 0) return -1;
  const titleWords = contentWords(title);
  let best = -1;
  let bestScore = -Infinity;
  let firstUnit = -1;
  const seen = leadBlocks.map(() => 0);
  const lastLead = leadBlocks[leadBlocks.length - 1];
  for (let u = 0; u < ctx.units.length && ctx.units[u].block <= lastLead; u++) {
    const unit = ctx.units[u];
    const p = leadBlocks.indexOf(unit.block);
    if (p < 0) continue;
    if (firstUnit < 0) firstUnit = u;
    if (++seen[p] > SENTENCES_PER_PARAGRAPH) continue;
    const text = ctx.outside.slice(unit.start, Math.min(unit.end, unit.start + 600));
    // an opinion piece states its position as the author's prescription
    const rec = scores.recommendation(u);
    if (wordCount(text, 6) < 6 || rec === 0 || scores.reported(u)) continue;
    let overlap = 0;
    for (const w of contentWords(text)) if (titleWords.has(w)) overlap++;
    const score = (rec === 2 ? 2 : 0) + Math.min(scores.claimScore(u), 6) + Math.min(overlap, 3) * 1.5 - p * 1.5 - (seen[p] - 1) * 0.3;
    if (score > bestScore) {
      bestScore = score;
      best = u;
    }
  }
  // a report: its lead sentence
  return best >= 0 ? best : firstUnit;
}
