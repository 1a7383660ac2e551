/**
 * Rules for dates relative to the anchor: "today", "yesterday", "now", "last week", "next April",
 * "this summer", "two years ago", "Tuesday", weekends and holidays.
 */
import { addDays, addMonths, diffDays, fmtDay, fmtMonth, fmtWeek, fmtYear, isoWeekday, weekdayFrom, type Day } from './calendar';
import { directionAt, lowerAt, nearStoryYear, tok, type RuleMatch, type ScanContext } from './context';
import { weekdayInName } from './weekdayNames';
import { DAY_PARTS, MONTHS, SEASONS, UNITS } from './lexicon';
import { readCardinal, readWeekday, readYear } from './parts';
import { reportedDayBefore } from './reportedDay';
import { comparedMonthBefore } from './comparedMonth';
import type { Direction } from './tense';
import { lastMonth, lastSeason, nextMonth, nextSeason, thisSeason } from './resolve';

const date = (start: number, end: number, value: string, relative = true): RuleMatch => ({ start, end, type: 'date', value, relative });
const UNKNOWN_DAY = 'XXXX-XX-XX';

/** today, tonight, yesterday, tomorrow (+ morning/night…), now, currently, recently, the future. */
const DAY_OFFSETS: ReadonlyMap<string, number> = new Map([['today', 0], ['tonight', 0], ['yesterday', -1], ['tomorrow', 1]]);

/** Nouns that make "today's …" the present age, not the day: "today's youth", "today's personal computers". */
const GENERIC_NOW_NOUNS: ReadonlySet<string> = new Set([
  'world', 'society', 'youth', 'generation', 'children', 'kids', 'teenagers', 'young', 'culture', 'age', 'era',
  'standards', 'technology', 'computers', 'economy', 'families', 'parents', 'students', 'workers', 'consumers',
  'politics', 'politicians', 'media',
]);

/**
 * "today's world", "today's fast-changing economy": "today" as the present age (TIMEX3 PRESENT_REF),
 * not the publication day. The noun may follow one modifier word.
 */
function genericTodayAt(ctx: ScanContext, i: number): boolean {
  if (lowerAt(ctx, i + 1) !== "'s" && lowerAt(ctx, i + 1) !== '\u2019s') return false;
  if (GENERIC_NOW_NOUNS.has(lowerAt(ctx, i + 2))) return true;
  const mod = tok(ctx, i + 2);
  return !!mod && mod.kind === 'word' && !DAY_PARTS.has(mod.lower) && GENERIC_NOW_NOUNS.has(lowerAt(ctx, i + 3));
}

/** TIMEX3 codes of the parts of a day. */
const PART_OF_DAY_CODES: ReadonlyMap<string, string> = new Map([
  ['morning', 'TMO'], ['afternoon', 'TAF'], ['evening', 'TEV'], ['night', 'TNI'],
]);

