/**
 * Business-news periods: quarters ("the third quarter", "third-quarter", "the year-ago quarter",
 * "the latest quarter"), halves ("the first half of 1990"), fiscal years ("fiscal 1989", "the
 * current fiscal year"), and "a year ago" / "year-earlier" in a sentence about quarterly results.
 */
import { fmtMonth, fmtYear, quarterOf } from './calendar';
import { comparedMonthBefore } from './comparedMonth';
import { directionAt, lowerAt, tok, type RuleMatch, type ScanContext } from './context';
import { ORDINALS } from './lexicon';
import { readDay, readMonth, readYear, skipComma, yearBackAt } from './parts';
import { adjacent } from './tokenize';
import { halfOfMonthAt, isMatchHalf } from './halves';

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'last', 'next']);
/** Adjectives that make "the … period" a comparison period: "the corresponding period last year". */
const COMPARISON: ReadonlySet<string> = new Set(['corresponding', 'comparable', 'same']);
const ADJECTIVES: ReadonlySet<string> = new Set([
  'latest', 'current', 'recent', 'comparable', 'corresponding', 'same', 'fiscal', 'flat', 'previous', 'prior', 'preceding',
  'just-ended', 'calendar',
]);

/** "a" / "an" right before token i or before one adjective there: "a flat second quarter". */
function indefiniteBefore(ctx: ScanContext, i: number): boolean {
  const p = lowerAt(ctx, i - 1);
  if (p === 'a' || p === 'an') return true;
  const pp = lowerAt(ctx, i - 2);
  return (pp === 'a' || pp === 'an') && tok(ctx, i - 1)?.kind === 'word' && !DETERMINERS.has(p);
}

/** Reads "year-ago" / "year-earlier" at i (3 tokens). */
function yearAgoAt(ctx: ScanContext, i: number): boolean {
  return lowerAt(ctx, i) === 'year' && lowerAt(ctx, i + 1) === '-' && (lowerAt(ctx, i + 2) === 'ago' || lowerAt(ctx, i + 2) === 'earlier') &&
    adjacent(tok(ctx, i), tok(ctx, i + 1)) && adjacent(tok(ctx, i + 1), tok(ctx, i + 2));
}

/**
 * Whether the sentence of token i reports a period longer than a quarter ("For the nine months, …",
 * "in the first half", "for the year"): "a year earlier" there compares that period, named by its year.
 */
function sentenceReportsLongerPeriod(ctx: ScanContext, i: number): boolean {
  const lo = Math.max(ctx.sentStart[i], i - 60);
  for (let k = lo; k < i; k++) {
    const w = ctx.tokens[k].lower;
    if (w === 'months' && (lowerAt(ctx, k - 1) === 'nine' || lowerAt(ctx, k - 1) === 'six' || lowerAt(ctx, k - 1) === '12')) return true;
    if (w === 'half' && (lowerAt(ctx, k - 1) === 'first' || lowerAt(ctx, k - 1) === 'second')) return true;
    if (w === 'year' && (lowerAt(ctx, k - 1) === 'full' || (lowerAt(ctx, k - 1) === 'the' && lowerAt(ctx, k - 2) === 'for'))) return true;
  }
  return false;
}

/** A year-ago period compared with a month the sentence names ("in July, up from the year-earlier period"): that month a year before. */
function monthYearAgo(ctx: ScanContext, i: number): string | undefined {
  if (sentenceMentionsQuarter(ctx, i)) return undefined;
  const cm = comparedMonthBefore(ctx, i);
  return cm ? fmtMonth(cm.y - 1, cm.m) : undefined;
}

function sentenceMentionsQuarter(ctx: ScanContext, i: number): boolean {
  const lo = Math.max(0, i - 150);
  const hi = Math.min(ctx.sentEnd[i], i + 40);
  for (let k = lo; k < hi; k++) if (ctx.tokens[k].lower === 'quarter' && isPeriodQuarter(ctx, k)) return true;
  return false;
}

