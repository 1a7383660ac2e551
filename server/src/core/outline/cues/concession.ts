/**
 * Concessions and counter-arguments: a sentence that opens with a contrast or concession marker
 * ("But", "However", "Although", "Admittedly", "To be sure") or reports the other side ("Critics
 * say …"). Only at the start of a sentence: "but" inside a sentence is not a concession.
 */
import type { Span } from '../../types';
import type { DocContext } from '../context';

const OPENER = /^[\s"“‘'(*_]*(But|However|Yet|Still|Although|Though|Even\s+though|Even\s+if|While|Whereas|Nevertheless|Nonetheless|Admittedly|Granted|Of\s+course|To\s+be\s+sure|Despite|In\s+spite\s+of|On\s+the\s+other\s+hand|Conversely|That\s+said|Even\s+so|True|Notwithstanding)\b/;
const OTHER_SIDE = /^[\s"“‘'(*_]*(?:Critics|Opponents|Skeptics|Sceptics|Detractors|Others|Some\s+\w+)\b[^.;!?]{0,80}?\b(?:say|said|argue|argued|contend|contended|claim|claimed|insist|insisted|object|objected|counter|countered|warn|warned|maintain|maintained)\b/;

export interface ConcessionCue {
  marker: string;
}

export function concessionCue(ctx: DocContext, unit: Span): ConcessionCue | null {
  const head = ctx.outside.slice(unit.start, Math.min(unit.end, unit.start + 160));
  const m = OPENER.exec(head);
  if (m) {
    // "Still," / "True," / "Yet" as sentence adverbs only; "Still more troops …" is not a concession
    if (/^(?:Still|True|Yet)$/.test(m[1]) && !/^[\s"“‘'(*_]*(?:Still|True|Yet)\s*,/.test(head) && m[1] !== 'Yet') return null;
    return { marker: m[1].replace(/\s+/g, ' ') };
  }
  const o = OTHER_SIDE.exec(head);
  return o ? { marker: 'critics' } : null;
}
