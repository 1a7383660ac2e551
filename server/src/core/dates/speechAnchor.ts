/**
 * Reported speech: relative dates inside a quotation are relative to when it was said, not to the
 * publication date. When the attribution gives the day ("told AP on Tuesday: '… tomorrow'"), the
 * relative expressions inside the quote are resolved again against that day.
 */
import { lowerBound } from '../sortedSpans';
import { parseIsoDay } from './calendar';
import type { RuleMatch, ScanContext } from './context';
import { scanRange } from './scan';

const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'tells', 'announced', 'declared', 'stated', 'added', 'wrote', 'insisted', 'warned',
  'explained', 'asked', 'replied', 'testified', 'promised', 'predicted', 'claimed', 'stressed', 'noted',
]);
const OPEN_QUOTES: ReadonlySet<string> = new Set(['"', '\u201c', '`']);
const CLOSE_QUOTES: ReadonlySet<string> = new Set(['"', '\u201d', "'"]);
const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_VALUE = /^\d{4}-\d{2}$/;

interface Region {
  /** Token range of the reported words. */
  from: number;
  to: number;
  /** Token range of the attribution (outside the quote) to search for verb + day. */
  attrFrom: number;
  attrTo: number;
}

/** Quotations and colon-introduced speech, as token ranges, with their attribution context. */
function speechRegions(ctx: ScanContext): Region[] {
  const toks = ctx.tokens;
  const out: Region[] = [];
  let open = -1;
  for (let i = 0; i < toks.length; i++) {
    // Quotation marks and colons are punctuation tokens: words and numbers only age an open quote.
    if (toks[i].kind !== 'punct') {
      if (open >= 0 && i - open > 400) open = -1;
      continue;
    }
    const t = toks[i].text;
    if (open < 0 && OPEN_QUOTES.has(t)) {
      open = i;
      if (t === '`' && toks[i + 1]?.text === '`') i++;
      continue;
    }
    if (open >= 0 && CLOSE_QUOTES.has(t) && i > open + 1) {
      const from = toks[open + 1]?.text === '`' ? open + 2 : open + 1;
      out.push({ from, to: i, attrFrom: Math.max(ctx.sentStart[open], open - 15), attrTo: Math.min(toks.length, i + 16) });
      if (t === "'" && toks[i + 1]?.text === "'") i++;
      open = -1;
      continue;
    }
    // An unclosed quotation ends at the paragraph (sentence-run) limit: give up after 400 tokens.
    if (open >= 0 && i - open > 400) open = -1;
    // "told AP on Tuesday: tomorrow we …"
    if (t === ':' && open < 0) {
      const end = Math.min(ctx.sentEnd[i], i + 60);
      if (end > i + 1) out.push({ from: i + 1, to: end, attrFrom: Math.max(ctx.sentStart[i], i - 15), attrTo: i });
    }
  }
  // Keep the regions disjoint and in order (a later region never reaches back into an earlier one).
  const disjoint: Region[] = [];
  let prevTo = 0;
  for (const r of out.sort((a, b) => a.from - b.from)) {
    if (r.from < prevTo) continue;
    disjoint.push(r);
    prevTo = r.to;
  }
  return disjoint;
}


/** The day (YYYY-MM-DD) or, failing one, the month (YYYY-MM) of speaking named next to a speech verb in the attribution. */
function speakingDay(ctx: ScanContext, r: Region, matches: readonly RuleMatch[]): string | undefined {
  let hasVerb = false;
  let month: string | undefined;
  for (let k = r.attrFrom; k < r.attrTo; k++) {
    if (k >= r.from && k < r.to) continue;
    if (SPEECH_VERBS.has(ctx.tokens[k].lower)) hasVerb = true;
  }
  if (!hasVerb) return undefined;
  for (let j = lowerBound(matches, r.attrFrom - 8); j < matches.length && matches[j].start < r.attrTo; j++) {
    const m = matches[j];
    if (m.end <= r.attrFrom || m.start >= r.attrTo) continue;
    if (m.start >= r.from - 1 && m.end <= r.to + 1) continue; // inside the quote
    if (m.type === 'date' && DAY_VALUE.test(m.value)) return m.value;
    if (m.type === 'date' && MONTH_VALUE.test(m.value)) month ??= m.value;
  }
  return month;
}

/**
 * Words said in an earlier month than the publication ("In March he said, '… dying today …'"):
 * their "today" is the speaker's present, a day the text does not name — PRESENT_REF, not the
 * publication day. Other relative dates keep their values (the month gives no day to count from).
 */
function speakersPresent(ctx: ScanContext, month: string, matches: RuleMatch[], first: number, last: number): boolean {
  const a = ctx.anchor;
  if (!a || month >= `${a.y}-${String(a.m).padStart(2, '0')}`) return false;
  let changed = false;
  for (let k = first; k < last; k++) {
    const m = matches[k];
    if (m.relative && m.end - m.start === 1 && ctx.tokens[m.start].lower === 'today' && DAY_VALUE.test(m.value)) {
      matches[k] = { ...m, value: 'PRESENT_REF' };
      changed = true;
    }
  }
  return changed;
}

export function reanchorReportedSpeech(ctx: ScanContext, matches: RuleMatch[]): RuleMatch[] {
  if (!ctx.anchor || !matches.some((m) => m.relative)) return matches; // nothing to re-anchor
  // Regions are disjoint and in text order; each is re-scanned at most once: linear overall.
  const replaced = new Map<number, RuleMatch[]>(); // index of first match inside a region → new matches
  const drop = new Uint8Array(matches.length);
  for (const r of speechRegions(ctx)) {
    const first = lowerBound(matches, r.from);
    let last = first;
    let anyRelative = false;
    while (last < matches.length && matches[last].end <= r.to) {
      if (matches[last].relative) anyRelative = true;
      last++;
    }
    if (!anyRelative) continue;
    const day = speakingDay(ctx, r, matches);
    if (day !== undefined && MONTH_VALUE.test(day)) {
      speakersPresent(ctx, day, matches, first, last);
      continue;
    }
    const anchor = parseIsoDay(day);
    if (!anchor || day === undefined || (anchor.y === ctx.anchor.y && anchor.m === ctx.anchor.m && anchor.d === ctx.anchor.d)) continue;
    const sub: ScanContext = { ...ctx, anchor, reAnchored: true };
    const again = scanRange(sub, r.from, r.to).map((m) => (m.relative ? { ...m, anchorIso: day } : m));
    for (let k = first; k < last; k++) drop[k] = 1;
    replaced.set(first, again);
  }
  if (replaced.size === 0) return matches;
  const out: RuleMatch[] = [];
  for (let k = 0; k <= matches.length; k++) {
    const rep = replaced.get(k);
    if (rep) out.push(...rep);
    if (k < matches.length && !drop[k]) out.push(matches[k]);
  }
  return out;
}
