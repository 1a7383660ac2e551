/**
 * A person's name used as the modifier of a noun for the people or the time around them ("the Bush
 * administration", "a Clinton aide", "the Blair government", "the Reagan era") is a person mention
 * (the CoNLL convention: "Clinton administration" tags "Clinton" as a person). The tagger often
 * leaves it untagged, or tags "Bush Administration" as one name (an institution, typeRepair.ts).
 *  - the capitalised word before such a noun is a person when the document has a person whose
 *    name ends with that word ("George W. Bush", or "Bush" tagged a person);
 *  - before "administration" or "presidency" (which only people and places head), also when the
 *    word is no place, demonym, group or organization word of the gazetteers, nor a group's
 *    adjective ("the Republican administration": "Republicans" is a group), and "the" or "a"
 *    comes before it ("the Obama administration");
 *  - a two-word span "<known person> Administration" becomes the person alone.
 * The found mentions get source 'rule', so document consistency gives the type to the name's other,
 * less sure, mentions ("Bush’s" typed an organization). Linear in the number of tokens and spans.
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_INITCAP, B_LOWER } from './tokenHashes';
import { GAZ_CATEGORIES, gazetteerFirstStep, gazState } from './gazetteer';
import type { Gazetteer } from './gazetteer';
import type { SpanRepairContext } from './spanRepair';
import { hashLowerString } from './hashing';
import { IntMap } from './intMap';

/** Lowercase nouns a person's name modifies (generic English). */
const MODIFIED_NOUNS = new Set(['administration', 'administrations', 'presidency', 'government', 'cabinet', 'regime', 'camp', 'team', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'loyalists', 'allies', 'supporters', 'campaign', 'era', 'years', 'doctrine', 'family', 'dictatorship', 'premiership']);
/** Lowercase hashes of MODIFIED_NOUNS (a cheap test before the string one). */
const MODIFIED_NOUN_HASHES = new IntMap(6);
/** Low 12 bits of those hashes: a one-load test before the map. */
const MODIFIED_NOUN_FILTER = new Uint8Array(4096);
for (const w of MODIFIED_NOUNS) {
  MODIFIED_NOUN_HASHES.add(hashLowerString(w));
  MODIFIED_NOUN_FILTER[hashLowerString(w) & 4095] = 1;
}
/** Of them, the nouns whose modifier is a person unless it is a place or an organization word. */
const PERSON_HEADED = new Set(['administration', 'administrations', 'presidency']);
const NOT_PERSON = (['country', 'city', 'state', 'region', 'orgword', 'organization', 'demonym', 'group', 'title'] as const).map((c) => GAZ_CATEGORIES.indexOf(c));
/** A name of several words typed otherwise before such a noun is retyped below this confidence. */
const MAX_RETYPED_CONFIDENCE = 0.9;
const MAX_NAME_WORDS = 4;
/** Confidence given to a found modifier mention. */
const MODIFIER_CONFIDENCE = 0.7;

function lowerAt(ctx: SpanRepairContext, k: number): string {
  return ctx.text.slice(ctx.tokens.start[k], ctx.tokens.end[k]).toLowerCase();
}

function isCapitalisedWord(ctx: SpanRepairContext, k: number): boolean {
  const b = ctx.hashes.bits[k];
  return (ctx.tokens.flags[k] & TOKEN_WORD) !== 0 && (b & B_INITCAP) !== 0 && (b & B_LOWER) !== 0;
}

function hasCategory(ctx: SpanRepairContext, k: number, cats: readonly number[]): boolean {
  const g = ctx.hashes.gaz[k];
  for (const c of cats) if (gazState(g, c) !== 0) return true;
  return false;
}

/** Exact-word hashes of the last words of the document's person spans. */
function personLastWords(spans: readonly TokenSpan[], ctx: SpanRepairContext): Set<number> {
  const out = new Set<number>();
  for (const sp of spans) if (sp.type === ctx.personType && isCapitalisedWord(ctx, sp.last)) out.add(ctx.hashes.word[sp.last]);
  return out;
}

function retype(sp: TokenSpan, type: number): void {
  sp.type = type;
  sp.source = 'rule';
  sp.confidence = Math.max(sp.confidence, MODIFIER_CONFIDENCE);
}

const GROUP_BIT = 1 << GAZ_CATEGORIES.indexOf('group');