/** "quarter" as a reporting period ("the third quarter", "the quarter ended"), not a share ("a quarter of"). */
function isPeriodQuarter(ctx: ScanContext, k: number): boolean {
  if (lowerAt(ctx, k + 1) === 'of' || lowerAt(ctx, k + 1) === '-') return false; // "a quarter of", "quarter-century"
  const p = lowerAt(ctx, k - 1);
  return p !== 'a' && p !== 'one' && p !== 'three' && p !== 'than';
}

/**
 * "ended Sept. 30[, 1989]" / "ending June 30" / "to June 30" at token k: the year and month the
 * period ends in. Without a year it ended at or before the story ("ended", "to") or lies ahead
 * ("ending", when the day is past).
 */
function periodEndAt(ctx: ScanContext, k: number, allowTo: boolean): { y: number; m: number } | undefined {
  const a = ctx.anchor;
  const w = lowerAt(ctx, k);
  if (!a || !(w === 'ended' || w === 'ending' || (allowTo && w === 'to'))) return undefined;
  // "the quarter ending in March": the month alone.
  const mon = readMonth(ctx, lowerAt(ctx, k + 1) === 'in' ? k + 2 : k + 1);
  if (!mon) return undefined;
  const day = readDay(ctx, mon.next);
  const year = readYear(ctx, skipComma(ctx, day ? day.next : mon.next));
  let y = year ? year.v : a.y;
  const after = mon.v > a.m || (mon.v === a.m && day !== undefined && day.v > a.d);
  if (!year && w !== 'ending' && after) y -= 1;
  return { y, m: mon.v };
}

/**
 * "ended Sept. 30[, 1989]" right after a quarter (at token k): the calendar quarter of the middle
 * month of the three months that end then, as year and quarter.
 */
function quarterEndedAt(ctx: ScanContext, k: number): { y: number; q: number } | undefined {
  const e = periodEndAt(ctx, k, false);
  if (!e) return undefined;
  const middle = e.m === 1 ? 12 : e.m - 1;
  return { y: middle === 12 ? e.y - 1 : e.y, q: quarterOf(middle) };
}

const YEAR_OWNERS: ReadonlySet<string> = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);

/**
 * "of the year to June 30, 1996", "of its fiscal year ended March 31" at token k: the year and month
 * the (fiscal) year ends in.
 */
function fiscalYearEndAt(ctx: ScanContext, k: number): { y: number; m: number } | undefined {
  if (lowerAt(ctx, k) !== 'of' || !YEAR_OWNERS.has(lowerAt(ctx, k + 1))) return undefined;
  let j = k + 2;
  const w = lowerAt(ctx, j);
  if (w === 'fiscal' || w === 'financial' || w === 'business') j++;
  if (lowerAt(ctx, j) !== 'year') return undefined;
  return periodEndAt(ctx, j + 1, true);
}

/**
 * The year a numbered quarter (q of 4) or half (of 2) ends in, when the text gives its end: "the
 * fourth quarter ended June 30", "the final quarter of the year to June 30, 1996" (its fiscal
 * year's last quarter ends then; the first ended nine months before). TIMEX3 (TimeBank) keeps the
 * company's numbering and names the year the period ends in: "its fourth quarter ended June 30" in
 * an October 1989 story is 1989-Q4.
 */
function numberedPeriodEndYear(ctx: ScanContext, k: number, n: number, of: number): number | undefined {
  const own = periodEndAt(ctx, k, false);
  if (own) return own.y;
  const fy = fiscalYearEndAt(ctx, k);
  if (!fy) return undefined;
  const months = 12 / of;
  return Math.floor((fy.y * 12 + fy.m - 1 - months * (of - n)) / 12);
}

/** "final quarter" (4), "final half" (2), "the last quarter of 2012" (4): the ordinal word at j, if it is one of these. */
function lastOrdinalAt(ctx: ScanContext, j: number, w0: string): number | undefined {
  const w = lowerAt(ctx, j);
  const head = lowerAt(ctx, j + 1);
  if (head !== 'quarter' && head !== 'half') return undefined;
  if (w === 'final' || (w === 'last' && w0 === 'the' && head === 'quarter' && lowerAt(ctx, j + 2) === 'of')) return head === 'quarter' ? 4 : 2;
  return undefined;
}

