/**
 * What a pronoun speaker ("he said") or a definite description ("the official said") refers to:
 * the most recent fitting person (or, for "they", group) mentioned before, preferring subjects over
 * names inside prepositional phrases, and skipping names used as modifiers ("the Maliki
 * government"). "I"/"we" outside quotations is the author.
 */
import { cleanSlice, isInsideQuote, lowerBound, mentionsIn, unitAt, type DocContext } from './context';
import { afterPreposition, canonicalName, isModifierUse, properRuns, type SpeakerGuess } from './nounPhrase';
import { FEMALE_CUES, FEMALE_FIRST_NAMES } from './lexicon';
import { tokenize } from './tokens';

const WINDOW = 700;

interface Candidate {
  guess: SpeakerGuess;
  inPP: boolean;
  female: boolean;
}

function femaleCue(ctx: DocContext, start: number, name: string): boolean {
  const first = name.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (FEMALE_FIRST_NAMES.has(first)) return true;
  const before = tokenize(ctx.outside, Math.max(0, start - 25), start);
  return before.some((t) => FEMALE_CUES.has(t.lower));
}

function candidates(ctx: DocContext, pos: number, plural: boolean): Candidate[] {
  const from = Math.max(ctx.bodyStart, pos - WINDOW);
  const out: Candidate[] = [];
  for (const m of mentionsIn(ctx, from, pos)) {
    if (m.end > pos || isInsideQuote(ctx, m.start)) continue;
    const fits = plural ? m.type === 'organization' || m.type === 'group' : m.type === 'person';
    if (!fits || isModifierUse(ctx, m.start, m.end)) continue;
    const name = canonicalName(ctx, m.text, m.type, m.start);
    out.push({ guess: { start: m.start, end: m.end, name, kind: m.type }, inPP: afterPreposition(ctx, m.start), female: femaleCue(ctx, m.start, name) });
  }
  for (let i = lowerBound(ctx.descriptions, from); i < ctx.descriptions.length && ctx.descriptions[i].start < pos; i++) {
    const d = ctx.descriptions[i];
    if (d.end > pos || d.plural !== plural) continue;
    const name = cleanSlice(ctx, d.start, d.end).replace(/^(A|An|The)\s/, (w) => w.toLowerCase());
    out.push({ guess: { start: d.start, end: d.end, name, kind: 'description', plural }, inPP: afterPreposition(ctx, d.start), female: femaleCue(ctx, d.start, name) });
  }
  if (ctx.mentions.length === 0 && !plural) {
    // no recogniser ran: runs of capitalised words stand in for names
    for (const g of properRuns(ctx, from, pos)) {
      out.push({ guess: g, inPP: afterPreposition(ctx, g.start), female: femaleCue(ctx, g.start, g.name) });
    }
  }
  return out.sort((a, b) => a.guess.start - b.guess.start);
}

/**
 * The subject-like antecedent: in the pronoun's own sentence (before it), else the sentence before,
 * else the one before that, the first candidate not inside a prepositional phrase; failing that the
 * most recent candidate.
 */
function preferred(ctx: DocContext, list: Candidate[], pos: number): SpeakerGuess | null {
  const u = unitAt(ctx, pos);
  for (let k = u; k >= 0 && k >= u - 2; k--) {
    const unit = ctx.units[k];
    const inUnit = list.filter((c) => c.guess.start >= unit.start && c.guess.start < unit.end && !c.inPP);
    if (inUnit.length) return inUnit[0].guess;
  }
  return list.length ? list[list.length - 1].guess : null;
}

export function resolvePronoun(ctx: DocContext, pronoun: SpeakerGuess): SpeakerGuess | null {
  const p = pronoun.name;
  if (p === 'i' || p === 'we') return ctx.author ? { start: pronoun.start, end: pronoun.end, name: ctx.author, kind: 'person' } : null;
  if (p === 'it') return resolveIt(ctx, pronoun);
  const plural = p === 'they';
  let list = candidates(ctx, pronoun.start, plural);
  if (!plural) {
    const female = list.filter((c) => c.female);
    if (p === 'she' && female.length) list = female;
    if (p === 'he') list = list.filter((c) => !c.female);
  }
  return preferred(ctx, list, pronoun.start);
}

/** "the official" → the earlier "a senior administration official" (or the name set beside it). */
export function resolveDefinite(ctx: DocContext, guess: SpeakerGuess): SpeakerGuess {
  if (guess.kind !== 'description' || !/^the\s/i.test(guess.name)) return guess;
  const head = guess.name.split(/\s+/).pop()?.toLowerCase() ?? '';
  const stop = lowerBound(ctx.descriptions, guess.start);
  for (let i = stop - 1; i >= 0 && ctx.descriptions[i].start > guess.start - 6000; i--) {
    const d = ctx.descriptions[i];
    if (d.head !== head || !d.indefinite) continue;
    // "a Sadrist spokesman, Jalil Nouri," names the referent
    const after = mentionsIn(ctx, d.end, d.end + 4).find((m) => m.type === 'person' && /^\s*,\s*$/.test(ctx.outside.slice(d.end, m.start)));
    if (after) return { start: after.start, end: after.end, name: canonicalName(ctx, after.text, 'person', after.start), kind: 'person' };
    const name = cleanSlice(ctx, d.start, d.end).replace(/^(A|An|One)\s/, (w) => w.toLowerCase());
    const named = { ...guess };
    named.name = name;
    return named;
  }
  return guess;
}

const SOURCE_HEAD = /(?<![\p{L}\p{N}])(?:the|this|that|a|an|its|their)\s+(?:[\p{L}-]+\s+){0,3}?(?:statement|report|document|memo|letter|newspaper|paper|ministry|embassy|government|administration|agency|council|committee|study|survey|poll|website)(?![\p{L}\p{N}])/giu;

/** "It said …": the most recent organisation, or a document or body named in the sentences before. */
function resolveIt(ctx: DocContext, pronoun: SpeakerGuess): SpeakerGuess | null {
  const u = unitAt(ctx, pronoun.start);
  for (let k = u; k >= 0 && k >= u - 2; k--) {
    const unit = ctx.units[k];
    const end = Math.min(unit.end, pronoun.start);
    const found: SpeakerGuess[] = [];
    for (const m of mentionsIn(ctx, unit.start, end)) {
      if (m.type === 'organization' && !isInsideQuote(ctx, m.start)) found.push({ start: m.start, end: m.end, name: canonicalName(ctx, m.text, m.type), kind: m.type });
    }
    const s = ctx.outside.slice(unit.start, end);
    const re = SOURCE_HEAD; // shared, reset here; nothing in the loop uses it again
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const name = cleanSlice(ctx, unit.start + m.index, unit.start + m.index + m[0].length).replace(/^(The|This|That|A|An)\s/, (w) => w.toLowerCase());
      found.push({ start: unit.start + m.index, end: unit.start + m.index + m[0].length, name, kind: 'source' });
    }
    if (found.length) return found.sort((a, b) => a.start - b.start)[0];
  }
  return null;
}
