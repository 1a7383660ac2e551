/**
 * Seasons without a named year: "the summer", "in spring", "summer 2006", "the winter of 1994".
 * Without a year, the season under way or the one the tense points to (resolve.ts). A season word
 * that classifies a noun ("winter wheat", "the Summer Olympics") is no date.
 */
import { fmtYear } from './calendar';
import { directionAt, lowerAt, type RuleMatch, type ScanContext } from './context';
import { SEASONS } from './lexicon';
import { readYear } from './parts';
import { resolveSeason } from './resolve';

const date = (start: number, end: number, value: string, relative = true): RuleMatch => ({ start, end, type: 'date', value, relative });

/** Nouns a season word classifies rather than dates: "winter wheat", "spring barley", "the Summer Olympics". */
const SEASONAL_KINDS: ReadonlySet<string> = new Set([
  'wheat', 'barley', 'crop', 'crops', 'grain', 'grains', 'rapeseed', 'corn', 'oats', 'plantings', 'olympics', 'games',
  'collection', 'collections', 'tires', 'tyres', 'clothes', 'clothing', 'squash',
]);

/** "the summer", "summer 2006", "the winter of 1994", "in spring". */
export function seasonRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  let j = i;
  const withThe = lowerAt(ctx, i) === 'the';
  if (withThe) j++;
  const w = lowerAt(ctx, j);
  const season = SEASONS.get(w);
  if (!season) return undefined;
  let yi = j + 1;
  if (lowerAt(ctx, yi) === 'of') yi++;
  const year = readYear(ctx, yi);
  if (year) return date(i, year.next, `${fmtYear(year.v)}-${season}`, false);
  if (lowerAt(ctx, j + 1) === 'of') return undefined; // "the fall of Saigon"
  if (SEASONAL_KINDS.has(lowerAt(ctx, j + 1))) return undefined; // "the winter wheat", "the Summer Olympics"
  const prev = lowerAt(ctx, i - 1);
  const cued = withThe || ['in', 'during', 'since', 'until', 'by', 'through', 'over', 'early', 'late', 'mid', 'this', 'last', 'next'].includes(prev);
  if (!cued || (w === 'fall' && !withThe && prev !== 'in' && prev !== 'early' && prev !== 'late' && prev !== 'since')) return undefined;
  if (w === 'spring' && !withThe && prev !== 'in' && prev !== 'since' && prev !== 'early' && prev !== 'late') return undefined;
  if (!ctx.anchor) return date(i, j + 1, `XXXX-${season}`);
  const y = resolveSeason(ctx.anchor, season, directionAt(ctx, i, j + 1));
  return date(i, j + 1, `${fmtYear(y)}-${season}`);
}
