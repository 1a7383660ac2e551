/**
 * Who said it: reporting acts in a sentence ("X said", "said X", "X told the AP", "according to
 * X", "…, saying …") and the speaker of each quotation, from its own sentence (before or after the
 * quote), from the sentence just before ("Maliki said: …", a quote continuing the previous
 * speaker's words), or the one just after. Pronouns and definite descriptions are resolved.
 */
import type { Quote, QuoteSpeaker, Span } from '../types';
import { tokenizeTail } from './tokens';
import { NOUN_LIKE_VERBS, SPEECH_PARTICIPLES, SPEECH_VERBS } from './lexicon';
import { speechWordsIn } from './wordScan';
import { isInsideQuote, lowerBound, mentionsIn, unitAt, type DocContext } from './context';
import { afterPreposition, canonicalName, isModifierUse, phraseAfter, phraseBefore, pickSubject, properRuns, type SpeakerGuess } from './nounPhrase';
import { resolveDefinite, resolvePronoun } from './pronouns';
import { quoteKind, isTitleQuote } from './quoteKind';
import { splitSpaceCount } from '../text/whitespace';

export interface SpeechAct extends Span {
  speaker: SpeakerGuess;
  how: 'finite' | 'inverted' | 'participle' | 'according';
}

const MAX_ACTS = 64;
const CORE_REPORTING = /^(?:said|says|say|added|adds|asked|asks|told|tells|wrote|writes|explained|noted|continued|recalled|replied)$/;
/** Quotes attributed in full; further ones (only in pathological input) get a kind and no speaker. */
const MAX_ATTRIBUTED = 2000;
const CLAUSE_WINDOW = 400;