export function deicticRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const w = lowerAt(ctx, i);
  const a = ctx.anchor;
  const offset = DAY_OFFSETS.get(w);
  if (offset !== undefined) {
    if (w === 'today' && genericTodayAt(ctx, i)) return date(i, i + 1, 'PRESENT_REF');
    let end = i + 1;
    if (w !== 'tonight' && DAY_PARTS.has(lowerAt(ctx, end))) end++;
    return date(i, end, a ? fmtDay(addDays(a, offset)) : UNKNOWN_DAY);
  }
  // "this morning", "this evening", "last night": a part of the day, TIMEX3 type TIME ("1998-02-06TMO").
  const part = PART_OF_DAY_CODES.get(lowerAt(ctx, i + 1));
  if (part && (w === 'this' || (w === 'last' && lowerAt(ctx, i + 1) === 'night'))) {
    const day = a ? fmtDay(addDays(a, w === 'last' ? -1 : 0)) : UNKNOWN_DAY;
    return { start: i, end: i + 2, type: 'time', value: `${day}${part}`, relative: true };
  }
  if (w === 'the' && lowerAt(ctx, i + 1) === 'day' && (lowerAt(ctx, i + 2) === 'before' || lowerAt(ctx, i + 2) === 'after')) {
    const t = lowerAt(ctx, i + 3);
    if (t === 'yesterday' || t === 'tomorrow') {
      const off = t === 'yesterday' ? -2 : 2;
      return date(i, i + 4, a ? fmtDay(addDays(a, off)) : UNKNOWN_DAY);
    }
  }
  if (w === 'now') {
    const p = lowerAt(ctx, i - 1);
    const n = lowerAt(ctx, i + 1);
    if (p === 'from' || n === 'on') return undefined;
    return date(i, i + 1, 'PRESENT_REF');
  }
  if (w === 'currently' || w === 'nowadays') return date(i, i + 1, 'PRESENT_REF');
  if (w === 'current') return currentAt(ctx, i);
  if (w === 'these' && lowerAt(ctx, i + 1) === 'days') return date(i, i + 2, 'PRESENT_REF');
  if (w === 'recently') {
    const p = lowerAt(ctx, i - 1);
    if (p === 'more' || p === 'most' || p === 'until') return date(p === 'until' ? i : i - 1, i + 1, 'PAST_REF');
    return date(i, i + 1, 'PAST_REF');
  }
  if (w === 'the' && lowerAt(ctx, i + 1) === 'future') return date(i, i + 2, 'FUTURE_REF');
  // "recent years", "coming months", "future quarters", "the last few months", "the past several quarters"
  if (w === 'recent' || w === 'coming' || w === 'future' || w === 'past') {
    const u = lowerAt(ctx, i + 1);
    if (UNITS.has(u) && u.endsWith('s') && (w !== 'past' || lowerAt(ctx, i - 1) === 'in')) {
      if (!(w === 'coming' && lowerAt(ctx, i - 1) === 'the')) return date(i, i + 2, w === 'recent' || w === 'past' ? 'PAST_REF' : 'FUTURE_REF');
    }
  }
  if (w === 'the' && (lowerAt(ctx, i + 1) === 'past' || lowerAt(ctx, i + 1) === 'last') && (lowerAt(ctx, i + 2) === 'few' || lowerAt(ctx, i + 2) === 'several')) {
    const u = lowerAt(ctx, i + 3);
    if (UNITS.has(u) && u.endsWith('s')) return date(i, i + 4, 'PAST_REF');
  }
  if (w === 'the' && lowerAt(ctx, i + 1) === 'near' && (lowerAt(ctx, i + 2) === 'future' || lowerAt(ctx, i + 2) === 'term')) {
    return date(i, i + 3, 'FUTURE_REF');
  }
  if (w === 'the' && lowerAt(ctx, i + 1) === 'past' && lowerAt(ctx, i - 1) === 'in' && !isUnitish(lowerAt(ctx, i + 2))) {
    return date(i, i + 2, 'PAST_REF');
  }
  return undefined;
}

/** Words after "current" that make it a noun ("the current is strong") or a fixed term ("current account"). */
const NOT_TEMPORAL_AFTER_CURRENT: ReadonlySet<string> = new Set([
  'is', 'was', 'are', 'were', 'of', 'and', 'or', 'in', 'to', 'that', 'which', 'from', 'at', 'on', 'for', 'with',
  'by', 'as', 'flows', 'flowed', 'carried', 'swept', 'account', 'accounts', 'assets', 'liabilities',
]);

/**
 * The adjective "current" before a noun: the present ("current market conditions", "its current
 * position"); "then current" is a past time. "the current year/quarter/fiscal year" belong to the
 * period rules, which match longer.
 */
function currentAt(ctx: ScanContext, i: number): RuleMatch | undefined {
  const n = tok(ctx, i + 1);
  if (!n || n.kind !== 'word' || !/^[a-z]/.test(n.text) || NOT_TEMPORAL_AFTER_CURRENT.has(n.lower) || UNITS.has(n.lower)) return undefined;
  if (n.lower === 'fiscal') return undefined;
  if (lowerAt(ctx, i - 1) === 'then') return date(i - 1, i + 1, 'PAST_REF');
  return date(i, i + 1, 'PRESENT_REF');
}

function isUnitish(w: string): boolean {
  return UNITS.has(w) || w === 'few' || w === 'several' || readNumberWord(w);
}
function readNumberWord(w: string): boolean {
  return /^\d+$/.test(w) || ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'decade', 'couple'].includes(w);
}