/**
 * "the January-March quarter", "the July-September period": three months named by their ends, the
 * calendar quarter of the middle month.
 */
function monthSpanQuarterAt(ctx: ScanContext, i: number): RuleMatch | undefined {
  const a = ctx.anchor;
  if (!a || lowerAt(ctx, i) !== 'the') return undefined;
  const m1 = readMonth(ctx, i + 1);
  if (!m1 || (lowerAt(ctx, m1.next) !== '-' && lowerAt(ctx, m1.next) !== '\u2013')) return undefined;
  const m2 = readMonth(ctx, m1.next + 1);
  if (!m2) return undefined;
  const head = lowerAt(ctx, m2.next);
  if ((head !== 'quarter' && head !== 'period') || (m2.v - m1.v + 12) % 12 !== 2) return undefined;
  // The latest such quarter begun by the anchor ("GDP for the April-June quarter, due in September"),
  // or the coming one in a future clause.
  const startYear = m1.v <= a.m || directionAt(ctx, i, m2.next + 1) === 'future' ? a.y : a.y - 1;
  const middle = (m1.v % 12) + 1;
  const y = middle < m1.v ? startYear + 1 : startYear; // "the December-February quarter": January's year
  return { start: i, end: m2.next + 1, type: 'date', value: `${fmtYear(y)}-Q${quarterOf(middle)}`, relative: true };
}

/** "this" / "last" / "next" before "year": the shift from the anchor's year. */
function yearShiftWord(w: string): number | undefined {
  return w === 'this' ? 0 : w === 'last' ? -1 : w === 'next' ? 1 : undefined;
}

const HEADS: ReadonlySet<string> = new Set(['quarter', 'quarters', 'half', 'year', 'period', 'ago', 'earlier']);

/**
 * Whether one of HEADS stands in tokens [i, i + reach). The scan remembers how far it found none
 * (ctx.fiscalHeadFrom/To: no head in [from, to)), so the calls at rising positions that the rule
 * engine makes look at each token once, not up to `reach` times.
 */
function headWithin(ctx: ScanContext, i: number, reach: number): boolean {
  let k = i;
  if (ctx.fiscalHeadFrom !== undefined && ctx.fiscalHeadTo !== undefined && ctx.fiscalHeadFrom <= i && i <= ctx.fiscalHeadTo) k = ctx.fiscalHeadTo;
  else ctx.fiscalHeadFrom = i;
  const lim = Math.min(i + reach, ctx.tokens.length);
  while (k < lim && !HEADS.has(ctx.tokens[k].lower)) k++;
  ctx.fiscalHeadTo = k;
  return k < lim;
}

/** The quarter named plainly earlier in the sentence of token i, if any. */
function sentenceQuarter(ctx: ScanContext, i: number): { y: number; q: number } | undefined {
  const yq = ctx.namedQuarter;
  const end = ctx.namedQuarterEnd;
  if (yq === undefined || end === undefined || end > i || end <= ctx.sentStart[i]) return undefined;
  return { y: Math.floor(yq / 4), q: (yq % 4) + 1 };
}

