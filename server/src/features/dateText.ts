/** Plain-language descriptions of TIMEX3 values: weekday and distance from publication. */
import type { DateMention } from '../core/types';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dayMs(iso: string): number | undefined {
  // A day, possibly with a time or part of day ("2006-10-31TAF", "2006-10-31T17:00"): its calendar day.
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T[0-9A-Z:.]*)?$/.exec(iso);
  if (!m) return undefined;
  return Date.UTC(+m[1], +m[2] - 1, +m[3]);
}

export function weekdayOf(iso: string): string | undefined {
  const ms = dayMs(iso);
  return ms === undefined ? undefined : WEEKDAYS[new Date(ms).getUTCDay()];
}

export function relationToPublication(value: string, published: string | undefined): string | undefined {
  if (!published) return undefined;
  const a = dayMs(value);
  const b = dayMs(published);
  if (a === undefined || b === undefined) {
    if (/^\d{4}/.test(value) && published.startsWith(value)) return 'the period of publication';
    return undefined;
  }
  const days = Math.round((a - b) / 86400000);
  if (days === 0) return 'the day of publication';
  const n = Math.abs(days);
  return `${n} day${n === 1 ? '' : 's'} ${days < 0 ? 'before' : 'after'} publication`;
}

export function describeDate(date: DateMention, published: string | undefined): string {
  const parts: string[] = [];
  if (date.type === 'duration') parts.push('a duration, not a calendar date');
  const weekday = weekdayOf(date.value);
  if (weekday) parts.push(weekday);
  const relation = relationToPublication(date.value, published);
  if (relation) parts.push(relation);
  if (date.relative) parts.push(`resolved from “${date.text}” against ${date.anchor ?? published ?? 'the publication date'}`);
  return parts.join(' · ');
}
