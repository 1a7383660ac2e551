/**
 * Rules for dates the text writes out on the calendar: "Nov. 2, 2006", "Friday, Oct. 23",
 * "January 1998", "16 January 2006", "2006-11-02", "in March", bare years, decades, centuries.
 * Partial dates take the year from the anchor (see resolve.ts).
 */
import { fmtDay, fmtMonth, fmtYear, isValidDay } from './calendar';
import { directionAt, lowerAt, nearStoryYear, tok, type RuleMatch, type ScanContext } from './context';
import { isModalAfterDate, isPastVerb, type Direction } from './tense';
import { MAY_VERB_FOLLOWERS, MONTHS, MONTH_ABBREVIATIONS } from './lexicon';
import { readDay, readMonth, readWeekday, readYear, skipComma } from './parts';
import { resolveMonth, resolveMonthDay } from './resolve';
import { adjacent } from './tokenize';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Words before a lone month name that make it a date ("in March", "since May"). */
const MONTH_CUE_BEFORE: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'through', 'to', 'before', 'after', 'during', 'early', 'late',
  'mid', 'last', 'next', 'this', 'of', 'between', 'and', 'or', 'throughout', 'around', 'past', 'coming',
]);

/** Words after "the" that introduce a number, not a year: "the 1,000", "about 2000 people". */
const QUANTITY_BEFORE: ReadonlySet<string> = new Set([
  'about', 'some', 'nearly', 'almost', 'approximately', 'roughly', 'than', 'additional', 'another', 'extra',
  'of', 'no', 'nos', 'number', 'route', 'flight', 'room', 'page', 'pages', 'highway', 'interstate', 'resolution',
  'model', 'the', 'a', 'an', 'under', 'over', 'at', 'to', 'and', 'or', 'only',
]);

const UNIT_AFTER: ReadonlySet<string> = new Set([
  'people', 'persons', 'troops', 'soldiers', 'men', 'women', 'children', 'dollars', 'euros', 'pounds', 'yen',
  'shares', 'miles', 'kilometers', 'km', 'feet', 'meters', 'tons', 'barrels', 'acres', 'points', 'votes',
  'seats', 'jobs', 'workers', 'employees', 'cars', 'units', 'copies', 'students', 'homes', 'houses', 'deaths',
  'cases', 'members', 'refugees', 'civilians', 'prisoners', 'hours', 'minutes', 'percent', 'pct', 'times',
  'calories', 'words', 'pages', 'rounds', 'rockets', 'missiles', 'killed', 'dead', 'wounded', 'tonnes', 'bpd',
]);

/**
 * Words right before a date (an "on" between allowed) that put it at or before the anchor whatever
 * the clause's tense: "since Nov. 25", "the quarter ended Sept. 30".
 */
const PAST_ONLY_BEFORE: ReadonlySet<string> = new Set(['since', 'ended']);

function pastOnlyAt(ctx: ScanContext, i: number, end: number): boolean {
  // The date as the subject of a modal after it ("said September 11 could be set") is no adjunct of the verb before.
  if (isModalAfterDate(ctx.tokens, i, end)) return false;
  let k = i - 1;
  const w = lowerAt(ctx, k);
  if (w === 'early' || w === 'late' || w === 'on' || w === 'mid' || w === '-') k--;
  if (lowerAt(ctx, k) === 'mid') k--;
  if (lowerAt(ctx, k) === 'in') k--; // "sales rose in January", "died in early May"
  // The date as the adjunct of a past verb right before it: "the offer expired March 31", "died on Jan. 5".
  // Verbs that take a date as their object ("has set Nov. 10 as the deadline") are no such adjunct.
  return PAST_ONLY_BEFORE.has(lowerAt(ctx, k)) || (!DATE_OBJECT_VERBS.has(lowerAt(ctx, k)) && isPastVerb(ctx.tokens, k));
}

/**
 * A verb of saying or reporting in the past right beside a lone month, with only a preposition or a
 * pronoun between: "said in June", "In June, he said". What was said was said then, in the past.
 */
