/**
 * Boundary repairs on the tagger's spans, for mistakes a sequence model makes at name edges in
 * running news prose (general rules of English names, not lists of answers):
 *  - a title at the start of a person span is not part of the name ("Fellow Vali R. Nasr" → the
 *    title "Fellow" before "Vali R. Nasr"), so the recognizer reports it as the role;
 *  - a month and day right after a name are a date, not part of it ("the Los Angeles Times Apr. 11");
 *  - a given name ending a non-person span that a person span continues belongs to the person
 *    ("ambassador to the United Nations Richard C. Holbrooke");
 *  - two names joined by "and" are two names when each also stands alone in the document; two
 *    one-word names joined by "or", or by "and" when the tagger was unsure or one stands alone,
 *    are two names unless a gazetteer knows the whole ("Hamas and Hezbollah", "Mercantile or
 *    Commerce"; not "Trinidad and Tobago");
 *  - a long lowercase word inside a span ends the name ("Shias against al Qaeda"): names hold only
 *    short particles in lower case (of, the, and, de, al, bin, van, ...);
 *  - a name with a joined Arabic article right after a person ("Nouri" + "al-Maliki") is the rest of
 *    that person's name, whether the tagger left it out or called it something else.
 *  - a leading "The" is not part of an institution's name ("The Commerce Department");
 *  - a portfolio before "Secretary"/"Minister" is part of a title ("Defense Secretary");
 *  - a month opening an organization or place is a date ("June Comelf").
 * Then the type repairs of typeRepair.ts (lists of names, "<person> of <organization>").
 */
import { TokenList, TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_INITCAP, B_LOWER, B_UPPER, TokenHashes } from './tokenHashes';
import { FNV_OFFSET, mix2 } from './hashing';
import { IntMap } from './intMap';
import { GAZ_BEGIN, GAZ_CATEGORIES, GAZ_COUNT, GAZ_INSIDE, gazState, NO_CLUSTER } from './gazetteer';
import { MAX_TITLE_TOKENS, titleAt } from './titles';
import { tokenText } from './contextTokens';
import { repairAffiliationTypes, repairClassExampleTypes, repairDatelineTypes, repairInstitutionHeadTypes, repairListTypes } from './typeRepair';

/**
 * A copy of `sp` over tokens first…last, written out field by field: a spread copy gets another
 * hidden class than the spans made elsewhere, and every rule reading spans then slows down (~3%).
 */
function withBounds(sp: TokenSpan, first: number, last: number): TokenSpan {
  return { first, last, type: sp.type, confidence: sp.confidence, source: sp.source };
}

const FIRSTNAME = GAZ_CATEGORIES.indexOf('firstname');
const ORGWORD = GAZ_CATEGORIES.indexOf('orgword');
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Longest lowercase word a name can hold inside ("of", "the", "and", "for") besides the name particles. */
const MAX_PARTICLE = 3;
/** Legal forms ending company names. */
const COMPANY_FORM = /^(?:inc|corp|corporation|co|ltd|plc|llc|sa|ag|nv|gmbh|bhd|pty|spa)\.?$/i;
/** Most tokens an institution's name takes after "of"/"on"/"for" (extendInstitutions). */
const MAX_INSTITUTION_TAIL = 6;
/** Below this confidence a span "A and B" of two one-word names is taken for two names. */
const MAX_JOINED_PAIR_CONFIDENCE = 0.7;

export interface SpanRepairContext {
  text: string;
  tokens: TokenList;
  hashes: TokenHashes;
  personType: number;
  /** Type index of MISC (names of events, works, nationalities): never split by the given-name rule. */
  miscType: number;
  /** Type indexes of ORG and LOC; absent: 1 and 2, the model's order (PER, ORG, LOC, MISC). */
  orgType?: number;
  locType?: number;
}

