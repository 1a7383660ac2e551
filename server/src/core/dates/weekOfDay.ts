/**
 * "the week of April 8", "the weekend of March 30": the ISO week (or its weekend) holding the day
 * named, one expression (2013-W15, 2013-W13-WE).
 */
import { fmtWeek, parseIsoDay } from './calendar';
import { lowerAt, type RuleMatch, type ScanContext } from './context';
import { monthRule } from './absoluteRules';

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;

export function weekOfDayRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  if (lowerAt(ctx, i) !== 'the') return undefined;
  const unit = lowerAt(ctx, i + 1);
  if ((unit !== 'week' && unit !== 'weekend') || lowerAt(ctx, i + 2) !== 'of') return undefined;
  const of = monthRule(ctx, i + 3);
  if (!of || of.start !== i + 3 || of.type !== 'date' || !DAY_VALUE.test(of.value)) return undefined;
  const day = parseIsoDay(of.value);
  if (!day) return undefined;
  return { start: i, end: of.end, type: 'date', value: `${fmtWeek(day)}${unit === 'weekend' ? '-WE' : ''}`, relative: of.relative };
}
