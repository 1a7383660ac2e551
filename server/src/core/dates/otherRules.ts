/**
 * Temporal expressions that are not calendar dates: durations ("six months" → P6M, "the past two
 * years"), clock times ("5 p.m.", "noon") and sets ("every week", "annually"). Recognising them keeps
 * them from being misread as dates.
 */
import { lowerAt, tok, type RuleMatch, type ScanContext } from './context';
import { SEASONS, UNITS, WEEKDAYS, type Unit } from './lexicon';
import { readCardinal, readDay, readMonth } from './parts';
import { adjacent } from './tokenize';

const UNIT_CODE: Partial<Record<Unit, string>> = {
  day: 'D', week: 'W', month: 'M', year: 'Y', decade: 'DE', century: 'CE', quarter: 'Q', hour: 'H', minute: 'M', second: 'S',
};

function durationValue(n: number | 'X', unit: Unit): string | undefined {
  const code = UNIT_CODE[unit];
  if (!code) return undefined;
  const time = unit === 'hour' || unit === 'minute' || unit === 'second';
  if (code === 'DE') return n === 'X' ? 'PXDE' : `P${n * 10}Y`;
  if (code === 'CE') return n === 'X' ? 'PXCE' : `P${n * 100}Y`;
  if (code === 'Q') return n === 'X' ? 'PXQ' : `P${n * 3}M`;
  return `P${time ? 'T' : ''}${n}${code}`;
}

/** "six months", "two years", "the past two years", "the next 10 days", "five-year", "a decade". */
export function durationRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  let j = i;
  const w = lowerAt(ctx, i);
  if (w === 'the' && ['past', 'last', 'next', 'coming', 'previous', 'first', 'following'].includes(lowerAt(ctx, i + 1))) j = i + 2;
  const quarter = quarterOfUnit(ctx, i);
  if (quarter) return quarter;
  let n: number | 'X';
  const c = readCardinal(ctx, j);
  if (c) {
    n = c.v;
    j = c.next;
  } else if (j > i && ['few', 'several', 'many'].includes(lowerAt(ctx, j))) {
    n = 'X';
    j++;
  } else if (lowerAt(ctx, j) === 'a' && lowerAt(ctx, j + 1) === 'few') {
    n = 'X';
    j += 2;
  } else return undefined;
  // "five-year" (adjective)
  if (lowerAt(ctx, j) === '-' && adjacent(tok(ctx, j - 1), tok(ctx, j))) j++;
  const uw = lowerAt(ctx, j);
  const unit = UNITS.get(uw);
  if (!unit || unit === 'weekend') return undefined;
  const after = lowerAt(ctx, j + 1);
  if (after === 'ago') return undefined;
  // "a second term", "one second round": the ordinal before a noun, not a second of time.
  if (uw === 'second' && tok(ctx, j + 1)?.kind === 'word' && after !== 'later' && after !== 'earlier') return undefined;
  if (after === 'from' && lowerAt(ctx, j + 2) === 'now') return undefined;
  const value = durationValue(n, unit);
  if (!value) return undefined;
  return { start: i, end: j + 1, type: 'duration', value, relative: false };
}

/** A quarter of "a/an UNIT" where it is a whole number of a smaller unit ("a quarter of a century" = P25Y). */
const QUARTERS: Partial<Record<Unit, string>> = { century: 'P25Y', year: 'P3M', hour: 'PT15M' };

/** "a quarter of a century", "a quarter of an hour": one duration, not "a quarter" (three months) and "a century". */
function quarterOfUnit(ctx: ScanContext, i: number): RuleMatch | undefined {
  if (lowerAt(ctx, i) !== 'a' || lowerAt(ctx, i + 1) !== 'quarter' || lowerAt(ctx, i + 2) !== 'of') return undefined;
  const art = lowerAt(ctx, i + 3);
  if (art !== 'a' && art !== 'an') return undefined;
  const unit = UNITS.get(lowerAt(ctx, i + 4));
  const value = unit ? QUARTERS[unit] : undefined;
  return value && !lowerAt(ctx, i + 4).endsWith('s') ? { start: i, end: i + 5, type: 'duration', value, relative: false } : undefined;
}

