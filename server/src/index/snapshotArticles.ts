/**
 * An article's analysis in the binary snapshot, in two records:
 *   - the kept record, read into a slab the analysis keeps and reads in place (no copy, no
 *     decoding): the mention and date columns (articleColumns.ts), the quotes (storedQuotes.ts), the
 *     deflated outline and clusters (compactAnalysis.ts), and JSON parsed for one article when
 *     first needed: the mention extras and date texts, and the quotes' own strings. Layout, from an
 *     8-byte aligned start:
 *       Int32 columnsLength, outlineLength, clustersLength, extrasLength, stringCount, quoteCount,
 *             quoteStringsLength, 0
 *       Int32 × stringCount: the article's date strings, as indexes into the snapshot's string table
 *       Int32 × 8 × quoteCount: the quotes
 *       (padding to 8) columns, (padding to 8) outline, clusters, extras JSON, quote strings JSON,
 *       (padding to 8)
 *   - the head record, JSON parsed on a warm start and dropped: {r, c} (`r` metadata, body start
 *     and problems; `c` the number of clusters).
 * A warm start thus parses one small JSON per article and makes no mention or date object, and
 * no quote text.
 */
import type { ArticleAnalysis } from '../core/analyzeArticle';
import { ArticleColumns } from './articleColumns';
import { CompactAnalysis, compactAnalysis, type ResidentParts } from './compactAnalysis';
import { intern } from './stringPool';
import { decodeQuotes, encodeQuotes, QUOTE_FIELDS } from './storedQuotes';

const HEADER = 32;
const pad8 = (n: number): number => (n + 7) & ~7;

/** The corpus-wide table of date strings (values and anchors), each stored once. */
export class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  at(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      this.index.set(s, (i = this.list.length));
      this.list.push(s);
    }
    return i;
  }
}

export interface EncodedArticle {
  /** The kept record, its length a multiple of 8. */
  kept: Buffer;
  /** The head record's JSON. */
  head: string;
}

/** The records of an analysis of the text `text` gives (read only for an analysis that is not compact). */
export function encodeArticle(a: ArticleAnalysis, text: () => string, strings: StringTable): EncodedArticle {
  const compact = a instanceof CompactAnalysis ? a : compactAnalysis(a, text);
  const columns = compact.columns;
  const outline = compact.packedOutline();
  const clusters = compact.packedClusters();
  const extras = columns.storedExtrasJson();
  const quotes = encodeQuotes(compact.quotes, text);
  const quoteStrings = quotes.strings.length ? Buffer.from(JSON.stringify(quotes.strings)) : Buffer.alloc(0);
  const stringCount = columns.strings.length;
  const columnsAt = pad8(HEADER + 4 * stringCount + 4 * quotes.ints.length);
  const outlineAt = pad8(columnsAt + columns.bytes.length);
  const end = pad8(outlineAt + outline.length + clusters.length + extras.length + quoteStrings.length);
  const kept = Buffer.alloc(end);
  const ints = new Int32Array(kept.buffer, kept.byteOffset, (HEADER >> 2) + stringCount + quotes.ints.length);
  ints.set([columns.bytes.length, outline.length, clusters.length, extras.length, stringCount, quotes.ints.length / QUOTE_FIELDS, quoteStrings.length, 0]);
  for (let i = 0; i < stringCount; i++) ints[(HEADER >> 2) + i] = strings.at(columns.strings[i]);
  ints.set(quotes.ints, (HEADER >> 2) + stringCount);
  kept.set(columns.bytes, columnsAt);
  let at = outlineAt;
  for (const part of [outline, clusters, extras, quoteStrings]) {
    kept.set(part, at);
    at += part.length;
  }
  const head: Head = { r: { meta: compact.meta, bodyStart: compact.bodyStart, problems: compact.problems }, c: compact.clusterCount };
  return { kept, head: JSON.stringify(head) };
}

interface Head {
  r: Omit<ResidentParts, 'quotes'>;
  c: number;
}

function isHead(h: Head): boolean {
  if (!h || typeof h !== 'object' || !h.r || typeof h.c !== 'number' || !Number.isInteger(h.c) || h.c < 0) return false;
  const { meta, bodyStart, problems } = h.r;
  return !!meta && typeof meta === 'object' && typeof bodyStart === 'number' && Array.isArray(problems);
}

/**
 * The analysis in kept record bytes [start, end) of `slab` (an 8-byte aligned buffer of its own,
 * which the analysis keeps) and head record bytes [headStart, headEnd) of `heads`, for the article
 * whose text `text` gives. `strings`: the snapshot's string table (pooled). Undefined when the
 * records are damaged (a miss, never an error).
 */
export function decodeArticle(slab: Buffer, start: number, end: number, heads: Buffer, headStart: number, headEnd: number, strings: readonly string[], text: () => string): CompactAnalysis | undefined {
  if (start % 8 !== 0 || (slab.byteOffset + start) % 8 !== 0 || end - start < HEADER || end > slab.length) return undefined;
  const header = new Int32Array(slab.buffer, slab.byteOffset + start, HEADER >> 2);
  const [columnsLength, outlineLength, clustersLength, extrasLength, stringCount, quoteCount, quoteStringsLength] = header;
  if (columnsLength < 8 || outlineLength < 0 || clustersLength < 0 || extrasLength < 0 || stringCount < 0 || quoteCount < 0 || quoteStringsLength < 0) return undefined;
  const quotesAt = start + HEADER + 4 * stringCount;
  if (quotesAt + 4 * QUOTE_FIELDS * quoteCount > end) return undefined;
  const columnsAt = start + pad8(HEADER + 4 * stringCount + 4 * QUOTE_FIELDS * quoteCount);
  const outlineAt = pad8(columnsAt + columnsLength);
  const extrasAt = outlineAt + outlineLength + clustersLength;
  const quoteStringsAt = extrasAt + extrasLength;
  if (quoteStringsAt + quoteStringsLength > end) return undefined;
  const indexes = new Int32Array(slab.buffer, slab.byteOffset + start + HEADER, stringCount);
  const own: string[] = new Array(stringCount);
  for (let i = 0; i < stringCount; i++) {
    const s = strings[indexes[i]];
    if (s === undefined) return undefined;
    own[i] = s;
  }
  let head: Head;
  try {
    head = JSON.parse(heads.toString('utf8', headStart, headEnd)) as Head;
  } catch {
    return undefined;
  }
  if (!isHead(head)) return undefined;
  const quoteStrings = (): string[] => {
    try {
      const list = JSON.parse(slab.toString('utf8', quoteStringsAt, quoteStringsAt + quoteStringsLength)) as unknown;
      return Array.isArray(list) ? list.map(String) : [];
    } catch {
      return [];
    }
  };
  const quotes = decodeQuotes(new Int32Array(slab.buffer, slab.byteOffset + quotesAt, QUOTE_FIELDS * quoteCount), text, quoteStrings);
  if (!quotes) return undefined;
  const columns = ArticleColumns.view(new Uint8Array(slab.buffer, slab.byteOffset + columnsAt, columnsLength), own, slab.subarray(extrasAt, extrasAt + extrasLength));
  if (!columns) return undefined;
  return new CompactAnalysis({ ...head.r, quotes }, columns, head.c, slab.subarray(outlineAt, outlineAt + outlineLength), slab.subarray(outlineAt + outlineLength, extrasAt), text);
}

/** The table's strings pooled (one copy each, shared with the rest of the index). */
export function pooledStrings(list: readonly unknown[]): string[] | undefined {
  const out: string[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (typeof s !== 'string') return undefined;
    out[i] = intern(s);
  }
  return out;
}
