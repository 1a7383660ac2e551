/**
 * Recommendations: the author prescribes ("X should / must / needs to …", "it is important that
 * …", "we recommend …"), with the actor who should act when it is the subject. Prescriptions inside
 * quotations or reported from someone else ("Petraeus wrote that … should be replicated") are not
 * the author's.
 */
import type { Span } from '../../types';
import type { DocContext } from '../context';
import { mentionsIn } from '../context';
import { canonicalName, phraseBefore, pickSubject } from '../nounPhrase';
import { resolveSpeaker, type SpeechAct } from '../attribution';
import { cueRule } from '../cueWords';

export interface RecommendationCue {
  /** Offset of the cue ("should", "it is important"). */
  at: number;
  actor?: string;
  actorSpan?: Span;
}

/** The modals; the forecasts and hindsight among them are set aside in code (no look-arounds here). */
export const MODAL = /\b(?:should|must|ought\s+to|needs?\s+to|(?:has|have)\s+to|had\s+better)\b/gi;
/** Before "has to" / "have to": "will have to" is a forecast (the 7 characters before the modal). */
const FORECAST_AUX = /\b(?:will|would|may|might|could|can)\s$/i;
/** After the modal: "should have", "must not have" look back (sticky at the modal's end). */
const HINDSIGHT = /\s+(?:not\s+)?have\b/iy;
export const IMPERSONAL = /\b(?:it\s+is|it's|it\s+remains)\s+(?:\w+\s+)?(?:important|essential|vital|crucial|imperative|necessary|critical|urgent|time)\s+(?:that|to|for)\b/i;
const OTHERS_THAT = /\b(?:agreement|consensus|demands?|views?|belief|argument|insistence|claims?|calls?|recognition|conclusion|hopes?|hoped|fears?|feared|concerns?|believes?|believed|thinks?|thought|argues?|argued|insists?|insisted|agrees?|agreed|feels?|felt|contends?|contended|maintains?|maintained)\s+that\b/gi;
const THAT = /\bthat\b/gi;
const CLAUSE_STOP = /[.;]/g;
export const FIRST_PERSON = /\b(?:we|i)\s+(?:strongly\s+)?(?:recommend|urge|propose|suggest|call\s+on|call\s+for)\b|^\s*(?:let\s+us|let's)\b/i;
/** Every match of MODAL, IMPERSONAL, FIRST_PERSON contains one of its words as a whole word (see `cueWords.ts`). */
export const MODAL_WORDS = cueRule(['should', 'must', 'ought', 'need', 'needs', 'has', 'have', 'had']);
export const IMPERSONAL_WORDS = cueRule(['important', 'essential', 'vital', 'crucial', 'imperative', 'necessary', 'critical', 'urgent', 'time']);
export const FIRST_PERSON_WORDS = cueRule(['recommend', 'urge', 'propose', 'suggest', 'call', 'let']);
const PRESCRIPTIONS = [
  { re: MODAL, words: MODAL_WORDS },
  { re: IMPERSONAL, words: IMPERSONAL_WORDS },
  { re: FIRST_PERSON, words: FIRST_PERSON_WORDS },
];

/**
 * A question: "?", then spaces and at most one closing quote. Same as `/\?\s*(?:["”’]\s*)?$/.test(s)`
 * by looking at the last characters only (`\?\s*["”’]?\s*$` is quadratic in V8; the regex scans all of s).
 */
export function isQuestion(s: string): boolean {
  const t = s.trimEnd(); // trimEnd removes exactly what \s matches
  const last = t.charAt(t.length - 1);
  if (last === '?') return true;
  if (last !== '"' && last !== '”' && last !== '’') return false;
  const u = t.slice(0, -1).trimEnd();
  return u.charAt(u.length - 1) === '?';
}

/** "should the White House accept …" is a condition, not a prescription. */
const INVERTED = /^\s+(?:(?:the|a|an|this|that|these|those|they|he|she|it|we|you|i|there)\b|\p{Lu})/u;

function firstPrescriptiveModal(s: string): RegExpExecArray | null {
  MODAL.lastIndex = 0;
  for (let m = MODAL.exec(s); m; m = MODAL.exec(s)) {
    const end = m.index + m[0].length;
    HINDSIGHT.lastIndex = end;
    if (HINDSIGHT.test(s) || (/^ha[sv]/i.test(m[0]) && FORECAST_AUX.test(s.slice(Math.max(0, m.index - 7), m.index)))) {
      MODAL.lastIndex = m.index + 1;
      continue;
    }
    if (/^should$/i.test(m[0]) && INVERTED.test(s.slice(end, end + 20))) continue;
    return m;
  }
  return null;
}

/**
 * The first "agreement that", "believes that" … with no later "that" before the next "." or ";"
 * (the innermost report). One forward pass: a look-ahead `(?![^.;]*\bthat\b)` on each match
 * rescans to the clause end and is quadratic in V8 on "consensus that " repeated.
 */
function othersThat(s: string): RegExpExecArray | null {
  OTHERS_THAT.lastIndex = 0;
  THAT.lastIndex = 0;
  CLAUSE_STOP.lastIndex = 0;
  let nextThat = -1;
  let nextStop = -1;
  for (let m = OTHERS_THAT.exec(s); m; m = OTHERS_THAT.exec(s)) {
    const end = m.index + m[0].length;
    while (nextThat < end) nextThat = THAT.exec(s)?.index ?? Infinity;
    while (nextStop < end) nextStop = CLAUSE_STOP.exec(s)?.index ?? Infinity;
    if (nextThat === Infinity || nextStop < nextThat) return m;
    OTHERS_THAT.lastIndex = m.index + 1;
  }
  return null;
}

export function recommendationCue(ctx: DocContext, unit: Span, acts: readonly SpeechAct[]): RecommendationCue | null {
  const cw = ctx.cueWords;
  const candidates = PRESCRIPTIONS.filter((p) => cw.mayMatch(p.words, unit.start, unit.end));
  if (candidates.length === 0) return null; // none of the patterns can match
  const s = ctx.outside.slice(unit.start, unit.end);
  if (isQuestion(s)) return null; // a question
  let at = -1;
  let modal = false;
  for (const { re } of candidates) {
    const m = re === MODAL ? firstPrescriptiveModal(s) : re.exec(s);
    if (m && (at < 0 || m.index < at)) {
      at = m.index;
      modal = re === MODAL;
    }
  }
  if (at < 0) return null;
  const abs = unit.start + at;
  // someone else's position: "… reflect bipartisan agreement that the regime has to go"
  const lead = s.slice(Math.max(0, at - 200), at);
  const that = othersThat(lead);
  if (that && !/\b(?:i|we)\s+\w+\s+that\s*$/i.test(lead.slice(0, that.index + that[0].length))) return null;
  // reported: a reporting verb before the prescription, or an attribution after it ("…, X said.")
  const tailAt = unit.end - 3;
  if (acts.some((a) => a.end <= abs || a.how === 'inverted' || a.end >= tailAt)) return null;
  const cue: RecommendationCue = { at: abs };
  if (!modal) return cue;
  const subject = resolveSpeaker(ctx, pickSubject(phraseBefore(ctx, abs, unit.start)));
  if (subject && subject.kind !== 'pronoun') {
    cue.actor = subject.name;
    cue.actorSpan = { start: subject.start, end: subject.end };
    return cue;
  }
  // "Maliki’s highest priority must be …": the possessor acts
  const near = mentionsIn(ctx, Math.max(unit.start, abs - 60), abs).filter((m) => /^['’]s\b/.test(ctx.outside.slice(m.end, m.end + 3)));
  const owner = near[near.length - 1];
  if (owner) {
    cue.actor = canonicalName(ctx, owner.text, owner.type, owner.start);
    cue.actorSpan = { start: owner.start, end: owner.end };
  }
  return cue;
}
