/**
 * Days counted from the story's own time line: "the next day", "the following morning", "the
 * previous day", "the day before", "that day", "the same day", and the weeks around such a day
 * ("the following week"). TIMEX3 resolves them against the last day the text
 * named (its reference time), not the publication date: "On Monday he left; the next day he
 * returned" is Tuesday. The rule marks the expression with its offset; `resolveNarrativeDays` runs
 * after every other rule (and after reported speech is re-anchored) and fills in the value.
 */
import { addDays, fmtDay, fmtWeek, parseIsoDay, type Day } from './calendar';
import { lowerAt, tok, type RuleMatch, type ScanContext } from './context';

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_WORDS: ReadonlySet<string> = new Set(['day', 'morning', 'afternoon', 'evening', 'night']);
/** Placeholder value until the post-pass; never returned (the post-pass replaces or drops it). */
const PENDING = 'NARRATIVE_DAY';

function pending(start: number, end: number, offset: number, needsStoryDay: boolean, inWeeks = false): RuleMatch {
  const m: RuleMatch = { start, end, type: 'date', value: PENDING, relative: true, dayOffset: offset, needsStoryDay };
  if (inWeeks) m.inWeeks = true;
  return m;
}

/** Words that open a clause naming the day: "the same day (that / when / as) he left", "the same day Bossi …". */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['that', 'when', 'as', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'the', 'his', 'her', 'its', 'their']);

function clauseFollows(ctx: ScanContext, k: number): boolean {
  const t = tok(ctx, k);
  return !!t && t.kind === 'word' && (CLAUSE_OPENERS.has(t.lower) || /^[A-Z]/.test(t.text));
}

/** "the next day", "the following morning", "the previous day", "the day before/after" (at a clause end), "that day". */
export function narrativeDayRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const w = lowerAt(ctx, i);
  if (w === 'that') {
    // "that day", "that same day": the day just told; without one, it is no calendar day ("that day will come").
    if (lowerAt(ctx, i + 1) === 'same' && lowerAt(ctx, i + 2) === 'day') return pending(i, i + 3, 0, true);
    return lowerAt(ctx, i + 1) === 'day' ? pending(i, i + 2, 0, true) : undefined;
  }
  if (w !== 'the') return undefined;
  const a = lowerAt(ctx, i + 1);
  const b = lowerAt(ctx, i + 2);
  // "the same day": the day just told (else none: "on the same day as the vote" names its own).
  // "the same day Bossi threatened …", "the same day that …": a clause after it names the day.
  if (a === 'same' && b === 'day' && !clauseFollows(ctx, i + 3)) return pending(i, i + 3, 0, true);
  // "the following week", "the previous week": the week after / before the day just told.
  if ((a === 'following' || a === 'previous') && b === 'week') return pending(i, i + 3, a === 'previous' ? -7 : 7, false, true);
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
    const { dayOffset: offset, needsStoryDay: _n, inWeeks, ...rest } = m;
    const base = last ?? (m.needsStoryDay ? undefined : anchor);
    if (!base) {
      if (!m.needsStoryDay) out.push({ ...rest, value: 'XXXX-XX-XX' });
      continue;
    }
    const day = addDays(base, offset);
    // "the following week" is the week of the day a week on; the story's day stays where it was.
    if (inWeeks) {
      out.push({ ...rest, value: fmtWeek(day) });
      continue;
    }
    last = day;
    out.push({ ...rest, value: fmtDay(day) });
  }
  return out;
}
