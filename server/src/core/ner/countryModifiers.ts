/**
 * A country named before what belongs to it:
 *  - "the US command in Iraq", "U.S. troops": a country code ("US", "U.S.", "UK") the tagger left
 *    untagged, or called MISC alone, right before a lower-case word is the country, a place (CoNLL train+dev tag all 260 such
 *    codes a place or an organization's first word; the tagger already finds them there);
 *  - "the US Embassy", "the U.S. Consulate", "the Iraq Embassy": a capitalised Embassy or Consulate
 *    right after a country or a country code is an organization, the country included ("US Embassy";
 *    the tagger calls it MISC). Not after a people's adjective: CoNLL reads "the Thai Consulate" as
 *    MISC + O. CoNLL writes "U.S. embassy" in lower case, so none of the others occurs there.
 * Source 'rule'. Linear in the number of tokens; a token's text is read only for an all-capitals word
 * before a lower-case one, or at a capitalised "Embassy"/"Consulate".
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { B_ALLCAPS, B_INITCAP, B_LOWER } from './tokenHashes';
import { GAZ_BEGIN, GAZ_CATEGORIES, gazState } from './gazetteer';
import type { SpanRepairContext } from './spanRepair';
import { hashLowerString } from './hashing';

const COUNTRY = GAZ_CATEGORIES.indexOf('country');
const DEMONYM = GAZ_CATEGORIES.indexOf('demonym');
const MISSION_HASHES = ['embassy', 'consulate'].map(hashLowerString);
const RULE_CONFIDENCE = 0.7;
const MAX_CODE_LENGTH = 6;

function isCode(ctx: SpanRepairContext, k: number, codes: ReadonlySet<string>): boolean {
  const s = ctx.tokens.start[k];
  const e = ctx.tokens.end[k];
  return e - s <= MAX_CODE_LENGTH && codes.has(ctx.text.slice(s, e));
}

/** Adds and extends the spans (see the file comment); returns them sorted by first token. */
export function findCountryModifiers(spans: TokenSpan[], ctx: SpanRepairContext, codes: ReadonlySet<string>): TokenSpan[] {
  const n = ctx.tokens.count;
  const org = ctx.orgType ?? 1;
  const loc = ctx.locType ?? 2;
  const bits = ctx.hashes.bits;
  const lower = ctx.hashes.lower;
  const flags = ctx.tokens.flags;
  const mission0 = MISSION_HASHES[0];
  const mission1 = MISSION_HASHES[1];
  let added: TokenSpan[] | undefined;
  let si = 0; // index of the first span that does not end before token k
  for (let k = 0; k + 1 < n; k++) {
    const b = bits[k];
    if (!(b & B_INITCAP)) continue;
    const m = k + 1;
    const bm = bits[m];
    const codeCase = (b & B_ALLCAPS) !== 0 && (bm & B_LOWER) !== 0 && (bm & B_INITCAP) === 0 && (flags[m] & TOKEN_WORD) !== 0;
    const missionCase = (bm & B_INITCAP) !== 0 && (lower[m] === mission0 || lower[m] === mission1) && (bm & B_LOWER) !== 0;
    if (!codeCase && !missionCase) continue;
    while (si < spans.length && spans[si].last < k) si++;
    const tagged = si < spans.length && spans[si].first <= k;
    // "US command": a code before a lower-case word, untagged or called MISC alone
    if (codeCase) {
      if (!isCode(ctx, k, codes)) continue;
      if (!tagged) (added ??= []).push({ first: k, last: k, type: loc, confidence: RULE_CONFIDENCE, source: 'rule' });
      else if (spans[si].first === k && spans[si].last === k && spans[si].type === ctx.miscType) {
        spans[si].type = loc;
        spans[si].source = 'rule';
      }
      continue;
    }
    // "US Embassy": the next token is a capitalised mission word
    const g = ctx.hashes.gaz[k];
    // (a word that is also a people's adjective, "Thai", reads as the adjective)
    const country = (gazState(g, COUNTRY) === GAZ_BEGIN && gazState(g, DEMONYM) === 0) || isCode(ctx, k, codes);
    if (tagged) {
      const sp = spans[si];
      // the tagger's place or MISC span ends at the country ("US" + "Embassy"), or is "US Embassy" as MISC
      const endsHere = sp.last === k && (sp.type === loc || (sp.type === ctx.miscType && country));
      const miscPair = sp.first === k && sp.last === m && sp.type === ctx.miscType && country;
      if (!endsHere && !miscPair) continue;
      sp.last = m;
      sp.type = org;
      sp.source = 'rule';
      continue;
    }
    if (!country) continue;
    if (si < spans.length && spans[si].first === m) {
      // the tagger called "Embassy" a name of its own
      spans[si].first = k;
      spans[si].type = org;
      spans[si].source = 'rule';
      continue;
    }
    (added ??= []).push({ first: k, last: m, type: org, confidence: RULE_CONFIDENCE, source: 'rule' });
  }
  return added ? spans.concat(added).sort((a, b) => a.first - b.first) : spans;
}