const SAID_VERBS: ReadonlySet<string> = new Set(['said', 'told', 'announced', 'reported', 'wrote', 'declared', 'admitted', 'warned', 'stated']);
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'we', 'i']);
function pastVerbBeside(ctx: ScanContext, i: number, next: number, dir: Direction | undefined): boolean {
  const p = lowerAt(ctx, i - 1);
  if (isModalAfterDate(ctx.tokens, i, next)) return false;
  if (SAID_VERBS.has(p) || (MONTH_CUE_BEFORE.has(p) && SAID_VERBS.has(lowerAt(ctx, i - 2)))) return true;
  let k = next;
  if (lowerAt(ctx, k) === ',') k++;
  if (!SUBJECT_PRONOUNS.has(lowerAt(ctx, k)) || !SAID_VERBS.has(lowerAt(ctx, k + 1))) return false;
  // "Sales will rise in January, he said.": the attribution closes a clause in the future tense,
  // which dates the month; "In June, he said" opens the sentence and dates the saying.
  return dir !== 'future' || !attributionEndsSentence(ctx, k + 2);
}

/** Whether token k ends the sentence after an attribution ("…, he said." / "…, she said ``…"). */
function attributionEndsSentence(ctx: ScanContext, k: number): boolean {
  const w = lowerAt(ctx, k);
  return k >= ctx.tokens.length || w === '.' || w === '!' || w === '?' || w === ';' || ctx.sentStart[k] === k;
}

const DATE_OBJECT_VERBS: ReadonlySet<string> = new Set([
  'set', 'moved', 'pushed', 'delayed', 'postponed', 'rescheduled', 'extended', 'advanced', 'put', 'fixed', 'named', 'chose',
  'picked', 'targeted', 'made', 'dated', 'scheduled', 'slated',
]);

/** Nouns after a month name that make it a futures delivery month ("December bonds", "March crude"). */
const CONTRACT_NOUNS: ReadonlySet<string> = new Set([
  'futures', 'future', 'contract', 'contracts', 'delivery', 'deliveries', 'bonds', 'bond', 'crude', 'gold', 'silver',
  'copper', 'platinum', 'cotton', 'corn', 'wheat', 'soybeans', 'soybean', 'sugar', 'coffee', 'cocoa', 'cattle', 'hogs',
  'gasoline', 'heating', 'options', 'puts', 'calls', 'notes', 'bund', 'gilt', 'gilts', 'oats', 'barley', 'canola', 'lumber',
]);

/** Words before a date that make it the end of a span or a deadline: the past tense does not date it. */
const DEADLINE_BEFORE: ReadonlySet<string> = new Set(['until', 'till', 'through', 'by']);

/** The clause's direction for a partial date at i..end; a deadline ("extended through January") takes none from a past verb. */
function partialDirection(ctx: ScanContext, i: number, end: number): Direction | undefined {
  const dir = directionAt(ctx, i, end);
  if (dir !== 'past') return dir;
  let k = i - 1;
  if (lowerAt(ctx, k) === 'early' || lowerAt(ctx, k) === 'late' || lowerAt(ctx, k) === 'mid') k--;
  return DEADLINE_BEFORE.has(lowerAt(ctx, k)) ? undefined : dir;
}

