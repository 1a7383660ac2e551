/**
 * The month a year-ago comparison compares: "Exports rose 8% in February from a year earlier",
 * "sales jumped in July from the year-earlier period", "prices fell last month from a year ago".
 * A careful reader takes "a year earlier" there as the same month one year before (2012-02 for a
 * February 2013 figure), not the whole previous year. Only one month named shortly before in the
 * same sentence counts: two months make a range or a list ("from January to June … the same period
 * last year"), and a quarter in the sentence leaves the comparison to the quarter rule.
 */
import { fmtMonth, fmtYear } from './calendar';
import { lowerAt, type RuleMatch, type ScanContext } from './context';
import { yearBackAt } from './parts';

/** How far (tokens) before the comparison the month may be named: "in February, compared with $40 billion a year earlier". */
const MONTH_REACH = 15;

/** Records a month-granularity mention (value YYYY-MM) for the comparisons after it. */
export function noteNamedMonth(ctx: ScanContext, m: RuleMatch): void {
  ctx.namedMonthPrevEnd = ctx.namedMonthEnd;
  ctx.namedMonth = Number(m.value.slice(0, 4)) * 12 + Number(m.value.slice(5, 7)) - 1;
  ctx.namedMonthEnd = m.end;
}

/**
 * The month named once, at most MONTH_REACH tokens before token i in i's sentence, with no year
 * named after it (a year named later is the reference then: "in February, up from 2011"); else undefined.
 */
export function comparedMonthBefore(ctx: ScanContext, i: number): { y: number; m: number } | undefined {
  const ym = ctx.namedMonth;
  const end = ctx.namedMonthEnd;
  if (ym === undefined || end === undefined || end > i || i - end > MONTH_REACH) return undefined;
  const lo = ctx.sentStart[i];
  if (end <= lo) return undefined;
  if (ctx.namedMonthPrevEnd !== undefined && ctx.namedMonthPrevEnd > lo) return undefined;
  if (ctx.narrativeYearEnd !== undefined && ctx.narrativeYearEnd > end && ctx.narrativeYearEnd <= i) return undefined;
  return { y: Math.floor(ym / 12), m: (ym % 12) + 1 };
}

/** Words that make "the … month" the one compared with: "the same month", "the corresponding month". */
const SAME_WORDS: ReadonlySet<string> = new Set(['same', 'corresponding', 'comparable']);

/**
 * "the same month last year", "the corresponding month a year earlier": the month the sentence
 * reports on, a year before ("shipments in July rose 9 percent over the same month last year" =
 * July of last year); without such a month, the year before the anchor's.
 */
export function sameMonthRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  if (!ctx.anchor || lowerAt(ctx, i) !== 'the' || !SAME_WORDS.has(lowerAt(ctx, i + 1)) || lowerAt(ctx, i + 2) !== 'month') return undefined;
  const end = yearBackAt(ctx, i + 3);
  if (end === undefined) return undefined;
  const cm = comparedMonthBefore(ctx, i);
  return { start: i, end, type: 'date', value: cm ? fmtMonth(cm.y - 1, cm.m) : fmtYear(ctx.anchor.y - 1), relative: true };
}
