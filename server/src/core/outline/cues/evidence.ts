/**
 * Evidence: quotations with their speaker, reported statements ("Maliki said …"), figures and
 * statistics ("more than 150", "2.5 million", "40 percent"), and cited reports and polls
 * ("according to a poll", "a report by …").
 */
import type { Span } from '../../types';
import type { DocContext } from '../context';
import type { AttributedQuote, SpeechAct } from '../attribution';
import { cueRule, type CueRule, type CueWords } from '../cueWords';

export type EvidenceKind = 'quote' | 'reported' | 'figure' | 'report';

export interface EvidenceCue {
  kind: EvidenceKind;
  speakers: string[];
}

/** Figures other than a number with a unit, one pattern each (each linear; see `numberWithUnit`). */
export const FIGURES: readonly RegExp[] = [
  /[$€£]\s?\d/,
  /\b(?:more|fewer|less)\s+than\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:dozen|hundred|thousand|million))/i,
  /\b(?:nearly|almost|roughly|about|some|at\s+least|up\s+to|over)\s+\d[\d,]{1,}\b/i,
  /\b\d{1,3}(?:,\d{3})+\b/,
  /\b(?:hundreds|thousands|millions|tens\s+of\s+thousands|dozens)\s+of\b/i,
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:million|billion)\b/i,
  /\b\d+(?:\.\d+)?\s+(?:per|out\s+of)\s+\d/i,
];
/** A run of digits, commas and points ("2.5", "1,200"). */
const NUMBER_RUN = /[\d,.]+/g;
/** A point or comma before a digit: a digit there starts a word ("0.5"). */
const INNER_DIGIT = /[.,]\d/;
/** The unit after a number (sticky at the run's end). */
const UNIT = /\s*(?:%|percent\b|per\s+cent\b|million\b|billion\b|trillion\b|thousand\b)/iy;

/**
 * "40 percent", "2.5 million": a number run with a digit at a word start, then a unit. Each run is
 * looked at once; `/\b\d[\d,.]*\s*unit/` retried at every digit of "0.0.0…" is quadratic in V8.
 * Same answers: that pattern can only end its number where the run ends, and some digit of the run
 * starts a word exactly when its first character is a digit starting a word or a point or comma
 * inside it precedes a digit.
 */
function numberWithUnit(s: string): boolean {
  NUMBER_RUN.lastIndex = 0;
  for (let m = NUMBER_RUN.exec(s); m; m = NUMBER_RUN.exec(s)) {
    const first = m[0].charCodeAt(0);
    const wordStart = first >= 48 && first <= 57 && (m.index === 0 || !/\w/.test(s[m.index - 1]));
    if (!wordStart && !INNER_DIGIT.test(m[0])) continue;
    UNIT.lastIndex = m.index + m[0].length;
    if (UNIT.test(s)) return true;
  }
  return false;
}

/** The FIGURES patterns that can match without a digit (the others all need one). */
const WORD_FIGURES: readonly RegExp[] = [FIGURES[1], FIGURES[4], FIGURES[5]];
/**
 * Cheap necessary conditions for the slowest case-insensitive alternations: "more than …" needs
 * "than", "… million/billion" needs "illion". A text without them is not tried against the pattern.
 */
const NEEDS = new Map<RegExp, RegExp>([
  [FIGURES[1], /than/i],
  [FIGURES[5], /illion/i],
]);

/**
 * Every match of these FIGURES patterns contains one of the words as a whole word (see
 * `cueWords.ts`); the others have no word to look for.
 */
export const FIGURE_WORDS = new Map<RegExp, CueRule>([
  [FIGURES[1], cueRule(['more', 'fewer', 'less'])],
  [FIGURES[2], cueRule(['nearly', 'almost', 'roughly', 'about', 'some', 'least', 'up', 'over'])],
  [FIGURES[4], cueRule(['hundreds', 'thousands', 'millions', 'tens', 'dozens'])],
  [FIGURES[5], cueRule(['million', 'billion'])],
  [FIGURES[6], cueRule(['per', 'out'])],
]);

/** Where a figure is looked for: a slice of the text CueWords was built over (or just a string). */
interface FigureScope {
  words?: CueWords;
  start: number;
  end: number;
}

function figureIn(re: RegExp, s: string, scope: FigureScope): boolean {
  const rule = scope.words && FIGURE_WORDS.get(re);
  if (rule && !scope.words!.mayMatch(rule, scope.start, scope.end)) return false;
  const need = NEEDS.get(re);
  return (need === undefined || need.test(s)) && re.test(s);
}

/** An ASCII digit (a native search: a loop over the sentence's characters was a hot spot). */
const DIGIT = /[0-9]/;

function hasDigit(s: string): boolean {
  return DIGIT.test(s);
}

/** A figure in s, which is text.slice(scope.start, scope.end) of the text `scope.words` was built over. */
function hasFigure(s: string, scope: FigureScope): boolean {
  // without a digit only the number-word patterns can match (`numberWithUnit` needs one too)
  if (!hasDigit(s)) return WORD_FIGURES.some((re) => figureIn(re, s, scope));
  return numberWithUnit(s) || FIGURES.some((re) => figureIn(re, s, scope));
}
export const REPORT = /\b(?:a|an|the|new|latest|recent)\s+(?:\w+\s+)?(?:poll|survey|study|report|analysis|census|audit|assessment|estimate|investigation|review)\s+(?:by|from|of|released|published|found|showed|shows|says|said|conducted)\b|\bpolls?\s+(?:show|shows|showed|found|suggest|suggests|indicate)\b|\b(?:data|figures|statistics|estimates)\s+(?:from|by|show|shows|showed|released|published)\b/i;

/** Every match of REPORT contains one of these as a whole word (see `cueWords.ts`). */
export const REPORT_WORDS = cueRule(['poll', 'polls', 'survey', 'study', 'report', 'analysis', 'census', 'audit', 'assessment', 'estimate', 'estimates', 'investigation', 'review', 'data', 'figures', 'statistics']);

export function evidenceCue(ctx: DocContext, unit: Span, quotes: readonly AttributedQuote[], acts: readonly SpeechAct[]): EvidenceCue | null {
  const spoken = quotes.filter((q) => q.kind !== 'scare');
  if (spoken.length) {
    const speakers = [...new Set(spoken.map((q) => q.speaker?.name).filter((n): n is string => !!n))];
    return { kind: 'quote', speakers };
  }
  const s = ctx.outside.slice(unit.start, unit.end);
  if (ctx.cueWords.mayMatch(REPORT_WORDS, unit.start, unit.end) && REPORT.test(s)) return { kind: 'report', speakers: [] };
  if (acts.length) {
    const named = acts.filter((a) => a.speaker.kind !== 'pronoun');
    // a named speaker makes a description of the same speaker redundant ("Petraeus … the general")
    const best = named.some((a) => a.speaker.kind === 'person') ? named.filter((a) => a.speaker.kind !== 'description') : named;
    return { kind: 'reported', speakers: [...new Set(best.map((a) => a.speaker.name))] };
  }
  if (hasFigure(s, { words: ctx.cueWords, start: unit.start, end: unit.end })) return { kind: 'figure', speakers: [] };
  return null;
}
