/**
 * The rule engine: walks the tokens once, tries every rule at each candidate token, keeps the
 * longest match, then widens it over modifiers ("early", "late", "mid-", "the end of"). Each rule
 * looks at a bounded number of tokens, so a scan is linear in the text length.
 */
import { lowerAt, tok, type RuleMatch, type ScanContext } from './context';
import { centuryRule, dayMonthRule, monthRule, numericDateRule, yearRule } from './absoluteRules';
import { fiscalRule } from './fiscalRules';
import { MONTHS, MONTH_ABBREVIATIONS, NUMBER_WORDS, ORDINALS, SEASONS, UNITS, WEEKDAYS, WEEKDAY_ABBREVIATIONS } from './lexicon';
import { durationRule, setRule, timeRule } from './otherRules';
import { agoRule, deicticRule, shiftRule, weekdayRule } from './relativeRules';
import { seasonRule } from './seasons';
import { holidayRule } from './holidays';
import { adjacent } from './tokenize';
import { narrativeDayRule } from './narrativeDay';
import { periodAbbreviationRule } from './periodAbbreviations';
import { nthWeekdayRule } from './nthWeekday';
import { weekOfDayRule } from './weekOfDay';
import { noteNamedMonth, sameMonthRule } from './comparedMonth';
import { buildRuleGates, gateFor, type Rule } from './ruleGates';
import { bareUnitDurationRule, theUnitsAroundRule, vagueCountDurationRule } from './vagueDurations';


/** In priority order: on equal length the earlier rule wins. */
export const RULES: readonly Rule[] = [
  numericDateRule, monthRule, dayMonthRule, holidayRule, centuryRule, fiscalRule, yearRule, deicticRule, shiftRule,
  seasonRule, weekdayRule, agoRule, setRule, timeRule, durationRule, vagueCountDurationRule, bareUnitDurationRule,
  theUnitsAroundRule, narrativeDayRule, periodAbbreviationRule, nthWeekdayRule, weekOfDayRule, sameMonthRule,
];
/** Which of RULES can match at a token (the others are not called there). */
const GATES = buildRuleGates(RULES);

const TRIGGER_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys(), ...WEEKDAYS.keys(), ...WEEKDAY_ABBREVIATIONS.keys(), ...SEASONS.keys(),
  ...NUMBER_WORDS.keys(), 'today', 'tonight', 'yesterday', 'tomorrow', 'now', 'current', 'currently', 'nowadays', 'these', 'recently',
  'the', 'last', 'this', 'next', 'past', 'coming', 'year', "year's", 'year\u2019s', 'nearly', 'almost', 'about',
  'some', 'just', 'only', 'roughly', 'around', 'barely', 'more', 'less', 'every', 'each', 'per', 'noon', 'midnight',
  'annually', 'yearly', 'monthly', 'weekly', 'daily', 'nightly', 'hourly', 'christmas', 'new', 'thanksgiving',
  'halloween', 'election', 'independence', 'memorial', 'labor', 'labour', 'veterans', "valentine's", 'inauguration',
  'fiscal', 'nineteen', 'eighteen', 'recent', 'future', 'valentine', 'twenties', 'thirties', 'forties', 'fifties',
  'sixties', 'seventies', 'eighties', 'nineties', 'first', 'second', 'third', 'fourth', 'its', 'that', 'once', 'twice', 'times',
  'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years', 'decades', 'centuries', 'q', 'h', 'fy',
  'easter', 'boxing', 'bastille', 'columbus', 'presidents', "presidents'",
]);

/**
 * A pre-filter for TRIGGER_WORDS: the (first letter, length) and (last letter, length) pairs of its
 * words. Most words of a text fail it, and it costs a few array reads instead of hashing the word
 * (same answers: a word whose pairs are absent cannot be in the set).
 */