/** Titles of nobility and religion are part of a name in news convention ("Prince Charles", "Pope John Paul"). */
const NAME_TITLES = new Set(['prince', 'princess', 'king', 'queen', 'pope', 'sheikh', 'sheik', 'emir', 'sultan', 'lord', 'lady', 'sir', 'dame', 'crown prince', 'grand ayatollah', 'ayatollah']);


function isLowercaseWord(ctx: SpanRepairContext, k: number): boolean {
  const b = ctx.hashes.bits[k];
  return (ctx.tokens.flags[k] & TOKEN_WORD) !== 0 && (b & B_LOWER) !== 0 && (b & B_UPPER) === 0;
}

function hasUpper(ctx: SpanRepairContext, k: number): boolean {
  return (ctx.tokens.flags[k] & TOKEN_WORD) !== 0 && (ctx.hashes.bits[k] & B_UPPER) !== 0;
}

function isCapitalized(ctx: SpanRepairContext, k: number): boolean {
  return (ctx.tokens.flags[k] & TOKEN_WORD) !== 0 && (ctx.hashes.bits[k] & B_INITCAP) !== 0;
}

/** True when tokens [first, last] are exactly one gazetteer entry (of any category). */
function isGazetteerEntry(ctx: SpanRepairContext, first: number, last: number): boolean {
  const g = ctx.hashes.gaz;
  for (let c = 0; c < GAZ_COUNT; c++) {
    if (gazState(g[first], c) !== GAZ_BEGIN) continue;
    let k = first + 1;
    while (k <= last && gazState(g[k], c) === GAZ_INSIDE) k++;
    if (k > last && (last + 1 >= ctx.tokens.count || gazState(g[last + 1], c) !== GAZ_INSIDE)) return true;
  }
  return false;
}

/**
 * "Hamas and Hezbollah", "Mercantile or Commerce": two capitalised one-word names (differing, and
 * not together one gazetteer entry) around "or", or around "and" when the tagger was unsure of the
 * whole or one of them stands alone in the document. ("Procter and Gamble", tagged with more
 * confidence and never apart, stays whole: CoNLL train has ~350 pairs of names around "and"/"or"
 * for ~50 names holding "and".)
 */
function isCoordinatedPair(ctx: SpanRepairContext, sp: TokenSpan, alone: IntMap): boolean {
  if (sp.last !== sp.first + 2) return false;
  const conj = tokenText(ctx, sp.first + 1);
  if (conj !== 'and' && conj !== 'or') return false;
  if (!isCapitalized(ctx, sp.first) || !isCapitalized(ctx, sp.last)) return false;
  if (ctx.hashes.lower[sp.first] === ctx.hashes.lower[sp.last]) return false; // "Johnson and Johnson"
  if (isGazetteerEntry(ctx, sp.first, sp.last)) return false; // "Trinidad and Tobago"
  if (conj === 'or' || sp.confidence < MAX_JOINED_PAIR_CONFIDENCE) return true;
  return alone.has(seqHash(ctx, sp.first, sp.first)) || alone.has(seqHash(ctx, sp.last, sp.last));
}

/** repairSpans' scratch: the name hashes of the document's spans (an IntMap boxes no hash, unlike a Set). */
const ALONE = new IntMap();

/**
 * Whether token k can be a month name (MONTHS) once lowercased and without a final period: it starts
 * with the ASCII initial of one, or with a non-ASCII character (left to the full test). A cheap test
 * before the token's text is sliced and lowercased.
 */
function mayBeMonthName(ctx: SpanRepairContext, k: number): boolean {
  const c = ctx.text.charCodeAt(ctx.tokens.start[k]);
  if (c >= 128) return true;
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  const l = c | 32;
  return l === 106 || l === 102 || l === 109 || l === 97 || l === 115 || l === 111 || l === 110 || l === 100; // j f m a s o n d
}

function seqHash(ctx: SpanRepairContext, first: number, last: number): number {
  let h = FNV_OFFSET;
  for (let k = first; k <= last; k++) h = mix2(h, ctx.hashes.word[k]);
  return h;
}

