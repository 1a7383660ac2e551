/**
 * Reported speech: relative dates inside a quotation are relative to when it was said, not to the
 * publication date. When the attribution gives the day ("told AP on Tuesday: '… tomorrow'"), the
 * relative expressions inside the quote are resolved again against that day. When it gives none but
 * reports the words in the past ("told AP: '… tomorrow'") inside a paragraph that has set its scene
 * on an earlier day ("On Tuesday, the movement declared a strike. … A spokesman told AP: '…'"), the
 * words were said in that scene: the paragraph's last named past day is the time of speaking, as the
 * narrative's reference time carries over until the text moves it.
 */
import { lowerBound } from '../sortedSpans';
import { fmtDay, parseIsoDay } from './calendar';
import type { RuleMatch, ScanContext } from './context';
import { scanRange } from './scan';

const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'tells', 'announced', 'declared', 'stated', 'added', 'wrote', 'insisted', 'warned',
  'explained', 'asked', 'replied', 'testified', 'promised', 'predicted', 'claimed', 'stressed', 'noted',
]);
/** The present-tense forms: words reported as said now ("a spokesman says") belong to the publication day. */
const PRESENT_SPEECH_VERBS: ReadonlySet<string> = new Set(['says', 'tells']);
/** How far back (tokens) the scene's day may stand before the attribution, within its paragraph. */
const SCENE_REACH = 160;
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
      // The attribution after the quote ends with its sentence ("…," she said. "…"): the next
      // sentence's dates are not the time of speaking.
      const after = i + 1 < toks.length ? ctx.sentEnd[i + 1] : toks.length;
      out.push({ from, to: i, attrFrom: Math.max(ctx.sentStart[open], open - 15), attrTo: Math.min(after, i + 16) });
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


/** The speech verb of a region's attribution: 'past' ("told", "said"), 'present' ("says"), or undefined. */
function speechTense(ctx: ScanContext, r: Region): 'past' | 'present' | undefined {
  let tense: 'past' | 'present' | undefined;
  for (let k = r.attrFrom; k < r.attrTo; k++) {
    if (k >= r.from && k < r.to) continue;
    const w = ctx.tokens[k].lower;
    if (PRESENT_SPEECH_VERBS.has(w)) return 'present';
    if (SPEECH_VERBS.has(w)) tense = 'past';
  }
  return tense;
}

/** The day (YYYY-MM-DD) or, failing one, the month (YYYY-MM) of speaking named next to a speech verb in the attribution. */
function speakingDay(ctx: ScanContext, r: Region, matches: readonly RuleMatch[]): string | undefined {
  let month: string | undefined;
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
 * Whether a paragraph ends between text offsets from and to: a blank line, or a line break after
 * the end of a sentence (text written one paragraph, or one sentence, a line). A hard-wrapped line
 * inside a paragraph mostly breaks mid-sentence and does not count.
 */
function paragraphBreakIn(text: string, from: number, to: number): boolean {
  let newlines = 0;
  let last = 0; // the last non-space character before the line break
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      if (++newlines >= 2 || SENTENCE_END.has(last)) return true;
    } else if (c !== 32 && c !== 9 && c !== 13) {
      newlines = 0;
      last = c;
    }
  }
  return false;
}
/** . ! ? and closing quotation marks. */
const SENTENCE_END: ReadonlySet<number> = new Set([46, 33, 63, 34, 0x201d, 39, 0x2019]);
/** Words that may stand before a fronted day: "On Tuesday,", "Late Monday,", "Earlier Sunday,". */
const FRAME_LEAD: ReadonlySet<string> = new Set(['on', 'late', 'early', 'earlier', 'later']);

/**
 * A fronted day that frames what follows: "On Tuesday, …", "On Tuesday the …", "Late Monday, …"
 * opening its sentence. A framing adverbial's scope runs on over the next sentences of its
 * paragraph; a day inside a sentence ("… was set on Tuesday.") dates that sentence only.
 */
function isFrame(ctx: ScanContext, m: RuleMatch): boolean {
  let s = m.start;
  const lead = s > ctx.sentStart[s] ? ctx.tokens[s - 1].lower : '';
  if (FRAME_LEAD.has(lead)) s--;
  return s === ctx.sentStart[m.start] && (ctx.tokens[m.end]?.text === ',' || lead === 'on');
}

/**
 * The scene's day for words reported in the past without a day of their own: the last day-valued
 * date before the attribution, when it is a fronted day ("On Tuesday, …") in the same paragraph
 * (within SCENE_REACH tokens, not inside another quotation) and lies before the anchor.
 */
function sceneDay(ctx: ScanContext, r: Region, matches: readonly RuleMatch[], regions: readonly Region[], ri: number): string | undefined {
  const limit = Math.min(r.attrFrom, r.from);
  const toks = ctx.tokens;
  const a = ctx.anchor;
  if (limit <= 0 || !a) return undefined;
  let prevRegion = ri - 1;
  for (let j = lowerBound(matches, limit) - 1; j >= 0; j--) {
    const m = matches[j];
    if (m.end > limit) continue;
    if (limit - m.end > SCENE_REACH) return undefined;
    while (prevRegion >= 0 && regions[prevRegion].from >= m.end) prevRegion--;
    if (prevRegion >= 0 && m.start >= regions[prevRegion].from && m.end <= regions[prevRegion].to) continue; // someone's words
    if (m.type !== 'date' || !DAY_VALUE.test(m.value)) continue;
    if (!isFrame(ctx, m) || paragraphBreakIn(ctx.text, toks[m.end - 1].end, toks[limit].start)) return undefined;
    return m.value < fmtDay(a) ? m.value : undefined;
  }
  return undefined;
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
  const regions = speechRegions(ctx);
  for (let ri = 0; ri < regions.length; ri++) {
    const r = regions[ri];
    const first = lowerBound(matches, r.from);
    let last = first;
    let anyRelative = false;
    while (last < matches.length && matches[last].end <= r.to) {
      if (matches[last].relative) anyRelative = true;
      last++;
    }
    if (!anyRelative) continue;
    const tense = speechTense(ctx, r);
    if (tense === undefined) continue;
    const day = speakingDay(ctx, r, matches) ?? (tense === 'past' ? sceneDay(ctx, r, matches, regions, ri) : undefined);
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
