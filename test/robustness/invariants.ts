/**
 * The structural promises of `analyzeArticle`, checked on any input: offsets are UTF-16 indices
 * inside the text (0 <= start < end <= length), surface texts are exact slices, mentions are
 * sorted and non-overlapping, outline children lie inside their parents, and no stage failed
 * internally (the core reports a caught throw as an `internal` problem: still a bug).
 */
import type { ArticleAnalysis } from '../../server/src/core/analyzeArticle';
import type { OutlineNode, Span } from '../../server/src/core/types';

function spanProblem(what: string, s: Span, length: number, allowEmpty = false): string | undefined {
  const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && (allowEmpty ? s.start <= s.end : s.start < s.end);
  return ok ? undefined : `${what} [${s.start}, ${s.end}) outside 0..${length}`;
}

function outlineProblems(nodes: OutlineNode[], parent: Span | undefined, length: number, out: string[], depth = 0): void {
  if (depth > 64) {
    out.push('outline deeper than 64 levels');
    return;
  }
  for (const n of nodes) {
    const p = spanProblem(`outline ${n.role} "${n.name}"`, n, length);
    if (p) out.push(p);
    if (parent && (n.start < parent.start || n.end > parent.end)) out.push(`outline ${n.role} [${n.start}, ${n.end}) not inside its parent [${parent.start}, ${parent.end})`);
    if (n.selection && (n.selection.start < n.start || n.selection.end > n.end || n.selection.start > n.selection.end)) {
      out.push(`outline ${n.role} selection [${n.selection.start}, ${n.selection.end}) not inside [${n.start}, ${n.end})`);
    }
    if (typeof n.name !== 'string') out.push(`outline ${n.role} has no name`);
    outlineProblems(n.children ?? [], n, length, out, depth + 1);
  }
}

export interface InvariantOptions {
  /** Check that each mention's and date's `text` is exactly `text.slice(start, end)` (default true). */
  surfaceText?: boolean;
}

/** Every broken promise, as readable strings (empty: all kept). */
export function invariantViolations(text: string, a: ArticleAnalysis, options: InvariantOptions = {}): string[] {
  const surface = options.surfaceText !== false;
  const out: string[] = [];
  const len = text.length;
  let prevEnd = 0;
  for (const m of a.mentions) {
    const p = spanProblem(`mention "${m.text}"`, m, len);
    if (p) out.push(p);
    else if (surface && m.text !== text.slice(m.start, m.end)) out.push(`mention text ${JSON.stringify(m.text)} !== slice ${JSON.stringify(text.slice(m.start, m.end))}`);
    if (m.start < prevEnd) out.push(`mention "${m.text}" at ${m.start} overlaps or is out of order (previous ends at ${prevEnd})`);
    prevEnd = Math.max(prevEnd, m.end);
    if (!(m.confidence >= 0 && m.confidence <= 1)) out.push(`mention "${m.text}" confidence ${m.confidence}`);
  }
  if (a.clusterOf.length !== a.mentions.length) out.push(`clusterOf has ${a.clusterOf.length} entries for ${a.mentions.length} mentions`);
  for (const d of a.dates) {
    const p = spanProblem(`date "${d.text}"`, d, len);
    if (p) out.push(p);
    else if (surface && d.text !== text.slice(d.start, d.end)) out.push(`date text ${JSON.stringify(d.text)} !== slice ${JSON.stringify(text.slice(d.start, d.end))}`);
  }
  for (const q of a.quotes) {
    const p = spanProblem(`quote "${q.text.slice(0, 30)}"`, q, len);
    if (p) out.push(p);
    if (q.speaker && q.speaker.start !== undefined) {
      const sp = spanProblem(`speaker "${q.speaker.name}"`, { start: q.speaker.start, end: q.speaker.end ?? -1 }, len);
      if (sp) out.push(sp);
    }
  }
  for (const pr of a.problems) {
    const p = spanProblem(`problem ${pr.code}`, pr, len, true);
    if (p) out.push(p);
    if (pr.code === 'internal') out.push(`internal failure: ${pr.message}`);
  }
  if (!(a.bodyStart >= 0 && a.bodyStart <= len)) out.push(`bodyStart ${a.bodyStart} outside 0..${len}`);
  outlineProblems(a.outline, undefined, len, out);
  return out;
}
