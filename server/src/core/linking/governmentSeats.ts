/**
 * A capital city standing for its government ("Washington must prevent…", "tensions between Tehran and
 * Washington", "loyal to Washington", "Washington's broader plans") is an organization; the same name
 * as a location ("the debate in Washington", "has come to Washington") stays a place. Countries are
 * places in both readings, so only capitals (capitalCities.ts) are read this way. The buildings that
 * name an executive or a legislature ("the White House", "the Kremlin", "Capitol Hill") stand for it
 * wherever they occur: an organization (CoNLL types them LOC).
 *
 * The reading is made for articles, after document linking: the uses that stand for the government
 * move to a cluster of their own, typed an organization and flagged `governmentSeat`, which links to the
 * same entity as the city (corpusEntities.ts) and reports its own type (reportedType). The mentions keep
 * the recognizer's type, which follows the CoNLL convention (a capital is LOC in either reading).
 *
 * Cues are closed-class words read right around the name: a locative preposition before it keeps
 * the place; a verb or modal after it (the name is the subject), an agency preposition before it
 * ("against", "between", "with", "by", "loyal to"), or a possessive before a word of policy makes
 * it the government; two capitals joined by "and"/"nor"/"or" are read together.
 */
import type { EntityMention } from '../types';
import type { DocCluster } from './documentEntities';
import { CAPITAL_CITIES } from './capitalCities';

/** Before the name: it is where something happens or goes. */
const LOCATIVE_BEFORE = new Set(['in', 'at', 'from', 'into', 'near', 'outside', 'inside', 'around', 'across', 'of', 'to', 'toward', 'towards', 'via', 'through', 'throughout', 'over', 'within', 'above', 'below', 'beyond', 'downtown', 'central', 'western', 'eastern', 'northern', 'southern', 'greater']);
/** Before the name: it acts or is acted on as a party. */
const AGENCY_BEFORE = new Set(['against', 'between', 'neither', 'with', 'by', 'nor', 'both']);
/** Before "to" before the name ("loyal to Washington"). */
const RELATION_BEFORE_TO = new Set(['loyal', 'close', 'closer', 'hostile', 'opposed', 'friendly', 'allied', 'beholden', 'sympathetic', 'answerable', 'subservient', 'appeal', 'appeals', 'message', 'messages', 'ultimatum', 'warning', 'overtures']);
/** After the name as its subject: modals, auxiliaries and verbs of saying, deciding and acting. */
const AGENT_AFTER = new Set([
  'must', 'will', 'would', 'should', 'can', 'could', 'may', 'might', 'shall', 'has', 'have', 'had', 'does', 'did',
  'said', 'says', 'wants', 'wanted', 'sought', 'seeks', 'insists', 'insisted', 'warned', 'warns', 'accused', 'accuses',
  'rejected', 'rejects', 'denied', 'denies', 'announced', 'announces', 'demanded', 'demands', 'agreed', 'agrees',
  'refused', 'refuses', 'urged', 'urges', 'hopes', 'hoped', 'fears', 'feared', 'believes', 'believed', 'threatened',
  'threatens', 'responded', 'responds', 'welcomed', 'welcomes', 'condemned', 'condemns', 'accepted', 'accepts',
  'supported', 'supports', 'backed', 'backs', 'opposed', 'opposes', 'imposed', 'imposes', 'decided', 'decides',
  'claimed', 'claims', 'argued', 'argues', 'tried', 'tries', 'plans', 'planned', 'needs', 'needed', 'expects',
  'expected', 'considers', 'considered', 'recognized', 'recognised', 'recognizes', 'recognises', 'protested', 'protests',
  'asked', 'asks', 'pressed', 'presses', 'pushed', 'pushes', 'offered', 'offers', 'promised', 'promises',
  'vowed', 'vows', 'blamed', 'blames', 'criticized', 'criticised', 'criticizes', 'criticises', 'signed', 'signs',
  'approved', 'approves', 'ordered', 'orders', 'sent', 'sends', 'sees', 'saw', 'knows', 'knew', 'intends', 'intended',
]);
/** After two joined capitals, also plural forms of "be" ("Washington and Tehran were at odds"). */
const PLURAL_AGENT_AFTER = new Set(['were', 'are', 'remain', 'remained', 'agree', 'disagree', 'want', 'insist', 'deny', 'accuse']);
/** After a possessive, within two words: the government's policy, not the city's streets. */
const POLICY_NOUNS = new Set([
  'policy', 'policies', 'plan', 'plans', 'position', 'positions', 'stance', 'support', 'demand', 'demands', 'ally',
  'allies', 'interest', 'interests', 'strategy', 'decision', 'decisions', 'response', 'effort', 'efforts', 'ambitions',
  'relations', 'approach', 'goal', 'goals', 'intentions', 'concerns', 'influence', 'pressure', 'threats', 'actions',
  'agenda', 'objectives', 'involvement', 'backing', 'refusal', 'insistence', 'view', 'views', 'attitude', 'offer',
  'proposal', 'proposals', 'dictates', 'campaign', 'sanctions', 'envoy', 'envoys', 'diplomats', 'diplomacy', 'officials',
  'critics', 'enemies', 'adversaries', 'opponents', 'rivals', 'partners', 'ties', 'assurances', 'promises', 'warnings',
  'message', 'reaction', 'role', 'aims', 'calculations', 'priorities', 'commitment', 'commitments', 'veto',
]);

const CONJUNCTIONS = new Set(['and', 'nor', 'or']);

/** Buildings and streets whose name is used for the government or legislature they house. */
export const GOVERNMENT_BUILDINGS: ReadonlySet<string> = new Set([
  'White House', 'Kremlin', 'Pentagon', 'Capitol Hill', 'Downing Street', 'Whitehall', 'Elysee', 'Élysée',
  'Elysee Palace', 'Élysée Palace', 'Foggy Bottom', 'Zhongnanhai', 'Blue House', "Quai d'Orsay", 'Bundestag',
]);

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 160;
}

