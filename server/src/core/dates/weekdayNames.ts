/**
 * A weekday name that is part of a proper name, not a date: a newspaper or programme ("The Sunday
 * Times", "Sunday Telegraph reported", "Monday Night Football"), a person ("Mr. Sunday"), a day
 * known by an epithet ("Bloody Sunday", "Black Monday", "Super Tuesday": a day of its own, not the
 * nearest Sunday) or an event's name ("the Good Friday Agreement").
 */
import { lowerAt, tok, type ScanContext } from './context';
import { EVENT_NAME_HEADS } from './lexicon';

/** Capitalised epithets that name a day of their own (holidays such as "Good Friday" are holidays.ts's). */
const EPITHETS: ReadonlySet<string> = new Set(['bloody', 'black', 'super', 'blue', 'manic']);

/** Title words of papers and programmes named after a weekday. */
const TITLE_WORDS: ReadonlySet<string> = new Set([
  'times', 'telegraph', 'mirror', 'express', 'herald', 'mail', 'observer', 'independent', 'tribune', 'post', 'star',
  'journal', 'edition', 'magazine', 'review', 'night', 'sport', 'people', 'business', 'standard',
]);

/** Words that make a following weekday a date whatever comes after it ("on Sunday Times Square was empty"). */
const DATE_CUE_BEFORE: ReadonlySet<string> = new Set([
  'on', 'last', 'next', 'this', 'by', 'until', 'till', 'since', 'from', 'before', 'after', 'early', 'late',
]);

const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr']);

/** True when the weekday at i (one token; its name ends before `next`) belongs to a name. */
export function weekdayInName(ctx: ScanContext, i: number, next: number): boolean {
  const p = lowerAt(ctx, i - 1);
  if (p === '.' && HONORIFICS.has(lowerAt(ctx, i - 2))) return true;
  if (EPITHETS.has(p) && /^[A-Z]/.test(tok(ctx, i - 1)?.text ?? '')) return true;
  const n = tok(ctx, next);
  if (n && n.kind === 'word' && /^[A-Z]/.test(n.text) && EVENT_NAME_HEADS.has(n.lower)) return true;
  if (!n || n.kind !== 'word' || !/^[A-Z]/.test(n.text) || !TITLE_WORDS.has(n.lower)) return false;
  return !DATE_CUE_BEFORE.has(p);
}
