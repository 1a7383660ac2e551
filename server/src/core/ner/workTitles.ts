/**
 * Titles of works are not actors: a capitalised title right after a noun for a work ("in his book
 * Imbalance of Power", "His latest book is Perils of Dominance: Imbalance of Power and the Road to
 * War in Vietnam", "the film “Black Hawk Down”", "her biography My Turn") is a name of a work (CoNLL
 * MISC), and so is every name inside it. Also a name after "a"/"an" that ends in a capitalised work
 * noun ("a Council Special Report"): an instance of a kind of document, not an organization; and
 * the names of agreements and laws ("the Treaty of Baden", "the Peking Protocol", "the Clean Air Act").
 * The title runs over capitalised words, short lowercase function words between them, a colon
 * before a subtitle, and quotes around it; it ends at other punctuation or a lowercase word.
 * Spans inside a title become MISC (not reported), source 'rule'. Linear in the number of tokens.
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_INITCAP, B_LOWER } from './tokenHashes';
import type { SpanRepairContext } from './spanRepair';
import { tokenText } from './contextTokens';
import { hashLowerString } from './hashing';
import { IntMap } from './intMap';

/** Nouns for works whose title may follow them (generic English). */
const WORK_NOUNS = new Set(['book', 'memoir', 'memoirs', 'biography', 'autobiography', 'film', 'movie', 'documentary', 'album', 'song', 'poem', 'essay', 'bestseller', 'best-seller', 'treatise', 'opera', 'sitcom']);
/** Lowercase hashes of WORK_NOUNS (the scan over every token compares hashes, not strings). */
const WORK_NOUN_HASHES = hashSet(WORK_NOUNS);
/** The lowercase hashes of `words` as an IntMap (no heap number per probe, unlike a Set of hashes). */
function hashSet(words: Iterable<string>): IntMap {
  const m = new IntMap(6);
  for (const w of words) m.add(hashLowerString(w));
  return m;
}
/** Low 12 bits of WORK_NOUNS' hashes: a one-load test that passes over almost every other word. */
const WORK_NOUN_FILTER = new Uint8Array(4096);
for (const w of WORK_NOUNS) WORK_NOUN_FILTER[hashLowerString(w) & 4095] = 1;
/** Words between the noun and the title ("book is", "book titled", "film called"; a comma only before one of these). */
const LINKING_WORDS = new Set(['is', 'was', 'titled', 'entitled', 'called', 'named', ':']);
/** Work nouns that end a document's name after "a"/"an" ("a Council Special Report"). */
const DOCUMENT_HEADS = new Set(['report', 'study', 'survey', 'paper', 'backgrounder', 'review', 'book', 'memo', 'memorandum']);
/** Capitalised nouns that end the names of agreements and laws (CoNLL MISC: "Lusaka Agreement", "Clean Air Act"). */
const AGREEMENT_HEADS = new Set(['treaty', 'protocol', 'accord', 'accords', 'agreement', 'pact', 'act', 'charter']);
/** A name so ended that the tagger typed otherwise at or above this confidence keeps its type (a company: "Penn Treaty"). */
const MAX_AGREEMENT_RETYPED_CONFIDENCE = 0.9;
const AGREEMENT_HASHES = hashSet(AGREEMENT_HEADS);
const DOCUMENT_HASHES = hashSet(DOCUMENT_HEADS);
const TREATY_HASH = hashLowerString('treaty');
/** Lowercase words a title holds between capitalised ones. */
const TITLE_PARTICLES = new Set(['of', 'the', 'and', 'in', 'to', 'a', 'an', 'for', 'on', 'at', 'with', 'from', 'by', 'or', 'as', 'into', 'over', 'under', "'s", '’s']);
const OPEN_QUOTES = new Set(['"', '“', '‘', "'", '``']);
const CLOSE_QUOTES = new Set(['"', '”', '’', "'", "''"]);
/** Longest title, in tokens. */
const MAX_TITLE_TOKENS = 24;
/** Most linking tokens between the work noun and the title. */
const MAX_LINKING = 2;

function isCapitalised(ctx: SpanRepairContext, k: number): boolean {
  return (ctx.tokens.flags[k] & TOKEN_WORD) !== 0 && (ctx.hashes.bits[k] & B_INITCAP) !== 0;
}

function isLowerWord(ctx: SpanRepairContext, k: number): boolean {
  return (ctx.tokens.flags[k] & TOKEN_WORD) !== 0 && (ctx.hashes.bits[k] & B_INITCAP) === 0 && (ctx.hashes.bits[k] & B_LOWER) !== 0;
}

