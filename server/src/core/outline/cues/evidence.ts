/**
 * Evidence: quotations with their speaker, reported statements ("Maliki said …"), figures and
 * statistics ("more than 150", "2.5 million", "40 percent"), and cited reports and polls
 * ("according to a poll", "a report by …").
 */
import type { Span } from '../../types';
import type { DocContext } from '../context';
import type { AttributedQuote, SpeechAct } from '../attribution';

export type EvidenceKind = 'quote' | 'reported' | 'figure' | 'report';

export interface EvidenceCue {
  kind: EvidenceKind;
  speakers: string[];
}

const FIGURE = /\b\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b|million\b|billion\b|trillion\b|thousand\b)|[$€£]\s?\d|\b(?:more|fewer|less)\s+than\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:dozen|hundred|thousand|million))|\b(?:nearly|almost|roughly|about|some|at\s+least|up\s+to|over)\s+\d[\d,]{1,}\b|\b\d{1,3}(?:,\d{3})+\b|\b(?:hundreds|thousands|millions|tens\s+of\s+thousands|dozens)\s+of\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:million|billion)\b|\b\d+(?:\.\d+)?\s+(?:per|out\s+of)\s+\d/i;
const REPORT = /\b(?:a|an|the|new|latest|recent)\s+(?:\w+\s+)?(?:poll|survey|study|report|analysis|census|audit|assessment|estimate|investigation|review)\s+(?:by|from|of|released|published|found|showed|shows|says|said|conducted)\b|\bpolls?\s+(?:show|shows|showed|found|suggest|suggests|indicate)\b|\b(?:data|figures|statistics|estimates)\s+(?:from|by|show|shows|showed|released|published)\b/i;

export function evidenceCue(ctx: DocContext, unit: Span, quotes: readonly AttributedQuote[], acts: readonly SpeechAct[]): EvidenceCue | null {
  const spoken = quotes.filter((q) => q.kind !== 'scare');
  if (spoken.length) {
    const speakers = [...new Set(spoken.map((q) => q.speaker?.name).filter((n): n is string => !!n))];
    return { kind: 'quote', speakers };
  }
  const s = ctx.outside.slice(unit.start, unit.end);
  if (REPORT.test(s)) return { kind: 'report', speakers: [] };
  if (acts.length) {
    const named = acts.filter((a) => a.speaker.kind !== 'pronoun');
    // a named speaker makes a description of the same speaker redundant ("Petraeus … the general")
    const best = named.some((a) => a.speaker.kind === 'person') ? named.filter((a) => a.speaker.kind !== 'description') : named;
    return { kind: 'reported', speakers: [...new Set(best.map((a) => a.speaker.name))] };
  }
  if (FIGURE.test(s)) return { kind: 'figure', speakers: [] };
  return null;
}