/** Weekday `wd` (ISO, Monday = 1) of the ISO week after the one `a` lies in. */
function nextWeekDay(a: Day, wd: number): Day {
  return addDays(a, 7 - isoWeekday(a) + wd);
}

/**
 * last/this/next/past/coming + week, month, year, weekend, weekday, month name, season; also with
 * "the" ("the past year", "the coming week"), "this past spring", "year-end", "the weekend".
 */
export function shiftRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const a = ctx.anchor;
  let j = i;
  let w = lowerAt(ctx, j);
  if (w === 'year' && lowerAt(ctx, j + 1) === '-' && lowerAt(ctx, j + 2) === 'end') return date(i, i + 3, a ? fmtYear(a.y) : 'XXXX');
  if (w === 'year' && lowerAt(ctx, j + 1) === "'s" && lowerAt(ctx, j + 2) === 'end') return date(i, i + 3, a ? fmtYear(a.y) : 'XXXX');
  if (w === 'year' && lowerAt(ctx, j + 1) === 'end') return date(i, i + 2, a ? fmtYear(a.y) : 'XXXX');
  // "the end of the year", "the beginning of the month", "the middle of the week"
  if (w === 'the' && ['end', 'beginning', 'start', 'middle'].includes(lowerAt(ctx, j + 1)) && lowerAt(ctx, j + 2) === 'of' && lowerAt(ctx, j + 3) === 'the') {
    const u = lowerAt(ctx, j + 4);
    if (a && u === 'year') return date(i, i + 5, fmtYear(a.y));
    if (a && u === 'month') return date(i, i + 5, fmtMonth(a.y, a.m));
    if (a && u === 'week') return date(i, i + 5, fmtWeek(a));
  }
  if (w === 'the' && lowerAt(ctx, j + 1) === 'weekend') {
    // ("the weekend of March 30" is weekOfDay.ts's.)
    if (!a) return date(i, i + 2, 'XXXX-WXX-WE');
    const dir = directionAt(ctx, i, i + 2) ?? 'past';
    const sat = weekdayFrom(a, 6, dir);
    return date(i, i + 2, `${fmtWeek(sat)}-WE`);
  }
  const current = currentYearAt(ctx, i) ?? currentDecadeAt(ctx, i);
  if (current) return current;
  // "that year", "the following year", "the previous year": relative to the story's own time line.
  if (w === 'that' && lowerAt(ctx, j + 1) === 'year') {
    return ctx.narrativeYear !== undefined ? date(i, i + 2, fmtYear(ctx.narrativeYear)) : undefined;
  }
  // "that same year", "the same year": the year just told (within the last sentences; far from any
  // named year, "two streaks in the same year" means within one year).
  if ((w === 'that' || w === 'the') && lowerAt(ctx, j + 1) === 'same' && lowerAt(ctx, j + 2) === 'year' && lowerAt(ctx, j + 3) !== 'as') {
    const year = nearStoryYear(ctx, i);
    return year !== undefined ? date(i, i + 3, fmtYear(year)) : undefined;
  }
  if (w === 'the' && (lowerAt(ctx, j + 1) === 'following' || lowerAt(ctx, j + 1) === 'previous') && lowerAt(ctx, j + 2) === 'year' && ctx.narrativeYear !== undefined) {
    return date(i, i + 3, fmtYear(ctx.narrativeYear + (lowerAt(ctx, j + 1) === 'following' ? 1 : -1)));
  }
  // "that month", "the following month", "the previous month": the month the story last named.
  if (ctx.narrativeMonth !== undefined) {
    const nm = ctx.narrativeMonth;
    if (w === 'that' && lowerAt(ctx, j + 1) === 'month') return date(i, i + 2, fmtMonth(Math.floor(nm / 12), (nm % 12) + 1));
    const rel = lowerAt(ctx, j + 1);
    if (w === 'the' && lowerAt(ctx, j + 2) === 'month' && (rel === 'following' || rel === 'previous')) {
      const m = nm + (rel === 'following' ? 1 : -1);
      return date(i, i + 3, fmtMonth(Math.floor(m / 12), (m % 12) + 1));
    }
  }
  let withThe = false;
  if (w === 'the') {
    withThe = true;
    j++;
    w = lowerAt(ctx, j);
  }
  let shift: number | undefined;
  if (w === 'last' || w === 'past' || w === 'previous') shift = -1;
  else if (w === 'this' || w === 'current') shift = 0;
  else if (w === 'next' || w === 'coming' || w === 'following') shift = 1;
  if (shift === undefined) return undefined;
  if (withThe && w === 'this') return undefined;
  if (!withThe && (w === 'previous' || w === 'following' || w === 'current')) return undefined;
  if (withThe && (w === 'previous' || w === 'following') && lowerAt(ctx, j + 1) === 'week') return undefined; // narrativeDay.ts
  let k = j + 1;
  if (w === 'this' && (lowerAt(ctx, k) === 'past' || lowerAt(ctx, k) === 'coming')) {
    shift = lowerAt(ctx, k) === 'past' ? -1 : 1;
    k++;
  }
  const unitWord = lowerAt(ctx, k);
  const end = k + 1;
  // "This Week" (a TV show): a capitalised unit word in mid-sentence is a title, not a date.
  if (UNITS.has(unitWord) && /^[A-Z]/.test(tok(ctx, k)!.text) && ctx.sentStart[i] !== i && !/^[A-Z]+$/.test(tok(ctx, k)!.text)) return undefined;
  // Weekday: "last Friday", "next Tuesday".
  const wd = readWeekday(ctx, k);
  if (wd && withThe && (w === 'previous' || w === 'following')) {
    // "the previous Friday": the one before the anchor; "the following Friday": the one after.
    if (!a) return date(i, wd.next, UNKNOWN_DAY);
    const d = w === 'previous' ? weekdayFrom(addDays(a, -1), wd.v, 'past') : weekdayFrom(addDays(a, 1), wd.v, 'future');
    return date(i, wd.next, fmtDay(d));
  }
  if (wd && !withThe) {
    if (!a) return date(i, wd.next, UNKNOWN_DAY);
    let d: Day;
    if (shift < 0) d = weekdayFrom(addDays(a, -1), wd.v, 'past');
    // "next Friday" is the Friday of next week: news names a day of the week under way by its name
    // alone ("Friday"), so on a Thursday "next Friday" is eight days off, not tomorrow. "this coming
    // Friday", "coming Friday" are the next one to come.
    else if (shift > 0 && w === 'next') d = nextWeekDay(a, wd.v);
    else if (shift > 0) d = weekdayFrom(addDays(a, 1), wd.v, 'future');
    else d = addDays(a, wd.v - isoWeekday(a));
    return date(i, wd.next, fmtDay(d));
  }
  // Month name: "last April", "next March".
  const tk = tok(ctx, k);
  const month = tk && /^[A-Z]/.test(tk.text) ? MONTHS.get(unitWord) : undefined;
  if (month !== undefined && !withThe) {
    if (!a) return date(i, end, `XXXX-${String(month).padStart(2, '0')}`);
    const y = shift < 0 ? lastMonth(a, month) : shift > 0 ? nextMonth(a, month) : a.y;
    return date(i, end, fmtMonth(y, month));
  }
  const season = SEASONS.get(unitWord);
  if (season) {
    if (!a) return date(i, end, `XXXX-${season}`);
    const y = shift < 0 ? lastSeason(a, season) : shift > 0 ? nextSeason(a, season) : thisSeason(a, season, directionAt(ctx, i, end));
    return date(i, end, `${fmtYear(y)}-${season}`);
  }
  const unit = UNITS.get(unitWord);
  if (!unit || unitWord.endsWith('s')) return undefined;
  // "the past decade", "the past century": the ten (hundred) years up to now, a duration; no calendar
  // decade ("198") nor the century before ("18"). "the last decade" stays the decade before.
  if (w === 'past' && (unit === 'decade' || unit === 'century')) {
    return { start: i, end, type: 'duration', value: unit === 'decade' ? 'P10Y' : 'P100Y', relative: false };
  }
  // "the last week of March" / "the next year or so": leave "of …" to the caller; keep the span.
  if (withThe && unit !== 'year' && unit !== 'week' && unit !== 'month' && unit !== 'weekend' && unit !== 'decade') return undefined;
  if (!a) return date(i, end, unit === 'year' ? 'XXXX' : unit === 'month' ? 'XXXX-XX' : unit === 'week' ? 'XXXX-WXX' : UNKNOWN_DAY);
  switch (unit) {
    case 'day':
      return undefined;
    case 'week':
      // A Sunday paper's "this week" in a future clause is the week starting tomorrow ("Congress
      // returns this week"); the ISO week it lies in is the one ending that Sunday.
      if (shift === 0 && w === 'this' && isoWeekday(a) === 7 && directionAt(ctx, i, end) === 'future') return date(i, end, fmtWeek(addDays(a, 1)));
      return date(i, end, fmtWeek(addDays(a, 7 * shift)));
    case 'weekend': {
      // "next weekend" is next week's, as "next Friday" is ("this weekend" on a Friday is tomorrow's).
      const sat = shift < 0 ? weekdayFrom(addDays(a, -1), 6, 'past') : shift > 0 && w === 'next' ? nextWeekDay(a, 6) : shift > 0 ? weekdayFrom(addDays(a, 1), 6, 'future') : thisWeekend(a, directionAt(ctx, i, end));
      return date(i, end, `${fmtWeek(sat)}-WE`);
    }
    case 'month': {
      const mm = addMonths(a.y, a.m, shift);
      return date(i, end, fmtMonth(mm.y, mm.m));
    }
    case 'year':
      return date(i, end, fmtYear(a.y + shift));
    case 'quarter': {
      const q0 = Math.floor((a.m - 1) / 3) + shift;
      const y = a.y + Math.floor(q0 / 4);
      return date(i, end, `${fmtYear(y)}-Q${((q0 % 4) + 4) % 4 + 1}`);
    }
    case 'decade': {
      const dec = Math.floor(a.y / 10) + shift;
      return date(i, end, `${dec}`);
    }
    case 'century':
      return date(i, end, String(Math.floor(a.y / 100) + shift).padStart(2, '0'));
    default:
      return undefined;
  }
}

