/**
 * The shared state the date rules read: tokens, sentence bounds, the anchor date, and lazy tense
 * detection. One ScanContext per text (re-anchored for reported speech).
 */
import type { Day } from './calendar';
import { clauseDirection, type Direction } from './tense';
import { sentenceBreakBefore, type Token } from './tokenize';

export interface ScanContext {
  text: string;
  tokens: readonly Token[];
  /** Token index of the first token of the sentence containing token i. */
  sentStart: Int32Array;
  /** Token index one past the last token of the sentence containing token i. */
  sentEnd: Int32Array;
  /** The anchor for relative expressions (publication date or time of speaking); may be absent. */
  anchor: Day | undefined;
  /**
   * Whether the text writes slash dates day first ("29/8/96" beside "1/9/95"): set on the first
   * ambiguous slash date (both numbers 12 or less) by numericDateRule; absent until then.
   */
  slashDayFirst?: boolean;
  /** True when the anchor is not the publication date (reported speech). */
  reAnchored: boolean;
  /** The last year the text stated outright ("in 1995"), for "that year" / "the following year". */
  narrativeYear?: number;
  /** Token index just past the mention that set narrativeYear. */
  narrativeYearEnd?: number;
  /** The last calendar month the text named or resolved ("in March 1989", "Jan. 16"), as y*12 + m-1. */
  narrativeMonth?: number;
  /** The reported quarter the story last named by its number ("the third quarter"), as y*4 + q-1. */
  narrativeQuarter?: number;
  /** The last quarter the story named in any way, as y*4 + q-1 ("that quarter"). */
  lastQuarter?: number;
  /** The last quarter named plainly (no "year-ago", no "last year's"), as y*4 + q-1, and the token past it. */
  namedQuarter?: number;
  namedQuarterEnd?: number;
  /** The last calendar month named at month granularity ("in February", "last month"), as y*12 + m-1, and the token past it. */
  namedMonth?: number;
  namedMonthEnd?: number;
  /** The token past the month-granularity mention before that one (two in one sentence make a range or a list). */
  namedMonthPrevEnd?: number;
  /** The fiscal rule's scan memo: no business-period head word among tokens [from, to). */
  fiscalHeadFrom?: number;
  fiscalHeadTo?: number;
}

/** How far (tokens) after a named year "that same year", "December of that year" still refer to it. */
const STORY_YEAR_REACH = 40;

/**
 * The year the story named last ("In 1993, …") when its mention ended at most STORY_YEAR_REACH tokens
 * before token `at`; far from one, "the same year" is no reference to it ("two streaks in the same year").
 */
export function nearStoryYear(ctx: ScanContext, at: number): number | undefined {
  if (ctx.narrativeYear === undefined || ctx.narrativeYearEnd === undefined || at - ctx.narrativeYearEnd > STORY_YEAR_REACH) return undefined;
  return ctx.narrativeYear;
}

export function makeContext(text: string, tokens: readonly Token[], anchor: Day | undefined): ScanContext {
  const n = tokens.length;
  const sentStart = new Int32Array(n);
  const sentEnd = new Int32Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && sentenceBreakBefore(tokens, i, text)) {
      for (let k = s; k < i; k++) sentEnd[k] = i;
      s = i;
    }
    sentStart[i] = s;
  }
  for (let k = s; k < n; k++) sentEnd[k] = n;
  return { text, tokens, sentStart, sentEnd, anchor, reAnchored: false };
}

/** Tense direction of the clause around tokens [from, to). */
export function directionAt(ctx: ScanContext, from: number, to: number): Direction | undefined {
  if (from >= ctx.tokens.length) return undefined;
  return clauseDirection(ctx.tokens, from, to, ctx.sentStart[from], ctx.sentEnd[Math.max(from, to - 1)]);
}

export function tok(ctx: ScanContext, i: number): Token | undefined {
  return i >= 0 && i < ctx.tokens.length ? ctx.tokens[i] : undefined;
}

export function lowerAt(ctx: ScanContext, i: number): string {
  const t = tok(ctx, i);
  return t ? t.lower : '';
}

/** A rule's answer: token range [start, end) and the value. */
export interface RuleMatch {
  start: number;
  end: number;
  type: 'date' | 'duration' | 'time' | 'set';
  value: string;
  relative: boolean;
  /** The ISO day a relative value was resolved against when it is not the publication date. */
  anchorIso?: string;
  /** Set on a numbered quarter that is the story's reporting period ("the third quarter ended Sept. 30"). */
  reportedQuarter?: boolean;
  /** Set on a quarter named plainly ("the first quarter", "the quarter ended July 31"), not as a year-ago quarter. */
  namedQuarter?: boolean;
  /** A day counted from the story's last-named day ("the next day" = +1); resolved by narrativeDay.ts. */
  dayOffset?: number;
  /** With dayOffset: only a day the text named counts as the base ("that day"), not the anchor. */
  needsStoryDay?: boolean;
  /** With dayOffset: the value is the ISO week of the day reached ("the following week"), in whole weeks. */
  inWeeks?: boolean;
}
