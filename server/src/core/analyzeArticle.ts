/**
 * The core's one entry point for an article: text in, everything SourceLens knows about it out.
 * Front matter → markup masked (same offsets) → names → document-level linking → dates →
 * quotes and argument outline. The components are passed in (see `components.ts`), so tests can
 * run the pipeline with fakes and the recognizer stays behind one interface.
 */
import { parseFrontMatter } from './frontMatter';
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

export function analyzeArticle(text: string, components: AnalysisComponents, options: AnalyzeOptions = {}): ArticleAnalysis {
  const front = options.frontMatter === false ? { meta: { extra: {} } as ArticleMeta, bodyStart: 0, problems: [] as Problem[] } : parseFrontMatter(text);
  const problems: Problem[] = [...front.problems];
  const meta = front.meta;
  const masked = safely('reading the markup', text, problems, () => components.maskMarkup(text, front.bodyStart));
  const recognised = safely('recognizing names', [] as EntityMention[], problems, () =>
    applyDecisions(inSource(text, masked, components.recognizeEntities(masked)), options.decisions ?? NO_DECISIONS),
  );
  const linked = safely('linking names', { mentions: recognised, clusters: [], clusterOf: [] as number[] }, problems, () => linkDocument(masked, recognised));
  const dates = safely('recognizing dates', [] as DateMention[], problems, () => sortedSpans(inSource(text, masked, components.recognizeDates(masked, meta.date ?? options.dct))));
  const argument =
    options.outline === false
      ? { outline: [], quotes: [] }
      : safely('building the outline', { outline: [] as OutlineNode[], quotes: [] as Quote[] }, problems, () =>
          components.analyzeArgument({ text, bodyStart: front.bodyStart, meta, mentions: linked.mentions, masked }),
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
