/**
 * Speaker-like noun phrases around a reporting verb: the subject before it ("A senior official
 * said"), the phrase after it ("said Lukman Faily"), appositions ("A spokesman, Jalil Nouri,
 * told"), and what such a phrase names: an entity mention, a pronoun, a description of an unnamed
 * source, or an unrecognised proper name. All windows are bounded, so the cost per call is constant.
 */
import type { EntityType } from '../types';
import { tokenize, tokenizeTail, type Tok } from './tokens';
import { BETWEEN_SUBJECT_AND_VERB, DETERMINERS, NP_STOP, PERSON_NOUNS, PREPOSITIONS, PRONOUN_SPEAKERS, SOURCE_NOUNS, SPEECH_VERBS } from './lexicon';
import { cleanSlice, mentionOverlapping, surnameKey, type DocContext } from './context';
import { spaceCount, squish } from '../text/whitespace';

export type GuessKind = EntityType | 'description' | 'source' | 'pronoun' | 'proper';

export interface SpeakerGuess {
  start: number;
  end: number;
  name: string;
  kind: GuessKind;
  plural?: boolean;
}

const WINDOW = 240;
const MAX_NP = 10;

/** Where the backward walk of `collectBackward` stops, before linking words are dropped (k − 1 for a lone pronoun). */
function backwardStart(toks: Tok[], k: number): number {
  const last = toks[k - 1];
  if (last && last.word && PRONOUN_SPEAKERS.has(last.lower)) return k - 1;
  let j = k;
  while (j > 0 && k - j < MAX_NP) {
    const t = toks[j - 1];
    if (!t.word) break;
    if (!t.cap && (NP_STOP.has(t.lower) || (PREPOSITIONS.has(t.lower) && t.lower !== 'of' && t.lower !== 'for' && t.lower !== 'at'))) break;
    if (j < k && t.poss === false && PRONOUN_SPEAKERS.has(t.lower)) break;
    j--;
  }
  return j;
}

function collectBackward(toks: Tok[], k: number): Tok[] {
  const last = toks[k - 1];
  if (last && last.word && PRONOUN_SPEAKERS.has(last.lower)) return [last];
  let j = backwardStart(toks, k);
  // drop leading prepositions and linking words: "On Tuesday Maliki", "of the ministry"
  while (j < k && (PREPOSITIONS.has(toks[j].lower) || NP_STOP.has(toks[j].lower)) && !PRONOUN_SPEAKERS.has(toks[j].lower) && !(toks[j].lower === 'it' && j === k - 1)) j++;
  return toks.slice(j, k);
}

function collectForward(toks: Tok[], k: number): Tok[] {
  let j = k;
  while (j < toks.length && j - k < MAX_NP) {
    const t = toks[j];
    if (!t.word) break;
    if (j > k && !t.cap && (NP_STOP.has(t.lower) || PREPOSITIONS.has(t.lower)) && t.lower !== 'of') break;
    if (j === k && PREPOSITIONS.has(t.lower)) break;
    j++;
    if (PRONOUN_SPEAKERS.has(t.lower) && j === k + 1) break;
  }
  while (j > k && (toks[j - 1].lower === 'of' || NP_STOP.has(toks[j - 1].lower)) && !(j === k + 1 && PRONOUN_SPEAKERS.has(toks[j - 1].lower))) j--;
  return toks.slice(k, j);
}

