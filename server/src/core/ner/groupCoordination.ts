/**
 * "between Sunnis and Shias", "Hutus or Tutsis": a one-word plural name (capitalised, ending in "s")
 * joined by "and", "or" or a comma to a name of a community or people (a group), that the tagger
 * typed otherwise without being sure, or called MISC, is a group too: peoples and communities are
 * named alongside their like. Linear in the number of spans.
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_INITCAP, B_LOWER } from './features';
import type { SpanRepairContext } from './spanRepair';
import { tokenText } from './contextTokens';

/** A name typed otherwise at or above this confidence keeps its type. */
const MAX_RETYPED_CONFIDENCE = 0.8;

function isPluralName(ctx: SpanRepairContext, sp: TokenSpan): boolean {
  if (sp.first !== sp.last || !(ctx.tokens.flags[sp.first] & TOKEN_WORD)) return false;
  const b = ctx.hashes.bits[sp.first];
  if (!(b & B_INITCAP) || !(b & B_LOWER)) return false;
  const w = tokenText(ctx, sp.first);
  return w.length >= 4 && w.charCodeAt(w.length - 1) === 115 && w.charCodeAt(w.length - 2) !== 115; // "...s", not "...ss"
}

/** Only "and", "or", "," (or ", and") between spans a and b. */
function joined(ctx: SpanRepairContext, a: TokenSpan, b: TokenSpan): boolean {
  const gap = b.first - a.last - 1;
  if (gap < 1 || gap > 2) return false;
  const w1 = tokenText(ctx, a.last + 1);
  if (gap === 1) return w1 === 'and' || w1 === 'or' || w1 === ',';
  const w2 = tokenText(ctx, a.last + 2);
  return w1 === ',' && (w2 === 'and' || w2 === 'or');
}

/** Retypes such spans as `groupType`. `spans` sorted by first token. */
export function repairGroupCoordination(spans: TokenSpan[], ctx: SpanRepairContext, groupType: number): void {
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i];
    if (sp.type === groupType || (sp.type !== ctx.miscType && sp.confidence >= MAX_RETYPED_CONFIDENCE)) continue;
    const before = i > 0 && spans[i - 1].type === groupType && joined(ctx, spans[i - 1], sp);
    const after = i + 1 < spans.length && spans[i + 1].type === groupType && joined(ctx, sp, spans[i + 1]);
    if ((!before && !after) || !isPluralName(ctx, sp)) continue;
    sp.type = groupType;
    sp.source = 'rule';
  }
}
