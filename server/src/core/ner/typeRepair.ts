/**
 * Type repairs on the tagger's spans from the sentence around them (general rules of English news
 * prose, not lists of names). A repaired span gets source 'rule', and document consistency gives its
 * type to the other mentions of the same name (consistency.ts):
 *  - in a list of names ("Najaf, Kufa, Karbala, Amarah and Basra"), the few names whose type
 *    differs from the list's type (that of all its other names but one in four at the most) take
 *    it, when the tagger was not sure of them. Only inside the list or after its final "and"/"or"
 *    (or a comma, in a list of four or more): the first name of a comma run is often an
 *    introductory phrase ("In New York, Garret Anderson and Gary DiSarcina"), the last of three
 *    the subject of the next clause ("Santa Barbara, California, Dole said");
 *  - of two names around "and"/"or", an unsure one takes the type of a sure one ("the Likud and
 *    Kadima parties");
 *  - names given as examples of a class of actors take its type ("militias such as ...");
 *  - a name right after "<person> of" is where the person is from or works, never a person
 *    ("Tom Lasseter of Knight Ridder"): a place when a place gazetteer knows it, else an organization;
 *  - a person span ending in an institution's head noun is an organization ("Bush Administration");
 *  - the name opening a wire dateline is a place ("WIGAN , England 1996-08-31").
 * Each measured on CoNLL dev (see the commits). Linear in the number of spans.
 */
import { TOKEN_WORD } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { GAZ_BEGIN, GAZ_CATEGORIES, gazState } from './gazetteer';
import type { SpanRepairContext } from './spanRepair';

const ORGWORD = GAZ_CATEGORIES.indexOf('orgword');
/** Common nouns that head institutions' names, beside the orgword gazetteer (generic English, not names). */
export const INSTITUTION_HEADS = new Set(['administration', 'government', 'ministry', 'agency', 'department', 'council', 'committee', 'commission', 'party', 'army', 'university', 'institute', 'foundation', 'association', 'federation', 'authority', 'bureau', 'office', 'regime', 'coalition', 'alliance', 'movement', 'front', 'brigade', 'brigades', 'militia', 'court', 'parliament', 'assembly', 'senate', 'congress', 'police', 'bank', 'company', 'corporation', 'group']);
/** Plural nouns for kinds of actors (generic English vocabulary, not names); also read by otherClassTypes.ts. */
export const CLASS_NOUNS = new Map<string, 'org' | 'loc' | 'per'>([
  ...['organizations', 'organisations', 'groups', 'militias', 'parties', 'companies', 'firms', 'banks', 'agencies', 'newspapers', 'networks', 'outlets', 'clubs', 'teams', 'factions', 'movements', 'unions', 'institutions', 'universities', 'charities', 'airlines', 'broadcasters', 'ministries', 'corporations', 'insurers', 'retailers', 'automakers'].map((w) => [w, 'org'] as [string, 'org']),
  ...['countries', 'cities', 'towns', 'provinces', 'states', 'regions', 'nations', 'capitals', 'villages', 'neighborhoods', 'neighbourhoods', 'districts', 'territories', 'islands', 'ports'].map((w) => [w, 'loc'] as [string, 'loc']),
  ...['leaders', 'officials', 'politicians', 'figures', 'players', 'clerics', 'journalists', 'lawmakers', 'senators', 'analysts', 'experts', 'scholars', 'presidents', 'generals', 'ministers', 'writers', 'artists', 'actors', 'singers'].map((w) => [w, 'per'] as [string, 'per']),
]);
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
/** A name introduced as an example of a class keeps its type at or above this confidence. */
const MAX_CLASS_EXAMPLE_CONFIDENCE = 0.9;
const PLACE_CATEGORIES = (['country', 'city', 'state', 'region'] as const).map((c) => GAZ_CATEGORIES.indexOf(c));
/** A name is relabelled by its list only below this confidence (a sure tagger is usually right). */
const MAX_LIST_CONFIDENCE = 0.9;
/** Fewest names of one type a list needs to relabel its odd ones (at most one in four of its names, or one). */
const MIN_LIST_AGREEMENT = 2;