/** MONTH DAY[, YEAR], with an optional leading weekday; MONTH [of|,] YEAR; a lone MONTH. */
export function monthRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  let j = i;
  const wd = readWeekday(ctx, j);
  if (wd) j = skipComma(ctx, wd.next);
  const mon = readMonth(ctx, j);
  if (!mon) return undefined;
  const day = readDay(ctx, mon.next);
  if (day && !adjacentNumberContinues(ctx, day.next)) {
    let end = day.next;
    // An explicit day range sharing month and year: "Jan. 5-10, 2006", "March 5th to 7th, 2006".
    const sep = lowerAt(ctx, end);
    if (sep === '-' || sep === 'to' || sep === 'through') {
      const d2 = readDay(ctx, end + 1);
      const y2 = d2 ? readYear(ctx, skipComma(ctx, d2.next)) : undefined;
      if (d2 && y2 && d2.v > day.v) {
        const dd = { y: y2.v, m: mon.v, d: day.v };
        if (isValidDay(dd)) return { start: i, end: y2.next, type: 'date', value: fmtDay(dd), relative: false };
      }
    }
    const yi = skipComma(ctx, end);
    const year = readYear(ctx, yi);
    if (year && !(tok(ctx, yi)?.kind === 'num' && tok(ctx, yi + 1)?.text === ':')) {
      const dd = { y: year.v, m: mon.v, d: day.v };
      if (!isValidDay(dd)) return undefined;
      return { start: i, end: year.next, type: 'date', value: fmtDay(dd), relative: false };
    }
    // "April 24-25": keep the first day only.
    if (!ctx.anchor) return { start: i, end, type: 'date', value: `XXXX-${pad2(mon.v)}-${pad2(day.v)}`, relative: true };
    // "Oct. 29 last year", "March 3 this year": the year is said, relative to the anchor's.
    const shifted = yearShiftAt(ctx, end);
    if (shifted !== undefined) {
      const dd = { y: ctx.anchor.y + shifted, m: mon.v, d: day.v };
      if (isValidDay(dd)) return { start: i, end: end + 2, type: 'date', value: fmtDay(dd), relative: true };
    }
    const story = storyYearAt(ctx, end);
    if (story) {
      const dd = { y: story.y, m: mon.v, d: day.v };
      if (isValidDay(dd)) return { start: i, end: story.next, type: 'date', value: fmtDay(dd), relative: true };
    }
    const r = resolveMonthDay(ctx.anchor, mon.v, day.v, partialDirection(ctx, i, end), pastOnlyAt(ctx, i, end));
    if (!r) return undefined;
    return { start: i, end, type: 'date', value: fmtDay(r), relative: true };
  }
  if (wd) return undefined; // "Friday, March" is odd; let the weekday rule take "Friday".
  let yi = mon.next;
  if (lowerAt(ctx, yi) === 'of' || lowerAt(ctx, yi) === ',') yi++;
  const year = readYear(ctx, yi);
  if (year) {
    return { start: i, end: year.next, type: 'date', value: fmtMonth(year.v, mon.v), relative: false };
  }
  // A lone month name.
  if (!loneMonthPlausible(ctx, j, mon.v)) return undefined;
  // "January this year", "June last year", "January next year", "March of last year".
  const shiftAt = lowerAt(ctx, mon.next) === 'of' ? mon.next + 1 : mon.next;
  const shifted = yearShiftAt(ctx, shiftAt);
  if (ctx.anchor && shifted !== undefined) {
    return { start: i, end: shiftAt + 2, type: 'date', value: fmtMonth(ctx.anchor.y + shifted, mon.v), relative: true };
  }
  const story = storyYearAt(ctx, mon.next);
  if (story) return { start: i, end: story.next, type: 'date', value: fmtMonth(story.y, mon.v), relative: true };
  if (!ctx.anchor) return { start: i, end: mon.next, type: 'date', value: `XXXX-${pad2(mon.v)}`, relative: true };
  // "December bonds", "the March contract": a futures delivery month, the next such month to come.
  if (CONTRACT_NOUNS.has(lowerAt(ctx, mon.next))) {
    const y = mon.v >= ctx.anchor.m ? ctx.anchor.y : ctx.anchor.y + 1;
    return { start: i, end: mon.next, type: 'date', value: fmtMonth(y, mon.v), relative: true };
  }
  const rangeEnd = rangeEndYear(ctx, i, mon.v);
  if (rangeEnd !== undefined) return { start: i, end: mon.next, type: 'date', value: fmtMonth(rangeEnd, mon.v), relative: true };
  const dir = partialDirection(ctx, i, mon.next);
  const y = resolveMonth(ctx.anchor, mon.v, dir, pastOnlyAt(ctx, i, mon.next) || pastVerbBeside(ctx, i, mon.next, dir));
  return { start: i, end: mon.next, type: 'date', value: fmtMonth(y, mon.v), relative: true };
}

