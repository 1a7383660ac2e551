/**
 * "between Sunnis and Shias", "Hutus or Tutsis": a one-word plural name (capitalised, ending in "s")
 * joined by "and", "or" or a comma to a name of a community or people (a group), that the tagger
 * typed otherwise without being sure, or called MISC, is a group too: peoples and communities are
 * named alongside their like. Also, a group name right after a people's or community's adjective
 * that no span holds takes the adjective in: "innocent Sunni Arabs", "Shiite Muslims", "Iraqi Kurds"
 * are one group each (the adjective alone is no name); and "the Sadrists" are a group
 * (followerNames.ts). Linear in the number of spans.
 */
import { TOKEN_SENTENCE_START, TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_INITCAP, B_LOWER } from './tokenHashes';
import type { SpanRepairContext } from './spanRepair';
import { tokenText } from './contextTokens';
import { findFollowerGroups } from './followerNames';
import { GAZ_BEGIN, GAZ_CATEGORIES, GAZ_INSIDE, gazState } from './gazetteer';

const DEMONYM = GAZ_CATEGORIES.indexOf('demonym');
const GROUP = GAZ_CATEGORIES.indexOf('group');

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
  joinGroupAdjectives(spans, ctx, groupType);
  findFollowerGroups(spans, ctx, groupType);
}

/** A one-word people's or community's adjective ("Sunni", "Iraqi") at token k. */
function isOneWordDemonym(ctx: SpanRepairContext, k: number): boolean {
  if (!(ctx.tokens.flags[k] & TOKEN_WORD)) return false;
  const b = ctx.hashes.bits[k];
  if (!(b & B_INITCAP) || !(b & B_LOWER)) return false;
  const g = ctx.hashes.gaz[k];
  return gazState(g, DEMONYM) === GAZ_BEGIN && !(k + 1 < ctx.tokens.count && gazState(ctx.hashes.gaz[k + 1], DEMONYM) === GAZ_INSIDE);
}

/** A group name of one plural word at token k ("Arabs", "Kurds"). */
function isPluralGroupWord(ctx: SpanRepairContext, k: number): boolean {
  return isPluralName(ctx, { first: k, last: k, type: 0, confidence: 0, source: 'model' }) && gazState(ctx.hashes.gaz[k], GROUP) === GAZ_BEGIN && !(k + 1 < ctx.tokens.count && gazState(ctx.hashes.gaz[k + 1], GROUP) === GAZ_INSIDE);
}

/**
 * Extends one-word plural group spans over the adjective before them; a MISC span made of such an
 * adjective and a plural group word (the tagger's "Sunni Arabs", CoNLL's convention) becomes a group.
 * `spans` sorted by first token.
 */
export function joinGroupAdjectives(spans: TokenSpan[], ctx: SpanRepairContext, groupType: number): void {
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i];
    if (sp.type === ctx.miscType && sp.last === sp.first + 1 && isOneWordDemonym(ctx, sp.first) && isPluralGroupWord(ctx, sp.last)) {
      sp.type = groupType;
      sp.source = 'rule';
      continue;
    }
    if (sp.type !== groupType || sp.first === 0 || sp.first !== sp.last || !isPluralGroupWord(ctx, sp.first)) continue;
    const k = sp.first - 1;
    if (i > 0 && spans[i - 1].last >= k) continue;
    if (ctx.tokens.flags[sp.first] & TOKEN_SENTENCE_START || !isOneWordDemonym(ctx, k)) continue;
    sp.first = k;
    sp.source = 'rule';
  }
}