const MAX_LEN = 31;
const TRIGGER_SHAPES = new Uint8Array(128 * (MAX_LEN + 1));
/** The same for (last letter, length): a word must pass both. */
const TRIGGER_ENDS = new Uint8Array(128 * (MAX_LEN + 1));
for (const w of TRIGGER_WORDS) {
  const c = w.charCodeAt(0);
  const len = Math.min(w.length, MAX_LEN);
  if (c < 128) TRIGGER_SHAPES[c * (MAX_LEN + 1) + len] = 1;
  const e = w.charCodeAt(w.length - 1);
  if (e < 128) TRIGGER_ENDS[e * (MAX_LEN + 1) + len] = 1;
}
function mayBeTriggerWord(lower: string): boolean {
  const c = lower.charCodeAt(0);
  const e = lower.charCodeAt(lower.length - 1);
  const len = Math.min(lower.length, MAX_LEN);
  return (c >= 128 || TRIGGER_SHAPES[c * (MAX_LEN + 1) + len] === 1) && (e >= 128 || TRIGGER_ENDS[e * (MAX_LEN + 1) + len] === 1);
}

/** Function words that only start a date when a date word follows them ("the summer", "a year ago"). */
const LEADING_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'that', 'its', 'some', 'more', 'less', 'about', 'just', 'only', 'nearly', 'almost', 'roughly',
  'around', 'barely', 'per', 'one', 'new', 'first', 'second', 'third', 'fourth',
]);
const FOLLOWERS: ReadonlySet<string> = new Set([
  ...UNITS.keys(), 'end', 'beginning', 'start', 'middle', 'near', 'future', 'latest', 'current', 'recent',
  'comparable', 'corresponding', 'same', 'flat', 'prior', 'calendar', 'following', 'previous', 'than', '-', 'few',
  'couple', "year's", 'quarter', 'half', 'day', 'years', 'week', 'weekend', 'full', 'whole', 'entire', 'final', 'preceding',
  ...ORDINALS.keys(),
]);

function isTrigger(ctx: ScanContext, i: number): boolean {
  return triggerAt(ctx, i, 3);
}

/**
 * A function word starts a date only before a date word, or before another function word that
 * does ("about a year ago", "the first half"): up to `depth` function words in a row.
 */
function triggerAt(ctx: ScanContext, i: number, depth: number): boolean {
  const t = ctx.tokens[i];
  if (t.kind === 'num') return true;
  if (t.kind === 'punct') return t.text === "'" || t.text === '\u2019';
  if (mayBeTriggerWord(t.lower) && TRIGGER_WORDS.has(t.lower)) {
    if (!LEADING_FUNCTION_WORDS.has(t.lower)) return true;
    const n = ctx.tokens[i + 1];
    if (!n) return false;
    if (n.kind === 'num' || FOLLOWERS.has(n.lower) || (n.kind === 'punct' && (n.text === "'" || n.text === '\u2019'))) return true;
    if (!TRIGGER_WORDS.has(n.lower)) return false;
    return !LEADING_FUNCTION_WORDS.has(n.lower) || (depth > 1 && triggerAt(ctx, i + 1, depth - 1));
  }
  return false; // TRIGGER_WORDS holds every weekday
}

const EDGE_MODIFIERS: ReadonlySet<string> = new Set(['early', 'late', 'earlier', 'later', 'mid']);
const PART_OF: ReadonlySet<string> = new Set(['end', 'beginning', 'start', 'middle', 'turn']);

/**
 * "earlier" / "later" before a weekday or "this week" stays outside the expression, as TimeBank marks
 * it ("Earlier [Friday]", "earlier [this week]"): it places an event within that day or week. Before a
 * month or a year ("earlier this month", "earlier this year") the annotation mostly takes it in.
 */
function comparativeOutside(ctx: ScanContext, m: RuleMatch): boolean {
  const w = lowerAt(ctx, m.start - 1);
  if (w !== 'earlier' && w !== 'later') return false;
  const first = lowerAt(ctx, m.start);
  if (WEEKDAYS.has(first)) return true;
  return first === 'this' && m.end === m.start + 2 && lowerAt(ctx, m.start + 1) === 'week';
}

