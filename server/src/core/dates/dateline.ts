/**
 * The dateline of a wire story: "WASHINGTON, March 12 (Xinhua) --", "PARIS, Jan. 5 (AFP) -". Its
 * day is when the story was written, which is what "Friday", "yesterday" and "today" in the story
 * count from; the publication date (`dct`) can be a day later. A careful reader anchors relative
 * dates on the dateline's day, so the recognizer does too, when the text opens with one.
 */
import { diffDays, type Day } from './calendar';
import type { ScanContext } from './context';
import { readDay, readMonth, readYear, skipComma } from './parts';
import { resolveMonthDay } from './resolve';

/** How far into the text the dateline's date may stand (tokens): a place of a few words, then the date. */
const REACH = 12;
/** A dateline lies at most this many days from the publication date (else it is some other date). */
const MAX_DAYS_FROM_DCT = 3;

/**
 * The dateline's day when the text opens with "PLACE[, REGION], Month Day[, Year] (Agency)" or
 * "… Month Day --"; undefined otherwise.
 */
export function datelineDay(ctx: ScanContext): Day | undefined {
  const a = ctx.anchor;
  const toks = ctx.tokens;
  if (!a || toks.length < 4) return undefined;
  // The place: capitalised words (and the commas, periods and hyphens between them) from the start.
  let i = 0;
  let sawComma = false;
  while (i < REACH && i < toks.length) {
    const t = toks[i];
    if (t.kind === 'word' && /^[A-Z]/.test(t.text) && !readMonth(ctx, i)) i++;
    else if (t.kind === 'punct' && (t.text === ',' || t.text === '.' || t.text === '-')) {
      if (t.text === ',') sawComma = true;
      i++;
    } else break;
  }
  if (i === 0 || !sawComma || toks[i - 1].text !== ',') return undefined;
  const mon = readMonth(ctx, i);
  const day = mon ? readDay(ctx, mon.next) : undefined;
  if (!mon || !day || toks[mon.next].kind !== 'num') return undefined;
  let next = day.next;
  let d: Day | undefined;
  const yi = skipComma(ctx, next);
  const year = readYear(ctx, yi);
  if (year) {
    d = { y: year.v, m: mon.v, d: day.v };
    next = year.next;
  } else d = resolveMonthDay(a, mon.v, day.v, undefined);
  // What follows the date: the agency in parentheses, or the dash that opens the story.
  const after = toks[next];
  if (!after || !(after.text === '(' || after.text === '-' || after.text === '_' || after.text === '\u2014' || after.text === '\u2013')) return undefined;
  if (!d || Math.abs(diffDays(d, a)) > MAX_DAYS_FROM_DCT) return undefined;
  return d;
}
