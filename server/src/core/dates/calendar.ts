/**
 * Calendar arithmetic on plain days (proleptic Gregorian, UTC) and TIMEX3 value formatting.
 * No time zones: a Day is a calendar date.
 */

export interface Day {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

const MS_PER_DAY = 86_400_000;

export function toUtc(day: Day): number {
  return Date.UTC(day.y, day.m - 1, day.d);
}

export function fromUtc(ms: number): Day {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Parses YYYY-MM-DD (also a longer ISO timestamp); undefined when not a real calendar date. */
export function parseIsoDay(s: string | undefined): Day | undefined {
  if (typeof s !== 'string') return undefined;
  // ISO extended (2013-03-22, 2013-03-22T10:00Z) or basic (20130322, as some TimeML DCTs write it).
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim()) ?? /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(s.trim());
  if (!m) return undefined;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(day) ? day : undefined;
}

export function isValidDay(day: Day): boolean {
  if (!Number.isInteger(day.y) || day.m < 1 || day.m > 12 || day.d < 1) return false;
  return day.d <= daysInMonth(day.y, day.m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * MS_PER_DAY);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12 + 12) % 12 + 1 };
}

/** ISO weekday, Monday 1 … Sunday 7. */
export function isoWeekday(day: Day): number {
  const w = new Date(toUtc(day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(day: Day): { y: number; w: number } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const w = Math.floor((toUtc(thursday) - toUtc(jan1)) / MS_PER_DAY / 7) + 1;
  return { y: thursday.y, w };
}

export function diffDays(a: Day, b: Day): number {
  return Math.round((toUtc(a) - toUtc(b)) / MS_PER_DAY);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function fmtYear(y: number): string {
  return y >= 0 && y <= 9999 ? pad(y, 4) : String(y);
}
export function fmtDay(day: Day): string {
  return `${fmtYear(day.y)}-${pad(day.m)}-${pad(day.d)}`;
}
export function fmtMonth(y: number, m: number): string {
  return `${fmtYear(y)}-${pad(m)}`;
}
export function fmtWeek(day: Day): string {
  const { y, w } = isoWeek(day);
  return `${fmtYear(y)}-W${pad(w)}`;
}
export function fmtQuarter(y: number, q: number): string {
  return `${fmtYear(y)}-Q${q}`;
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** The weekday `wd` nearest to `anchor` in the given direction; 'past' includes the anchor day itself. */
export function weekdayFrom(anchor: Day, wd: number, direction: 'past' | 'future'): Day {
  const cur = isoWeekday(anchor);
  if (direction === 'past') {
    const back = (cur - wd + 7) % 7;
    return addDays(anchor, -back);
  }
  const fwd = (wd - cur + 7) % 7;
  return addDays(anchor, fwd === 0 ? 0 : fwd);
}

/** n-th (1-based) weekday of a month; n = -1 for the last one. */
export function nthWeekdayOfMonth(y: number, m: number, wd: number, n: number): Day {
  if (n > 0) {
    const first = { y, m, d: 1 };
    const off = (wd - isoWeekday(first) + 7) % 7;
    return { y, m, d: 1 + off + (n - 1) * 7 };
  }
  const last = { y, m, d: daysInMonth(y, m) };
  const back = (isoWeekday(last) - wd + 7) % 7;
  return { y, m, d: last.d - back };
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easterSunday(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return { y, m: Math.floor(n / 31), d: (n % 31) + 1 };
}

/** TIMEX3 season of a month (northern hemisphere, meteorological). */
export function seasonOf(m: number): string {
  if (m >= 3 && m <= 5) return 'SP';
  if (m >= 6 && m <= 8) return 'SU';
  if (m >= 9 && m <= 11) return 'FA';
  return 'WI';
}

export const SEASON_ORDER = ['WI', 'SP', 'SU', 'FA'];
