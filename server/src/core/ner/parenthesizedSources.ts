/**
 * A lone capitalised word in parentheses inside running prose, after a lower-case word and before a
 * lower-case word or a clause mark, is a name the sentence cites: "a follow-up meeting (Bloomberg)
 * is expected", "an upturn in insurgent activity (AP) in Iraq", "working groups (NYT) on refugees".
 * Web news cites its sources so; CoNLL puts a country there ("Khan ( Pakistan ) beat") after a name,
 * which the tagger already tags. An untagged one becomes a place when a place gazetteer knows it,
 * else an organization (what an article cites: an agency, a paper, a broadcaster).
 * Not a name: an acronym the words before it define ("gross domestic product (GDP)", "220 kilovolt
 * (KV)"): its first letter starts one of the three words before it and its other letters follow in
 * order in those words, one of them starting a word when it has three letters or more ("activity
 * (AP)", "accomplishments (AHN)" are cited names); nor a plural acronym ("central bank securities
 * (SBPUs)"). Given names are left alone ("the winner (John) said").
 * Source 'rule'. Linear in the number of tokens; strings are read only around a "(".
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_ALLCAPS, B_INITCAP, B_LOWER, B_UPPER } from './tokenHashes';
import { GAZ_CATEGORIES, gazState } from './gazetteer';
import type { SpanRepairContext } from './spanRepair';
import { hashLowerString } from './hashing';

const PLACE_CATEGORIES = (['country', 'city', 'state', 'region'] as const).map((c) => GAZ_CATEGORIES.indexOf(c));
const FIRSTNAME = GAZ_CATEGORIES.indexOf('firstname');
const SOURCE_CONFIDENCE = 0.6;
/** Lowercase hash of "(": one typed-array read per token before any character is read. */
const OPEN_HASH = hashLowerString('(');
/** Words before the parenthesis an acronym may abbreviate. */
const DEFINING_WORDS = 3;

function charAt(ctx: SpanRepairContext, k: number): number {
  return ctx.tokens.end[k] - ctx.tokens.start[k] === 1 ? ctx.text.charCodeAt(ctx.tokens.start[k]) : -1;
}

function isLowerWord(ctx: SpanRepairContext, k: number): boolean {
  const b = ctx.hashes.bits[k];
  return (ctx.tokens.flags[k] & TOKEN_WORD) !== 0 && (b & B_LOWER) !== 0 && (b & B_INITCAP) === 0;
}

/** The acronym's letters start one of the words before it and follow in order in those words. */
function definedByWordsBefore(ctx: SpanRepairContext, open: number, name: number): boolean {
  const acr = ctx.text.slice(ctx.tokens.start[name], ctx.tokens.end[name]).toLowerCase();
  const from = Math.max(0, open - DEFINING_WORDS);
  for (let w = open - 1; w >= from; w--) {
    if (!(ctx.tokens.flags[w] & TOKEN_WORD)) break;
    const s = ctx.tokens.start[w];
    if (ctx.text.charAt(s).toLowerCase() !== acr.charAt(0)) continue;
    const words = ctx.text.slice(s, ctx.tokens.end[open - 1]).toLowerCase();
    let j = 1;
    let wordStart = acr.length <= 2; // "kilovolt (KV)"; a longer one starts a second word ("gross domestic product")
    for (let i = 1; i < words.length && j < acr.length; i++) {
      if (words.charAt(i) !== acr.charAt(j)) continue;
      if (words.charAt(i - 1) === ' ' || words.charAt(i - 1) === '-') wordStart = true;
      j++;
    }
    if (j === acr.length && wordStart) return true;
  }
  return false;
}

/** Spans for the cited names, merged into `spans` (sorted by first token). */
export function findParenthesizedSources(spans: TokenSpan[], ctx: SpanRepairContext): TokenSpan[] {
  const n = ctx.tokens.count;
  const org = ctx.orgType ?? 1;
  const loc = ctx.locType ?? 2;
  let added: TokenSpan[] | undefined;
  let si = 0; // spans before this one end before the token looked at
  const lower = ctx.hashes.lower;
  for (let k = 1; k + 2 < n; k++) {
    if (lower[k] !== OPEN_HASH || charAt(ctx, k) !== 40 || charAt(ctx, k + 2) !== 41) continue;
    const name = k + 1;
    const b = ctx.hashes.bits[name];
    if (!(ctx.tokens.flags[name] & TOKEN_WORD) || !(b & B_INITCAP) || !(b & (B_LOWER | B_ALLCAPS))) continue;
    if (!isLowerWord(ctx, k - 1)) continue;
    // a plural acronym ("Global Depositary Receipts (GDRs)") names things, not a source
    if (b & B_UPPER && ctx.text.charCodeAt(ctx.tokens.end[name] - 1) === 115 && ctx.tokens.end[name] - ctx.tokens.start[name] > 2 && ctx.text.charCodeAt(ctx.tokens.start[name] + 1) < 97) continue;
    if (k + 3 < n) {
      const c = charAt(ctx, k + 3);
      if (!isLowerWord(ctx, k + 3) && c !== 46 && c !== 44 && c !== 59 && c !== 58) continue;
    }
    while (si < spans.length && spans[si].last < name) si++;
    if (si < spans.length && spans[si].first <= name) continue; // tagged already
    const g = ctx.hashes.gaz[name];
    if (gazState(g, FIRSTNAME) !== 0) continue;
    if (definedByWordsBefore(ctx, k, name)) continue;
    let place = false;
    for (const c of PLACE_CATEGORIES) if (gazState(g, c) !== 0) place = true;
    (added ??= []).push({ first: name, last: name, type: place ? loc : org, confidence: SOURCE_CONFIDENCE, source: 'rule' });
  }
  return added ? spans.concat(added).sort((a, b) => a.first - b.first) : spans;
}
