/**
 * "on Capitol Hill", "at Trent Bridge", "in Tahrir Square": a name of two or three words ending in a
 * capitalised word for a kind of place (Hill, Street, Square, Bridge, Bay, ...) right after a
 * locative preposition is a place, not a person ("Hill" and "Bridge" are also surnames; CoNLL
 * train+dev: 31 such spans, all places). Only spans the tagger typed a person below
 * MAX_RETYPED_CONFIDENCE are retyped (source 'rule'). Linear in the number of spans.
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_INITCAP } from './tokenHashes';
import type { SpanRepairContext } from './spanRepair';
import { hashLowerString } from './hashing';
import { IntMap } from './intMap';

/** Capitalised nouns for kinds of places that end places' names (generic English). */
const PLACE_HEADS = new Set(['hill', 'street', 'square', 'park', 'avenue', 'road', 'bridge', 'bay', 'island', 'islands', 'valley', 'mountain', 'mountains', 'lake', 'river', 'beach', 'heights', 'strait', 'canal', 'airport', 'coast', 'peninsula', 'desert', 'harbour', 'harbor', 'plaza', 'boulevard']);
const LOCATIVES = new Set(['in', 'at', 'on', 'near', 'to', 'from']);
const LOCATIVE_HASHES = new IntMap(5);
for (const w of LOCATIVES) LOCATIVE_HASHES.add(hashLowerString(w));
const PLACE_HEAD_HASHES = new IntMap(7);
for (const w of PLACE_HEADS) PLACE_HEAD_HASHES.add(hashLowerString(w));
/** A person span at or above this confidence keeps its type. */
const MAX_RETYPED_CONFIDENCE = 0.97;
const MAX_WORDS = 3;

function lowerAt(ctx: SpanRepairContext, k: number): string {
  return ctx.text.slice(ctx.tokens.start[k], ctx.tokens.end[k]).toLowerCase();
}

export function repairToponymTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const loc = ctx.locType ?? 2;
  for (const sp of spans) {
    if (sp.type !== ctx.personType || sp.confidence >= MAX_RETYPED_CONFIDENCE || sp.first === 0) continue;
    const words = sp.last - sp.first + 1;
    if (words < 2 || words > MAX_WORDS) continue;
    const last = sp.last;
    // (hashes first: most person spans are not after a locative)
    if (!LOCATIVE_HASHES.has(ctx.hashes.lower[sp.first - 1]) || !PLACE_HEAD_HASHES.has(ctx.hashes.lower[last])) continue;
    if (!(ctx.tokens.flags[last] & TOKEN_WORD) || !(ctx.hashes.bits[last] & B_INITCAP) || !PLACE_HEADS.has(lowerAt(ctx, last))) continue;
    if (!LOCATIVES.has(lowerAt(ctx, sp.first - 1))) continue;
    sp.type = loc;
    sp.source = 'rule';
  }
}