/** The word right before `pos` (blanks between, no punctuation), lower-cased; '' when none. */
export function wordBefore(text: string, pos: number): string {
  let i = pos;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  const end = i;
  while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
  return end - i > 0 && end - i <= 20 ? text.slice(i, end).toLowerCase() : '';
}

/** The word right after `pos` (blanks between) when written in lower case; '' otherwise. */
function lowerWordAfter(text: string, pos: number): { word: string; end: number } {
  let i = pos;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  const start = i;
  while (i < text.length && isLetter(text.charCodeAt(i)) && i - start <= 20) i++;
  const c = text.charCodeAt(start);
  if (i === start || !(c >= 97 && c <= 122)) return { word: '', end: start };
  return { word: text.slice(start, i), end: i };
}

function possessiveEnd(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if ((c === 39 || c === 0x2019) && text.charCodeAt(end + 1) === 115 && !isLetter(text.charCodeAt(end + 2))) return end + 2;
  return -1;
}

type Reading = 'government' | 'place' | 'unknown';

function readingBefore(text: string, start: number): Reading {
  const before = wordBefore(text, start);
  if (before === 'to') {
    let i = start;
    while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
    return RELATION_BEFORE_TO.has(wordBefore(text, i - 2)) ? 'government' : 'place';
  }
  if (LOCATIVE_BEFORE.has(before)) return 'place';
  if (AGENCY_BEFORE.has(before)) return 'government';
  return 'unknown';
}

function readingAfter(text: string, end: number, plural: boolean): Reading {
  const poss = possessiveEnd(text, end);
  if (poss >= 0) {
    const a = lowerWordAfter(text, poss);
    if (POLICY_NOUNS.has(a.word)) return 'government';
    const b = a.word ? lowerWordAfter(text, a.end) : a;
    return POLICY_NOUNS.has(b.word) ? 'government' : 'unknown';
  }
  const a = lowerWordAfter(text, end);
  if (!a.word) return 'unknown';
  if (a.word === 'has' || a.word === 'have' || a.word === 'had') {
    // "Baghdad has been shaken": a passive says nothing about who acts
    if (lowerWordAfter(text, a.end).word === 'been') return 'unknown';
  }
  if (AGENT_AFTER.has(a.word) || (plural && PLURAL_AGENT_AFTER.has(a.word))) return 'government';
  return 'unknown';
}

function isCapital(m: EntityMention): boolean {
  return m.type === 'place' && CAPITAL_CITIES.has(m.text);
}

/** The second capital joined to mention `i` by a conjunction ("Tehran and Washington"), or -1. */
function joinedNext(text: string, mentions: readonly EntityMention[], i: number): number {
  const next = mentions[i + 1];
  if (!next || !isCapital(next) || next.start - mentions[i].end > 6) return -1;
  const between = text.slice(mentions[i].end, next.start).trim().toLowerCase();
  return CONJUNCTIONS.has(between) ? i + 1 : -1;
}

/** For each mention (sorted by start), whether it is a capital or a building standing for its government. */
export function governmentSeatUses(text: string, mentions: readonly EntityMention[]): boolean[] {
  const out = new Array<boolean>(mentions.length).fill(false);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.type === 'place' && GOVERNMENT_BUILDINGS.has(m.text)) {
      out[i] = true;
      continue;
    }
    if (!isCapital(m)) continue;
    const j = joinedNext(text, mentions, i);
    if (j >= 0) {
      // read the pair as one phrase: before the first, after the second
      const before = readingBefore(text, m.start);
      const after = readingAfter(text, mentions[j].end, true);
      const gov = before === 'government' || (before !== 'place' && after === 'government');
      out[i] = out[j] = gov;
      i = j;
      continue;
    }
    const before = readingBefore(text, m.start);
    if (before === 'place') continue;
    out[i] = before === 'government' || readingAfter(text, m.end, false) === 'government';
  }
  return out;
}

/**
 * Moves the mentions that stand for a government out of their city's cluster into one cluster per
 * city, typed an organization and flagged `governmentSeat` (the whole cluster when every mention is
 * such a use). Mutates `clusters` and `clusterOf`; the mentions' own types are left as they are.
 */
export function splitGovernmentSeats(text: string, mentions: readonly EntityMention[], clusters: DocCluster[], clusterOf: number[]): void {
  let uses: boolean[] | undefined;
  const count = clusters.length;
  for (let ci = 0; ci < count; ci++) {
    const c = clusters[ci];
    if (c.type !== 'place' || !c.mentions.some((i) => CAPITAL_CITIES.has(mentions[i].text) || GOVERNMENT_BUILDINGS.has(mentions[i].text))) continue;
    uses ??= governmentSeatUses(text, mentions);
    const gov = c.mentions.filter((i) => uses![i]);
    if (gov.length === 0) continue;
    if (gov.length === c.mentions.length) {
      c.type = 'organization';
      c.governmentSeat = true;
      continue;
    }
    const spellings = new Map<string, number>();
    for (const i of gov) {
      const s = mentions[i].text;
      spellings.set(s, (spellings.get(s) ?? 0) + 1);
      const left = (c.spellings.get(s) ?? 0) - 1;
      if (left > 0) c.spellings.set(s, left);
      else c.spellings.delete(s);
      clusterOf[i] = clusters.length;
    }
    c.mentions = c.mentions.filter((i) => !uses![i]);
    clusters.push({ key: c.key, type: 'organization', keys: [...c.keys], spellings, mentions: gov, roles: [], confidence: c.confidence, governmentSeat: true });
  }
}
