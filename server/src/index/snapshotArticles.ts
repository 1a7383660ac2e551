/**
 * An article's analysis in the binary snapshot: one record, read into a slab the analysis keeps
 * and reads in place (no copy, no decoding): the mention and date columns (articleColumns.ts), the
 * quotes (storedQuotes.ts), the deflated outline and clusters (compactAnalysis.ts), and JSON parsed
 * for one article when first needed: the mention extras and date texts, the quotes' own strings,
 * and the metadata with the problems. Layout, from an 8-byte aligned start:
 *   Int32 columnsLength, outlineLength, clustersLength, extrasLength, stringCount, quoteCount,
 *         quoteStringsLength, restLength, bodyStart, clusterCount, problemCount, 0
 *   Int32 × stringCount: the article's date strings, as indexes into the snapshot's string table
 *   Int32 × 8 × quoteCount: the quotes
 *   (padding to 8) columns, (padding to 8) outline, clusters, extras JSON, quote strings JSON,
 *   metadata and problems JSON {m, p}, (padding to 8)
 * A warm start thus parses no JSON at all for an article, and makes no mention, date or quote text.
 */
import type { ArticleAnalysis } from '../core/analyzeArticle';
import { ArticleColumns } from './articleColumns';
import type { ArticleMeta, Problem, Quote } from '../core/types';
import { CompactAnalysis, compactAnalysis, type ResidentParts } from './compactAnalysis';
import { intern } from './stringPool';
import { decodeQuotes, encodeQuotes, QUOTE_FIELDS } from './storedQuotes';

const HEADER = 48;
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

/** The record of an analysis of the text `text` gives (read only for an analysis that is not compact, or quotes that are not restored ones); its length is a multiple of 8. */
export function encodeArticle(a: ArticleAnalysis, text: () => string, strings: StringTable): Buffer {
  const compact = a instanceof CompactAnalysis ? a : compactAnalysis(a, text);
  const columns = compact.columns;
  const outline = compact.packedOutline();
  const clusters = compact.packedClusters();
  const extras = columns.storedExtrasJson();
  const quotes = encodeQuotes(compact.quotes, text);
  const quoteStrings = quotes.strings.length ? Buffer.from(JSON.stringify(quotes.strings)) : Buffer.alloc(0);
  const problems = compact.problems;
  const rest = Buffer.from(JSON.stringify({ m: compact.meta, p: problems }));
  const stringCount = columns.strings.length;
  const columnsAt = pad8(HEADER + 4 * stringCount + 4 * quotes.ints.length);
  const outlineAt = pad8(columnsAt + columns.bytes.length);
  const parts = [outline, clusters, extras, quoteStrings, rest];
  const end = pad8(parts.reduce((at, part) => at + part.length, outlineAt));
  const record = Buffer.alloc(end);
  const ints = new Int32Array(record.buffer, record.byteOffset, (HEADER >> 2) + stringCount + quotes.ints.length);
  ints.set([columns.bytes.length, outline.length, clusters.length, extras.length, stringCount, quotes.ints.length / QUOTE_FIELDS, quoteStrings.length, rest.length, compact.bodyStart, compact.clusterCount, problems.length, 0]);
  for (let i = 0; i < stringCount; i++) ints[(HEADER >> 2) + i] = strings.at(columns.strings[i]);
  ints.set(quotes.ints, (HEADER >> 2) + stringCount);
  record.set(columns.bytes, columnsAt);
  let at = outlineAt;
  for (const part of parts) {
    record.set(part, at);
    at += part.length;
  }
  return record;
}

/** The parts of a restored analysis kept as objects: metadata and problems parsed on first read (damaged: none). */
class StoredParts implements ResidentParts {
  private metaValue: ArticleMeta | undefined;
  private problemList: Problem[] | undefined;

  constructor(
    readonly bodyStart: number,
    readonly quotes: Quote[],
    private readonly problemCount: number,
    private rest: Buffer | undefined,
  ) {}

  get meta(): ArticleMeta {
    if (!this.metaValue) this.load();
    return this.metaValue!;
  }

  get problems(): Problem[] {
    if (!this.problemList) {
      if (this.problemCount === 0) this.problemList = [];
      else this.load();
    }
    return this.problemList!;
  }

  private load(): void {
    let parsed: { m?: ArticleMeta; p?: Problem[] } | undefined;
    try {
      parsed = this.rest ? (JSON.parse(this.rest.toString('utf8')) as { m?: ArticleMeta; p?: Problem[] }) : undefined;
    } catch {
      parsed = undefined;
    }
    this.rest = undefined;
    const meta = parsed?.m;
    this.metaValue ??= meta && typeof meta === 'object' && meta.extra && typeof meta.extra === 'object' ? meta : { extra: {} };
    this.problemList ??= Array.isArray(parsed?.p) ? parsed!.p : [];
  }
}

/**
 * The analysis in record bytes [start, end) of `slab` (an 8-byte aligned buffer of its own, which
 * the analysis keeps), for the article whose text `text` gives. `strings`: the snapshot's string
 * table (pooled). Undefined when the record is damaged (a miss, never an error).
 */
export function decodeArticle(slab: Buffer, start: number, end: number, strings: readonly string[], text: () => string): CompactAnalysis | undefined {
  if (start % 8 !== 0 || (slab.byteOffset + start) % 8 !== 0 || end - start < HEADER || end > slab.length) return undefined;
  const header = new Int32Array(slab.buffer, slab.byteOffset + start, HEADER >> 2);
  const [columnsLength, outlineLength, clustersLength, extrasLength, stringCount, quoteCount, quoteStringsLength, restLength, bodyStart, clusterCount, problemCount] = header;
  if (columnsLength < 8 || outlineLength < 0 || clustersLength < 0 || extrasLength < 0 || stringCount < 0 || quoteCount < 0 || quoteStringsLength < 0 || restLength < 0 || bodyStart < 0 || clusterCount < 0 || problemCount < 0) return undefined;
  const quotesAt = start + HEADER + 4 * stringCount;
  if (quotesAt + 4 * QUOTE_FIELDS * quoteCount > end) return undefined;
  const columnsAt = start + pad8(HEADER + 4 * stringCount + 4 * QUOTE_FIELDS * quoteCount);
  const outlineAt = pad8(columnsAt + columnsLength);
  const extrasAt = outlineAt + outlineLength + clustersLength;
  const quoteStringsAt = extrasAt + extrasLength;
  const restAt = quoteStringsAt + quoteStringsLength;
  if (restAt + restLength > end) return undefined;
  const indexes = new Int32Array(slab.buffer, slab.byteOffset + start + HEADER, stringCount);
  const own: string[] = new Array(stringCount);
  for (let i = 0; i < stringCount; i++) {
    const s = strings[indexes[i]];
    if (s === undefined) return undefined;
    own[i] = s;
  }
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
  const parts = new StoredParts(bodyStart, quotes, problemCount, slab.subarray(restAt, restAt + restLength));
  return new CompactAnalysis(parts, columns, clusterCount, slab.subarray(outlineAt, outlineAt + outlineLength), slab.subarray(outlineAt + outlineLength, extrasAt), text);
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
