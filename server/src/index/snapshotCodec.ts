/**
 * An article's line in the corpus snapshot: four tab-separated parts (JSON never holds a raw tab:
 * `JSON.stringify` escapes it inside strings and adds no whitespace; base64 has none):
 *   1. {r, c, s, x, y}: `r` metadata, body start, quotes and problems; `c` the number of clusters;
 *      `s` the strings of the date columns; `x` mention extras and `y` date texts by index
 *      (articleColumns.ts);
 *   2. the mention and date columns' bytes, base64;
 *   3. the outline's JSON, deflated, base64;
 *   4. the document clusters' JSON (spelling maps as entry lists), deflated, base64.
 * A warm start parses only part 1 and decodes the base64 of the others, so no mention or date object
 * is made until a feature asks for one article's, and the outline and clusters stay packed. `decodeArticleLine(encodeArticleLine(a, text),
 * text)` equals `a` (tested).
 */
import type { ArticleAnalysis } from '../core/analyzeArticle';
import { ArticleColumns, type MentionExtras } from './articleColumns';
import { analysisBytes } from './byteArena';
import { CompactAnalysis, packJson, storedClusters, type ResidentParts } from './compactAnalysis';
import { intern } from './stringPool';

interface PackedHead {
  r: ResidentParts;
  c: number;
  s: string[];
  x: Array<[number, MentionExtras]>;
  y: Array<[number, string]>;
}

const TAB = 9;

function packedHead(a: ArticleAnalysis, columns: ArticleColumns, clusterCount: number): string {
  const head: PackedHead = { r: { meta: a.meta, bodyStart: a.bodyStart, quotes: a.quotes, problems: a.problems }, c: clusterCount, s: [...columns.strings], x: [...columns.mentionExtras], y: [...columns.dateTexts] };
  return JSON.stringify(head);
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');

/**
 * The snapshot line of an article's analysis of the text `text` gives (no newline). A compact
 * analysis is written from its own bytes, without the text.
 */
export function encodeArticleLine(a: ArticleAnalysis, text: () => string): string {
  if (a instanceof CompactAnalysis) return `${packedHead(a, a.columns, a.clusterCount)}\t${base64(a.columns.bytes)}\t${base64(a.packedOutline())}\t${base64(a.packedClusters())}`;
  const columns = ArticleColumns.of(a.mentions, a.clusterOf, a.dates, text());
  return `${packedHead(a, columns, a.clusters.length)}\t${base64(columns.bytes)}\t${base64(packJson(a.outline))}\t${base64(packJson(storedClusters(a.clusters)))}`;
}

function isHead(p: PackedHead): boolean {
  if (!p || !p.r || typeof p.c !== 'number' || !Array.isArray(p.s) || !Array.isArray(p.x) || !Array.isArray(p.y)) return false;
  const { meta, bodyStart, quotes, problems } = p.r;
  return !!meta && typeof bodyStart === 'number' && Array.isArray(quotes) && Array.isArray(problems) && p.s.every((v) => typeof v === 'string');
}

/**
 * The analysis stored in bytes [start, end) of a snapshot (an article line), for the article whose
 * text is `text` (read again only when mention or date objects are made). Undefined when the line
 * is damaged (a miss, never an error); the columns, outline and clusters are copied out as bytes.
 */
export function decodeArticleLine(buffer: Buffer, start: number, end: number, text: () => string): CompactAnalysis | undefined {
  const tabs: number[] = [];
  for (let at = start; tabs.length < 4; ) {
    const tab = buffer.indexOf(TAB, at);
    if (tab < 0 || tab >= end) break;
    tabs.push(tab);
    at = tab + 1;
  }
  if (tabs.length !== 3) return undefined;
  const [tab1, tab2, tab3] = tabs;
  let head: PackedHead;
  try {
    head = JSON.parse(buffer.toString('utf8', start, tab1)) as PackedHead;
  } catch {
    return undefined;
  }
  if (!isHead(head)) return undefined;
  let extras: Map<number, MentionExtras>;
  let dateTexts: Map<number, string>;
  try {
    extras = new Map(head.x);
    dateTexts = new Map(head.y);
  } catch {
    return undefined;
  }
  const bytesOf = (from: number, to: number): Buffer => analysisBytes.fromBase64(buffer.toString('latin1', from, to));
  const columns = ArticleColumns.fromBytes(bytesOf(tab1 + 1, tab2), head.s.map(intern), extras, dateTexts, true);
  if (!columns) return undefined;
  // Copies (base64 decoded into the index's arena), so the line's buffer is not kept alive by the articles.
  return new CompactAnalysis(head.r, columns, head.c, bytesOf(tab2 + 1, tab3), bytesOf(tab3 + 1, end), text);
}