/**
 * "[of] that year", "the same year", "that same year", "the following year", "the previous year" at
 * token k after a month ("In August the same year", "March 3 the following year"): the year counted from
 * the one the story named last (nearby), and the token past the phrase.
 */
function storyYearAt(ctx: ScanContext, at: number): { y: number; next: number } | undefined {
  const ny = nearStoryYear(ctx, at);
  if (ny === undefined) return undefined;
  let k = at;
  // "December of that year", "March of the following year".
  if (lowerAt(ctx, k) === 'of') k++;
  const w = lowerAt(ctx, k);
  let j = k + 1;
  let shift = 0;
  if (w === 'the') {
    const a = lowerAt(ctx, j);
    if (a === 'following' || a === 'next') shift = 1;
    else if (a === 'previous' || a === 'preceding') shift = -1;
    else if (a !== 'same') return undefined;
    j++;
  } else if (w === 'that') {
    if (lowerAt(ctx, j) === 'same') j++;
  } else return undefined;
  if (lowerAt(ctx, j) !== 'year' || lowerAt(ctx, j + 1) === "'s") return undefined;
  return { y: ny + shift, next: j + 1 };
}

/** "this year" / "last year" / "next year" at token k: the shift from the anchor's year (0, -1, 1). */
function yearShiftAt(ctx: ScanContext, k: number): number | undefined {
  if (lowerAt(ctx, k + 1) !== 'year') return undefined;
  const w = lowerAt(ctx, k);
  return w === 'this' ? 0 : w === 'last' ? -1 : w === 'next' ? 1 : undefined;
}

/** True when the day number is really part of something longer ("March 12:30", "May 5-4 vote"). */
function adjacentNumberContinues(ctx: ScanContext, next: number): boolean {
  const t = tok(ctx, next);
  const p = tok(ctx, next - 1);
  if (!t || !p || !adjacent(p, t)) return false;
  if (t.text === '%') return true;
  const n = tok(ctx, next + 1);
  return t.text === ':' && !!n && n.kind === 'num' && adjacent(t, n);
}

/** Filters for a month name standing alone: "may" the verb, "March" the noun/verb, "April Glaspie". */
function loneMonthPlausible(ctx: ScanContext, i: number, m: number): boolean {
  const prev = lowerAt(ctx, i - 1);
  const next = tok(ctx, i + 1);
  // One end of a month range ("the March-April period", "from March to May", "May and June") is a month
  // whatever stands before it: the other month names the calendar.
  if (inMonthRange(ctx, i)) return true;
  const cued = MONTH_CUE_BEFORE.has(prev) || (prev === '-' && lowerAt(ctx, i - 2) === 'mid');
  // A following capitalised word that is not a date word: a person's name ("April Glaspie", "June Carter").
  if (next && next.kind === 'word' && /^[A-Z]/.test(next.text) && !MONTHS.has(next.lower) && !cued) return false;
  if (m === 5 || m === 3) {
    // "May" and "March" are also a modal verb and a noun/verb: require a calendar cue before them.
    if (!cued || prev === 'and' || prev === 'or' || prev === 'to') return false;
    if (m === 5 && next && MAY_VERB_FOLLOWERS.has(next.lower)) return false;
    if (m === 3 && next && (next.lower === 'on' || next.lower === 'to' || next.lower === 'against')) return false;
    return true;
  }
  if (prev === 'the' || prev === 'a') {
    // "the June agreement" is a date (TimeBank marks it) but "the August heat"…; allow.
    return true;
  }
  return true;
}

/** Words joining two month names into a range or a pair: "March-April", "May to July", "June and July". */
const MONTH_RANGE_JOINERS: ReadonlySet<string> = new Set(['-', '\u2013', 'to', 'through', 'until', 'and', 'or']);

/** A capitalised full month name at k, or an abbreviation with its period ending at k ("Jan." → k is the period). */
function monthNameEndsAt(ctx: ScanContext, k: number): boolean {
  const t = tok(ctx, k);
  if (!t) return false;
  if (t.kind === 'word') return MONTHS.has(t.lower) && /^[A-Z]/.test(t.text);
  const a = tok(ctx, k - 1);
  return t.text === '.' && !!a && a.kind === 'word' && MONTH_ABBREVIATIONS.has(a.lower) && /^[A-Z]/.test(a.text) && adjacent(a, t);
}

