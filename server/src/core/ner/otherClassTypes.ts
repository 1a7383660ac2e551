/**
 * "al-Qaeda and other terrorist groups", "Najaf or other Shiite cities", "Sistani and other
 * clerics": a name followed by "and other" / "or other" and a plural noun for a kind of actors
 * (typeRepair.ts CLASS_NOUNS, after up to three modifiers: "other Shiite cities") is one of that kind. The name
 * takes the class's type unless the tagger was sure of another; a one-word MISC name (the tagger's
 * miscellany, not reported) takes it too when it is no demonym and the class is organizations or
 * places ("al-Qaeda" tagged MISC). Source 'rule'. Linear in the number of spans.
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_LOWER } from './tokenHashes';
import { GAZ_CATEGORIES, gazState } from './gazetteer';
import type { SpanRepairContext } from './spanRepair';
import { tokenText } from './contextTokens';
import { CLASS_NOUNS } from './typeRepair';
import { hashLowerString } from './hashing';

const OTHER_HASH = hashLowerString('other');
/** A name typed otherwise at or above this confidence keeps its type. */
const MAX_RETYPED_CONFIDENCE = 0.9;
/** Most lowercase modifiers between "other" and the class noun. */
const MAX_MODIFIERS = 3;
const PEOPLE_WORDS = (['demonym', 'group'] as const).map((c) => GAZ_CATEGORIES.indexOf(c));

/** The class of "and other <modifiers> <class noun>" right after token `last`, if any. */
export function otherClassAfter(ctx: SpanRepairContext, last: number): 'org' | 'loc' | 'per' | undefined {
  const n = ctx.tokens.count;
  let k = last + 1;
  if (k + 2 >= n || ctx.hashes.lower[k + 1] !== OTHER_HASH) return undefined;
  const conj = tokenText(ctx, k);
  if ((conj !== 'and' && conj !== 'or') || tokenText(ctx, k + 1) !== 'other') return undefined;
  k += 2;
  for (let m = 0; m <= MAX_MODIFIERS && k < n; m++, k++) {
    if (!(ctx.tokens.flags[k] & TOKEN_WORD) || !(ctx.hashes.bits[k] & B_LOWER)) return undefined;
    const cls = CLASS_NOUNS.get(tokenText(ctx, k));
    if (cls) return cls;
  }
  return undefined;
}

/** Retypes the names before "and other <class>" (see the file comment). */
export function repairOtherClassTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const org = ctx.orgType ?? 1;
  const loc = ctx.locType ?? 2;
  for (const sp of spans) {
    if (sp.confidence >= MAX_RETYPED_CONFIDENCE && sp.type !== ctx.miscType) continue;
    const cls = otherClassAfter(ctx, sp.last);
    if (!cls) continue;
    const type = cls === 'org' ? org : cls === 'loc' ? loc : ctx.personType;
    if (sp.type === type) continue;
    if (sp.type === ctx.miscType) {
      if (cls === 'per' || sp.first !== sp.last) continue;
      let people = false;
      for (const c of PEOPLE_WORDS) if (gazState(ctx.hashes.gaz[sp.first], c) !== 0) people = true;
      if (people) continue;
    }
    sp.type = type;
    sp.source = 'rule';
  }
}
