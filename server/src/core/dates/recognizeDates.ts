/**
 * The date recognizer: finds date expressions in news text and resolves them to TIMEX3-style values
 * against the article's publication date (`dct`, YYYY-MM-DD). Durations, clock times and sets are
 * reported with their own type. Never throws: odd input yields an empty list.
 */
import type { DateMention } from '../types';
import { fmtDay, parseIsoDay } from './calendar';
import { makeContext, type RuleMatch } from './context';
import { chronoFallback } from './chronoFallback';
import { datelineDay } from './dateline';
import { withDayPart } from './dayParts';
import { scanRange } from './scan';
import { resolveNarrativeDays } from './narrativeDay';
import { reanchorReportedSpeech } from './speechAnchor';
import { tokenize } from './tokenize';

export function recognizeDates(text: string, dct?: string): DateMention[] {
  try {
    if (typeof text !== 'string' || text.length === 0) return [];
    const tokens = tokenize(text);
    const ctx = makeContext(text, tokens, parseIsoDay(dct));
    // A wire story's dateline ("WASHINGTON, March 12 (Xinhua) --") is the day its relative dates count from.
    const anchor = datelineDay(ctx) ?? ctx.anchor;
    ctx.anchor = anchor;
    let matches = scanRange(ctx, 0, tokens.length);
    const extra = chronoFallback(ctx, matches);
    if (extra.length) matches = matches.concat(extra).sort((a, b) => a.start - b.start);
    matches = reanchorReportedSpeech(ctx, matches);
    matches = resolveNarrativeDays(matches, anchor);
    const anchorIso = anchor ? fmtDay(anchor) : undefined;
    return matches.map((m) => toMention(ctx.text, tokens, m, anchorIso));
  } catch {
    return [];
  }
}

function toMention(text: string, tokens: ReturnType<typeof tokenize>, m: RuleMatch, anchorIso: string | undefined): DateMention {
  const start = tokens[m.start].start;
  const end = tokens[m.end - 1].end;
  const value = m.type === 'date' ? withDayPart(m.value, tokens[m.end - 1].lower) : m.value;
  const out: DateMention = { start, end, text: text.slice(start, end), value, type: m.type, relative: m.relative };
  const a = m.anchorIso ?? anchorIso;
  if (m.relative && a) out.anchor = a;
  return out;
}
