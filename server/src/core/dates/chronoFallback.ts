/**
 * chrono-node as a second opinion: for the few sentences that still hold an uncovered calendar
 * word (a month or weekday abbreviation, a numeric date, an ordinal day) after the rules ran,
 * chrono parses the sentence and whatever calendar date it finds there that the rules missed is
 * added, trimmed to TIMEX3 extent. chrono never sees the whole text: only candidate sentences.
 */
import * as chrono from 'chrono-node';
import { fmtDay, fmtMonth, fmtYear, type Day } from './calendar';
import type { RuleMatch, ScanContext } from './context';
import { MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS, WEEKDAY_ABBREVIATIONS } from './lexicon';

const LEADING_NOISE = /^(?:(?:on|in|at|by|from|since|until|till|of|the|during|before|after|to|and)\s+)+/i;
// A calendar word somewhere in chrono's text: month/weekday names or abbreviations (fractions such
// as "2 1/2" are not dates).
const CALENDAR_HINT = /[A-Za-z]{3,}/g;

function hasCalendarWord(s: string): boolean {
  CALENDAR_HINT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CALENDAR_HINT.exec(s)) !== null) {
    const w = m[0].toLowerCase();
    if (MONTHS.has(w) || MONTH_ABBREVIATIONS.has(w) || WEEKDAYS.has(w) || WEEKDAY_ABBREVIATIONS.has(w)) return true;
  }
  return false;
}

/**
 * A month name or abbreviation the rules left uncovered, with a number right next to it (within
 * two tokens): a calendar-looking combination ("5th of Sept", "Sept 5th-7th") worth a second
 * opinion. Lone month names and weekday abbreviations ("Sun Microsystems") are not.
 */
function isCandidate(ctx: ScanContext, i: number, inMatch: Uint8Array): boolean {
  const t = ctx.tokens[i];
  // month names and abbreviations have 3 to 9 letters ("May", "Sept", "September")
  if (t.kind !== 'word' || t.text.length < 3 || t.text.length > 9) return false;
  const c = t.text.charCodeAt(0);
  if (c < 65 || c > 90) return false; // capitalised
  if (!(MONTH_ABBREVIATIONS.has(t.lower) || (MONTHS.has(t.lower) && t.lower !== 'may' && t.lower !== 'march'))) return false;
  for (let k = Math.max(0, i - 3); k <= i + 3 && k < ctx.tokens.length; k++) {
    if (k !== i && !inMatch[k] && ctx.tokens[k].kind === 'num') return true;
  }
  return false;
}

/** Extra date matches from chrono for uncovered candidate sentences. `covered` is sorted. */
export function chronoFallback(ctx: ScanContext, covered: readonly RuleMatch[]): RuleMatch[] {
  const anchor = ctx.anchor;
  if (!anchor) return [];
  const inMatch = new Uint8Array(ctx.tokens.length);
  for (const m of covered) for (let k = m.start; k < m.end; k++) inMatch[k] = 1;
  const out: RuleMatch[] = [];
  const ref = new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12));
  let lastSentence = -1;
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (inMatch[i] || !isCandidate(ctx, i, inMatch)) continue;
    const s = ctx.sentStart[i];
    if (s === lastSentence) continue;
    lastSentence = s;
    const e = ctx.sentEnd[i];
    const from = ctx.tokens[s].start;
    const sentence = ctx.text.slice(from, ctx.tokens[e - 1].end);
    if (sentence.length > 2000) continue; // not a sentence: skip rather than pay for it
    let results: chrono.ParsedResult[];
    try {
      results = chrono.parse(sentence, { instant: ref, timezone: 0 });
    } catch {
      continue;
    }
    for (const r of results) {
      const lead = LEADING_NOISE.exec(r.text);
      const text = lead ? r.text.slice(lead[0].length) : r.text;
      const start = from + r.index + (lead ? lead[0].length : 0);
      const end = start + text.trimEnd().length;
      if (!hasCalendarWord(text)) continue;
      const range = tokenRange(ctx, start, end);
      if (!range) continue;
      let free = true;
      for (let k = range[0]; k < range[1]; k++) if (inMatch[k]) free = false;
      if (!free) continue;
      const c = r.start;
      const day: Day = { y: c.get('year') ?? anchor.y, m: c.get('month') ?? 1, d: c.get('day') ?? 1 };
      const value = c.isCertain('day') ? fmtDay(day) : c.isCertain('month') ? fmtMonth(day.y, day.m) : c.isCertain('year') ? fmtYear(day.y) : undefined;
      if (!value) continue;
      for (let k = range[0]; k < range[1]; k++) inMatch[k] = 1;
      out.push({ start: range[0], end: range[1], type: 'date', value, relative: !c.isCertain('year') });
    }
  }
  return out;
}

/** Token indices [a, b) exactly covering characters [start, end), or undefined. */
function tokenRange(ctx: ScanContext, start: number, end: number): [number, number] | undefined {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= ctx.tokens.length || ctx.tokens[lo].start !== start) return undefined;
  let b = lo;
  while (b < ctx.tokens.length && ctx.tokens[b].end <= end) b++;
  if (b === lo || ctx.tokens[b - 1].end !== end) return undefined;
  return [lo, b];
}