/** Number of leading tokens of [first, last] that form a title phrase (0 if none), leaving at least one token. */
function leadingTitleLength(ctx: SpanRepairContext, first: number, last: number): number {
  let found = 0;
  for (let len = 1; len <= MAX_TITLE_TOKENS && first + len <= last; len++) {
    const s = ctx.tokens.start[first];
    const e = ctx.tokens.end[first + len - 1];
    if (e - s > 40) break;
    const title = titleAt(ctx.text, s, e);
    if (title !== undefined && !NAME_TITLES.has(title)) found = len;
  }
  return found;
}

/**
 * Splits a span at long lowercase English words (words with a word class: frequent English, not a
 * foreign name part like "zvezda"); returns the pieces with an uppercase letter, trimmed of lowercase
 * edges. A span with no such word is returned as it is.
 */
function splitAtLowercaseWords(ctx: SpanRepairContext, sp: TokenSpan): TokenSpan[] {
  let anyCut = false;
  for (let k = sp.first + 1; k < sp.last && !anyCut; k++) anyCut = isCutWord(ctx, k);
  if (!anyCut) return [sp];
  const pieces: TokenSpan[] = [];
  let start = sp.first;
  for (let k = sp.first; k <= sp.last + 1; k++) {
    if (k <= sp.last && !isCutWord(ctx, k)) continue;
    // trim lowercase edges, but a particle may begin a name ("al Qaeda")
    let a = start;
    let b = k - 1;
    while (b >= a && !hasUpper(ctx, b)) b--;
    while (a <= b && !hasUpper(ctx, a) && !(a + 1 <= b && hasUpper(ctx, a + 1) && isNameParticle(tokenText(ctx, a)))) a++;
    if (a <= b) pieces.push(withBounds(sp, a, b));
    start = k + 1;
  }
  return pieces;
}

function isCutWord(ctx: SpanRepairContext, k: number): boolean {
  if (!isLowercaseWord(ctx, k) || ctx.tokens.end[k] - ctx.tokens.start[k] <= MAX_PARTICLE) return false;
  const w = tokenText(ctx, k);
  return /^[a-z]+$/.test(w) && !isNameParticle(w) && ctx.hashes.cluster[k] !== NO_CLUSTER;
}

/** "al-Maliki", "el-Baradei": a joined Arabic article and a capitalised name. */
function isArticleName(ctx: SpanRepairContext, k: number): boolean {
  const w = tokenText(ctx, k);
  const n = articlePrefixLength(w);
  // a capitalised name, not an all-capitals dateline ("AL-RAM")
  return n > 0 && /[a-z]/.test(w.charAt(n + 1));
}

/** Arabic articles written joined to a name: "al-Maliki", "el-Baradei", "as-Sadr", "ash-Sharif". */
const ARABIC_ARTICLE = /^(?:al|el|ad|an|ar|as|ash|at|az)[-\u2010\u2011]/i;

/** Length of a joined Arabic article opening `word` when an uppercase letter follows it ("al-Maliki" → 3), else 0. */
export function articlePrefixLength(word: string): number {
  const m = ARABIC_ARTICLE.exec(word);
  if (!m) return 0;
  const c = word.charCodeAt(m[0].length);
  return c >= 65 && c <= 90 ? m[0].length : 0;
}

/** Lowercase particles that begin names ("al Qaeda", "bin Laden", "de Gaulle", "van Gogh"). */
function isNameParticle(w: string): boolean {
  return /^(?:al|el|bin|ibn|abu|de|del|della|dello|delle|degli|dei|di|da|du|des|la|le|las|los|van|von|der|den|het|ter|ten|und|y|e)$/.test(w);
}

/**
 * "The Commerce Department", "The University of Michigan": a leading "The" is not part of an
 * institution's name (one with an orgword-gazetteer word after it); "The Hague", "The Netherlands"
 * and "The Oval" keep it.
 */
