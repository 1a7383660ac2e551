/**
 * Days counted from the story's own time line: "the next day", "the following morning", "the
 * previous day", "the day before", "that day". TIMEX3 resolves them against the last day the text
 * named (its reference time), not the publication date: "On Monday he left; the next day he
 * returned" is Tuesday. The rule marks the expression with its offset; `resolveNarrativeDays` runs
 * after every other rule (and after reported speech is re-anchored) and fills in the value.
 */
import { addDays, fmtDay, parseIsoDay, type Day } from './calendar';
import { lowerAt, tok, type RuleMatch, type ScanContext } from './context';

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_WORDS: ReadonlySet<string> = new Set(['day', 'morning', 'afternoon', 'evening', 'night']);
/** Placeholder value until the post-pass; never returned (the post-pass replaces or drops it). */
const PENDING = 'NARRATIVE_DAY';

function pending(start: number, end: number, offset: number, needsStoryDay: boolean): RuleMatch {
  return { start, end, type: 'date', value: PENDING, relative: true, dayOffset: offset, needsStoryDay };
}

/** "the next day", "the following morning", "the previous day", "the day before/after" (at a clause end), "that day". */
export function narrativeDayRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const w = lowerAt(ctx, i);
  if (w === 'that') {
    // "that day": the day just told; without one, it is no calendar day ("that day will come").
    return lowerAt(ctx, i + 1) === 'day' ? pending(i, i + 2, 0, true) : undefined;
  }
  if (w !== 'the') return undefined;
  const a = lowerAt(ctx, i + 1);
  const b = lowerAt(ctx, i + 2);
  if ((a === 'next' || a === 'following' || a === 'previous') && DAY_WORDS.has(b)) {
    // "the next day or two" is a stretch, "the following day's vote" still the day.
    return pending(i, i + 3, a === 'previous' ? -1 : 1, false);
  }
  if (a === 'day' && (b === 'before' || b === 'after')) {
    // Only when nothing follows that it could be counted from: "the day before the vote" is another date.
    const n = tok(ctx, i + 3);
    if (n && (n.kind === 'word' || n.kind === 'num')) return undefined;
    return pending(i, i + 3, b === 'before' ? -1 : 1, false);
  }
  return undefined;
}

/**
 * Fills in the pending narrative days in text order: the last day-valued date before each one (or
 * the anchor when the text named none) plus its offset. A resolved one becomes the story's day.
 * "that day" with no day told before it is dropped.
 */
export function resolveNarrativeDays(matches: RuleMatch[], anchor: Day | undefined): RuleMatch[] {
  if (!matches.some((m) => m.dayOffset !== undefined)) return matches;
  const out: RuleMatch[] = [];
  let last: Day | undefined;
  for (const m of matches) {
    if (m.dayOffset === undefined) {
      if (m.type === 'date' && DAY_VALUE.test(m.value)) last = parseIsoDay(m.value);
      out.push(m);
      continue;
    }
    const base = last ?? (m.needsStoryDay ? undefined : anchor);
    const { dayOffset: offset, needsStoryDay: _n, ...rest } = m;
    if (!base) {
      if (!m.needsStoryDay) out.push({ ...rest, value: 'XXXX-XX-XX' });
      continue;
    }
    const day = addDays(base, offset);
    last = day;
    out.push({ ...rest, value: fmtDay(day) });
  }
  return out;
}