/** True when the lone month at i is joined by a range word to another month name on either side. */
function inMonthRange(ctx: ScanContext, i: number): boolean {
  if (MONTH_RANGE_JOINERS.has(lowerAt(ctx, i + 1)) && readMonth(ctx, i + 2)) return true;
  return MONTH_RANGE_JOINERS.has(lowerAt(ctx, i - 1)) && monthNameEndsAt(ctx, i - 2);
}

/** Words that make the month after them the end of a range that began at the month before them. */
const RANGE_END_JOINERS: ReadonlySet<string> = new Set(['-', '\u2013', 'to', 'through', 'until', 'till']);

/**
 * The year of a lone month that ends a range ("from June to November", "the December-January
 * period"): the first month after the range's start, which the scan has just resolved
 * (ctx.narrativeMonth), not the month nearest the anchor on its own.
 */
function rangeEndYear(ctx: ScanContext, i: number, m: number): number | undefined {
  if (!RANGE_END_JOINERS.has(lowerAt(ctx, i - 1)) || !monthNameEndsAt(ctx, i - 2) || ctx.narrativeMonth === undefined) return undefined;
  const y1 = Math.floor(ctx.narrativeMonth / 12);
  const m1 = (ctx.narrativeMonth % 12) + 1;
  const start = readMonth(ctx, lowerAt(ctx, i - 2) === '.' ? i - 3 : i - 2);
  if (!start || start.v !== m1) return undefined; // the last month resolved is not this range's start
  return m >= m1 ? y1 : y1 + 1;
}

/** "16 January 2006", "16th of January", "the 8th of March". */
export function dayMonthRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  // "the first of May", "the twenty-third of June": an ordinal word names a day only as "the … of <month>".
  const wordDay = lowerAt(ctx, i) === 'the' && tok(ctx, i + 1)?.kind === 'word';
  const day = readDay(ctx, wordDay ? i + 1 : i);
  if (!day || (!wordDay && tok(ctx, i)?.kind !== 'num')) return undefined;
  if (wordDay && lowerAt(ctx, day.next) !== 'of') return undefined;
  let j = day.next;
  if (lowerAt(ctx, j) === 'of') j++;
  const mon = readMonth(ctx, j);
  if (!mon) return undefined;
  const yi = skipComma(ctx, mon.next);
  const year = readYear(ctx, yi);
  if (year) {
    const dd = { y: year.v, m: mon.v, d: day.v };
    return isValidDay(dd) ? { start: i, end: year.next, type: 'date', value: fmtDay(dd), relative: false } : undefined;
  }
  if (!ctx.anchor) return { start: i, end: mon.next, type: 'date', value: `XXXX-${pad2(mon.v)}-${pad2(day.v)}`, relative: true };
  const r = resolveMonthDay(ctx.anchor, mon.v, day.v, partialDirection(ctx, i, mon.next), pastOnlyAt(ctx, i, mon.next));
  return r ? { start: i, end: mon.next, type: 'date', value: fmtDay(r), relative: true } : undefined;
}

/** Slash dates anywhere in the text: "29/8/96" (first number over 12) or "8/29/96" (second over 12). */
const SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})(?![\d/])/g;

/**
 * Whether the text writes slash dates day first: some slash date there has a first number over 12
 * and none a second number over 12 (a text that shows both orders keeps the US default). Found once
 * per text, on its first ambiguous slash date.
 */
function slashDayFirst(ctx: ScanContext): boolean {
  if (ctx.slashDayFirst !== undefined) return ctx.slashDayFirst;
  let dmy = false;
  let mdy = false;
  SLASH_DATE.lastIndex = 0;
  for (let m = SLASH_DATE.exec(ctx.text); m; m = SLASH_DATE.exec(ctx.text)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy = true;
    else if (b > 12 && a <= 12) mdy = true;
  }
  ctx.slashDayFirst = dmy && !mdy;
  return ctx.slashDayFirst;
}

