/**
 * "McLeod told the Sun", "he told Reuters": what someone tells is a person or an organization (a
 * newspaper, an agency, a broadcaster), never a place. A name right after "told" or "told the" that
 * the tagger typed a place, unsure, and that no place gazetteer knows, is an organization (CoNLL
 * train+dev: 94 organizations, 6 persons and 4 places, all four gazetteer places, after "told").
 * Source 'rule'. Linear in the number of spans.
 */
import type { TokenSpan } from './consistency';
import { GAZ_CATEGORIES, gazState } from './gazetteer';
import type { SpanRepairContext } from './spanRepair';
import { tokenText } from './contextTokens';
import { hashLowerString } from './hashing';

const PLACE_CATEGORIES = (['country', 'city', 'state', 'region'] as const).map((c) => GAZ_CATEGORIES.indexOf(c));
const TOLD_HASH = hashLowerString('told');
const THE_HASH = hashLowerString('the');
/** A place typed at or above this confidence keeps its type. */
const MAX_RETYPED_CONFIDENCE = 0.9;

export function repairToldObjectTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const org = ctx.orgType ?? 1;
  const loc = ctx.locType ?? 2;
  for (const sp of spans) {
    if (sp.type !== loc || sp.confidence >= MAX_RETYPED_CONFIDENCE || sp.first === 0) continue;
    let k = sp.first - 1;
    const lower = ctx.hashes.lower;
    if (k > 0 && lower[k] === THE_HASH && tokenText(ctx, k) === 'the') k--;
    if (lower[k] !== TOLD_HASH || tokenText(ctx, k) !== 'told') continue;
    let place = false;
    for (let t = sp.first; t <= sp.last && !place; t++) for (const c of PLACE_CATEGORIES) if (gazState(ctx.hashes.gaz[t], c) !== 0) place = true;
    if (place) continue;
    sp.type = org;
    sp.source = 'rule';
  }
}
