/**
 * A weekday named by its place in a month: "the first Sunday of March", "the last Friday in June
 * 2012", "the second Tuesday of the month" (the anchor's month). Without a year, the occurrence
 * nearest the anchor that the tense allows, as for "March 3".
 */
import { fmtDay, nthWeekdayOfMonth, type Day } from './calendar';
import { directionAt, lowerAt, type RuleMatch, type ScanContext } from './context';
import { readMonth, readWeekday, readYear } from './parts';
import { resolveMonthDay } from './resolve';

const PLACES: ReadonlyMap<string, number> = new Map([['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['last', -1], ['final', -1]]);

export function nthWeekdayRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  if (lowerAt(ctx, i) !== 'the') return undefined;
  const n = PLACES.get(lowerAt(ctx, i + 1));
  if (n === undefined) return undefined;
  const wd = readWeekday(ctx, i + 2);
  if (!wd) return undefined;
  const prep = lowerAt(ctx, wd.next);
  if (prep !== 'of' && prep !== 'in') return undefined;
  const a = ctx.anchor;
  let month: number;
  let end: number;
  let year: number | undefined;
  let explicit = false;
  if (lowerAt(ctx, wd.next + 1) === 'the' && lowerAt(ctx, wd.next + 2) === 'month') {
    if (!a) return undefined;
    month = a.m;
    year = a.y;
    end = wd.next + 3;
  } else {
    const mon = readMonth(ctx, wd.next + 1);
    if (!mon) return undefined;
    month = mon.v;
    end = mon.next;
    const y = readYear(ctx, lowerAt(ctx, end) === ',' ? end + 1 : end);
    if (y) {
      year = y.v;
      end = y.next;
      explicit = true;
    }
  }
  const day = (y: number): Day => nthWeekdayOfMonth(y, month, wd.v, n);
  if (year !== undefined) return { start: i, end, type: 'date', value: fmtDay(day(year)), relative: !explicit };
  if (!a) return { start: i, end, type: 'date', value: 'XXXX-XX-XX', relative: true };
  const cand = day(a.y);
  const r = resolveMonthDay(a, cand.m, cand.d, directionAt(ctx, i, end));
  return { start: i, end, type: 'date', value: fmtDay(r && r.y !== a.y ? day(r.y) : cand), relative: true };
}
