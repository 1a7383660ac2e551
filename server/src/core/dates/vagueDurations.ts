/**
 * Durations whose length the text leaves open: TIMEX3 writes the number as X ("several weeks" →
 * PXW, "a few hours" → PTXH, "for months" → PXM, "decades of repression" → PXDE). A bare plural unit
 * is a duration only where it measures time: after "for", "spent", "took", "lasted"…, before "to come",
 * as the measure of an "of" phrase ("years of war"), or as "the weeks ahead / that followed".
 */
import { lowerAt, tok, type RuleMatch, type ScanContext } from './context';
import { UNITS, type Unit } from './lexicon';

const CODE: Partial<Record<Unit, string>> = {
  hour: 'TXH', minute: 'TXM', day: 'XD', week: 'XW', month: 'XM', year: 'XY', decade: 'XDE', century: 'XCE', quarter: 'XQ',
};

/** The plural unit at k ("weeks", "decades"), or undefined. */
function pluralUnitAt(ctx: ScanContext, k: number): Unit | undefined {
  const w = lowerAt(ctx, k);
  if (!w.endsWith('s')) return undefined;
  const u = UNITS.get(w);
  return u && CODE[u] ? u : undefined;
}

/** Words after which a date expression, not a duration, is what follows ("years ago", "weeks later" is a duration). */
function endsInDate(ctx: ScanContext, k: number): boolean {
  const n = lowerAt(ctx, k);
  return n === 'ago' || (n === 'from' && (lowerAt(ctx, k + 1) === 'now' || (lowerAt(ctx, k + 1) === 'today' && lowerAt(ctx, k + 2) !== "'s"))) || n === 'before' || n === 'after' || n === 'earlier';
}

function duration(start: number, end: number, u: Unit): RuleMatch {
  return { start, end, type: 'duration', value: `P${CODE[u]}`, relative: false };
}

/** "several weeks", "many years", "a few hours", "a few days". */
export function vagueCountDurationRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const w = lowerAt(ctx, i);
  let j: number;
  if (w === 'several' || w === 'many') j = i + 1;
  else if (w === 'a' && lowerAt(ctx, i + 1) === 'few') j = i + 2;
  else return undefined;
  const u = pluralUnitAt(ctx, j);
  if (!u || endsInDate(ctx, j + 1)) return undefined;
  // "many years' experience" still measures time; "how many days" too. "several months' pay" likewise.
  return duration(i, j + 1, u);
}

/** Verbs and prepositions that take a stretch of time as their measure: "for months", "spent years". */
const MEASURE_BEFORE: ReadonlySet<string> = new Set([
  'for', 'spent', 'spend', 'spends', 'spending', 'took', 'take', 'takes', 'taking', 'lasted', 'lasting', 'lasts',
  'waited', 'wait', 'waiting', 'waits',
]);

/** Words before "<units> of <noun>" that leave the units a measure of time ("after decades of war"). */
const OF_PHRASE_BEFORE: ReadonlySet<string> = new Set([
  'after', 'during', 'through', 'despite', 'following', 'amid', 'enduring', 'endured', 'endure', 'with', 'without',
  'over', 'within', 'ending', 'end', 'ended', 'from', 'by', 'than', 'and', 'or', '"', '\u201c', '(', ',', ';', ':', '.',
]);

/** A bare plural unit measuring time: "for months now", "spent years", "for years to come", "decades of repression". */
export function bareUnitDurationRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  const u = pluralUnitAt(ctx, i);
  if (!u) return undefined;
  const next = tok(ctx, i + 1);
  if (endsInDate(ctx, i + 1) || (next && next.kind === 'num')) return undefined;
  const prev = lowerAt(ctx, i - 1);
  if (MEASURE_BEFORE.has(prev)) return duration(i, i + 1, u);
  if (lowerAt(ctx, i + 1) === 'to' && lowerAt(ctx, i + 2) === 'come') return duration(i, i + 1, u);
  if (lowerAt(ctx, i + 1) === 'of' && (i === 0 || OF_PHRASE_BEFORE.has(prev))) {
    const after = tok(ctx, i + 2);
    if (after && after.kind === 'word' && after.lower !== 'age') return duration(i, i + 1, u);
  }
  return undefined;
}

/** "the weeks ahead", "the months that followed": the stretch around a narrated event. */
export function theUnitsAroundRule(ctx: ScanContext, i: number): RuleMatch | undefined {
  if (lowerAt(ctx, i) !== 'the') return undefined;
  const u = pluralUnitAt(ctx, i + 1);
  if (!u) return undefined;
  const n = lowerAt(ctx, i + 2);
  if (n === 'ahead') return duration(i, i + 3, u);
  if (n === 'that' && (lowerAt(ctx, i + 3) === 'followed' || lowerAt(ctx, i + 3) === 'preceded')) return duration(i, i + 2, u);
  return undefined;
}
