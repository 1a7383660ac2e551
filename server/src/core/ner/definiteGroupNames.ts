/**
 * "the Taliban said", "the Taliban's grip": a capitalised word the tagger left untagged or called a
 * one-word MISC name, the head of "the ..." before a verb of what organizations do or say (or a
 * possessive), whose word class (GloVe clusters, gazetteer.ts) is that of the words for armed
 * groups and movements ("militants", "militia"), is the name of an organization. Such groups are
 * often missing from a 1996 newswire model's vocabulary, and the class generalises to new ones.
 * Not when the word is a demonym, a place, a title, a month or weekday, a given name, an adjective
 * of a creed or people ("Kurdish", "Sadrist") or a plural, or is written in lower case elsewhere in
 * the document, nor at the start of a sentence. The name's other one-word MISC mentions take the
 * type too; document consistency then tags its untagged ones. Linear in the number of tokens.
 */
import { TOKEN_SENTENCE_START, TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_INITCAP } from './tokenHashes';
import { clusterOf, GAZ_CATEGORIES, gazState, NO_CLUSTER } from './gazetteer';
import type { Gazetteer } from './gazetteer';
import { hashLowerString } from './hashing';
import type { SpanRepairContext } from './spanRepair';
import { isCapitalisedLetterWord, tokenText } from './contextTokens';

/** Verbs of what an organization does or says (generic English; not auxiliaries, nor the present
 * "says" of texts: "the Internet is", "the Koran says"). */
const GROUP_VERBS = new Set(['said', 'told', 'claimed', 'vowed', 'vows', 'denied', 'launched', 'attacked', 'killed', 'kidnapped', 'seized', 'captured', 'controls', 'controlled', 'fought', 'rejected', 'warned', 'threatened', 'announced', 'insisted', 'accused', 'demanded', 'refused', 'ousted', 'overran', 'regained', 'retook', 'executed', 'imposed', 'banned', 'wants', 'wanted', 'urged', 'responded', 'retreated', 'advanced', 'regrouped', 'ambushed', 'bombed', 'shelled', 'abducted', 'beheaded']);
/** Words for armed groups and movements: a name in their word class can be one. */
const GROUP_ANCHORS = ['militants', 'militia', 'rebels', 'insurgents', 'guerrillas', 'faction'];
const anchorClasses = new WeakMap<Gazetteer, Set<number>>();

/** The word classes of GROUP_ANCHORS in `gaz` (memoised per gazetteer). */
function groupClasses(gaz: Gazetteer | null): Set<number> {
  if (gaz === null) return new Set();
  let set = anchorClasses.get(gaz);
  if (!set) {
    set = new Set();
    for (const w of GROUP_ANCHORS) {
      const c = clusterOf(gaz, hashLowerString(w));
      if (c !== NO_CLUSTER) set.add(c);
    }
    anchorClasses.set(gaz, set);
  }
  return set;
}
const NOT_GROUP = (['country', 'city', 'state', 'region', 'demonym', 'title', 'firstname'] as const).map((c) => GAZ_CATEGORIES.indexOf(c));
const MONTHS_AND_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MIN_LETTERS = 4;
/** Adjectives of creeds and peoples ("the Sadrist movement", "the Shiite leader") and plurals of
 * people ("the Scots are"; a final s after a consonant), named groups rather than organizations. */
const ADJECTIVE_OR_PLURAL = /(?:ists?|ites?|ians?|ish|ese|[b-df-hj-np-rtv-z]s)$/;
/** Confidence given to a found name. */
const GROUP_CONFIDENCE = 0.6;

/** Capitalised word of MIN_LETTERS+ letters (an inner hyphen or apostrophe allowed), with lowercase letters. */
function isNameWord(ctx: SpanRepairContext, k: number): boolean {
  return isCapitalisedLetterWord(ctx, k, MIN_LETTERS);
}

/** Lowercase forms of the document's lowercase words that start with a letter. */
function lowercaseWords(ctx: SpanRepairContext): Set<string> {
  const out = new Set<string>();
  const { tokens, text } = ctx;
  for (let k = 0; k < tokens.count; k++) {
    const c = text.charCodeAt(tokens.start[k]);
    if (c >= 97 && c <= 122 && tokens.flags[k] & TOKEN_WORD) out.add(text.slice(tokens.start[k], tokens.end[k]));
  }
  return out;
}

/** Whether token i (after "the") names an organization by the words around it (see the file comment). */
function isDefiniteGroupName(ctx: SpanRepairContext, i: number, lower: () => Set<string>, classes: Set<number>): boolean {
  const { tokens } = ctx;
  if (i < 1 || i + 1 >= tokens.count || tokens.flags[i] & TOKEN_SENTENCE_START || !classes.has(ctx.hashes.cluster[i]) || !isNameWord(ctx, i)) return false;
  const the = tokenText(ctx, i - 1);
  if (the !== 'the' && the !== 'The') return false;
  const next = tokenText(ctx, i + 1).toLowerCase();
  const possessive = next === "'s" || next === '’s';
  if (!possessive && (!(tokens.flags[i + 1] & TOKEN_WORD) || ctx.hashes.bits[i + 1] & B_INITCAP || !GROUP_VERBS.has(next))) return false;
  for (const c of NOT_GROUP) if (gazState(ctx.hashes.gaz[i], c) !== 0) return false;
  const word = tokenText(ctx, i).toLowerCase();
  return !MONTHS_AND_DAYS.has(word) && !ADJECTIVE_OR_PLURAL.test(word) && !lower().has(word);
}

/**
 * Finds such organizations among the tokens the tagger left untagged or called a one-word MISC name
 * (the latter, and the name's other one-word MISC mentions, are retyped in place). Returns the spans
 * to add. `spans` sorted by first token; `covered[k]` is 1 for tokens inside them.
 */
export function findDefiniteGroupNames(spans: TokenSpan[], ctx: SpanRepairContext, covered: Uint8Array, gaz: Gazetteer | null): TokenSpan[] {
  const classes = groupClasses(gaz);
  if (classes.size === 0) return [];
  const n = ctx.tokens.count;
  const org = ctx.orgType ?? 1;
  const out: TokenSpan[] = [];
  let lowerSet: Set<string> | undefined;
  const lower = (): Set<string> => (lowerSet ??= lowercaseWords(ctx));
  let named: Set<number> | undefined;
  let si = 0;
  const { bits, cluster } = ctx.hashes;
  for (let i = 1; i + 1 < n; i++) {
    if (!(bits[i] & B_INITCAP) || !classes.has(cluster[i])) continue;
    if (!covered[i]) {
      if (!isDefiniteGroupName(ctx, i, lower, classes)) continue;
      out.push({ first: i, last: i, type: org, confidence: GROUP_CONFIDENCE, source: 'rule' });
      (named ??= new Set()).add(ctx.hashes.word[i]);
      continue;
    }
    while (si < spans.length && spans[si].last < i) si++;
    const sp = spans[si];
    if (!sp || sp.first !== i || sp.last !== i || sp.type !== ctx.miscType || !isDefiniteGroupName(ctx, i, lower, classes)) continue;
    (named ??= new Set()).add(ctx.hashes.word[i]);
  }
  if (named) {
    for (const sp of spans) {
      if (sp.first !== sp.last || sp.type !== ctx.miscType || !named.has(ctx.hashes.word[sp.first])) continue;
      sp.type = org;
      sp.source = 'rule';
      sp.confidence = Math.max(sp.confidence, GROUP_CONFIDENCE);
    }
  }
  return out;
}
