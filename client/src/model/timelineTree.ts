/** The Timeline view's data, as pure functions: dated mentions by year, then by month, in time order. */
import type { TimelineItem } from '../../../server/src/protocol';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface YearGroup {
  year: string;
  months: MonthGroup[];
  count: number;
}
export interface MonthGroup {
  /** "01".."12", or '' for values precise only to the year (or a season, a week…). */
  month: string;
  label: string;
  items: TimelineItem[];
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  }
  return map;
}

/** Years ascending; within a year, the whole-year entries first, then months ascending. */
export function groupTimeline(items: readonly TimelineItem[]): YearGroup[] {
  const sorted = [...items].filter((i) => /^\d{4}/.test(i.value)).sort((a, b) => a.value.localeCompare(b.value) || a.uri.localeCompare(b.uri));
  return [...groupBy(sorted, (i) => i.value.slice(0, 4))].map(([year, list]) => {
    const months = [...groupBy(list, (i) => (/^\d{4}-(0[1-9]|1[0-2])/.test(i.value) ? i.value.slice(5, 7) : ''))]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([month, monthItems]) => ({ month, label: month ? MONTHS[Number(month) - 1] : 'Whole year, season or week', items: monthItems }));
    return { year, months, count: list.length };
  });
}