/** In a pair of names around "and"/"or" (CoNLL train: nine in ten of one type), a name tagged below
 * MAX_PAIR_UNSURE takes the type of one tagged at MIN_PAIR_SURE or more. */
const MIN_PAIR_SURE = 0.8;
const MAX_PAIR_UNSURE = 0.6;

/** Type indexes the rules need; by the model's convention PER 0, ORG 1, LOC 2, MISC 3 unless the context says otherwise. */
function typesOf(ctx: SpanRepairContext): { per: number; org: number; loc: number; misc: number } {
  return { per: ctx.personType, org: ctx.orgType ?? 1, loc: ctx.locType ?? 2, misc: ctx.miscType };
}

function wordAt(ctx: SpanRepairContext, k: number): string {
  return ctx.text.slice(ctx.tokens.start[k], ctx.tokens.end[k]);
}

/** What joins two spans of a list: 1 a comma, 2 "and"/"or", 3 a comma and "and"/"or", 0 anything else. */
function listJoint(ctx: SpanRepairContext, a: TokenSpan, b: TokenSpan): number {
  const gap = b.first - a.last - 1;
  if (gap < 1 || gap > 2) return 0;
  const w1 = wordAt(ctx, a.last + 1);
  if (gap === 1) {
    if (w1 === ',') return 1;
    return w1 === 'and' || w1 === 'or' ? 2 : 0;
  }
  const w2 = wordAt(ctx, a.last + 2);
  return w1 === ',' && (w2 === 'and' || w2 === 'or') ? 3 : 0;
}

/** Relabels the odd name of each list (see the file comment). `spans` sorted by first token. */
export function repairListTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const { per, org, loc } = typesOf(ctx);
  const voting = (t: number): boolean => t === per || t === org || t === loc;
  let i = 0;
  while (i < spans.length) {
    // the run [i, j] of spans joined by list joints
    let j = i;
    const joints: number[] = [];
    while (j + 1 < spans.length) {
      const joint = listJoint(ctx, spans[j], spans[j + 1]);
      if (joint === 0) break;
      joints.push(joint);
      j++;
      if (joint >= 2) break; // "and"/"or" ends the list
    }
    const size = j - i + 1;
    if (size >= MIN_LIST_AGREEMENT + 1) {
      // the list's type: the most frequent, given by at least two names and all but a few
      const counts = new Map<number, number>();
      let t = -1;
      for (let k = i; k <= j; k++) {
        const c = (counts.get(spans[k].type) ?? 0) + 1;
        counts.set(spans[k].type, c);
        if (t < 0 || c > counts.get(t)!) t = spans[k].type;
      }
      const agree = counts.get(t)!;
      const odd = size - agree;
      if (voting(t) && agree >= MIN_LIST_AGREEMENT && odd <= Math.max(1, Math.floor(agree / 3))) {
        for (let k = i + 1; k <= j; k++) {
          const sp = spans[k];
          if (sp.type === t || !voting(sp.type) || sp.confidence >= MAX_LIST_CONFIDENCE) continue;
          // inside the list, or its last name after "and"/"or" (after a comma: in a list of four or more)
          if (k === j && joints[k - i - 1] < 2 && size < 4) continue;
          sp.type = t;
          sp.source = 'rule';
        }
      }
    } else if (size === 2 && joints[0] === 2) repairPairTypes(spans[i], spans[j], voting); // (", and" often joins clauses)
    i = j + 1;
  }
}

/** Two names around "and"/"or": an unsure one takes the type of a sure one. */
function repairPairTypes(a: TokenSpan, b: TokenSpan, voting: (t: number) => boolean): void {
  if (a.type === b.type || !voting(a.type) || !voting(b.type)) return;
  const [sure, unsure] = a.confidence >= b.confidence ? [a, b] : [b, a];
  if (sure.confidence < MIN_PAIR_SURE || unsure.confidence >= MAX_PAIR_UNSURE) return;
  unsure.type = sure.type;
  unsure.source = 'rule';
}

function hasPlaceEntry(ctx: SpanRepairContext, k: number): boolean {
  const g = ctx.hashes.gaz[k];
  for (const c of PLACE_CATEGORIES) if (gazState(g, c) === GAZ_BEGIN) return true;
  return false;
}