/** Prepositions that make "the year" the year the story is in: "for the year", "earlier in the year". */
const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set(['for', 'of', 'in', 'during', 'throughout', 'through']);
/** Words after "the year" that make it some other year or a span: "the year ended June 30", "the year before". */
const YEAR_BLOCKERS: ReadonlySet<string> = new Set([
  'ended', 'ending', 'ends', 'to', 'before', 'after', 'earlier', 'ago', 'that', 'when', 'in', 'since', 'which',
  'as', 'following', 'prior', 'from', '-', "'s", 'award', 'awards',
]);
/** A subject right after "in the year" starts a relative clause: "in the year he was born". */
const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
const WHOLE: ReadonlySet<string> = new Set(['full', 'whole', 'entire']);
const AWARD_HEADS: ReadonlySet<string> = new Set([
  'player', 'person', 'man', 'woman', 'coach', 'manager', 'rookie', 'athlete', 'driver', 'team', 'album', 'song',
  'record', 'car', 'book', 'word', 'goal', 'artist', 'entertainer', 'teacher', 'executive', 'employee', 'volunteer',
]);

/**
 * "for the year", "the first nine months of the year", "for the full year", "earlier in the year":
 * the year of the anchor (TimeBank values this anaphoric "the year" as the current year), or the
 * year the same sentence named just before.
 */
