/**
 * Reads of one token that the span and context rules share (spanRepair.ts, contextRules.ts and the
 * rules it runs, definiteGroupNames.ts, groupCoordination.ts).
 */
import { TOKEN_WORD } from '../text/tokenize';
import { B_INITCAP, B_LOWER } from './tokenHashes';
import type { SpanRepairContext } from './spanRepair';

/** The token's text. */
export function tokenText(ctx: SpanRepairContext, k: number): string {
  return ctx.text.slice(ctx.tokens.start[k], ctx.tokens.end[k]);
}

/**
 * A capitalised word with lowercase letters, of letters only (a hyphen or apostrophe allowed inside),
 * at least `minLetters` long.
 */
export function isCapitalisedLetterWord(ctx: SpanRepairContext, k: number, minLetters: number): boolean {
  if (!(ctx.tokens.flags[k] & TOKEN_WORD)) return false;
  const b = ctx.hashes.bits[k];
  if (!(b & B_INITCAP) || !(b & B_LOWER)) return false;
  const s = ctx.tokens.start[k];
  const e = ctx.tokens.end[k];
  if (e - s < minLetters) return false;
  for (let i = s; i < e; i++) {
    const c = ctx.text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
    if (!letter && !(i > s && i < e - 1 && (c === 45 || c === 39 || c === 0x2019))) return false;
  }
  return true;
}
