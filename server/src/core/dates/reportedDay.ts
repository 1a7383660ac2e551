/**
 * Indirect speech: "the ministry said Tuesday that the vote would take place Thursday". A date the
 * report puts ahead with "would" (the future of a past moment) lies ahead of the day of the report,
 * not of the publication date. This finds that day, when the sentence gives it next to the
 * reporting verb: "said Tuesday", "Tuesday said", "said on Tuesday", "told … yesterday", or a
 * fronted "On Tuesday, …".
 */
import { addDays, weekdayFrom, type Day } from './calendar';
import { lowerAt, type ScanContext } from './context';
import { readWeekday } from './parts';

const REPORT_VERBS: ReadonlySet<string> = new Set([
  'said', 'told', 'announced', 'reported', 'added', 'warned', 'stated', 'declared', 'confirmed', 'predicted',
  'promised', 'vowed', 'pledged', 'insisted', 'indicated', 'disclosed', 'revealed', 'agreed', 'decided',
]);

/** The future of a past moment: "would", "wouldn't". */
const PAST_FUTURE: ReadonlySet<string> = new Set(['would', "wouldn't", 'wouldn\u2019t']);

/** How far left of the date a reporting verb is looked for (tokens; keeps the search linear). */
const REACH = 30;

/** The day a past report was made, for a date at token i that the report puts ahead; else undefined. */
export function reportedDayBefore(ctx: ScanContext, i: number): Day | undefined {
  const a = ctx.anchor;
  if (!a || ctx.reAnchored) return undefined;
  const lo = Math.max(ctx.sentStart[i] ?? 0, i - REACH);
  let sawWould = false;
  for (let k = i - 1; k >= lo; k--) {
    const w = lowerAt(ctx, k);
    if (PAST_FUTURE.has(w)) sawWould = true;
    if (!REPORT_VERBS.has(w)) continue;
    if (!sawWould) return undefined;
    // The nearest reporting verb governs: its day, if the sentence gives one.
    return dayNear(ctx, k + 1, i) ?? dayNear(ctx, lowerAt(ctx, k - 1) === 'on' ? k - 2 : k - 1, i) ?? dayNear(ctx, frontedDayAt(ctx, lo), i);
  }
  return undefined;
}

/** "On Tuesday , …" at the start of the sentence: the token index of the day word, or -1. */
function frontedDayAt(ctx: ScanContext, lo: number): number {
  const s = ctx.sentStart[lo] ?? lo;
  return lowerAt(ctx, s) === 'on' ? s + 1 : s;
}

/** A past day named at token k ("Tuesday", "on Tuesday", "yesterday", "today"), left of `limit`. */
function dayNear(ctx: ScanContext, k: number, limit: number): Day | undefined {
  const a = ctx.anchor!;
  if (k < 0) return undefined;
  if (lowerAt(ctx, k) === 'on') k++;
  if (k >= limit) return undefined;
  const w = lowerAt(ctx, k);
  if (w === 'yesterday') return addDays(a, -1);
  if (w === 'today') return a;
  const wd = readWeekday(ctx, k);
  return wd && wd.next <= limit ? weekdayFrom(a, wd.v, 'past') : undefined;
}
