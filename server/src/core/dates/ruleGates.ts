/**
 * Which rules can match at a token, decided from the token alone, so the scan calls only those
 * (most rules start with one of a few words: a month or weekday name, "the", a number). A gate
 * only skips calls whose answer is known to be "no match": each word list below restates the
 * first test of its rule. Rules without a gate run at every trigger token.
 */
import type { RuleMatch, ScanContext } from './context';
import { DECADE_WORDS, centuryRule, dayMonthRule, monthRule, numericDateRule, yearRule } from './absoluteRules';
import { MONTHS, MONTH_ABBREVIATIONS, SEASONS, UNITS, WEEKDAYS, WEEKDAY_ABBREVIATIONS } from './lexicon';
import { SET_ADVERBS, setRule, timeRule } from './otherRules';
import { weekdayRule } from './relativeRules';
import { seasonRule } from './seasons';
import { narrativeDayRule } from './narrativeDay';
import { periodAbbreviationRule } from './periodAbbreviations';
import { nthWeekdayRule } from './nthWeekday';
import { weekOfDayRule } from './weekOfDay';
import { sameMonthRule } from './comparedMonth';
import type { Token } from './tokenize';
import { bareUnitDurationRule, theUnitsAroundRule, vagueCountDurationRule } from './vagueDurations';

export type Rule = (ctx: ScanContext, i: number) => RuleMatch | undefined;

/** A gated rule: the lower-case words it can start at, and whether it can start at a number / an apostrophe. */
interface Gate {
  words: readonly string[];
  num: boolean;
  apostrophe: boolean;
}

const CALENDAR_NAMES = [...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys(), ...WEEKDAYS.keys(), ...WEEKDAY_ABBREVIATIONS.keys()];
const PLURAL_UNITS = [...UNITS.keys()].filter((u) => u.endsWith('s'));

const GATES: ReadonlyMap<Rule, Gate> = new Map<Rule, Gate>([
  // readWeekday or readMonth at the first token
  [monthRule, { words: CALENDAR_NAMES, num: false, apostrophe: false }],
  [weekdayRule, { words: [...WEEKDAYS.keys(), ...WEEKDAY_ABBREVIATIONS.keys()], num: false, apostrophe: false }],
  // a number, or "the" before an ordinal word
  [dayMonthRule, { words: ['the'], num: true, apostrophe: false }],
  [numericDateRule, { words: [], num: true, apostrophe: false }],
  [centuryRule, { words: [], num: true, apostrophe: false }],
  // digits, "'90s", "the nineties", a spoken year ("nineteen ninety", "two thousand")
  [yearRule, { words: [...DECADE_WORDS.keys(), 'nineteen', 'eighteen', 'two'], num: true, apostrophe: true }],
  [seasonRule, { words: ['the', ...SEASONS.keys()], num: false, apostrophe: false }],
  [setRule, { words: [...SET_ADVERBS.keys(), 'every', 'each', 'a', 'per'], num: false, apostrophe: false }],
  [timeRule, { words: ['noon', 'midnight'], num: true, apostrophe: false }],
  [vagueCountDurationRule, { words: ['several', 'many', 'a'], num: false, apostrophe: false }],
  [bareUnitDurationRule, { words: PLURAL_UNITS, num: false, apostrophe: false }],
  [theUnitsAroundRule, { words: ['the'], num: false, apostrophe: false }],
  [narrativeDayRule, { words: ['the', 'that'], num: false, apostrophe: false }],
  // "Q1", "H2", "FY2012": the letters, as one word with their number
  [periodAbbreviationRule, { words: ['q', 'h', 'fy'], num: false, apostrophe: false }],
  // "the first Sunday of March"
  [nthWeekdayRule, { words: ['the'], num: false, apostrophe: false }],
  // "the week of April 8"
  [weekOfDayRule, { words: ['the'], num: false, apostrophe: false }],
  // "the same month last year"
  [sameMonthRule, { words: ['the'], num: false, apostrophe: false }],
]);

/** Bit masks over a rule list (bit r = rules[r] may match): at most 31 rules. */
export interface RuleGates {
  all: number;
  num: number;
  apostrophe: number;
  /** Any other token: the ungated rules. */
  other: number;
  /** Words some gated rule starts at → ungated rules plus those. */
  words: ReadonlyMap<string, number>;
}

export function buildRuleGates(rules: readonly Rule[]): RuleGates {
  if (rules.length > 31) throw new Error('at most 31 rules');
  let all = 0;
  let num = 0;
  let apostrophe = 0;
  let other = 0;
  const gatedWords: [string, number][] = [];
  rules.forEach((rule, r) => {
    const bit = 1 << r;
    all |= bit;
    const g = GATES.get(rule);
    if (!g) {
      num |= bit;
      apostrophe |= bit;
      other |= bit;
      return;
    }
    if (g.num) num |= bit;
    if (g.apostrophe) apostrophe |= bit;
    for (const w of g.words) gatedWords.push([w, bit]);
  });
  const words = new Map<string, number>();
  for (const [w, bit] of gatedWords) words.set(w, (words.get(w) ?? other) | bit);
  return { all, num, apostrophe, other, words };
}

/** The rules that may match at token t. A word with a possessive ending stays ungated (all rules). */
export function gateFor(g: RuleGates, t: Token): number {
  if (t.kind === 'num') return g.num;
  if (t.kind === 'punct') return t.text === "'" || t.text === '\u2019' ? g.apostrophe : g.other;
  const w = g.words.get(t.lower);
  if (w !== undefined) return w;
  const n = t.lower.length;
  if (n > 2 && t.lower.charCodeAt(n - 1) === 115 && (t.lower.charCodeAt(n - 2) === 39 || t.lower.charCodeAt(n - 2) === 0x2019)) return g.all;
  return g.other;
}