/** "2006-11-02" and "11/02/2006" (US order; day first when the text writes "22/03/2013" elsewhere). */
export function numericDateRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const t = tok(ctx, i);
  if (!t || t.kind !== 'num') return undefined;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(t.text);
  if (us) {
    let y = Number(us[3]);
    if (us[3].length === 2) y += y < 50 ? 2000 : 1900;
    // Month first (US) unless the first number cannot be a month: "22/03/2013" is day first.
    const a = Number(us[1]);
    const b = Number(us[2]);
    // Both could be the month: the order the same text uses where it cannot be ambiguous ("29/8/96 22/8/96 1/9/95").
    const dayFirst = a > 12 ? b <= 12 : b <= 12 && slashDayFirst(ctx);
    const dd = dayFirst ? { y, m: b, d: a } : { y, m: a, d: b };
    return isValidDay(dd) ? { start: i, end: i + 1, type: 'date', value: fmtDay(dd), relative: false } : undefined;
  }
  // "22.03.2013": the European dotted form, day first.
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t.text);
  if (dotted) {
    const dd = { y: Number(dotted[3]), m: Number(dotted[2]), d: Number(dotted[1]) };
    return isValidDay(dd) ? { start: i, end: i + 1, type: 'date', value: fmtDay(dd), relative: false } : undefined;
  }
  if (/^\d{4}$/.test(t.text)) {
    const h1 = tok(ctx, i + 1);
    const m = tok(ctx, i + 2);
    const h2 = tok(ctx, i + 3);
    const d = tok(ctx, i + 4);
    if (h1?.text === '-' && h2?.text === '-' && m && d && adjacent(t, h1) && adjacent(h1, m) && adjacent(m, h2) && adjacent(h2, d)) {
      if (/^\d{2}$/.test(m.text) && /^\d{2}$/.test(d.text)) {
        const dd = { y: Number(t.text), m: Number(m.text), d: Number(d.text) };
        if (isValidDay(dd)) return { start: i, end: i + 5, type: 'date', value: fmtDay(dd), relative: false };
      }
    }
  }
  return undefined;
}

/** Prepositions before a two-digit year: "in '08", "since '95", "until '15". */
const YEAR_CUT_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'since', 'until', 'by', 'before', 'after', 'from', 'of', 'to']);

/** "the twenties" … "the nineties" → the decade's digit (of the 1900s). */
export const DECADE_WORDS: ReadonlyMap<string, string> = new Map([
  ['twenties', '2'], ['thirties', '3'], ['forties', '4'], ['fifties', '5'], ['sixties', '6'], ['seventies', '7'], ['eighties', '8'], ['nineties', '9'],
]);

/**
 * Bare years ("in 2013", "fiscal 1989"), decades ("the 1990s", "the '90s", "the nineties"). A decade's
 * TIMEX3 value is its first three digits, "199" (TimeBank; TempEval-3 dropped the trailing "X").
 */
