/**
 * Labels for the Outline view: short (at most 60 characters, cut at a word with "…"), on one line,
 * with hard-wrap hyphens rejoined.
 */
import { cleanSlice, type DocContext } from './context';
import { squish } from '../text/whitespace';

export const MAX_NAME = 60;

export function shorten(s: string, max = MAX_NAME): string {
  const one = squish(s);
  if (one.length <= max) return one;
  let cut = one.lastIndexOf(' ', max - 1);
  if (cut < max / 2) cut = max - 1;
  return trimTrailing(one.slice(0, cut)) + '…';
}

/** A character a cut label does not end on. */
const DANGLING = /[\s,;:—–-]/;

/** `s` without its trailing spaces and punctuation, by index (`/[…]+$/` is quadratic in V8). */
function trimTrailing(s: string): string {
  let end = s.length;
  while (end > 0 && DANGLING.test(s[end - 1])) end--;
  return s.slice(0, end);
}

export function nameOf(ctx: DocContext, start: number, end: number, prefix = ''): string {
  const s = cleanSlice(ctx, start, Math.min(end, start + 400));
  const name = shorten(prefix + s);
  return name || prefix.trim() || '(untitled)';
}
