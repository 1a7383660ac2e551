/**
 * Year inference for partial dates ("Jan. 16", "in March", "the summer", "Tuesday") against an
 * anchor date and the direction the clause points to.
 */
import { diffDays, isValidDay, seasonOf, type Day } from './calendar';
import type { Direction } from './tense';

/** Days a future-tense month-day may lie before the anchor and still count as this year's. */
const FUTURE_SLACK_DAYS = 14;

/** Month-day without a year: the anchor's year, moved back/forward when the tense says so. */
export function resolveMonthDay(anchor: Day, m: number, d: number, dir: Direction | undefined, pastOnly = false): Day | undefined {
  const cand = { y: anchor.y, m, d };
  if (!isValidDay(cand)) {
    // Feb. 29 in a non-leap anchor year: try the neighbours.
    const prev = { y: anchor.y - 1, m, d };
    return isValidDay(prev) ? prev : undefined;
  }
  // News writes a month and day without a year for dates near the publication date: take the
  // nearest of last year / this year / next year, unless the tense rules that reading out.
  let best = cand;
  let bestCost = Infinity;
  for (const y of [anchor.y - 1, anchor.y, anchor.y + 1]) {
    const c = { y, m, d };
    if (!isValidDay(c)) continue;
    const diff = diffDays(c, anchor);
    // News mostly reports what happened: a date ahead of publication costs twice as much.
    let cost = diff > 0 ? 1.5 * diff : -diff;
    // A past tense only tips the balance: "extended the offer to Nov. 20", "payable Dec. 7" carry a
    // past verb but a date ahead. A future tense rules the past out ("will fly in December"), with
    // two weeks' slack for the publication lag ("must return by Jan. 14" in a Jan. 15 paper).
    if (dir === 'past' && diff > 7) cost += 60;
    if (dir === 'future' && diff < -FUTURE_SLACK_DAYS) cost += 1000;
    // "since Nov. 25", "the quarter ended Oct. 31": the day cannot lie after the anchor.
    if (pastOnly && diff > 0) cost += 10_000;
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return best;
}

/** Month without a year. */
export function resolveMonth(anchor: Day, m: number, dir: Direction | undefined, pastOnly = false): number {
  let best = anchor.y;
  let bestCost = Infinity;
  for (const y of [anchor.y, anchor.y - 1, anchor.y + 1]) {
    const diff = (y - anchor.y) * 12 + (m - anchor.m);
    let cost = diff > 0 ? 2.5 * diff : -diff;
    if (dir === 'past' && diff > 0) cost += 4;
    // Future tense: "will fly in December" (said in March) is this December, not last.
    if (dir === 'future' && diff < 0) cost += 100;
    if (pastOnly && diff > 0) cost += 10_000;
    if (cost < bestCost) {
      best = y;
      bestCost = cost;
    }
  }
  return best;
}

/** "last March": the most recent March strictly before the anchor's month. */
export function lastMonth(anchor: Day, m: number): number {
  return m < anchor.m ? anchor.y : anchor.y - 1;
}

/** "next March": the first March strictly after the anchor's month. */
export function nextMonth(anchor: Day, m: number): number {
  return m > anchor.m ? anchor.y : anchor.y + 1;
}

/**
 * Seasons on one time line: spring, summer, fall of year y, then the winter that starts in y's
 * December (TIMEX3 "y-WI": a winter belongs to the year it starts in, so January 2013 lies in
 * 2012-WI). The index of season s of year y is y*4 + its place.
 */
const SEASON_PLACES = ['SP', 'SU', 'FA', 'WI'];
const seasonIndex = (y: number, season: string): number => y * 4 + SEASON_PLACES.indexOf(season);
/** The index of the season the anchor lies in. */
function currentSeasonIndex(anchor: Day): number {
  return anchor.m <= 2 ? seasonIndex(anchor.y - 1, 'WI') : seasonIndex(anchor.y, seasonOf(anchor.m));
}

/**
 * Season without a year ("the summer", "this winter"): the one the anchor is in; else the one of
 * the anchor's year, moved back a year when the tense points to the past and it lies ahead, or on
 * when the tense points ahead and it lies behind.
 */
export function resolveSeason(anchor: Day, season: string, dir: Direction | undefined): number {
  const cur = currentSeasonIndex(anchor);
  if (cur % 4 === SEASON_PLACES.indexOf(season)) return Math.floor(cur / 4);
  let k = seasonIndex(anchor.y, season);
  if (dir === 'past' && k > cur) k -= 4;
  if (dir === 'future' && k < cur) k += 4;
  return Math.floor(k / 4);
}

/**
 * "this summer", "this winter": the season under way; in the past tense also the one just ended
 * ("it snowed a lot this winter" in March); else the one of the anchor's year (in March, "this
 * summer" is the coming one and "this winter" the one that starts in December).
 */
export function thisSeason(anchor: Day, season: string, dir: Direction | undefined): number {
  const cur = currentSeasonIndex(anchor);
  const place = SEASON_PLACES.indexOf(season);
  if (cur % 4 === place) return Math.floor(cur / 4);
  if (dir === 'past' && (cur + 3) % 4 === place) return Math.floor((cur - 1) / 4);
  return anchor.y;
}

/** "last winter": the latest such season before the one the anchor is in. */
export function lastSeason(anchor: Day, season: string): number {
  const cur = currentSeasonIndex(anchor);
  let k = seasonIndex(anchor.y, season);
  while (k >= cur) k -= 4;
  while (k + 4 < cur) k += 4;
  return Math.floor(k / 4);
}

/** "next winter": the first such season after the one the anchor is in. */
export function nextSeason(anchor: Day, season: string): number {
  const cur = currentSeasonIndex(anchor);
  let k = seasonIndex(anchor.y, season);
  while (k <= cur) k += 4;
  while (k - 4 > cur) k -= 4;
  return Math.floor(k / 4);
}