export function yearRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const t = tok(ctx, i);
  if (!t) return undefined;
  const prev = tok(ctx, i - 1);
  if (t.kind === 'num') {
    const dec = /^(1[0-9]|20)(\d)0s$/.exec(t.text);
    if (dec) {
      const withThe = lowerAt(ctx, i - 1) === 'the' ? i - 1 : i;
      return { start: withThe, end: i + 1, type: 'date', value: `${dec[1]}${dec[2]}`, relative: false };
    }
    if (!/^\d{4}$/.test(t.text)) return undefined;
    const y = Number(t.text);
    if (y < 1000 || y > 2099) return undefined;
    const midYear = prev?.text === '-' && lowerAt(ctx, i - 2) === 'mid'; // "mid-1996"
    if (prev && adjacent(prev, t) && /^[$#£€¥.,:/-]$/.test(prev.text) && !midYear) return undefined;
    if (prev && (prev.text === '$' || prev.text === '#' || prev.text === '£' || prev.text === '€')) return undefined;
    const next = tok(ctx, i + 1);
    if (next && adjacent(t, next) && /^[%:.,/]$/.test(next.text) && tok(ctx, i + 2)?.kind === 'num' && adjacent(next, tok(ctx, i + 2))) return undefined;
    if (next && (next.text === '%' || UNIT_AFTER.has(next.lower))) return undefined;
    const pl = prev ? prev.lower : '';
    if (y < 1800 && !['in', 'since', 'of', 'from', 'until', 'by', 'before', 'after', 'year', 'around', 'circa'].includes(pl)) return undefined;
    if (QUANTITY_BEFORE.has(pl) && pl !== 'the' && pl !== 'of' && pl !== 'and' && pl !== 'or' && pl !== 'to' && pl !== 'a' && pl !== 'an') {
      if (pl !== 'over' && pl !== 'under' && pl !== 'at') {
        if (next && next.kind === 'word' && /^[a-z]/.test(next.text) && next.lower.endsWith('s')) return undefined;
      }
    }
    if (pl === 'fiscal') return { start: i - 1, end: i + 1, type: 'date', value: fmtYear(y), relative: false };
    return { start: i, end: i + 1, type: 'date', value: fmtYear(y), relative: false };
  }
  if (t.text === "'" || t.text === '\u2019') {
    const n = tok(ctx, i + 1);
    if (n && adjacent(t, n) && /^\d0s$/.test(n.text)) {
      const century = Number(n.text[0]) >= 3 ? '19' : '20';
      const withThe = lowerAt(ctx, i - 1) === 'the' ? i - 1 : i;
      return { start: withThe, end: i + 2, type: 'date', value: `${century}${n.text[0]}`, relative: false };
    }
    // "in '08", "since '95": a year cut to two digits after a preposition, in the century that puts it
    // nearest before the anchor (or up to ten years after it).
    const after = tok(ctx, i + 2);
    if (n && adjacent(t, n) && /^\d{2}$/.test(n.text) && YEAR_CUT_PREPOSITIONS.has(lowerAt(ctx, i - 1)) && !(after && adjacent(n, after) && after.kind !== 'punct')) {
      const a = ctx.anchor;
      const base = a ? a.y : 2000;
      let y = base - (base % 100) + Number(n.text);
      if (y > base + 10) y -= 100;
      return { start: i, end: i + 2, type: 'date', value: fmtYear(y), relative: false };
    }
    return undefined;
  }
  if (t.kind === 'word') {
    const d = DECADE_WORDS.get(t.lower);
    if (d && lowerAt(ctx, i - 1) === 'the') return { start: i - 1, end: i + 1, type: 'date', value: `19${d}`, relative: false };
    const sp = readYear(ctx, i);
    if (sp && !UNIT_AFTER.has(lowerAt(ctx, sp.next)) && !['years', 'year', 'miles', 'dollars'].includes(lowerAt(ctx, sp.next))) {
      const withThe = lowerAt(ctx, i - 1) === 'year' && lowerAt(ctx, i - 2) === 'the' ? i - 2 : i;
      return { start: withThe, end: sp.next, type: 'date', value: fmtYear(sp.v), relative: false };
    }
  }
  return undefined;
}

/** "the 20th century", "the 11th century", "this century". */
export function centuryRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const t = tok(ctx, i);
  if (!t) return undefined;
  let n: number | undefined;
  if (t.kind === 'num') {
    const m = /^(\d{1,2})(st|nd|rd|th)$/i.exec(t.text);
    if (m) n = Number(m[1]);
  }
  if (n === undefined) return undefined;
  const value = String(n - 1).padStart(2, '0');
  // "a 19th-century building": the adjective is the century too (without the article).
  if (lowerAt(ctx, i + 1) === '-' && lowerAt(ctx, i + 2) === 'century' && adjacent(t, tok(ctx, i + 1)) && adjacent(tok(ctx, i + 1), tok(ctx, i + 2))) {
    return { start: i, end: i + 3, type: 'date', value, relative: false };
  }
  if (lowerAt(ctx, i + 1) !== 'century') return undefined;
  const start = lowerAt(ctx, i - 1) === 'the' ? i - 1 : i;
  return { start, end: i + 2, type: 'date', value, relative: false };
}
