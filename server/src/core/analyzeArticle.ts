/**
 * The core's one entry point for an article: text in, everything SourceLens knows about it out.
 * Front matter → markup masked (same offsets) → names (of the body, and of the front matter's
 * title, author and publisher: frontMatterNames.ts) → document-level linking → dates (of the body)
 * → quotes and argument outline (of the body). The components are passed in (see `components.ts`), so tests can
 * run the pipeline with fakes and the recognizer stays behind one interface.
 */
import { parseFrontMatter } from './frontMatter';
import { frontMatterNames, type FrontMatterNames } from './frontMatterNames';
import { linkDocument, type DocCluster } from './linking/documentEntities';
import { nameKey } from './linking/nameKey';
import type { ArticleMeta, DateMention, EntityMention, EntityType, OutlineNode, Problem, Quote } from './types';

export interface AnalysisComponents {
  /** Same-length copy of the text with front matter and Markdown markup blanked out. */
  maskMarkup(text: string, bodyStart: number): string;
  recognizeEntities(maskedText: string): EntityMention[];
  recognizeDates(maskedText: string, dct?: string): DateMention[];
  /** `masked`: the text as maskMarkup gave it, so the outline need not mask it again. */
  analyzeArgument(input: { text: string; bodyStart: number; meta: ArticleMeta; mentions: EntityMention[]; masked?: string }): { outline: OutlineNode[]; quotes: Quote[] };
}

/** The reader's own decisions, from the workspace (ignore list, type changes). */
export interface ReaderDecisions {
  /** Name keys (see `nameKey`) that are not entities. */
  ignored: ReadonlySet<string>;
  /** Name key → type the reader chose. */
  types: ReadonlyMap<string, EntityType>;
}

export const NO_DECISIONS: ReaderDecisions = { ignored: new Set(), types: new Map() };

export interface AnalyzeOptions {
  /** Anchor for relative dates when the front matter has no `date` (e.g. the CLI's `dct`). */
  dct?: string;
  decisions?: ReaderDecisions;
  /** Skip the outline (the CLI's NER/date evaluation does not need it). */
  outline?: boolean;
  /** false: the text is plain (no front matter, e.g. the CLI's --jsonl-in documents). */
  frontMatter?: boolean;
}

export interface ArticleAnalysis {
  meta: ArticleMeta;
  bodyStart: number;
  /** Sorted by start, non-overlapping. */
  mentions: EntityMention[];
  /** Document-level clusters; `clusterOf[i]` is mention i's cluster. */
  clusters: DocCluster[];
  clusterOf: number[];
  dates: DateMention[];
  quotes: Quote[];
  outline: OutlineNode[];
  problems: Problem[];
}

function applyDecisions(mentions: EntityMention[], decisions: ReaderDecisions): EntityMention[] {
  if (decisions.ignored.size === 0 && decisions.types.size === 0) return mentions;
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const key = nameKey(m.text);
    if (decisions.ignored.has(key)) continue;
    const type = decisions.types.get(key);
    out.push(type ? { ...m, type, source: 'user', confidence: 1 } : m);
  }
  return out;
}

/** Sorted by start and non-overlapping, as the index's binary searches expect. */
function sortedSpans<T extends { start: number; end: number }>(spans: T[]): T[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const s of sorted) if (!out.length || s.start >= out[out.length - 1].end) out.push(s);
  return out;
}

/**
 * Names are recognised on the masked text; report them as they stand in the source. A span that
 * crosses blanked markup ("Baghdad* Iraq", "J<img …>Sadr") is split at the markup, and each piece
 * that still starts with a letter is kept.
 */