/** What a noun phrase names, or null when it is not a plausible speaker. */
export function classifyPhrase(ctx: DocContext, np: Tok[]): SpeakerGuess | null {
  if (np.length === 0) return null;
  const head = np[np.length - 1];
  const start = np[0].start;
  if (np.length === 1 && head.lower === 'it') return { start: head.start, end: head.end, name: 'it', kind: 'pronoun' };
  if (np.length === 1 && PRONOUN_SPEAKERS.has(head.lower)) return { start: head.start, end: head.end, name: head.lower, kind: 'pronoun', plural: head.lower === 'they' || head.lower === 'we' };
  const headLower = head.base.toLowerCase();
  if (head.poss) return null; // "the general's first remarks": a possessor, not the subject
  {
    const m = mentionOverlapping(ctx, head.start, head.end);
    if (m && m.end >= head.end - 1 && m.start >= start - 1) {
      return { start: m.start, end: m.end, name: canonicalName(ctx, m.text, m.type, m.start), kind: m.type };
    }
  }
  if (PERSON_NOUNS.has(headLower) || SOURCE_NOUNS.has(headLower)) {
    // a description starts at its determiner or first word: "a senior administration official"
    const name = describe(ctx, np[0].start, head.end);
    return {
      start: np[0].start,
      end: head.end,
      name,
      kind: PERSON_NOUNS.has(headLower) ? 'description' : 'source',
      plural: headLower.endsWith('s') && !headLower.endsWith('ss'),
    };
  }
  if (head.cap && !head.poss) {
    let s = np.length - 1;
    while (s > 0 && (np[s - 1].cap || np[s - 1].lower === 'of') && !/^(?:on|in|at|by|the|a)$/.test(np[s - 1].lower)) s--;
    if (np[s].lower === 'of') s++;
    if (np[s].lower === 'the' && s + 1 < np.length) s++;
    // a capitalised sentence opener is not a name: "Today", "Meanwhile"
    if (s === np.length - 1 && NP_STOP.has(head.lower)) return null;
    return { start: np[s].start, end: head.end, name: cleanSlice(ctx, np[s].start, head.end), kind: 'proper' };
  }
  return null;
}

function describe(ctx: DocContext, a: number, b: number): string {
  const s = cleanSlice(ctx, a, b);
  return s.replace(/^(A|An|The)\s+(?=[a-z])/, (w) => w.toLowerCase()).replace(/^(A|An)\s/, (w) => w.toLowerCase());
}

const TITLE_WORDS = new Set(
  'president prime minister secretary general gen. fellow senior adjunct ambassador senator sen. rep. gov. governor mr. mrs. ms. dr. prof. professor retired former chairman spokesman spokeswoman leader cleric lt. col. maj. capt. adm. sgt. pres. ayatollah sheikh vice deputy acting chief'.split(' '),
);

/** "Fellow Steven A. Cook" → "Steven A. Cook": title words a recogniser left on a person's name. */
export function stripTitles(name: string): string {
  const parts = name.split(' ');
  let i = 0;
  while (i < parts.length - 1 && TITLE_WORDS.has(parts[i].toLowerCase())) i++;
  return parts.slice(i).join(' ');
}

