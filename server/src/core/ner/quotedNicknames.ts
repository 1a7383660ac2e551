/**
 * 'Roberto " Hands of Stone " Duran', 'Hector "Macho" Camacho': a nickname in quotes between a given
 * name and a surname is part of the person's name (the CoNLL convention: one PER span over all of
 * it). The given name (a person span, or a word of the given-name gazetteer) and the surname (a
 * person span) around one to five capitalised words or short particles in straight or curly
 * quotes become one person span; spans inside are dropped. Returns the spans (sorted).
 * Linear in the number of spans.
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_INITCAP } from './tokenHashes';
import { GAZ_BEGIN, GAZ_CATEGORIES, gazState } from './gazetteer';
import type { SpanRepairContext } from './spanRepair';
import { tokenText } from './contextTokens';

const FIRSTNAME = GAZ_CATEGORIES.indexOf('firstname');
const OPEN = new Set(['"', '“', '``']);
const CLOSE = new Set(['"', '”', "''"]);
const MAX_NICKNAME_TOKENS = 5;

/** The token of the closing quote of a nickname opening at token `open`, or -1. */
function nicknameClose(ctx: SpanRepairContext, open: number): number {
  const n = ctx.tokens.count;
  let capitalised = 0;
  for (let k = open + 1; k < n && k <= open + MAX_NICKNAME_TOKENS + 1; k++) {
    const w = tokenText(ctx, k);
    if (CLOSE.has(w)) return capitalised > 0 ? k : -1;
    if (!(ctx.tokens.flags[k] & TOKEN_WORD)) return -1;
    if (ctx.hashes.bits[k] & B_INITCAP) capitalised++;
    else if (w.length > 3) return -1; // only short particles ("of") in lower case
  }
  return -1;
}

export function joinQuotedNicknames(input: TokenSpan[], ctx: SpanRepairContext): TokenSpan[] {
  const n = ctx.tokens.count;
  let out: TokenSpan[] | undefined;
  let skipTo = -1;
  for (let i = 0; i < input.length; i++) {
    const a = input[i];
    if (a.first <= skipTo) continue;
    const open = a.last + 1;
    // (a quote opens with '"', '“' or '`': a cheap test before anything else)
    const q = open < n ? ctx.text.charCodeAt(ctx.tokens.start[open]) : 0;
    if (q !== 34 && q !== 0x201c && q !== 96) {
      out?.push(a);
      continue;
    }
    const givenName = a.type === ctx.personType || (a.type !== ctx.miscType && a.first === a.last && gazState(ctx.hashes.gaz[a.last], FIRSTNAME) === GAZ_BEGIN);
    if (!givenName || open >= n || !OPEN.has(tokenText(ctx, open))) {
      out?.push(a);
      continue;
    }
    const close = nicknameClose(ctx, open);
    let j = i + 1;
    while (j < input.length && input[j].last <= close) j++;
    const b = input[j];
    if (close < 0 || !b || b.first !== close + 1 || b.type !== ctx.personType) {
      out?.push(a);
      continue;
    }
    out ??= input.slice(0, i);
    out.push({ first: a.first, last: b.last, type: ctx.personType, confidence: Math.min(a.confidence, b.confidence), source: 'rule' });
    skipTo = b.last;
  }
  return out ?? input;
}