/** "5 p.m.", "10:30 a.m.", "noon", "midnight", "5pm". */
export function timeRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const t = tok(ctx, i);
  if (!t) return undefined;
  if (t.lower === 'noon' || t.lower === 'midnight') {
    return { start: i, end: i + 1, type: 'time', value: t.lower === 'noon' ? 'T12:00' : 'T24:00', relative: false };
  }
  if (t.kind !== 'num') return undefined;
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/i.exec(t.text);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  if (h > 24 || min > 59) return undefined;
  let end = i + 1;
  let ampm = m[3] ? m[3].toLowerCase() : '';
  if (!ampm) {
    // "p.m." / "a.m." tokens: p . m .
    const a = lowerAt(ctx, i + 1);
    if ((a === 'a' || a === 'p') && tok(ctx, i + 2)?.text === '.' && lowerAt(ctx, i + 3) === 'm') {
      ampm = a + 'm';
      end = i + 4;
      if (tok(ctx, end)?.text === '.' && adjacent(tok(ctx, end - 1), tok(ctx, end))) end++;
    } else if (a === 'am' || a === 'pm') {
      ampm = a;
      end = i + 2;
    } else if (!m[2]) return undefined;
  }
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  return { start: i, end, type: 'time', value: `T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`, relative: false };
}

/** "every week", "each Monday", "annually", "weekly", "twice a year". */
/** Adverbs that are a set by themselves ("meets annually"). */
export const SET_ADVERBS: ReadonlyMap<string, string> = new Map([
  ['annually', 'P1Y'], ['yearly', 'P1Y'], ['monthly', 'P1M'], ['weekly', 'P1W'], ['daily', 'P1D'], ['nightly', 'P1D'], ['hourly', 'PT1H'],
]);

export function setRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const w = lowerAt(ctx, i);
  const adverb = SET_ADVERBS.get(w);
  if (adverb) return { start: i, end: i + 1, type: 'set', value: adverb, relative: false };
  if (w === 'every' || w === 'each') {
    const n = lowerAt(ctx, i + 1);
    const unit = UNITS.get(n);
    if (unit && !n.endsWith('s')) {
      const v = durationValue(1, unit);
      if (v) return { start: i, end: i + 2, type: 'set', value: v, relative: false };
    }
    const wd = WEEKDAYS.get(n);
    if (wd) return { start: i, end: i + 2, type: 'set', value: `XXXX-WXX-${wd}`, relative: false };
    // "each July", "every spring": a recurring month or season (TIMEX3 SET), not this year's.
    const mon = readMonth(ctx, i + 1);
    if (mon) {
      const mm = `XXXX-${String(mon.v).padStart(2, '0')}`;
      const day = tok(ctx, mon.next)?.kind === 'num' ? readDay(ctx, mon.next) : undefined;
      if (day) return { start: i, end: day.next, type: 'set', value: `${mm}-${String(day.v).padStart(2, '0')}`, relative: false };
      return { start: i, end: mon.next, type: 'set', value: mm, relative: false };
    }
    const season = SEASONS.get(n);
    if (season) return { start: i, end: i + 2, type: 'set', value: `XXXX-${season}`, relative: false };
  }
  if ((w === 'a' || w === 'per') && i > 0) {
    const p = tok(ctx, i - 1);
    const n = lowerAt(ctx, i + 1);
    const unit = UNITS.get(n);
    if (unit && !n.endsWith('s') && p && (p.lower === 'once' || p.lower === 'twice' || p.lower === 'times')) {
      const v = durationValue(1, unit);
      if (v) return { start: i - 1, end: i + 2, type: 'set', value: v, relative: false };
    }
  }
  return undefined;
}
