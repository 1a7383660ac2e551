/**
 * Business-news abbreviations of periods: quarters "Q1" … "Q4" ("Q3 2012", "Q1 revenue"), halves
 * "H1" / "H2" ("H1 2013", "H2 results") and fiscal years "FY2012" / "FY 2013" / "FY12". The letter
 * and the number are one written word (the tokenizer splits them: "Q" "1"); a quarter or half
 * without a year is the latest one by the anchor, or the coming one in a future clause, as with
 * "the third quarter".
 */
import { fmtYear, quarterOf } from './calendar';
import { directionAt, lowerAt, tok, type RuleMatch, type ScanContext } from './context';
import { readYear } from './parts';
import { adjacent } from './tokenize';

/** Words after "H1" / "H2" that make it a half-year without a year ("H1 results"); alone it may be anything ("H1 visa"). */
const HALF_RESULT_WORDS: ReadonlySet<string> = new Set([
  'results', 'earnings', 'profit', 'profits', 'sales', 'revenue', 'revenues', 'loss', 'losses', 'net', 'output', 'growth',
]);

export function periodAbbreviationRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const t = tok(ctx, i);
  if (!t || t.kind !== 'word') return undefined;
  if (t.text === 'FY') return fiscalYearAt(ctx, i);
  if (t.text !== 'Q' && t.text !== 'H') return undefined;
  const n = tok(ctx, i + 1);
  if (!n || n.kind !== 'num' || n.text.length !== 1 || !adjacent(t, n)) return undefined;
  const v = Number(n.text);
  const half = t.text === 'H';
  if (v < 1 || v > (half ? 2 : 4)) return undefined;
  // "H1N1", "Q1-2", "Q1:" (a numbered question): the number must end the written word.
  const after = tok(ctx, i + 2);
  if (after && adjacent(n, after) && (after.kind !== 'punct' || after.text === '-' || after.text === '/' || after.text === ':')) return undefined;
  const label = half ? `H${v}` : `Q${v}`;
  const year = readYear(ctx, i + 2);
  if (year) return { start: i, end: year.next, type: 'date', value: `${fmtYear(year.v)}-${label}`, relative: false };
  const a = ctx.anchor;
  if (!a) return { start: i, end: i + 2, type: 'date', value: `XXXX-${label}`, relative: true };
  if (half && !HALF_RESULT_WORDS.has(lowerAt(ctx, i + 2))) return undefined;
  // Ahead of the anchor's own period: last year's, unless the clause looks ahead.
  const own = half ? (a.m <= 6 ? 1 : 2) : quarterOf(a.m);
  const y = v > own && directionAt(ctx, i, i + 2) !== 'future' ? a.y - 1 : a.y;
  return { start: i, end: i + 2, type: 'date', value: `${fmtYear(y)}-${label}`, relative: true };
}

/** "FY2012", "FY 2013", "FY12": the fiscal year (TIMEX3 writes it as the year). */
function fiscalYearAt(ctx: ScanContext, i: number): RuleMatch | undefined {
  const year = readYear(ctx, i + 1);
  if (year) return { start: i, end: year.next, type: 'date', value: fmtYear(year.v), relative: false };
  const n = tok(ctx, i + 1);
  if (!n || n.kind !== 'num' || !/^\d{2}$/.test(n.text) || !adjacent(tok(ctx, i)!, n)) return undefined;
  // A two-digit fiscal year is the one nearest the anchor's century ("FY12" in 2013 is 2012).
  const a = ctx.anchor;
  const yy = Number(n.text);
  const base = a ? a.y - (a.y % 100) : 2000;
  let y = base + yy;
  if (a && y > a.y + 50) y -= 100;
  return { start: i, end: i + 2, type: 'date', value: fmtYear(y), relative: false };
}