function isLeadingArticleOfInstitution(ctx: SpanRepairContext, first: number, last: number): boolean {
  if (last - first < 2 || !/^(?:The|THE)$/.test(tokenText(ctx, first))) return false;
  for (let k = first + 1; k <= last; k++) if (gazState(ctx.hashes.gaz[k], ORGWORD) === GAZ_BEGIN) return true;
  return false;
}

/** Portfolios that, before "Secretary"/"Minister", make a title ("Defense Secretary Chuck Hagel"): generic English. */
const PORTFOLIOS = new Set(['defense', 'defence', 'foreign', 'interior', 'finance', 'justice', 'treasury', 'state', 'health', 'education', 'energy', 'labor', 'labour', 'trade', 'commerce', 'home', 'agriculture', 'transport', 'environment', 'economy', 'oil', 'information', 'culture']);

/** "Defense" in "Defense Secretary", "Foreign" in "Foreign Minister": part of a title, not a name (CoNLL train: 42 of 47 untagged). */
function isPortfolioOfTitle(ctx: SpanRepairContext, sp: TokenSpan): boolean {
  if (sp.first !== sp.last || sp.type === ctx.personType || sp.last + 1 >= ctx.tokens.count) return false;
  const next = tokenText(ctx, sp.last + 1).toLowerCase();
  return (next === 'secretary' || next === 'minister') && PORTFOLIOS.has(tokenText(ctx, sp.first).toLowerCase());
}

/**
 * "From January to June Comelf exported ...", "the August National Association of Purchasing
 * Management index": a month opening an organization or place span is a date before the name
 * ("May" excepted: a surname and a company name too). Not for persons ("June Carter").
 */
function isLeadingMonth(ctx: SpanRepairContext, first: number, last: number): boolean {
  if (last <= first) return false;
  const w = tokenText(ctx, first).toLowerCase();
  return w !== 'may' && w.length > 3 && MONTHS.has(w) && isCapitalized(ctx, first + 1);
}

/** A capitalised word that can continue an institution's name after "of"/"on"/"for" (not a date or a title). */
function isNameWord(ctx: SpanRepairContext, k: number): boolean {
  if (!isCapitalized(ctx, k)) return false;
  const w = tokenText(ctx, k).toLowerCase().replace(/\.$/, '');
  return !MONTHS.has(w) && !WEEKDAYS.has(w) && titleAt(ctx.text, ctx.tokens.start[k], ctx.tokens.end[k]) === undefined;
}

/**
 * "the Council on Foreign Relations", tagged "Council": an organization ending in an institution
 * word (the gazetteer's orgword list: Council, Commission, Ministry, Bank, ...) followed by "of", "on"
 * or "for" and capitalised words takes those words (with "and"/"of"/"the" between them), and the
 * spans inside them. Not when a span reaches past them, nor over a date or a title ("the Security
 * Council on Friday", "the League of Prime Minister ..."), nor after a company's legal form (after
 * "Kia Motor Corp of" comes where it is). `spans` sorted; returns the new list.
 */
function extendInstitutions(spans: TokenSpan[], ctx: SpanRepairContext): TokenSpan[] {
  const org = ctx.orgType ?? 1;
  const n = ctx.tokens.count;
  const out: TokenSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i];
    out.push(a);
    const k = a.last + 1;
    if (a.type !== org || k + 1 >= n || gazState(ctx.hashes.gaz[a.last], ORGWORD) !== GAZ_BEGIN || COMPANY_FORM.test(tokenText(ctx, a.last))) continue;
    const prep = tokenText(ctx, k);
    if ((prep !== 'of' && prep !== 'on' && prep !== 'for') || !isNameWord(ctx, k + 1)) continue;
    let end = k + 1;
    for (let j = k + 2; j < n && j <= k + 1 + MAX_INSTITUTION_TAIL; j++) {
      if (isNameWord(ctx, j)) end = j;
      else if (!/^(?:and|of|the)$/.test(tokenText(ctx, j))) break;
    }
    let next = i + 1;
    while (next < spans.length && spans[next].last <= end) next++;
    if (next < spans.length && spans[next].first <= end) continue; // a span reaches past the tail
    a.last = end;
    i = next - 1;
  }
  return out;
}

