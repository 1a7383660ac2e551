/**
 * Holidays named in news, as the day they fall on: fixed ones (Christmas, New Year's Day,
 * Independence Day, Boxing Day, Bastille Day, May Day), ones on a weekday of a month (Thanksgiving,
 * Election Day, Memorial Day, Labor Day, Columbus Day, Presidents' Day), ones counted from Easter
 * (Easter, Easter Monday, Good Friday, Palm Sunday, Ash Wednesday, Holy / Maundy Thursday, Fat / Shrove
 * Tuesday; "Easter week" is the ISO week
 * ending on Easter Sunday) and from Thanksgiving (Black Friday, Cyber Monday). Without a year, the
 * occurrence nearest the anchor that the tense allows.
 */
import { addDays, easterSunday, fmtDay, fmtWeek, nthWeekdayOfMonth, type Day } from './calendar';
import { directionAt, lowerAt, tok, type RuleMatch, type ScanContext } from './context';
import { readYear } from './parts';
import { EVENT_NAME_HEADS } from './lexicon';
import { resolveMonthDay } from './resolve';

const date = (start: number, end: number, value: string, relative = true): RuleMatch => ({ start, end, type: 'date', value, relative });

const thanksgiving = (y: number): Day => nthWeekdayOfMonth(y, 11, 4, 4);

/** Capitalised words before a weekday that make a holiday of it: "Good Friday", "Black Friday". */
const WEEKDAY_HOLIDAYS: ReadonlyMap<string, { weekday: string; day: (y: number) => Day }> = new Map([
  ['good', { weekday: 'friday', day: (y: number) => addDays(easterSunday(y), -2) }],
  ['palm', { weekday: 'sunday', day: (y: number) => addDays(easterSunday(y), -7) }],
  ['ash', { weekday: 'wednesday', day: (y: number) => addDays(easterSunday(y), -46) }],
  ['holy', { weekday: 'thursday', day: (y: number) => addDays(easterSunday(y), -3) }],
  ['maundy', { weekday: 'thursday', day: (y: number) => addDays(easterSunday(y), -3) }],
  ['fat', { weekday: 'tuesday', day: (y: number) => addDays(easterSunday(y), -47) }],
  ['shrove', { weekday: 'tuesday', day: (y: number) => addDays(easterSunday(y), -47) }],
  ['black', { weekday: 'friday', day: (y: number) => addDays(thanksgiving(y), 1) }],
  ['cyber', { weekday: 'monday', day: (y: number) => addDays(thanksgiving(y), 4) }],
]);

/** "<Name> Day" holidays: a fixed [month, day] or a day of the year. */
const NAMED_DAYS: ReadonlyMap<string, [number, number] | ((y: number) => Day)> = new Map<string, [number, number] | ((y: number) => Day)>([
  ['election', (y: number) => addDays(nthWeekdayOfMonth(y, 11, 1, 1), 1)],
  ['independence', [7, 4]],
  ['memorial', (y: number) => nthWeekdayOfMonth(y, 5, 1, -1)],
  ['labor', (y: number) => nthWeekdayOfMonth(y, 9, 1, 1)],
  ['labour', (y: number) => nthWeekdayOfMonth(y, 9, 1, 1)],
  ['veterans', [11, 11]],
  ["veterans'", [11, 11]],
  ['inauguration', [1, 20]],
  ['boxing', [12, 26]],
  ['bastille', [7, 14]],
  ['may', [5, 1]],
  ['columbus', (y: number) => nthWeekdayOfMonth(y, 10, 1, 2)],
  ['presidents', (y: number) => nthWeekdayOfMonth(y, 2, 1, 3)],
  ["presidents'", (y: number) => nthWeekdayOfMonth(y, 2, 1, 3)],
]);

const isCapitalised = (ctx: ScanContext, k: number): boolean => /^[A-Z]/.test(tok(ctx, k)?.text ?? '');

export function holidayRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const t = tok(ctx, i);
  if (!t || !/^[A-Z]/.test(t.text)) return undefined;
  const w = t.lower;
  const n1 = lowerAt(ctx, i + 1);
  let start = i;
  let end = i + 1;
  let fixed: [number, number] | undefined;
  let floating: ((y: number) => Day) | undefined;
  let week = false;
  if (w === 'christmas') {
    if (n1 === 'eve') { fixed = [12, 24]; end++; } else { fixed = [12, 25]; if (n1 === 'day') end++; }
  } else if (w === 'new' && n1 === 'year' && lowerAt(ctx, i + 2) === "'s") {
    const n3 = lowerAt(ctx, i + 3);
    if (n3 === 'day') { fixed = [1, 1]; end = i + 4; } else if (n3 === 'eve') { fixed = [12, 31]; end = i + 4; }
  } else if (w === 'thanksgiving') {
    floating = thanksgiving;
    if (n1 === 'day') end++;
  } else if (w === 'halloween') fixed = [10, 31];
  else if (w === 'valentine' && n1 === "'s" && lowerAt(ctx, i + 2) === 'day') {
    fixed = [2, 14];
    end = i + 3;
  } else if (w === 'easter') {
    // "Easter", "Easter Sunday", "Easter Day", "Easter Monday", "Easter week".
    floating = easterSunday;
    if (n1 === 'sunday' || n1 === 'day') end++;
    else if (n1 === 'monday') { floating = (y) => addDays(easterSunday(y), 1); end++; }
    else if (n1 === 'week') { week = true; end++; }
  } else if (WEEKDAY_HOLIDAYS.has(lowerAt(ctx, i - 1)) && isCapitalised(ctx, i - 1) && WEEKDAY_HOLIDAYS.get(lowerAt(ctx, i - 1))!.weekday === w) {
    // Called at the weekday (the trigger word); the holiday takes in the word before it.
    floating = WEEKDAY_HOLIDAYS.get(lowerAt(ctx, i - 1))!.day;
    start = i - 1;
  } else if ((n1 === 'day' && isCapitalised(ctx, i + 1)) || (n1 === "'" && lowerAt(ctx, i + 2) === 'day' && isCapitalised(ctx, i + 2))) {
    // "Labor Day"; "Presidents' Day", "Veterans' Day" (the apostrophe is a token of its own).
    const named = NAMED_DAYS.get(n1 === "'" ? `${w}'` : w);
    end = n1 === "'" ? i + 3 : i + 2;
    if (Array.isArray(named)) fixed = named;
    else floating = named;
  }
  if (!fixed && !floating) return undefined;
  // "the Good Friday Agreement", "the Easter Rising": an event's name, not the holiday.
  const head = tok(ctx, end);
  if (head && /^[A-Z]/.test(head.text) && EVENT_NAME_HEADS.has(head.lower)) return undefined;
  const a = ctx.anchor;
  if (!a) return date(start, end, week ? 'XXXX-WXX' : 'XXXX-XX-XX');
  const fmt = (d: Day): string => (week ? fmtWeek(d) : fmtDay(d));
  const yr = readYear(ctx, end);
  if (yr) {
    const d = fixed ? { y: yr.v, m: fixed[0], d: fixed[1] } : floating!(yr.v);
    return date(start, yr.next, fmt(d), false);
  }
  const dir = directionAt(ctx, start, end);
  let d: Day;
  if (fixed) d = resolveMonthDay(a, fixed[0], fixed[1], dir) ?? { y: a.y, m: fixed[0], d: fixed[1] };
  else {
    const cand = floating!(a.y);
    const r = resolveMonthDay(a, cand.m, cand.d, dir);
    d = r && r.y !== a.y ? floating!(r.y) : cand;
  }
  return date(start, end, fmt(d));
}