/**
 * The last token of a title starting at token `t` (a capitalised word, or an opening quote before
 * one), or -1 when no title starts there.
 */
export function titleEnd(ctx: SpanRepairContext, t: number): number {
  const n = ctx.tokens.count;
  if (t >= n) return -1;
  if (OPEN_QUOTES.has(tokenText(ctx, t))) {
    // a quoted title: up to the closing quote
    for (let k = t + 1; k < n && k <= t + MAX_TITLE_TOKENS; k++) if (CLOSE_QUOTES.has(tokenText(ctx, k))) return k > t + 1 && isCapitalised(ctx, t + 1) ? k : -1;
    return -1;
  }
  if (!isCapitalised(ctx, t)) return -1;
  let last = t;
  for (let k = t + 1; k < n && k <= t + MAX_TITLE_TOKENS; k++) {
    if (isCapitalised(ctx, k)) {
      last = k;
      continue;
    }
    const w = tokenText(ctx, k);
    // particles and a subtitle's colon only between capitalised words
    if ((w === ':' || (isLowerWord(ctx, k) && TITLE_PARTICLES.has(w.toLowerCase())) || w === "'s" || w === '’s') && k + 1 < n) continue;
    break;
  }
  return last;
}

/**
 * The first token of a title introduced by a work noun ending at token w, or -1. Right after the
 * noun, without a linking word or quotes, a title of one word is not taken ("the book Bush wrote").
 */
function titleAfter(ctx: SpanRepairContext, w: number): [number, number] | undefined {
  const n = ctx.tokens.count;
  let t = w + 1;
  if (t + 1 < n && tokenText(ctx, t) === ',' && LINKING_WORDS.has(tokenText(ctx, t + 1).toLowerCase()) && tokenText(ctx, t + 1) !== ':') t++;
  let linked = false;
  for (let j = 0; j < MAX_LINKING && t < n && LINKING_WORDS.has(tokenText(ctx, t).toLowerCase()); j++, t++) linked = true;
  if (t >= n) return undefined;
  const end = titleEnd(ctx, t);
  if (end < 0 || (end === t && !linked)) return undefined;
  return [t, end];
}

/** Retypes the spans inside work titles as MISC (see the file comment). `spans` sorted by first token. */
export function repairWorkTitles(spans: TokenSpan[], ctx: SpanRepairContext): void {
  if (spans.length === 0) return;
  const n = ctx.tokens.count;
  const lower = ctx.hashes.lower;
  let si = 0;
  for (let w = 0; w + 1 < n; w++) {
    if (WORK_NOUN_FILTER[lower[w] & 4095] === 0 || !WORK_NOUN_HASHES.has(lower[w]) || !isLowerWord(ctx, w) || !WORK_NOUNS.has(tokenText(ctx, w).toLowerCase())) continue;
    const title = titleAfter(ctx, w);
    if (!title) continue;
    const [from, to] = title;
    while (si < spans.length && spans[si].first < from) si++;
    for (let j = si; j < spans.length && spans[j].first <= to; j++) {
      if (spans[j].last > to) break;
      spans[j].type = ctx.miscType;
      spans[j].source = 'rule';
    }
    w = to;
  }
  // "the Treaty of Baden", "the Peking Protocol", "the Clean Air Act": agreements and laws are works
  // (hash tests first: most spans end in no such word)
  for (const sp of spans) {
    if (sp.type === ctx.miscType || sp.last === sp.first || sp.confidence >= MAX_AGREEMENT_RETYPED_CONFIDENCE) continue;
    const headed = AGREEMENT_HASHES.has(lower[sp.last]) && isCapitalised(ctx, sp.last) && AGREEMENT_HEADS.has(tokenText(ctx, sp.last).toLowerCase());
    if (!headed && !(lower[sp.first] === TREATY_HASH && tokenText(ctx, sp.first).toLowerCase() === 'treaty' && tokenText(ctx, sp.first + 1) === 'of')) continue;
    sp.type = ctx.miscType;
    sp.source = 'rule';
  }
  // "a Council Special Report"
  for (const sp of spans) {
    if (sp.type === ctx.miscType || sp.first === 0 || !DOCUMENT_HASHES.has(lower[sp.last]) || !isCapitalised(ctx, sp.last)) continue;
    if (!DOCUMENT_HEADS.has(tokenText(ctx, sp.last).toLowerCase())) continue;
    const before = tokenText(ctx, sp.first - 1).toLowerCase();
    if (before !== 'a' && before !== 'an') continue;
    sp.type = ctx.miscType;
    sp.source = 'rule';
  }
}