export function canonicalName(ctx: DocContext, text: string, type: EntityType, start?: number): string {
  let clean = squish(text.replace(/['’]s$/i, ''));
  if (type !== 'person') return clean;
  // "R. Nasr" cut from "Vali R. Nasr" by the recogniser: take back the first name
  if (start !== undefined && /^\p{Lu}\.\s/u.test(clean)) {
    const m = /(\p{Lu}[\p{Ll}'’-]+)[ \t]+$/u.exec(ctx.masked.slice(Math.max(0, start - 30), start));
    if (m && !TITLE_WORDS.has(m[1].toLowerCase())) clean = `${m[1]} ${clean}`;
    return fullPersonName(ctx, clean);
  }
  // otherwise the answer depends on the name alone: once per name and document
  let known = ctx.personNames.get(clean);
  if (known === undefined) {
    known = fullPersonName(ctx, clean);
    ctx.personNames.set(clean, known);
  }
  return known;
}

/** The fullest form of a person's name written in the document, without title words. */
function fullPersonName(ctx: DocContext, clean: string): string {
  const full = ctx.fullNames.get(surnameKey(clean));
  return stripTitles(full && spaceCount(full) > spaceCount(clean) ? full : clean);
}

export interface PhraseBefore {
  main: SpeakerGuess | null;
  /** The phrase between two commas right before the verb: "A spokesman, Jalil Nouri, told". */
  apposition: SpeakerGuess | null;
}

/** The subject phrase that ends right before `pos` (adverbs and auxiliaries skipped). */
/** The end of the subject phrase: the tokens' end less trailing adverbs and auxiliaries. */
function skipBetween(toks: Tok[]): number {
  let k = toks.length;
  while (k > 0 && toks[k - 1].word && !toks[k - 1].cap && (BETWEEN_SUBJECT_AND_VERB.has(toks[k - 1].lower) || (/ly$/.test(toks[k - 1].lower) && toks[k - 1].text.length > 4))) k--;
  return k;
}

/** The comma before an apposition ending at k − 1 ("A spokesman, Jalil Nouri, told"): its index, or -1 when the walk ran out of tokens. */
function appositionComma(toks: Tok[], k: number): number {
  let c = k - 2;
  while (c >= 0 && k - c < 16 && toks[c].text !== ',' && (toks[c].word || toks[c].text === '.')) c--;
  return c;
}

/**
 * Whether phraseBefore, run on these tokens, would look at their very first one or run out of
 * them: then tokens before them could change its answer. Mirrors its walks without classifying.
 */
function needsEarlierTokens(toks: Tok[]): boolean {
  const k = skipBetween(toks);
  if (k === 0) return true;
  if (toks[k - 1].text === ',') {
    const c = appositionComma(toks, k);
    if (c < 0) return true;
    return toks[c].text === ',' && (backwardStart(toks, k - 1) === 0 || backwardStart(toks, c) === 0);
  }
  return backwardStart(toks, k) === 0;
}

/**
 * Tokens tried first, then next: a subject phrase almost always lies within the last few words.
 * Any tail gives the answer of the whole window when the walks do not reach its first token.
 */
const TAIL_CHUNKS_FIRST = 6;
const TAIL_CHUNKS = 20;

export function phraseBefore(ctx: DocContext, pos: number, floor: number): PhraseBefore {
  const from = Math.max(floor, pos - WINDOW);
  // The tail of the window gives the same tokens as the whole window from its first one on
  // (tokenizeTail); a longer tail, then the whole window, is tokenized only when the walks would
  // reach that first one.
  let toks = tokenizeTail(ctx.outside, from, pos, TAIL_CHUNKS_FIRST);
  if (toks.length > 0 && toks[0].start > from && needsEarlierTokens(toks)) {
    const tail = tokenizeTail(ctx.outside, from, pos, TAIL_CHUNKS);
    toks = tail.length > 0 && tail[0].start > from && needsEarlierTokens(tail) ? tokenize(ctx.outside, from, pos) : tail;
  }
  return phraseFromTokens(ctx, toks);
}

/** phraseBefore from all the tokens of its window (what the tails must agree with; for tests). */
export function phraseBeforeWholeWindow(ctx: DocContext, pos: number, floor: number): PhraseBefore {
  return phraseFromTokens(ctx, tokenize(ctx.outside, Math.max(floor, pos - WINDOW), pos));
}

function phraseFromTokens(ctx: DocContext, toks: Tok[]): PhraseBefore {
  const k = skipBetween(toks);
  if (k > 0 && toks[k - 1].text === ',') {
    const c = appositionComma(toks, k);
    if (c >= 0 && toks[c].text === ',') {
      const apposition = classifyPhrase(ctx, collectBackward(toks, k - 1));
      const main = classifyPhrase(ctx, collectBackward(toks, c));
      return { main, apposition };
    }
    return { main: null, apposition: null };
  }
  const np = collectBackward(toks, k);
  // "the regime in Baghdad has to go": a name inside a prepositional phrase is not the subject
  const lead = np.length ? toks.indexOf(np[0]) : -1;
  const prev = lead > 0 ? toks[lead - 1] : undefined;
  const main = classifyPhrase(ctx, np);
  if (main && main.kind !== 'person' && main.kind !== 'pronoun' && prev && prev.word && PREPOSITIONS.has(prev.lower)) return { main: null, apposition: null };
  return { main, apposition: null };
}

/** The phrase that starts right after `pos`: "said [the official]", "according to [a poll]". */
export function phraseAfter(ctx: DocContext, pos: number, ceil: number): SpeakerGuess | null {
  // collectForward reads at most MAX_NP tokens from the start: the rest need not be made
  const toks = tokenize(ctx.outside, pos, Math.min(ceil, pos + WINDOW), MAX_NP);
  return classifyPhrase(ctx, collectForward(toks, 0));
}

/** Choose between a subject and its apposition: a named person wins, then any plausible speaker. */
export function pickSubject(p: PhraseBefore): SpeakerGuess | null {
  const { main, apposition } = p;
  if (apposition?.kind === 'person') return apposition;
  if (main?.kind === 'person') return main;
  return main ?? apposition;
}

/** Is the phrase starting at `start` the object of a preposition ("in the New York Times")? */
export function afterPreposition(ctx: DocContext, start: number): boolean {
  const toks = tokenize(ctx.outside, Math.max(0, start - 40), start);
  let k = toks.length;
  while (k > 0 && toks[k - 1].word && /^(?:the|a|an|his|her|their|its|our|former|then|late)$/.test(toks[k - 1].lower)) k--;
  const t = toks[k - 1];
  return !!t && t.word && PREPOSITIONS.has(t.lower);
}

/** "the Maliki government", "the Bush administration": a name used as a modifier. */
export function isModifierUse(ctx: DocContext, start: number, end: number): boolean {
  // only the last token before and the first after are read
  const before = tokenizeTail(ctx.outside, Math.max(0, start - 12), start, 1);
  const after = tokenize(ctx.outside, end, Math.min(ctx.outside.length, end + 30), 1);
  const b = before[before.length - 1];
  const a = after[0];
  return !!b && b.lower === 'the' && !!a && a.word && !a.cap && !NP_STOP.has(a.lower) && !/(?:ed|ing)$/.test(a.lower);
}

/**
 * Without a recogniser's mentions: runs of capitalised words in [from, pos) that are not just a
 * sentence opener ("Prime Minister Nouri al-Maliki", not "The" or "In").
 */
export function properRuns(ctx: DocContext, from: number, pos: number): SpeakerGuess[] {
  const out: SpeakerGuess[] = [];
  const toks = tokenize(ctx.outside, from, pos);
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].word || !toks[i].cap || (i > 0 && toks[i - 1].word && toks[i - 1].cap)) continue;
    let a = i;
    let j = i;
    while (j + 1 < toks.length && toks[j + 1].word && (toks[j + 1].cap || (toks[j + 1].lower === 'al' && toks[j + 2]?.cap))) j++;
    while (a <= j && (NP_STOP.has(toks[a].lower) || DETERMINERS.has(toks[a].lower) || PREPOSITIONS.has(toks[a].lower) || /^(?:former|retired|some|many|most|several|both|all|each|every|other|others|such|leading|top|senior)$/.test(toks[a].lower))) a++;
    const sentenceInitial = i === 0 || !toks[i - 1].word;
    // a lone capitalised word opening a sentence is a name only when a reporting verb follows ("Karim said")
    if (a > j || (sentenceInitial && a === j && !(toks[j + 1] && SPEECH_VERBS.has(toks[j + 1].lower)))) {
      i = j;
      continue;
    }
    const name = stripTitles(cleanSlice(ctx, toks[a].start, toks[j].end).replace(/['’]s$/, ''));
    out.push({ start: toks[a].start, end: toks[j].end, name, kind: 'proper' });
    i = j;
  }
  return out;
}
