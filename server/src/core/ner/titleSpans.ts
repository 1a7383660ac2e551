/**
 * "US National Security Adviser Stephen Hadley": a name the tagger ran over a title (an organization
 * or MISC span ending in, or followed by, a title word such as "Adviser", "Secretary", "Minister",
 * right before a person's name) is the title of that person, opened by the place they serve: the span becomes
 * the place alone when it starts with a country or country code ("US"), and the rest ("National
 * Security Adviser") is no name. Spans of other shapes are left alone. Linear in the number of spans.
 */
import type { TokenSpan } from './consistency';
import { GAZ_BEGIN, GAZ_CATEGORIES, GAZ_INSIDE, gazState } from './gazetteer';
import type { SpanRepairContext } from './spanRepair';
import { titleAt } from './titles';
import { hashLowerString } from './hashing';

const COUNTRY = GAZ_CATEGORIES.indexOf('country');

/** The last token of a country name starting at token k (the country gazetteer or a country code), or -1. */
function countryEnd(ctx: SpanRepairContext, k: number, last: number, codes: ReadonlySet<string>): number {
  const g = ctx.hashes.gaz;
  if (gazState(g[k], COUNTRY) === GAZ_BEGIN) {
    let e = k;
    while (e + 1 <= last && gazState(g[e + 1], COUNTRY) === GAZ_INSIDE) e++;
    return e;
  }
  return codes.has(ctx.text.slice(ctx.tokens.start[k], ctx.tokens.end[k])) ? k : -1;
}

/** Cuts such spans to their country (see the file comment). `spans` sorted by first token; `countryCodes` like "US", "UK". */
export function repairTitleSpans(spans: TokenSpan[], ctx: SpanRepairContext, countryCodes: ReadonlySet<string>): void {
  const org = ctx.orgType ?? 1;
  const loc = ctx.locType ?? 2;
  for (let i = 0; i + 1 < spans.length; i++) {
    const sp = spans[i];
    const next = spans[i + 1];
    if ((sp.type !== org && sp.type !== ctx.miscType) || sp.last === sp.first || next.type !== ctx.personType) continue;
    // the title word ends the span ("... Adviser" + person) or follows it ("US National Security" + "Adviser" + person)
    const t = next.first - 1;
    if ((t !== sp.last && t !== sp.last + 1) || titleAt(ctx.text, ctx.tokens.start[t], ctx.tokens.end[t]) === undefined) continue;
    // a country, then at least one word of the portfolio before the title word
    const e = countryEnd(ctx, sp.first, Math.min(sp.last, t - 1) - 1, countryCodes);
    if (e < 0) continue;
    sp.last = e;
    sp.type = loc;
    sp.source = 'rule';
  }
}

/** Titles of rulers and office holders that take "of <place>" ("Emperor of Brazil", "Mayor of Cape Town"). */
const RULER_TITLES = new Set(['king', 'queen', 'prince', 'princess', 'duke', 'duchess', 'emperor', 'empress', 'earl', 'archbishop', 'bishop', 'governor', 'mayor', 'sultan', 'emir', 'president', 'tsar', 'czar', 'shah']);
const OF_HASH = hashLowerString('of');
const PLACES = (['country', 'city', 'state', 'region'] as const).map((c) => GAZ_CATEGORIES.indexOf(c));

/** Whether tokens [first, last] are exactly one place of the gazetteers. */
function isPlaceEntry(ctx: SpanRepairContext, first: number, last: number): boolean {
  const g = ctx.hashes.gaz;
  for (const c of PLACES) {
    if (gazState(g[first], c) !== GAZ_BEGIN) continue;
    let k = first + 1;
    while (k <= last && gazState(g[k], c) === GAZ_INSIDE) k++;
    if (k > last && (last + 1 >= ctx.tokens.count || gazState(g[last + 1], c) !== GAZ_INSIDE)) return true;
  }
  return false;
}

/**
 * "Pedro I became first Emperor of Brazil", "the Duke of Orleans": a name "<ruler title> of
 * <place>" is the title and the place; the place alone is the name (CoNLL convention: "Brazil",
 * "Orleans" are the places). Only when the rest is exactly a place of the gazetteers ("Queen of the
 * South", a football club, stays). MISC spans are left alone.
 */
export function repairRulerOfPlaceSpans(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const loc = ctx.locType ?? 2;
  for (const sp of spans) {
    if (sp.type === ctx.miscType || sp.last - sp.first < 2 || ctx.hashes.lower[sp.first + 1] !== OF_HASH) continue;
    const title = ctx.text.slice(ctx.tokens.start[sp.first], ctx.tokens.end[sp.first]).toLowerCase();
    if (!RULER_TITLES.has(title) || ctx.text.slice(ctx.tokens.start[sp.first + 1], ctx.tokens.end[sp.first + 1]) !== 'of') continue;
    if (!isPlaceEntry(ctx, sp.first + 2, sp.last)) continue;
    sp.first += 2;
    sp.type = loc;
    sp.source = 'rule';
  }
}