function currentYearAt(ctx: ScanContext, i: number): RuleMatch | undefined {
  if (lowerAt(ctx, i) !== 'the' || !ctx.anchor) return undefined;
  let k = i + 1;
  if (WHOLE.has(lowerAt(ctx, k))) k++;
  const y = tok(ctx, k);
  if (!y || y.text !== 'year') return undefined; // "Year" capitalised is a title ("Person of the Year")
  const prep = lowerAt(ctx, i - 1);
  if (!YEAR_PREPOSITIONS.has(prep)) return undefined;
  // "earlier in the year", "late in the year": the modifier belongs to the expression.
  const mod = lowerAt(ctx, i - 2);
  const start = prep === 'in' && (mod === 'earlier' || mod === 'later' || mod === 'early' || mod === 'late') ? i - 2 : i;
  // "in the year" alone is mostly "in the year since …" / "in the year he …": only with a modifier.
  if (prep === 'in' && start === i) return undefined;
  const after = tok(ctx, k + 1);
  if (after && (YEAR_BLOCKERS.has(after.lower) || after.kind === 'num' || readYear(ctx, k + 1))) return undefined;
  if (after && start === i && PRONOUNS.has(after.lower)) return undefined;
  // "the year of the dragon", "the Year of Mercy": a named year, not the current one.
  if (after && after.lower === 'of' && (lowerAt(ctx, k + 2) === 'the' || tok(ctx, k + 2)?.kind === 'num' || /^[A-Z]/.test(tok(ctx, k + 2)?.text ?? ''))) return undefined;
  // "player of the year", "car of the year": an award, not a time.
  if (prep === 'of' && AWARD_HEADS.has(lowerAt(ctx, i - 2))) return undefined;
  // A year the same sentence has just named is the year it talks about: "In 1995, profit for the year rose".
  const named = ctx.narrativeYear !== undefined && ctx.narrativeYearEnd !== undefined && ctx.narrativeYearEnd > ctx.sentStart[i];
  return date(start, k + 1, fmtYear(named ? ctx.narrativeYear! : ctx.anchor.y));
}

