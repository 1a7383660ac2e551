/**
 * "the first half" / "the second half" that is not half of a year: half of a match in a sports
 * report ("Cocu scored twice in the second half"), and half of a named month ("in the first half
 * of September", which is that month: TIMEX3 has no half-month value).
 */
import type { RuleMatch, ScanContext } from './context';
import { monthRule } from './absoluteRules';

/** Words of a match report: with one of them in the sentence, a bare half is the match's. */
const MATCH_WORDS: ReadonlySet<string> = new Set([
  'scored', 'score', 'scores', 'scoring', 'goal', 'goals', 'equaliser', 'equalizer', 'equalised', 'equalized',
  'penalty', 'penalties', 'halftime', 'half-time', 'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper',
  'substitute', 'stretchered', 'referee', 'whistle', 'try', 'tries', 'touchdown', 'touchdowns', 'header', 'playmaker',
  'fullback', 'winger', 'kick', 'free-kick', 'corner', 'match', 'game', 'innings', 'inning', 'quarterback', 'outscored',
  'scorer', 'scorers', 'attendance', 'offside', 'booked', 'net', 'crossbar', 'dribbled', 'volley', 'lead',
]);
/** Words that make the half a business or economic period even in a sentence with "net" or "lead". */
const PERIOD_WORDS: ReadonlySet<string> = new Set([
  'profit', 'profits', 'sales', 'revenue', 'revenues', 'earnings', 'growth', 'results', 'loss', 'losses', 'economy',
  'percent', 'pct', 'fiscal', 'demand', 'output', 'turnover', 'dividend', 'forecast', 'prices', 'inflation', 'million',
  'billion', 'shares', 'exports', 'imports', 'production', 'income',
]);
/** How far around the half the sentence is read (tokens). */
const REACH = 25;

/** Whether the bare half at tokens [i, end) is a half of a match: a match word and no period word nearby in its sentence. */
export function isMatchHalf(ctx: ScanContext, i: number, end: number): boolean {
  const lo = Math.max(ctx.sentStart[i], i - REACH);
  const hi = Math.min(ctx.sentEnd[i], end + REACH);
  let match = false;
  for (let k = lo; k < hi; k++) {
    if (k >= i && k < end) continue;
    const w = ctx.tokens[k].lower;
    if (PERIOD_WORDS.has(w)) return false;
    if (MATCH_WORDS.has(w)) match = true;
  }
  return match;
}

/** "the first half of September [1996]" at i, with the half word's end at `end` (pointing at "of"): that month. */
export function halfOfMonthAt(ctx: ScanContext, i: number, end: number): RuleMatch | undefined {
  if (ctx.tokens[end]?.lower !== 'of') return undefined;
  const m = monthRule(ctx, end + 1);
  if (!m || m.start !== end + 1 || m.type !== 'date' || !/^\d{4}-\d{2}$/.test(m.value)) return undefined;
  return { ...m, start: i };
}