/** The subject of the clause that ends at `pos`: its first named or described actor not inside a prepositional phrase. */
export function clauseSubject(ctx: DocContext, floor: number, pos: number): SpeakerGuess | null {
  let from = Math.max(floor, pos - CLAUSE_WINDOW);
  const window = ctx.outside.slice(from, pos);
  const boundary = Math.max(window.lastIndexOf(';'), window.lastIndexOf(' -- '), window.lastIndexOf(' – '), window.lastIndexOf(' — '));
  if (boundary >= 0) from += boundary + 1;
  const cands: SpeakerGuess[] = [];
  for (const m of mentionsIn(ctx, from, pos)) {
    if (m.end > pos || isInsideQuote(ctx, m.start) || isModifierUse(ctx, m.start, m.end)) continue;
    if (/^['’]s\b/.test(ctx.outside.slice(m.end, m.end + 3))) continue; // a possessor, not the subject
    if (afterPreposition(ctx, m.start)) continue;
    cands.push({ start: m.start, end: m.end, name: canonicalName(ctx, m.text, m.type, m.start), kind: m.type });
  }
  for (let i = lowerBound(ctx.descriptions, from); i < ctx.descriptions.length && ctx.descriptions[i].start < pos; i++) {
    const d = ctx.descriptions[i];
    if (d.end > pos || afterPreposition(ctx, d.start)) continue;
    const g = phraseBefore(ctx, d.end, from).main;
    if (g) cands.push(g);
  }
  if (ctx.mentions.length === 0) {
    for (const g of properRuns(ctx, from, pos)) if (!afterPreposition(ctx, g.start) && !isModifierUse(ctx, g.start, g.end)) cands.push(g);
  }
  const pronouns = /(?<![\p{L}\p{N}])(?:[Hh]e|[Ss]he|[Tt]hey)(?![\p{L}\p{N}'’])/gu;
  const clause = ctx.outside.slice(from, pos);
  for (let m = pronouns.exec(clause); m; m = pronouns.exec(clause)) {
    const lower = m[0].toLowerCase();
    cands.push({ start: from + m.index, end: from + m.index + m[0].length, name: lower, kind: 'pronoun', plural: lower === 'they' });
  }
  if (cands.length === 0) return null;
  // people first (a country named in a title, "Former U.S. Ambassador …", is not the subject)
  const rank = (g: SpeakerGuess) => (g.kind === 'person' || g.kind === 'pronoun' || g.kind === 'description' ? 0 : g.kind === 'place' ? 2 : 1);
  cands.sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  return cands[0];
}

/** Reporting acts in a sentence unit, in order. */
export function speechActs(ctx: DocContext, unit: Span): SpeechAct[] {
  const acts: SpeechAct[] = [];
  // the matches of SPEECH_WORD_RE in the sentence (`wordScan.ts`)
  for (const hit of speechWordsIn(ctx.cueWords, ctx.outside, unit.start, unit.end)) {
    if (acts.length >= MAX_ACTS) break;
    const m = [hit.text];
    const start = hit.index;
    const end = start + m[0].length;
    const before = tokenizeTail(ctx.outside, Math.max(unit.start, start - 40), start, 2);
    const prev = before[before.length - 1];
    const prev2 = before[before.length - 2];
    if (m[0].startsWith('according')) {
      const g = phraseAfter(ctx, end, unit.end);
      if (g) acts.push({ start, end, speaker: g, how: 'according' });
      continue;
    }
    if (SPEECH_VERBS.has(m[0])) {
      if (prev && (prev.text === '”' || prev.text === '"' || (prev.text === ',' && prev2 && /^[”"]$/.test(prev2.text)))) {
        const g = phraseAfter(ctx, end, unit.end);
        if (g && g.kind !== 'pronoun') {
          acts.push({ start, end, speaker: g, how: 'inverted' });
          continue;
        }
      }
      // passive: "Carney was asked", "he was told" — the subject is spoken to, not speaking
      if (prev && prev.word && /^(?:was|were|is|are|been|being|be|get|got)$/.test(prev.lower) && /(?:ed|told|said)$/.test(m[0])) continue;
      const subject = pickSubject(phraseBefore(ctx, start, unit.start));
      if (subject) {
        acts.push({ start, end, speaker: subject, how: 'finite' });
        continue;
      }
      if (prev && prev.word && (prev.lower === 'and' || prev.lower === 'but') && !NOUN_LIKE_VERBS.has(m[0])) {
        const g = clauseSubject(ctx, unit.start, prev.start);
        if (g) acts.push({ start, end, speaker: g, how: 'finite' });
      }
      continue;
    }
    if (SPEECH_PARTICIPLES.has(m[0])) {
      const g = clauseSubject(ctx, unit.start, start);
      if (g) acts.push({ start, end, speaker: g, how: 'participle' });
    }
  }
  return acts;
}

/** Pronouns and "the official" → who they stand for. */
export function resolveSpeaker(ctx: DocContext, g: SpeakerGuess | null): SpeakerGuess | null {
  if (!g) return null;
  if (g.kind === 'pronoun') return resolvePronoun(ctx, g);
  return resolveDefinite(ctx, g);
}

function toQuoteSpeaker(g: SpeakerGuess | null): QuoteSpeaker | null {
  if (!g || !g.name) return null;
  return { start: g.start, end: g.end, name: g.name };
}

const SPEECH_VERB_END = /\b(?:said|says|say|saying|added|adds|asked|asks|wrote|writes|replied|continued|declared|stated|warned|tweeted)$/i;
const TOLD_END = /\btold$/i;

/**
 * The text before a quotation introduces it: it ends (spaces aside) with a speech verb, with "told"
 * and an object of at most 40 characters, or with ",", ":" or a dash. Worked out by index: the one
 * regex `(?:\b(?:said|…|told\s+[^,:]{1,40}|…),?\s*|[:,]\s*|[—–-]\s*)$` is quadratic in V8 on "told"
 * and a long run of spaces. Same answers: a trailing "," or ":" introduces in every form.
 */
function introduces(before: string): boolean {
  const t = before.trimEnd(); // trimEnd removes exactly what \s matches
  const last = t.charAt(t.length - 1);
  if (last === '') return false;
  if (last === ',' || last === ':' || last === '—' || last === '–' || last === '-') return true;
  if (SPEECH_VERB_END.test(t)) return true;
  // "told" and two spaces: the old pattern took a space of the run as the object
  if (TOLD_END.test(t) && before.length - t.length >= 2) return true;
  return toldWithObject(t);
}

/** `t` (trimmed) ends with "told", spaces, and an object of 1–40 characters without "," or ":". */
function toldWithObject(t: string): boolean {
  const lastBreak = Math.max(t.lastIndexOf(','), t.lastIndexOf(':'));
  for (let q = Math.max(1, lastBreak + 1, t.length - 40); q < t.length; q++) {
    // the object starts after a space, with a character that is not one
    if (!/\s/.test(t[q - 1]) || /\s/.test(t[q])) continue;
    let p = q - 1;
    while (p > 0 && /\s/.test(t[p - 1])) p--;
    if (TOLD_END.test(t.slice(Math.max(0, p - 5), p))) return true;
  }
  return false;
}

export interface AttributedQuote extends Quote {
  /** Index of the sentence unit the quote opens in. */
  unit: number;
  /** The act that attributes it, when found in a sentence. */
  via?: SpeechAct['how'] | 'previous' | 'next' | 'colon';
}

export function attributeQuotes(ctx: DocContext, actsOf: (unit: number) => SpeechAct[]): AttributedQuote[] {
  const out: AttributedQuote[] = [];
  for (let qi = 0; qi < ctx.quotes.length; qi++) {
    const q = ctx.quotes[qi];
    const ui = unitAt(ctx, q.start);
    const unit = ctx.units[ui];
    const inner = ctx.text.slice(q.innerStart, q.innerEnd);
    if (!unit || qi >= MAX_ATTRIBUTED) {
      // beyond any real article's count: reported by shape only, so the cost stays bounded
      out.push({ start: q.start, end: q.end, text: inner, kind: quoteKind(inner, false, false), speaker: null, unit: unit ? ui : -1 });
      continue;
    }
    const lead = q.start - unit.start <= 240 ? ctx.outside.slice(unit.start, q.start) : 'x';
    const before = ctx.outside.slice(Math.max(unit.start, q.start - 120), q.start);
    const atStart = /^[\s(\[*_]*$/.test(lead);
    const colon = /:\s*$/.test(before);
    const intro = atStart || introduces(before);
    const acts = actsOf(ui);
    let speaker: SpeakerGuess | null = null;
    let via: AttributedQuote['via'];
    const title = isTitleQuote(ctx, q, before);
    if (!title) {
      const nextQuote = ctx.quotes[qi + 1];
      const limit = nextQuote && nextQuote.start < unit.end ? nextQuote.start : unit.end;
      // "…,” he said": the quote hands over to its attribution, wherever it stands in the sentence
      const handsOver = /[,?!]\s*$/.test(inner) || (/^,/.test(ctx.outside.slice(q.end, q.end + 1)) && splitSpaceCount(inner.trim(), 3) >= 3);
      if (intro || handsOver) {
        // the attribution follows the closing mark, in the sentence where the quote ends
        const uc = q.lastBlock === q.firstBlock ? ui : unitAt(ctx, q.end - 1);
        const closing = ctx.units[uc] ?? unit;
        const stop = nextQuote && nextQuote.start < closing.end ? nextQuote.start : closing.end;
        const post = actsOf(uc).find((a) => a.start >= q.end && a.start - q.end <= (intro ? 60 : 25) && a.start < stop && (intro || CORE_REPORTING.test(ctx.outside.slice(a.start, a.end))));
        if (post) [speaker, via] = [post.speaker, post.how];
      }
      if (!speaker) {
        const pre = [...acts].reverse().find((a) => a.end <= q.start && q.start - a.end <= 260);
        if (pre) [speaker, via] = [pre.speaker, pre.how];
      }
      if (!speaker) {
        const acc = acts.find((a) => a.how === 'according' && a.start >= q.end && a.start < limit);
        if (acc) [speaker, via] = [acc.speaker, acc.how];
      }
      if (!speaker && colon) {
        speaker = clauseSubject(ctx, unit.start, q.start);
        via = 'colon';
      }
      if (!speaker && atStart) [speaker, via] = [fromNeighbours(ctx, qi, ui, out, actsOf), 'previous'];
      if (!speaker && atStart && q.end >= unit.end - 2) {
        const next = ctx.units[ui + 1];
        const first = next && next.block === unit.block ? actsOf(ui + 1).find((a) => a.start - next.start <= 40 && a.how === 'finite') : undefined;
        if (first) [speaker, via] = [first.speaker, 'next'];
      }
    }
    const resolved = via === 'previous' ? speaker : resolveSpeaker(ctx, speaker);
    const kind = title ? 'scare' : quoteKind(inner, intro, resolved !== null);
    out.push({ start: q.start, end: q.end, text: inner, kind, speaker: kind === 'scare' ? null : toQuoteSpeaker(resolved), unit: ui, via: resolved ? via : undefined });
  }
  return out;
}

/** A quote that opens a sentence with no attribution of its own: look at the sentence before. */
function fromNeighbours(ctx: DocContext, qi: number, ui: number, done: AttributedQuote[], actsOf: (unit: number) => SpeechAct[]): SpeakerGuess | null {
  const prevUnit = ctx.units[ui - 1];
  if (!prevUnit) return null;
  const unit = ctx.units[ui];
  const sameOrAdjacentBlock = prevUnit.block === unit.block || prevUnit.block === unit.block - 1;
  if (!sameOrAdjacentBlock) return null;
  // the previous quote, ending in the previous sentence, already has a speaker: the talk continues
  const prevQuote = done[qi - 1];
  if (prevQuote && prevQuote.speaker && prevQuote.end > prevUnit.start && prevQuote.kind === 'direct') {
    const s = prevQuote.speaker;
    return { start: s.start ?? prevQuote.start, end: s.end ?? prevQuote.start, name: s.name, kind: 'person' };
  }
  const acts = actsOf(ui - 1);
  const tail = ctx.outside.slice(Math.max(prevUnit.start, prevUnit.end - 3), prevUnit.end);
  if (/:\s*$/.test(tail)) return resolveSpeaker(ctx, acts.length ? acts[acts.length - 1].speaker : clauseSubject(ctx, prevUnit.start, prevUnit.end));
  const last = acts[acts.length - 1];
  if (last && (last.how === 'finite' || last.how === 'inverted' || last.how === 'participle')) return resolveSpeaker(ctx, last.speaker);
  return null;
}