/** Words before "of the decade" that make it the decade the anchor is in: "by the end of the decade". */
const DECADE_PARTS: ReadonlySet<string> = new Set(['end', 'start', 'beginning', 'middle', 'rest', 'turn', 'close']);

/** "the end of the decade", "the rest of the decade": "the decade" is the anchor's (TIMEX3 "201" in 2013). */
function currentDecadeAt(ctx: ScanContext, i: number): RuleMatch | undefined {
  const a = ctx.anchor;
  if (!a || lowerAt(ctx, i) !== 'the' || lowerAt(ctx, i + 1) !== 'decade') return undefined;
  if (lowerAt(ctx, i - 1) !== 'of' || !DECADE_PARTS.has(lowerAt(ctx, i - 2))) return undefined;
  return date(i, i + 2, String(Math.floor(a.y / 10)));
}

/** Verbs that move an event later: what they move it to ("postponed until Tuesday") lies ahead. */
const POSTPONE: ReadonlySet<string> = new Set([
  'postponed', 'delayed', 'adjourned', 'deferred', 'extended', 'rescheduled', 'recessed', 'suspended', 'moved',
  'pushed', 'put', 'postpone', 'delay', 'adjourn', 'defer', 'extend', 'reschedule', 'recess',
]);

const CLOCK_WORDS: ReadonlySet<string> = new Set([
  'a', 'p', 'm', '.', 'am', 'pm', 'noon', 'midnight', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'gmt', 'utc',
]);

/** "postponed until Tuesday", "extended the deadline to Friday", "put off till Monday". */
function postponedTo(ctx: ScanContext, i: number): boolean {
  let k = i - 1;
  // Over a clock time and its zone: "until 9 a.m. EST Tuesday".
  const lim = Math.max(0, i - 8);
  while (k > lim && (tok(ctx, k)?.kind === 'num' || CLOCK_WORDS.has(lowerAt(ctx, k)))) k--;
  if (lowerAt(ctx, k) === 'on') k--;
  const p = lowerAt(ctx, k);
  if (p !== 'until' && p !== 'till' && p !== 'to') return false;
  const lo = Math.max(ctx.sentStart[i], k - 6);
  for (let j = k - 1; j >= lo; j--) {
    const w = lowerAt(ctx, j);
    if (POSTPONE.has(w)) return w !== 'put' && w !== 'pushed' ? true : lowerAt(ctx, j + 1) === 'off' || lowerAt(ctx, j + 1) === 'back';
    if (w === ',' || w === ';') return false;
  }
  return false;
}

/** A present copula right before a weekday schedules it: "the funeral is Friday", "talks are on Monday". */
const COPULA_NOW: ReadonlySet<string> = new Set(['is', 'are']);

/** Words that make a weekday a deadline or a start ("until Friday", "starting Monday"). */
const BOUND_BEFORE: ReadonlySet<string> = new Set(['until', 'till', 'by', 'starting', 'beginning', 'effective']);

/**
 * The tense of the clause, else the past (news reports what happened). A deadline or a start in a
 * clause that is not in the past lies ahead: "Police have until Friday to charge him", "Starting
 * Monday, the rules change"; "had filed reports by Wednesday" stays in the past.
 */
