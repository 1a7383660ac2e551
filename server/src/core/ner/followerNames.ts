/**
 * Names made with "-ist" from a leader's or a doctrine's name:
 *  - "the Sadrist movement", "the Gulenist movement": a capitalised "-ist" word followed by
 *    "movement", after "the", names the movement, an organization of both words;
 *  - "the Sadrists", "the Maoists", "the Baathists": a capitalised plural "-ists" word after "the"
 *    names the followers, a group (CoNLL: MISC, unscored; the tagger leaves them
 *    untagged or types them a person or an organization, unsure).
 * A name the tagger was sure of keeps its type. Source 'rule'. Linear in the number of tokens; a
 * token's text is read only after a lowercase "the" hash.
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_ALLCAPS, B_INITCAP, B_LOWER } from './tokenHashes';
import type { SpanRepairContext } from './spanRepair';
import { hashLowerString } from './hashing';

const THE_HASH = hashLowerString('the');
const MOVEMENT_HASH = hashLowerString('movement');
const RULE_CONFIDENCE = 0.7;
/** A tagged name at or above this confidence keeps its type. */
const MAX_RETYPED_CONFIDENCE = 0.8;
const MIN_LETTERS = 6;

/** The token after a "the" at k-1 is a capitalised word ending in `suffix` (e.g. "ist", "ists"). */
function endsWith(ctx: SpanRepairContext, k: number, suffix: string): boolean {
  const s = ctx.tokens.start[k];
  const e = ctx.tokens.end[k];
  if (e - s < MIN_LETTERS) return false;
  for (let i = 0; i < suffix.length; i++) if (ctx.text.charCodeAt(e - suffix.length + i) !== suffix.charCodeAt(i)) return false;
  return true;
}

function isCapitalisedWord(ctx: SpanRepairContext, k: number): boolean {
  const b = ctx.hashes.bits[k];
  return (ctx.tokens.flags[k] & TOKEN_WORD) !== 0 && (b & B_INITCAP) !== 0 && (b & B_LOWER) !== 0 && (b & B_ALLCAPS) === 0;
}

/** Calls `found(k, span index or -1)` for each capitalised word after "the" ending in `suffix`. */
function afterThe(spans: readonly TokenSpan[], ctx: SpanRepairContext, suffix: string, found: (k: number, si: number) => void): void {
  const n = ctx.tokens.count;
  const lower = ctx.hashes.lower;
  let si = 0;
  for (let k = 1; k < n; k++) {
    if (lower[k - 1] !== THE_HASH || !isCapitalisedWord(ctx, k) || !endsWith(ctx, k, suffix)) continue;
    const s = ctx.tokens.start[k - 1];
    if (ctx.text.charCodeAt(s) !== 116 && ctx.text.charCodeAt(s) !== 84) continue; // "the"/"The", not "THE"
    while (si < spans.length && spans[si].last < k) si++;
    found(k, si < spans.length && spans[si].first <= k ? si : -1);
  }
}

/** "the Sadrist movement": adds or widens an organization span. Returns the spans sorted by first token. */
export function findMovementNames(spans: TokenSpan[], ctx: SpanRepairContext): TokenSpan[] {
  const org = ctx.orgType ?? 1;
  let added: TokenSpan[] | undefined;
  afterThe(spans, ctx, 'ist', (k, si) => {
    const m = k + 1;
    if (m >= ctx.tokens.count || ctx.hashes.lower[m] !== MOVEMENT_HASH || ctx.hashes.bits[m] & B_INITCAP) return;
    if (si >= 0) {
      const sp = spans[si];
      if (sp.first !== k || sp.last !== k || (sp.type !== ctx.miscType && sp.confidence >= MAX_RETYPED_CONFIDENCE)) return;
      sp.last = m;
      sp.type = org;
      sp.source = 'rule';
      return;
    }
    (added ??= []).push({ first: k, last: m, type: org, confidence: RULE_CONFIDENCE, source: 'rule' });
  });
  return added ? spans.concat(added).sort((a, b) => a.first - b.first) : spans;
}

/** "the Sadrists": adds (in place, keeping `spans` sorted by first token) or retypes a group span. */
export function findFollowerGroups(spans: TokenSpan[], ctx: SpanRepairContext, groupType: number): void {
  let added: TokenSpan[] | undefined;
  afterThe(spans, ctx, 'ists', (k, si) => {
    if (si >= 0) {
      const sp = spans[si];
      if (sp.first !== k || sp.last !== k || sp.type === groupType || (sp.type !== ctx.miscType && sp.confidence >= MAX_RETYPED_CONFIDENCE)) return;
      sp.type = groupType;
      sp.source = 'rule';
      return;
    }
    (added ??= []).push({ first: k, last: k, type: groupType, confidence: RULE_CONFIDENCE, source: 'rule' });
  });
  if (!added) return;
  spans.push(...added);
  spans.sort((a, b) => a.first - b.first);
}