function inSource<T extends { start: number; end: number; text: string }>(text: string, masked: string, spans: T[]): T[] {
  const out: T[] = [];
  for (const span of spans) {
    let cut = false;
    for (let i = span.start; i < span.end; i++) if (masked.charCodeAt(i) !== text.charCodeAt(i)) {
      cut = true;
      break;
    }
    if (!cut) {
      out.push({ ...span, text: text.slice(span.start, span.end) });
      continue;
    }
    let pieceStart = -1;
    for (let i = span.start; i <= span.end; i++) {
      const clean = i < span.end && masked.charCodeAt(i) === text.charCodeAt(i);
      if (clean && pieceStart < 0) pieceStart = i;
      if (!clean && pieceStart >= 0) {
        let a = pieceStart;
        let b = i;
        while (a < b && /\s/.test(text.charAt(a))) a++;
        while (b > a && /[\s'’]/.test(text.charAt(b - 1))) b--;
        if (b > a && /\p{L}/u.test(text.charAt(a))) out.push({ ...span, start: a, end: b, text: text.slice(a, b) });
        pieceStart = -1;
      }
    }
  }
  return out;
}

function safely<T>(what: string, fallback: T, problems: Problem[], run: () => T): T {
  try {
    return run();
  } catch (err) {
    problems.push({ start: 0, end: 0, severity: 'error', code: 'internal', message: `SourceLens could not finish ${what}: ${err instanceof Error ? err.message : String(err)}` });
    return fallback;
  }
}

/** The masked text with the front-matter spans names were read from shown again (as they were read), for linking. */
function withReadable(masked: string, spans: FrontMatterNames['readable']): string {
  if (spans.length === 0) return masked;
  let out = '';
  let last = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < last) continue;
    out += masked.slice(last, s.start) + s.text;
    last = s.end;
  }
  return out + masked.slice(last);
}

const NO_NAMES: FrontMatterNames = { mentions: [], readable: [] };

export function analyzeArticle(text: string, components: AnalysisComponents, options: AnalyzeOptions = {}): ArticleAnalysis {
  const front = options.frontMatter === false ? { meta: { extra: {} } as ArticleMeta, bodyStart: 0, blockStart: 0, blockEnd: 0, data: {}, problems: [] as Problem[] } : parseFrontMatter(text);
  const problems: Problem[] = [...front.problems];
  const meta = front.meta;
  const masked = safely('reading the markup', text, problems, () => components.maskMarkup(text, front.bodyStart));
  const decisions = options.decisions ?? NO_DECISIONS;
  const recognised = safely('recognizing names', [] as EntityMention[], problems, () => applyDecisions(inSource(text, masked, components.recognizeEntities(masked)), decisions));
  const frontNames =
    front.bodyStart > 0
      ? safely('recognizing names in the front matter', NO_NAMES, problems, () => frontMatterNames(text, front, masked, front.bodyStart, (t) => components.recognizeEntities(t), recognised))
      : NO_NAMES;
  const frontMentions = applyDecisions(frontNames.mentions.filter((m) => m.end <= front.bodyStart), decisions);
  const all = frontMentions.length ? [...frontMentions, ...recognised] : recognised;
  const linkText = frontMentions.length ? withReadable(masked, [...frontNames.readable, ...frontMentions]) : masked;
  const linked = safely('linking names', { mentions: all, clusters: [], clusterOf: [] as number[] }, problems, () => linkDocument(linkText, all));
  // linking read the title in the body's casing: a name found there is reported as the source writes it
  if (linkText !== masked) for (let i = 0; i < linked.mentions.length && linked.mentions[i].start < front.bodyStart; i++) {
    const m = linked.mentions[i];
    const written = text.slice(m.start, m.end);
    if (m.text !== written) linked.mentions[i] = { ...m, text: written };
  }
  // the outline reads the body only: names in the front matter are not its speakers or actors
  const bodyMentions = front.bodyStart > 0 ? linked.mentions.filter((m) => m.start >= front.bodyStart) : linked.mentions;
  const dates = safely('recognizing dates', [] as DateMention[], problems, () => sortedSpans(inSource(text, masked, components.recognizeDates(masked, meta.date ?? options.dct))));
  const argument =
    options.outline === false
      ? { outline: [], quotes: [] }
      : safely('building the outline', { outline: [] as OutlineNode[], quotes: [] as Quote[] }, problems, () =>
          components.analyzeArgument({ text, bodyStart: front.bodyStart, meta, mentions: bodyMentions, masked }),
        );
  return {
    meta,
    bodyStart: front.bodyStart,
    mentions: linked.mentions,
    clusters: linked.clusters,
    clusterOf: linked.clusterOf,
    dates,
    quotes: argument.quotes,
    outline: argument.outline,
    problems,
  };
}