function weekdayDirection(ctx: ScanContext, i: number, end: number): Direction {
  const dir = directionAt(ctx, i, end);
  if (dir) return dir;
  return BOUND_BEFORE.has(lowerAt(ctx, i - 1)) ? 'future' : 'past';
}

/**
 * A weekday naming a weekly break ("after the Moslem Friday weekend", "ahead of Friday weekend"):
 * the break a market report deals with is the one nearest its day, whichever side; the tense
 * ("reopens after …") says nothing about which week. The nearer of the last and the next one.
 */
function nearestWeekday(anchor: Day, wd: number): Day {
  const past = weekdayFrom(anchor, wd, 'past');
  const next = weekdayFrom(addDays(anchor, 1), wd, 'future');
  return diffDays(anchor, past) <= diffDays(next, anchor) ? past : next;
}

const WEEK_SHIFTS: ReadonlyMap<string, number> = new Map([['last', -1], ['this', 0], ['next', 1]]);

/** "next week" / "of last week" after a weekday ("on Monday next week"): the week's shift and the end token. */
function weekOfWeekdayAt(ctx: ScanContext, k: number): { shift: number; end: number } | undefined {
  const j = lowerAt(ctx, k) === 'of' ? k + 1 : k;
  const shift = WEEK_SHIFTS.get(lowerAt(ctx, j));
  if (shift === undefined || lowerAt(ctx, j + 1) !== 'week' || lowerAt(ctx, j + 2) === "'s") return undefined;
  return { shift, end: j + 2 };
}

/**
 * The Saturday of "this weekend": the one just past when the clause is in the past ("it rained this
 * weekend" in a Monday paper), the coming one when it points ahead; without a tense the nearer of
 * the two (a Monday or Tuesday paper's weekend is the one just past). On a weekend, that weekend.
 */
function thisWeekend(a: Day, dir: Direction | undefined): Day {
  const wd = isoWeekday(a);
  if (wd >= 6) return addDays(a, 6 - wd);
  const past = addDays(a, -1 - wd); // the Saturday before
  const coming = addDays(a, 6 - wd);
  if (dir === 'past') return past;
  if (dir === 'future') return coming;
  return wd <= 2 ? past : coming;
}

/** A weekday alone: "Tuesday", "Tuesday afternoon", "Friday's"; past or future by the clause's tense. */
export function weekdayRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const wd = readWeekday(ctx, i);
  if (!wd || weekdayInName(ctx, i, wd.next)) return undefined;
  let end = wd.next;
  if (DAY_PARTS.has(lowerAt(ctx, end))) end++;
  if (!ctx.anchor) return date(i, end, UNKNOWN_DAY);
  if (end === wd.next && lowerAt(ctx, end) === 'weekend') return date(i, end, fmtDay(nearestWeekday(ctx.anchor, wd.v)));
  const inWeek = weekOfWeekdayAt(ctx, end);
  if (inWeek) {
    const monday = addDays(ctx.anchor, 1 - isoWeekday(ctx.anchor) + 7 * inWeek.shift);
    return date(i, inWeek.end, fmtDay(addDays(monday, wd.v - 1)));
  }
  // "Friday's ruling" refers to something that happened; "the vote is Friday" to what is scheduled.
  const dir = lowerAt(ctx, end) === "'s" ? 'past' : postponedTo(ctx, i) ? 'future' : COPULA_NOW.has(lowerAt(ctx, lowerAt(ctx, i - 1) === 'on' ? i - 2 : i - 1)) ? 'future' : weekdayDirection(ctx, i, end);
  if (dir === 'future') {
    // "said Tuesday the vote would be held Thursday": ahead of the day of the report.
    const reported = reportedDayBefore(ctx, i);
    if (reported) return date(i, end, fmtDay(weekdayFrom(addDays(reported, 1), wd.v, 'future')));
  }
  return date(i, end, fmtDay(weekdayFrom(ctx.anchor, wd.v, dir)));
}

/**
 * Approximations TIMEX3 takes into "N units ago" (its mod: APPROX, LESS_THAN): "nearly four years ago".
 * Focus words are not among them: "just a decade ago" is marked "a decade ago".
 */
const HEDGES: ReadonlySet<string> = new Set(['nearly', 'almost', 'about', 'some', 'roughly', 'around', 'barely', 'approximately']);

