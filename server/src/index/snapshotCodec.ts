/**
 * An article's line in the corpus snapshot: three tab-separated JSON texts (JSON never holds a raw
 * tab: `JSON.stringify` escapes it inside strings and adds no whitespace):
 *   1. {m, d, r, c}: mentions and dates as arrays instead of keyed objects, their surface text left
 *      out whenever it is exactly the article's text at their span (it is, nearly always); `r` the
 *      rest of the resident parts; `c` the number of clusters;
 *   2. the outline;
 *   3. the document clusters (spelling maps as entry lists).
 * Parts 2 and 3 are kept as bytes by the index (`CompactAnalysis`), so a warm start copies them
 * without parsing them. `decodeArticleLine(encodeArticleLine(a, text), text)` equals `a` (tested).
 */
import type { ArticleAnalysis } from '../core/analyzeArticle';
import type { DateMention, EntityMention } from '../core/types';
import { CompactAnalysis, storedClusters, type ResidentParts } from './compactAnalysis';
import { intern } from './stringPool';

/** [start, end, type, source, confidence, extras?] */
type PackedMention = [number, number, EntityMention['type'], EntityMention['source'], number, MentionExtras?];
interface MentionExtras {
  t?: string;
  ti?: string;
  r?: string;
}
/** [start, end, value, type, relative (1/0), anchor ('' for none), text when not the span's] */
type PackedDate = [number, number, string, DateMention['type'], number, string, string?];

export interface PackedAnalysis {
  m: PackedMention[];
  d: PackedDate[];
  /** Metadata, body start, cluster of each mention, quotes and problems. */
  r: Pick<ResidentParts, 'meta' | 'bodyStart' | 'clusterOf' | 'quotes' | 'problems'>;
  /** How many clusters the third part holds. */
  c: number;
}

const TAB = 9;

export function encodeAnalysis(a: ArticleAnalysis, text: string, clusterCount: number): PackedAnalysis {
  const m = a.mentions.map((x): PackedMention => {
    const extras: MentionExtras = {};
    if (x.text !== text.slice(x.start, x.end)) extras.t = x.text;
    if (x.title !== undefined) extras.ti = x.title;
    if (x.role !== undefined) extras.r = x.role;
    const packed: PackedMention = [x.start, x.end, x.type, x.source, x.confidence];
    if (extras.t !== undefined || extras.ti !== undefined || extras.r !== undefined) packed.push(extras);
    return packed;
  });
  const d = a.dates.map((x): PackedDate => {
    const packed: PackedDate = [x.start, x.end, x.value, x.type, x.relative ? 1 : 0, x.anchor ?? ''];
    if (x.text !== text.slice(x.start, x.end)) packed.push(x.text);
    return packed;
  });
  return { m, d, r: { meta: a.meta, bodyStart: a.bodyStart, clusterOf: a.clusterOf, quotes: a.quotes, problems: a.problems }, c: clusterCount };
}

/** The resident parts of a packed analysis; undefined when it is not one. */
function decodeResident(p: PackedAnalysis, text: string): ResidentParts | undefined {
  if (!p || !Array.isArray(p.m) || !Array.isArray(p.d) || !p.r || typeof p.c !== 'number') return undefined;
  const { meta, bodyStart, clusterOf, quotes, problems } = p.r;
  if (!meta || typeof bodyStart !== 'number' || !Array.isArray(clusterOf) || !Array.isArray(quotes) || !Array.isArray(problems)) return undefined;
  const mentions = p.m.map(([start, end, type, source, confidence, extras]) => {
    const mention: EntityMention = { start, end, type, text: intern(extras?.t ?? text.slice(start, end)), source, confidence };
    if (extras?.ti !== undefined) mention.title = extras.ti;
    if (extras?.r !== undefined) mention.role = extras.r;
    return mention;
  });
  const dates = p.d.map(([start, end, value, type, relative, anchor, ownText]) => {
    const date: DateMention = { start, end, text: intern(ownText ?? text.slice(start, end)), value: intern(value), type, relative: relative === 1 };
    if (anchor) date.anchor = intern(anchor);
    return date;
  });
  return { meta, bodyStart, mentions, clusterOf, dates, quotes, problems };
}

/** The snapshot line of an article's analysis (no newline). */
export function encodeArticleLine(a: ArticleAnalysis, text: string): string {
  if (a instanceof CompactAnalysis) return `${JSON.stringify(encodeAnalysis(a, text, a.clusterCount))}\t${a.outlineText()}\t${a.clustersText()}`;
  return `${JSON.stringify(encodeAnalysis(a, text, a.clusters.length))}\t${JSON.stringify(a.outline)}\t${JSON.stringify(storedClusters(a.clusters))}`;
}

/**
 * The analysis stored in bytes [start, end) of a snapshot (an article line), for the article whose
 * text is `text`. Undefined when the line is damaged (a miss, never an error); the outline and
 * clusters are copied out as bytes, parsed only when read.
 */
export function decodeArticleLine(buffer: Buffer, start: number, end: number, text: string): CompactAnalysis | undefined {
  const tab1 = buffer.indexOf(TAB, start);
  const tab2 = tab1 < 0 || tab1 >= end ? -1 : buffer.indexOf(TAB, tab1 + 1);
  if (tab2 < 0 || tab2 >= end) return undefined;
  const tab3 = buffer.indexOf(TAB, tab2 + 1);
  if (tab3 >= 0 && tab3 < end) return undefined;
  let parts: ResidentParts | undefined;
  let clusterCount: number;
  try {
    const packed = JSON.parse(buffer.toString('utf8', start, tab1)) as PackedAnalysis;
    parts = decodeResident(packed, text);
    clusterCount = packed.c;
  } catch {
    return undefined;
  }
  if (!parts) return undefined;
  // Copies, so the snapshot's buffer is not kept alive by the articles.
  return new CompactAnalysis(parts, clusterCount, Buffer.from(buffer.subarray(tab1 + 1, tab2)), Buffer.from(buffer.subarray(tab2 + 1, end)));
}
