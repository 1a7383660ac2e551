/**
 * "the regime of Saddam Hussein": a short name the tagger typed an organization or a place without
 * being sure of it, made only of capitalised name words, one of them a given name (the given-name
 * gazetteer), none of them a word of places' or organizations' names, is a person. The name's other
 * mentions and its surname alone then follow it (document consistency gives a rule's type to the
 * less sure mentions of the same name; linking joins the surname to the person).
 * Not when the name ends in an institution's head noun (typeRepair.ts INSTITUTION_HEADS: "Party"),
 * nor when "the" comes before the name ("the Albert Hall") or a capitalised word follows it (part of
 * a longer name), nor for a name with a letter-only initial or a word in capitals ("IBM", "UK").
 * Linear in the number of spans.
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_INITCAP } from './tokenHashes';
import { GAZ_BEGIN, GAZ_CATEGORIES, gazState } from './gazetteer';
import type { SpanRepairContext } from './spanRepair';
import { isCapitalisedLetterWord } from './contextTokens';
import { INSTITUTION_HEADS } from './typeRepair';

const FIRSTNAME = GAZ_CATEGORIES.indexOf('firstname');
/** Gazetteers of words that make a name a place's or an organization's. */
const NOT_PERSON = (['country', 'city', 'state', 'region', 'orgword', 'organization', 'demonym', 'group', 'title'] as const).map((c) => GAZ_CATEGORIES.indexOf(c));
/** A name typed otherwise at or above this confidence keeps its type. */
export const MAX_RETYPED_PERSON_CONFIDENCE = 0.6;
/** Longest name retyped (a given name and a surname, maybe a middle name). */
const MAX_NAME_WORDS = 3;
/** Compass words, listed as given names, begin places' names ("West Hartlepool", "North Shore"). */
const COMPASS = new Set(['north', 'south', 'east', 'west']);

/** Fewest letters of each word of the name, and of its given name ("El Al", "My Turn" are not people). */
const MIN_WORD_LETTERS = 3;
const MIN_GIVEN_NAME_LETTERS = 4;

/** Capitalised letters-only word (hyphen and apostrophe allowed inside) of MIN_WORD_LETTERS+ letters with lowercase ones. */
function isNameWord(ctx: SpanRepairContext, k: number): boolean {
  return isCapitalisedLetterWord(ctx, k, MIN_WORD_LETTERS);
}

function hasCategory(ctx: SpanRepairContext, k: number, cats: readonly number[]): boolean {
  const g = ctx.hashes.gaz[k];
  for (const c of cats) if (gazState(g, c) !== 0) return true;
  return false;
}

function lowerWord(ctx: SpanRepairContext, k: number): string {
  return ctx.text.slice(ctx.tokens.start[k], ctx.tokens.end[k]).toLowerCase();
}

/** True when span `sp` looks like a person's name (see the file comment). */
export function looksLikePersonName(ctx: SpanRepairContext, sp: TokenSpan): boolean {
  const words = sp.last - sp.first + 1;
  if (words < 2 || words > MAX_NAME_WORDS) return false;
  let given = false;
  for (let k = sp.first; k <= sp.last; k++) {
    if (!isNameWord(ctx, k) || hasCategory(ctx, k, NOT_PERSON) || COMPASS.has(lowerWord(ctx, k))) return false;
    if (gazState(ctx.hashes.gaz[k], FIRSTNAME) === GAZ_BEGIN && ctx.tokens.end[k] - ctx.tokens.start[k] >= MIN_GIVEN_NAME_LETTERS) given = true;
  }
  if (!given || INSTITUTION_HEADS.has(lowerWord(ctx, sp.last))) return false;
  if (sp.first > 0 && lowerWord(ctx, sp.first - 1) === 'the') return false;
  const after = sp.last + 1;
  if (after < ctx.tokens.count && ctx.tokens.flags[after] & TOKEN_WORD && ctx.hashes.bits[after] & B_INITCAP) return false;
  return true;
}

/** Retypes such spans as persons (source 'rule'). `spans` sorted by first token. */
export function repairPersonNameTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const org = ctx.orgType ?? 1;
  const loc = ctx.locType ?? 2;
  for (const sp of spans) {
    if ((sp.type !== org && sp.type !== loc) || sp.confidence >= MAX_RETYPED_PERSON_CONFIDENCE) continue;
    if (!looksLikePersonName(ctx, sp)) continue;
    sp.type = ctx.personType;
    sp.source = 'rule';
  }
}

/** Nouns whose "<noun> of <name>" names a ruler ("the regime of Saddam"; not "government of", said of places too). */
const RULER_NOUNS = new Set(['regime', 'reign', 'dictatorship', 'days']);
/** Gazetteers of places and peoples: such a name after "regime of" is no ruler ("the regime of Iran"). */
const PLACE_WORDS = (['country', 'city', 'state', 'region', 'demonym', 'group', 'orgword', 'organization'] as const).map((c) => GAZ_CATEGORIES.indexOf(c));

/**
 * "the regime of Saddam", "the days of Franklin D. Roosevelt": an unsure organization or place span
 * right after "<ruler noun> of", made of capitalised name words none of which is a place's,
 * people's or organization's word, is the ruler, a person (source 'rule').
 */
export function repairRulerTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const org = ctx.orgType ?? 1;
  const loc = ctx.locType ?? 2;
  for (const sp of spans) {
    if ((sp.type !== org && sp.type !== loc) || sp.confidence >= MAX_RETYPED_PERSON_CONFIDENCE || sp.first < 2) continue;
    if (lowerWord(ctx, sp.first - 1) !== 'of' || !RULER_NOUNS.has(lowerWord(ctx, sp.first - 2))) continue;
    if (sp.last - sp.first + 1 > MAX_NAME_WORDS) continue;
    let ok = true;
    for (let k = sp.first; k <= sp.last && ok; k++) ok = isNameWord(ctx, k) && !hasCategory(ctx, k, PLACE_WORDS);
    if (!ok || INSTITUTION_HEADS.has(lowerWord(ctx, sp.last))) continue;
    sp.type = ctx.personType;
    sp.source = 'rule';
  }
}
