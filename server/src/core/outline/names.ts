/**
 * Labels for the Outline view: short (at most 60 characters, cut at a word with "…"), on one line,
 * with hard-wrap hyphens rejoined.
 */
import { cleanSlice, type DocContext } from './context';
import { squish } from '../text/whitespace';

export const MAX_NAME = 60;

export function shorten(s: string, max = MAX_NAME): string {
  return shortenSquished(squish(s), max);
}

/** `shorten` of a string that is squished already (`squish(one) === one`, as cleanSlice gives). */
function shortenSquished(one: string, max = MAX_NAME): string {
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

/** Raw characters cleaned first for a label; the full 400 only when they give too few. */
const LABEL_WINDOW = 160;

/** shorten(prefix + s) for a cleaned (squished) s: without a prefix it is squished already. */
function label(prefix: string, s: string): string {
  return prefix === '' ? shortenSquished(s) : shorten(prefix + s);
}

export function nameOf(ctx: DocContext, start: number, end: number, prefix = ''): string {
  const stop = Math.min(end, start + 400);
  if (stop - start > LABEL_WINDOW) {
    // Cleaning is local (white-space runs, wrap hyphens), so a cut stretch cleans to the same text
    // as the whole except possibly its last character; `shorten` reads only the first 61, so 62
    // cleaned characters decide the label.
    const s = cleanSlice(ctx, start, start + LABEL_WINDOW);
    if (s.length >= MAX_NAME + 2) return label(prefix, s) || prefix.trim() || '(untitled)';
  }
  const s = cleanSlice(ctx, start, stop);
  const name = label(prefix, s);
  return name || prefix.trim() || '(untitled)';
}