/**
 * "the Bush Administration", "the Sadr Council": a person span of two or more words ending in a
 * word that heads institutions' names (the orgword gazetteer, or INSTITUTION_HEADS) is an
 * organization.
 */
export function repairInstitutionHeadTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const { per, org } = typesOf(ctx);
  for (const sp of spans) {
    if (sp.type !== per || sp.last === sp.first) continue;
    if (gazState(ctx.hashes.gaz[sp.last], ORGWORD) !== GAZ_BEGIN && !INSTITUTION_HEADS.has(wordAt(ctx, sp.last).toLowerCase())) continue;
    sp.type = org;
    sp.source = 'rule';
  }
}

/**
 * "organizations like Hamas and Hezbollah", "Shiite cities, such as Najaf, Kufa and Amarah",
 * "militias such as Asaib Ahl al-Haq": names introduced as examples of a plural class noun take the
 * class's type (CLASS_NOUNS: generic English nouns for kinds of organizations, places and people),
 * the list they head with them, unless the tagger was sure of a name.
 */
export function repairClassExampleTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const types = typesOf(ctx);
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i];
    const cls = classBefore(ctx, sp.first);
    if (cls === undefined) continue;
    const type = cls === 'org' ? types.org : cls === 'loc' ? types.loc : types.per;
    // the name and the list it begins
    for (let j = i; j < spans.length; j++) {
      if (j > i) {
        const joint = listJoint(ctx, spans[j - 1], spans[j]);
        if (joint === 0) break;
      }
      const m = spans[j];
      if (m.type !== type && m.type !== types.misc && m.confidence < MAX_CLASS_EXAMPLE_CONFIDENCE) {
        m.type = type;
        m.source = 'rule';
      }
      if (j > i && wordAt(ctx, m.first - 1) !== ',') break; // "and"/"or" ended the list
    }
  }
}

/** The class of the plural noun before "such as" / "like" / "including" ending right before token k. */
function classBefore(ctx: SpanRepairContext, k: number): 'org' | 'loc' | 'per' | undefined {
  let j = k - 1;
  if (j < 1) return undefined;
  const w = wordAt(ctx, j);
  if (w === 'as') {
    if (wordAt(ctx, j - 1) !== 'such') return undefined;
    j -= 2;
  } else if (w === 'like' || w === 'including') j -= 1;
  else return undefined;
  if (j >= 0 && wordAt(ctx, j) === ',') j--;
  return j >= 0 ? CLASS_NOUNS.get(wordAt(ctx, j)) : undefined;
}

/**
 * A wire dateline ("WIGAN , England 1996-08-31", "URUS-MARTAN, Russia Aug 31"): the name opening a
 * line, followed by a comma, a place and a date, is the place the story was filed from.
 */
export function repairDatelineTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const { loc } = typesOf(ctx);
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    if (a.type === loc || b.type !== loc || b.first !== a.last + 2 || wordAt(ctx, a.last + 1) !== ',') continue;
    if (!opensLine(ctx.text, ctx.tokens.start[a.first])) continue;
    const after = b.last + 1;
    if (after >= ctx.tokens.count) continue;
    const dated = /^\d/.test(wordAt(ctx, after)) || (after + 1 < ctx.tokens.count && MONTH_WORD.test(wordAt(ctx, after)) && /^\d/.test(wordAt(ctx, after + 1)));
    if (!dated) continue;
    a.type = loc;
    a.source = 'rule';
  }
}

/** Only spaces or tabs between the last line break (or the text's start) and `at`. */
function opensLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** "<person> of <person>": the second is an organization or a place. `spans` sorted by first token. */
export function repairAffiliationTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const { per, org, loc } = typesOf(ctx);
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    if (a.type !== per || b.type !== per || b.first !== a.last + 2) continue;
    if (!(ctx.tokens.flags[a.last + 1] & TOKEN_WORD) || wordAt(ctx, a.last + 1) !== 'of') continue;
    b.type = hasPlaceEntry(ctx, b.first) ? loc : org;
    b.source = 'rule';
  }
}