export function repairSpans(input: TokenSpan[], ctx: SpanRepairContext): TokenSpan[] {
  const { tokens, hashes } = ctx;
  const n = tokens.count;
  let spans: TokenSpan[] = [];
  // lowercase words inside names; a month and day after a name; a title at the start of a person
  for (const sp0 of input) {
    if (isPortfolioOfTitle(ctx, sp0)) continue;
    for (const sp of splitAtLowercaseWords(ctx, sp0)) {
      let { first, last } = sp;
      if (last > first) {
        let k = last;
        if (tokenText(ctx, k) === '.' && k - 1 > first) k--;
        if (mayBeMonthName(ctx, k) && MONTHS.has(tokenText(ctx, k).toLowerCase().replace(/\.$/, '')) && k > first && last + 1 < n && /^\d{1,2}$/.test(tokenText(ctx, last + 1))) last = k - 1;
      }
      if (sp.type === ctx.personType) first += leadingTitleLength(ctx, first, last);
      else if (isLeadingArticleOfInstitution(ctx, first, last) || isLeadingMonth(ctx, first, last)) first++;
      if (first <= last) spans.push(withBounds(sp, first, last));
    }
  }
  spans = extendInstitutions(spans, ctx);
  // a given name ending a non-person span, continued by a person span
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    if (a.type === ctx.personType || a.type === ctx.miscType || b.type !== ctx.personType || a.last <= a.first || b.first !== a.last + 1) continue;
    if (gazState(hashes.gaz[a.last], FIRSTNAME) !== GAZ_BEGIN || !isCapitalized(ctx, a.last)) continue;
    b.first = a.last;
    a.last -= 1;
  }
  // a person continued by "al-X"
  const merged: TokenSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i];
    merged.push(a);
    if (a.type !== ctx.personType) continue;
    const k = a.last + 1;
    if (k >= n || !isArticleName(ctx, k)) continue;
    const b = spans[i + 1];
    if (b && b.first === k) {
      if (b.type === ctx.personType) continue;
      a.last = b.last === k ? k : a.last;
      if (b.last === k) i++; // the "al-X" span is absorbed
    } else if (!b || b.first > k) a.last = k;
  }
  spans = merged;
  // "X and Y" where X and Y each stand alone elsewhere in the document (only a span of three or more
  // tokens can be split, so without one the names are not collected)
  const alone = ALONE;
  alone.clear();
  let splittable = false;
  for (const sp of spans) if (sp.last - sp.first >= 2) splittable = true;
  if (splittable) for (const sp of spans) alone.add(seqHash(ctx, sp.first, sp.last));
  const out: TokenSpan[] = [];
  for (const sp of spans) {
    if (sp.last - sp.first < 2) {
      out.push(sp);
      continue;
    }
    if (isCoordinatedPair(ctx, sp, alone)) {
      out.push(withBounds(sp, sp.first, sp.first), withBounds(sp, sp.last, sp.last));
      continue;
    }
    let split = false;
    for (let k = sp.first + 1; k < sp.last && !split; k++) {
      if (tokenText(ctx, k) !== 'and') continue;
      if (alone.has(seqHash(ctx, sp.first, k - 1)) && alone.has(seqHash(ctx, k + 1, sp.last))) {
        out.push(withBounds(sp, sp.first, k - 1), withBounds(sp, k + 1, sp.last));
        split = true;
      }
    }
    if (!split) out.push(sp);
  }
  repairClassExampleTypes(out, ctx);
  repairListTypes(out, ctx);
  repairAffiliationTypes(out, ctx);
  repairDatelineTypes(out, ctx);
  repairInstitutionHeadTypes(out, ctx);
  return out;
}