/** Widens a date match leftwards over "early", "late", "mid-", "the end of", never before `floor`. */
function widen(ctx: ScanContext, m: RuleMatch, floor: number): RuleMatch {
  if (m.type === 'duration') return widenOverHedge(ctx, m, floor);
  // "around Nov. 1", "around 7:15 p.m.": TIMEX3 takes the approximation in (its mod APPROX); not
  // the particle of a verb ("get around Wednesday's ruling": the date is a possessive there).
  if ((m.type === 'date' || m.type === 'time') && !m.value.endsWith('_REF') && m.start - 1 >= floor && lowerAt(ctx, m.start - 1) === 'around' &&
    lowerAt(ctx, m.end) !== "'s" && !AROUND_PARTICLE_VERBS.has(lowerAt(ctx, m.start - 2))) {
    return { ...m, start: m.start - 1 };
  }
  if (m.type !== 'date' || m.value.endsWith('_REF')) return m;
  let s = m.start;
  // "mid-1990s", "mid-November"
  if (s - 2 >= floor && lowerAt(ctx, s - 1) === '-' && lowerAt(ctx, s - 2) === 'mid' && adjacent(tok(ctx, s - 2), tok(ctx, s - 1))) s -= 2;
  else if (s - 1 >= floor && EDGE_MODIFIERS.has(lowerAt(ctx, s - 1)) && !comparativeOutside(ctx, m)) s -= 1;
  else if (s - 3 >= floor && lowerAt(ctx, s - 1) === 'of' && PART_OF.has(lowerAt(ctx, s - 2)) && lowerAt(ctx, s - 3) === 'the') s -= 3;
  // "the late 1970s", "the early summer", "the late 19th century"
  if (s < m.start && s - 1 >= floor && lowerAt(ctx, s - 1) === 'the' && lowerAt(ctx, s) !== 'the' && /^\d{2,3}$|-(SP|SU|FA|WI)$/.test(m.value)) s -= 1;
  return s === m.start ? m : { ...m, start: s };
}

/** Verbs whose particle "around" is no approximation of a date after it ("get around", "turn around"). */
const AROUND_PARTICLE_VERBS: ReadonlySet<string> = new Set([
  'get', 'gets', 'got', 'getting', 'turn', 'turns', 'turned', 'turning', 'come', 'comes', 'came', 'coming', 'go', 'went', 'way', 'ways',
]);

/** One-word hedges a TIMEX3 duration takes into its extent (with a mod): "nearly two years", "roughly six weeks". */
const DURATION_HEDGES: ReadonlySet<string> = new Set(['nearly', 'almost', 'about', 'roughly', 'approximately', 'around']);
/** Two-word hedges, keyed by their second word: "more than a decade", "close to seven days", "at least 20 years". */
const DURATION_HEDGE_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['than', new Set(['more', 'less', 'fewer'])], ['to', new Set(['close', 'up'])], ['least', new Set(['at'])], ['most', new Set(['at'])],
]);

/** Half of "a/an UNIT" durations whose half is a whole number of a smaller unit ("half a century" = P50Y). */
const HALVES: ReadonlyMap<string, string> = new Map([['P100Y', 'P50Y'], ['P10Y', 'P5Y'], ['P1Y', 'P6M'], ['P1D', 'PT12H'], ['PT1H', 'PT30M']]);

/** Widens a duration leftwards over a hedge ("more than a decade"), never before `floor`. */
function widenOverHedge(ctx: ScanContext, m: RuleMatch, floor: number): RuleMatch {
  // "half a century", "half an hour": the fraction is part of the amount.
  const a = lowerAt(ctx, m.start);
  const half = (a === 'a' || a === 'an') && m.start - 1 >= floor && lowerAt(ctx, m.start - 1) === 'half' ? HALVES.get(m.value) : undefined;
  if (half) m = { ...m, start: m.start - 1, value: half };
  const s = m.start;
  const w1 = lowerAt(ctx, s - 1);
  if (s - 1 >= floor && DURATION_HEDGES.has(w1)) return { ...m, start: s - 1 };
  const firsts = DURATION_HEDGE_PAIRS.get(w1);
  if (firsts && s - 2 >= floor && firsts.has(lowerAt(ctx, s - 2))) return { ...m, start: s - 2 };
  return m;
}