export function fiscalRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const a = ctx.anchor;
  if (!a) return undefined;
  // Cheap exit: every form ends in one of HEADS within a few tokens.
  if (!headWithin(ctx, i, 8)) return undefined;
  const aq = quarterOf(a.m);
  const lastQ = aq === 1 ? { y: a.y - 1, q: 4 } : { y: a.y, q: aq - 1 };
  // The quarter being reported: the one the story last named by number, else the last one completed.
  const storyRef = ctx.narrativeQuarter !== undefined ? { y: Math.floor(ctx.narrativeQuarter / 4), q: (ctx.narrativeQuarter % 4) + 1 } : lastQ;
  // The quarter a year-ago comparison compares: one named earlier in the same sentence ("Sales in the
  // first quarter rose from a year earlier"), else the one the story reports on.
  const ref = sentenceQuarter(ctx, i) ?? storyRef;
  let j = i;
  let yearShift = 0;
  let explicitYear: number | undefined;
  let current = false;
  let fiscal = false;
  let yearAgo = false;
  let latest = false;
  let previous = false;
  const w0 = lowerAt(ctx, j);
  const span = monthSpanQuarterAt(ctx, i);
  if (span) return span;
  // "a year ago" / "a year earlier" in a sentence about quarterly results → the year-ago quarter.
  if (w0 === 'a' && lowerAt(ctx, j + 1) === 'year' && (lowerAt(ctx, j + 2) === 'ago' || lowerAt(ctx, j + 2) === 'earlier')) {
    if (!sentenceMentionsQuarter(ctx, i)) return undefined;
    const v = sentenceReportsLongerPeriod(ctx, i) ? fmtYear(a.y - 1) : `${fmtYear(ref.y - 1)}-Q${ref.q}`;
    return { start: i, end: i + 3, type: 'date', value: v, relative: true };
  }
  if ((w0 === 'this' || w0 === 'last' || w0 === 'next') && lowerAt(ctx, j + 1) === 'year' && lowerAt(ctx, j + 2) === "'s") {
    yearShift = w0 === 'last' ? -1 : w0 === 'next' ? 1 : 0;
    j += 3;
  } else if (DETERMINERS.has(w0)) {
    if (w0 === 'this' || w0 === 'current') current = true;
    if (w0 === 'last') yearShift = 0;
    j++;
    // "the last half of 1989": "last" is the ordinal of the half, inside the expression.
    if (w0 === 'the' && lowerAt(ctx, j) === 'last' && lowerAt(ctx, j + 1) === 'half') j++;
  }
  const afterDet = j;
  for (let guard = 0; guard < 4; guard++) {
    const w = lowerAt(ctx, j);
    if (yearAgoAt(ctx, j)) {
      yearAgo = true;
      j += 3;
    } else if (ADJECTIVES.has(w)) {
      if (w === 'current') current = true;
      if (w === 'fiscal') fiscal = true;
      if (w === 'latest') latest = true;
      if (w === 'previous' || w === 'prior' || w === 'preceding') previous = true;
      j++;
      if (lowerAt(ctx, j) === '-' && w === 'fiscal') j++;
    } else if (tok(ctx, j)?.kind === 'num' && readYear(ctx, j)) {
      explicitYear = readYear(ctx, j)!.v;
      j++;
    } else break;
  }
  let ord: number | undefined;
  let hyphenated = false;
  const o = lastOrdinalAt(ctx, j, w0) ?? ORDINALS.get(lowerAt(ctx, j));
  if (o !== undefined && o <= 4) {
    ord = o;
    j++;
    if (lowerAt(ctx, j) === '-') {
      j++;
      hyphenated = true;
    }
    if (lowerAt(ctx, j) === 'fiscal') j++;
  }
  const head = lowerAt(ctx, j);
  let end = j + 1;
  // "of 1990", "of fiscal 1990"; "of next year", "of last year", "of this year" (a year counted from the anchor)
  let ofRelativeYear = false;
  const ofYear = (): void => {
    if (lowerAt(ctx, end) !== 'of') return;
    let k = end + 1;
    const shift = yearShiftWord(lowerAt(ctx, k));
    if (shift !== undefined && lowerAt(ctx, k + 1) === 'year' && lowerAt(ctx, k + 2) !== "'s") {
      explicitYear = a.y + shift;
      ofRelativeYear = true;
      end = k + 2;
      return;
    }
    if (lowerAt(ctx, k) === 'fiscal') k++;
    const y = readYear(ctx, k);
    if (y) {
      explicitYear = y.v;
      end = y.next;
    }
  };
  const baseYear = (): number => (explicitYear ?? a.y) + yearShift - (yearAgo ? 1 : 0);
  if (head === 'quarter' || head === 'quarters') {
    if (head === 'quarters') return undefined;
    if (lowerAt(ctx, end) === '-') return undefined; // "quarter-to-quarter"
    // An adjectival "third-quarter loss" is marked without its determiner.
    const start = hyphenated ? afterDet : i;
    ofYear();
    let y: number;
    let q: number;
    let reported = false;
    if (ord !== undefined) {
      q = ord;
      y = baseYear();
      const endYear = explicitYear === undefined && !yearAgo && yearShift === 0 ? numberedPeriodEndYear(ctx, end, q, 4) : undefined;
      if (endYear !== undefined) y = endYear;
      else if (explicitYear === undefined && !yearAgo && yearShift === 0 && q > aq && directionAt(ctx, i, end) !== 'future') y -= 1;
      // A numbered quarter already over (or "… ended Sept. 30") is the period the story reports on.
      // An indefinite one ("after a flat second quarter") is mentioned in passing, not reported on.
      reported = !yearAgo && yearShift === 0 && (explicitYear === undefined || explicitYear === a.y) && !indefiniteBefore(ctx, start) &&
        (y * 4 + q <= lastQ.y * 4 + lastQ.q || lowerAt(ctx, end) === 'ended');
    } else if (current && w0 === 'this' && j === afterDet && ctx.narrativeQuarter !== undefined && explicitYear === undefined && directionAt(ctx, i, end) !== 'future') {
      // "This quarter's loss includes …" in a results story: the quarter being reported, not the
      // calendar quarter the story appears in ("the current quarter" stays the one under way).
      q = storyRef.q;
      y = storyRef.y;
    } else if (current) {
      q = aq;
      y = baseYear();
    } else if (w0 === 'that' && ctx.lastQuarter !== undefined && explicitYear === undefined) {
      // "that quarter": the quarter just named, whichever it was.
      q = (ctx.lastQuarter % 4) + 1;
      y = Math.floor(ctx.lastQuarter / 4);
    } else if (w0 === 'next' && j === afterDet && yearShift === 0 && explicitYear === undefined) {
      // "next quarter": the one after the quarter the anchor is in.
      q = aq === 4 ? 1 : aq + 1;
      y = aq === 4 ? a.y + 1 : a.y;
    } else if (w0 === 'last' && j === afterDet && yearShift === 0 && explicitYear === undefined) {
      // "last quarter": the one before the quarter the anchor is in.
      q = lastQ.q;
      y = lastQ.y;
    } else if (previous && !yearAgo && explicitYear === undefined) {
      // "the previous quarter": the one before the quarter named in the sentence, else before the reported one.
      const base = sentenceQuarter(ctx, i) ?? storyRef;
      q = base.q === 1 ? 4 : base.q - 1;
      y = base.q === 1 ? base.y - 1 : base.y;
    } else {
      // A story that numbered its quarter ("its fiscal first quarter") keeps its own numbering.
      const ended = explicitYear === undefined && yearShift === 0 && !yearAgo && ctx.narrativeQuarter === undefined ? quarterEndedAt(ctx, end) : undefined;
      if (ended) {
        // "the quarter ended July 31": the three months up to that day; named by the calendar
        // quarter holding most of them (the middle month's), which is what the story reports on.
        y = ended.y;
        q = ended.q;
        reported = true;
      } else {
        const r = yearAgo ? ref : storyRef;
        q = r.q;
        y = (explicitYear ?? r.y) + yearShift - (yearAgo ? 1 : 0);
      }
    }
    // "the quarter a year ago", "the third quarter last year": that quarter of the year before.
    const back = explicitYear === undefined && !yearAgo && yearShift === 0 && !current && !hyphenated && lowerAt(ctx, end) !== 'of' ? yearBackAt(ctx, end) : undefined;
    if (back !== undefined) {
      // A numbered quarter counts from the anchor's year ("the fourth quarter last year" in February is
      // the one that just ended); "the quarter" from the quarter the story reports on.
      return { start, end: back, type: 'date', value: `${fmtYear((ord !== undefined ? a.y : y) - 1)}-Q${q}`, relative: true };
    }
    const m: RuleMatch = { start, end, type: 'date', value: `${fmtYear(y)}-Q${q}`, relative: explicitYear === undefined || ofRelativeYear };
    if (reported) m.reportedQuarter = true;
    if (!yearAgo && yearShift === 0 && !ofRelativeYear) m.namedQuarter = true;
    return m;
  }
  if (head === 'half' && (ord === 1 || ord === 2 || lowerAt(ctx, j - 1) === 'last')) {
    const monthHalf = explicitYear === undefined && yearShift === 0 ? halfOfMonthAt(ctx, i, end) : undefined;
    if (monthHalf) return monthHalf;
    ofYear();
    // A bare half in a match report is the match's ("scored twice in the second half").
    if (explicitYear === undefined && isMatchHalf(ctx, i, end)) return undefined;
    const h = ord === 1 ? 1 : 2;
    // A bare "first half" (of a match, of a sentence…) is a date only with a determiner or a year.
    if (afterDet === i && explicitYear === undefined) return undefined;
    const endYear = explicitYear === undefined && !yearAgo && yearShift === 0 ? numberedPeriodEndYear(ctx, end, h, 2) : undefined;
    return { start: i, end, type: 'date', value: `${fmtYear(endYear ?? baseYear())}-H${h}`, relative: explicitYear === undefined || ofRelativeYear };
  }
  if (head === 'year' && fiscal && ord === undefined) {
    const y = readYear(ctx, end);
    if (y) return { start: i, end: y.next, type: 'date', value: fmtYear(y.v), relative: false };
    return { start: i, end, type: 'date', value: fmtYear(baseYear()), relative: true };
  }
  if (head === 'period' && latest && !yearAgo && explicitYear === undefined && ord === undefined) {
    // "the latest period": the quarter just reported.
    return { start: i, end, type: 'date', value: `${fmtYear(storyRef.y)}-Q${storyRef.q}`, relative: true };
  }
  if (head === 'period' && (yearAgo || explicitYear !== undefined)) {
    if (yearAgo) return { start: i, end, type: 'date', value: monthYearAgo(ctx, i) ?? `${fmtYear(ref.y - 1)}-Q${ref.q}`, relative: true };
    // "In the 1989 period, …" in quarterly results: that year's quarter the story reports on.
    if (ord === undefined && sentenceMentionsQuarter(ctx, i)) {
      return { start: i, end, type: 'date', value: `${fmtYear(explicitYear!)}-Q${ref.q}`, relative: false };
    }
    return { start: i, end, type: 'date', value: fmtYear(explicitYear!), relative: false };
  }
  // "the corresponding period last year", "the same period a year ago": the year-ago quarter in
  // quarterly results, else the year before.
  if (head === 'period' && w0 === 'the' && ord === undefined && explicitYear === undefined && !yearAgo && COMPARISON.has(lowerAt(ctx, j - 1))) {
    const tail = yearBackAt(ctx, end);
    if (tail) {
      const v = sentenceMentionsQuarter(ctx, i) && !sentenceReportsLongerPeriod(ctx, i) ? `${fmtYear(ref.y - 1)}-Q${ref.q}` : monthYearAgo(ctx, i) ?? fmtYear(a.y - 1);
      return { start: i, end: tail, type: 'date', value: v, relative: true };
    }
  }
  // "year-earlier" / "year-ago" used as an adjective: "a year-earlier loss".
  if (yearAgo && ord === undefined && !fiscal && explicitYear === undefined) {
    const s = yearAgoAt(ctx, i) ? i : i + 1;
    const v = sentenceMentionsQuarter(ctx, i) ? `${fmtYear(ref.y - 1)}-Q${ref.q}` : monthYearAgo(ctx, i) ?? fmtYear(a.y - 1);
    return { start: s, end: s + 3, type: 'date', value: v, relative: true };
  }
  return undefined;
}