/** Whether the word of token i with an "s" added is a group of the gazetteer ("Republican" → "Republicans"). */
function isGroupAdjective(ctx: SpanRepairContext, i: number, gaz: Gazetteer | null): boolean {
  if (gaz === null) return false;
  const plural = Math.imul(ctx.hashes.lower[i] ^ 115, 16777619); // the lowercase FNV hash continued by "s"
  return (gazetteerFirstStep(gaz, plural) & GROUP_BIT) !== 0;
}

/** Token i is a capitalised word before a lowercase MODIFIED_NOUNS noun that makes it a person (see the file comment). */
function modifierIsPerson(ctx: SpanRepairContext, i: number, known: Set<number>, gaz: Gazetteer | null): boolean {
  const next = i + 1;
  if (next >= ctx.tokens.count || MODIFIED_NOUN_FILTER[ctx.hashes.lower[next] & 4095] === 0 || !isCapitalisedWord(ctx, i) || !MODIFIED_NOUN_HASHES.has(ctx.hashes.lower[next])) return false;
  if (!(ctx.tokens.flags[next] & TOKEN_WORD) || ctx.hashes.bits[next] & B_INITCAP) return false;
  const noun = lowerAt(ctx, next);
  if (!MODIFIED_NOUNS.has(noun)) return false;
  if (known.has(ctx.hashes.word[i])) return true;
  if (!PERSON_HEADED.has(noun) || i === 0 || hasCategory(ctx, i, NOT_PERSON) || isGroupAdjective(ctx, i, gaz)) return false;
  const before = lowerAt(ctx, i - 1);
  return before === 'the' || before === 'a' || before === 'an';
}

/**
 * Adds and repairs modifier mentions (see the file comment); returns the spans sorted by first token.
 * `spans` sorted by first token, not overlapping.
 */
export function repairModifierSurnames(input: TokenSpan[], ctx: SpanRepairContext, gaz: Gazetteer | null = null): TokenSpan[] {
  const n = ctx.tokens.count;
  const { lower, bits } = ctx.hashes;
  const org = ctx.orgType ?? 1;
  // most documents have no capitalised word before such a noun: one filter load per token, nothing built
  let any = false;
  for (let k = 1; k < n && !any; k++) any = MODIFIED_NOUN_FILTER[lower[k] & 4095] !== 0 && (bits[k - 1] & B_INITCAP) !== 0 && MODIFIED_NOUN_HASHES.has(lower[k]);
  if (!any) return input;
  const known = personLastWords(input, ctx);
  let spans = input;
  // "<known person> Administration" → the person
  for (const sp of spans) {
    if (sp.type !== org || sp.last !== sp.first + 1 || !MODIFIED_NOUN_HASHES.has(lower[sp.last]) || !known.has(ctx.hashes.word[sp.first])) continue;
    if (!MODIFIED_NOUNS.has(lowerAt(ctx, sp.last))) continue;
    sp.last = sp.first;
    retype(sp, ctx.personType);
  }
  // a one-word name the tagger called a miscellaneous name (not reported) before such a noun; an
  // unsure name of another type ending in a known person's name before it ("the George W. Bush
  // administration", "the Hussein dictatorship" typed a place)
  for (const sp of spans) {
    if (sp.type === ctx.personType) continue;
    if (sp.first === sp.last && sp.type === ctx.miscType ? modifierIsPerson(ctx, sp.first, known, gaz) : sp.confidence < MAX_RETYPED_CONFIDENCE && sp.last - sp.first < MAX_NAME_WORDS && known.has(ctx.hashes.word[sp.last]) && modifierIsPerson(ctx, sp.last, known, gaz)) retype(sp, ctx.personType);
  }
  // untagged words before such a noun (neither the word nor the noun inside a span)
  let added: TokenSpan[] | undefined;
  let si = 0;
  for (let k = 1; k < n; k++) {
    if (MODIFIED_NOUN_FILTER[lower[k] & 4095] === 0 || !(bits[k - 1] & B_INITCAP)) continue;
    const i = k - 1;
    while (si < spans.length && spans[si].last < i) si++;
    if ((si < spans.length && spans[si].first <= k) || !modifierIsPerson(ctx, i, known, gaz)) continue;
    (added ??= []).push({ first: i, last: i, type: ctx.personType, confidence: MODIFIER_CONFIDENCE, source: 'rule' });
  }
  if (added) spans = spans.concat(added).sort((a, b) => a.first - b.first);
  return spans;
}