const TIME_ZONES: ReadonlySet<string> = new Set(['est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'gmt', 'utc', 'bst', 'cet']);
const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
const QUARTER_VALUE = /^(\d{4})-Q([1-4])$/;
const MONTH_OR_DAY_VALUE = /^\d{4}-\d{2}(?:-\d{2})?$/;
const MONTH_VALUE = /^\d{4}-\d{2}$/;

/**
 * Joins neighbours that TIMEX3 marks as one expression: a clock time and its day ("5 p.m. EST
 * Nov. 9", "noon Saturday") and a weekday with its calendar date ("this coming Sunday, March 8th").
 */
function merge(ctx: ScanContext, m: RuleMatch, to: number): RuleMatch {
  if (m.type === 'time') {
    let k = m.end;
    if (TIME_ZONES.has(lowerAt(ctx, k))) k++;
    if (lowerAt(ctx, k) === ',') k++;
    const d = dayAt(ctx, k, to);
    if (d) return { ...m, end: d.end, value: `${d.value}${m.value}`, relative: d.relative };
    return m;
  }
  if (m.type === 'date' && DAY_VALUE.test(m.value) && lowerAt(ctx, m.end) === ',') {
    const d = monthRule(ctx, m.end + 1);
    if (d && d.end <= to && DAY_VALUE.test(d.value) && tok(ctx, m.end - 1)?.kind === 'word') {
      const last = ctx.tokens[m.end - 1].lower;
      if (last.endsWith('day')) return { ...m, end: d.end, value: d.value, relative: d.relative };
    }
  }
  return m;
}

/** A day-valued date match at token k (weekday, month-day, today/yesterday/tomorrow). */
function dayAt(ctx: ScanContext, k: number, to: number): RuleMatch | undefined {
  for (const r of [monthRule, weekdayRule, deicticRule, shiftRule]) {
    const d = r(ctx, k);
    if (d && d.start === k && d.end <= to && DAY_VALUE.test(d.value)) return d;
  }
  return undefined;
}

/** Scans tokens [from, to) and returns non-overlapping matches in text order. */
export function scanRange(ctx: ScanContext, from: number, to: number): RuleMatch[] {
  const out: RuleMatch[] = [];
  let floor = from;
  let i = from;
  while (i < to) {
    if (!isTrigger(ctx, i)) {
      i++;
      continue;
    }
    let best: RuleMatch | undefined;
    let bestRank = 0;
    const gate = gateFor(GATES, ctx.tokens[i]);
    for (let r = 0; r < RULES.length; r++) {
      if (((gate >>> r) & 1) === 0) continue;
      const m = RULES[r](ctx, i);
      if (!m || m.end > to || m.start < floor || m.end <= i) continue;
      const len = ctx.tokens[m.end - 1].end - ctx.tokens[m.start].start;
      if (!best || len > bestRank) {
        best = m;
        bestRank = len;
      }
    }
    if (!best) {
      i++;
      continue;
    }
    best = widen(ctx, merge(ctx, best, to), floor);
    out.push(best);
    if (!best.relative && best.type === 'date' && /^\d{4}/.test(best.value)) {
      ctx.narrativeYear = Number(best.value.slice(0, 4));
      ctx.narrativeYearEnd = best.end;
    }
    if (best.type === 'date' && MONTH_OR_DAY_VALUE.test(best.value)) {
      ctx.narrativeMonth = Number(best.value.slice(0, 4)) * 12 + Number(best.value.slice(5, 7)) - 1;
    }
    if (best.type === 'date' && MONTH_VALUE.test(best.value)) noteNamedMonth(ctx, best);
    const q = QUARTER_VALUE.exec(best.value);
    if (q && best.type === 'date') {
      const yq = Number(q[1]) * 4 + Number(q[2]) - 1;
      if (ctx.tokens[best.end - 1].lower === 'quarter') ctx.lastQuarter = yq;
      if (best.reportedQuarter) ctx.narrativeQuarter = yq;
      if (best.namedQuarter) {
        ctx.namedQuarter = yq;
        ctx.namedQuarterEnd = best.end;
      }
    }
    floor = best.end;
    i = best.end;
  }
  return out;
}