/** "two years ago", "a year earlier", "10 days ago", "several years ago" (PAST_REF), "a decade ago". */
export function agoRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  let j = i;
  let start = i;
  const w0 = lowerAt(ctx, i);
  // "some years ago" is vague; "some 20 years ago" an approximation.
  if (HEDGES.has(w0) && !(w0 === 'some' && UNITS.has(lowerAt(ctx, i + 1)))) j++;
  else if ((w0 === 'more' || w0 === 'less') && lowerAt(ctx, i + 1) === 'than') j += 2;
  let n: number | undefined;
  let vague = false;
  const w = lowerAt(ctx, j);
  if (w === 'a' && (lowerAt(ctx, j + 1) === 'few' || lowerAt(ctx, j + 1) === 'couple')) {
    vague = lowerAt(ctx, j + 1) === 'few';
    n = 2;
    j += lowerAt(ctx, j + 2) === 'of' ? 3 : 2;
  } else if (w === 'several' || w === 'many' || w === 'some') {
    vague = true;
    n = 3;
    j++;
  } else {
    const c = readCardinal(ctx, j);
    if (!c) return undefined;
    n = c.v;
    j = c.next;
  }
  const unit = UNITS.get(lowerAt(ctx, j));
  // "a few hours later" is a time of day, not a calendar date.
  if (!unit || unit === 'hour' || unit === 'minute' || unit === 'second') return undefined;
  const rel = lowerAt(ctx, j + 1);
  let sign: number;
  let end = j + 2;
  if (rel === 'ago' || rel === 'earlier' || rel === 'before') sign = -1;
  else if (rel === 'later' || rel === 'hence') sign = 1;
  else if (rel === 'from' && (lowerAt(ctx, j + 2) === 'now' || (lowerAt(ctx, j + 2) === 'today' && lowerAt(ctx, j + 3) !== "'s"))) {
    sign = 1;
    end = j + 3;
  } else return undefined;
  if (rel === 'before' || rel === 'earlier' || rel === 'later' || rel === 'hence') {
    // TIMEX3 marks "three days later" as the duration "three days" (the durations rule); only
    // "a year earlier" is a date in news usage (the year before the reference period).
    if (!(unit === 'year' && n === 1 && (rel === 'earlier' || rel === 'later') && !vague)) return undefined;
  }
  const a = ctx.anchor;
  if (vague) return date(start, end, sign < 0 ? 'PAST_REF' : 'FUTURE_REF');
  if (!a) return date(start, end, UNKNOWN_DAY);
  const k = sign * n;
  // "Exports rose 8% in February from a year earlier": the same month a year before.
  if ((rel === 'earlier' || rel === 'ago') && unit === 'year' && n === 1 && w0 === 'a') {
    const cm = comparedMonthBefore(ctx, start);
    if (cm) return date(start, end, fmtMonth(cm.y - 1, cm.m));
  }
  // "In 2009 he was arrested. A year later he was freed": "later" counts on the story's time line
  // (the year it last named), not from the publication date.
  if (rel === 'later' && ctx.narrativeYear !== undefined) return date(start, end, fmtYear(ctx.narrativeYear + k));
  // "In 1968, sales rose from a year earlier": a year named in the same sentence is the reference.
  if (rel === 'earlier' && ctx.narrativeYear !== undefined && ctx.narrativeYearEnd !== undefined && ctx.narrativeYearEnd > ctx.sentStart[i] && ctx.narrativeYearEnd <= i) {
    return date(start, end, fmtYear(ctx.narrativeYear + k));
  }
  switch (unit) {
    case 'day':
      return date(start, end, fmtDay(addDays(a, k)));
    case 'week':
      return date(start, end, fmtWeek(addDays(a, 7 * k)));
    case 'month': {
      const mm = addMonths(a.y, a.m, k);
      return date(start, end, fmtMonth(mm.y, mm.m));
    }
    case 'year':
      return date(start, end, fmtYear(a.y + k));
    case 'decade':
      return date(start, end, fmtYear(a.y + 10 * k));
    case 'century':
      return date(start, end, String(Math.floor((a.y + 100 * k) / 100)).padStart(2, '0'));
    default:
      return undefined;
  }
}
