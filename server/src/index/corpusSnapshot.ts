/**
 * One file with the whole linked corpus: every article's analysis and the corpus linking, written
 * after a full relink, so the next session starts without reading ten thousand cache entries and
 * without relinking. Safe to lose or find corrupt, truncated or stale: a file that is not whole is
 * ignored (and removed); a damaged part is a miss (its articles are analysed anew, or the corpus
 * relinked); an article whose content hash differs is analysed as usual; the linking is reused only
 * when the articles, notes and reader decisions are exactly those it was made from.
 *
 * Format: binary parts, then the trailer (JSON: format, keys, counts, the file's size, and each
 * part's [offset, length, CRC-32]), then a 16-byte footer "SLSNAP" + the trailer's length in ten
 * digits. Parts (Int32 and Float64 in the platform's byte order, as the columns):
 *   index       JSON {uris, hashes, strings}: per article (in linking order) its URI and content
 *               hash; the table of date strings the articles' records name
 *   rowAt, rows Int32: the assignment, article d's row being rows[rowAt[d], rowAt[d + 1]): the
 *               entity of each of its clusters as its number in the entity list (-1: none)
 *   entities    JSON list of what a warm start needs of each entity (snapshotEntities.ts)
 *   entityLazy, entityAt   the rest of each entity, JSON read on first use, entity j at [at[j], at[j + 1])
 *   slabs       Float64 × 5 per slab: first article, article count, offset, length, CRC-32; a
 *               slab is consecutive articles' records (snapshotArticles.ts)
 *   recordAt    Int32 per article: where its record starts in its slab
 *   maps        Int32: the link's corpus maps (linkedMaps.ts): a header [articles, entities, values,
 *               row pairs, dates, quotes], then rowAt, rowArticle, rowCount, the values (indexes into
 *               the string table), valueAt, dateArticle, dateIndex, quoteAt, quoteArticle,
 *               quoteIndex, said. Damaged: the maps are computed from the articles instead.
 * A warm start reads the slabs in order (about 2 MB each, one read and one CRC each); each
 * analysis keeps its slab and reads its columns and packed parts in place.
 */
import { closeSync, fstatSync, openSync, readSync } from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { ArticleAnalysis } from '../core/analyzeArticle';
import type { CorpusEntity, EntityNote } from '../core/linking/corpusEntities';
import { decodeArticle, encodeArticle, pooledStrings, StringTable } from './snapshotArticles';
import { eagerEntity, lazyEntityJson, restoreEntities } from './snapshotEntities';
import { decodeLinkedMaps, encodeLinkedMaps, linkedMapsFit, type LinkedMaps } from './linkedMaps';

/** Bump when the file's layout changes (the analysis format and model are in the folder name). */
export const SNAPSHOT_FORMAT = 9;

export interface SnapshotArticle {
  uri: string;
  hash: string;
  /** The article's text (read only to pack an analysis that is not compact); may be decoded on each read. */
  text: string;
  analysis: ArticleAnalysis;
  /** Entity id per cluster of the analysis (the linking's assignment row). */
  assignment: readonly string[];
}

/** What a snapshot is made from: the index right after a full relink. */
export interface SnapshotSource {
  decisionsKey: string;
  notesKey: string;
  /** In linking order (sorted by URI). */
  articles: readonly SnapshotArticle[];
  entities: readonly CorpusEntity[];
  /** The link's corpus maps (their positions are the articles' in `articles`). */
  maps: LinkedMaps;
}

type Part = [offset: number, length: number, crc: number];
const PART_NAMES = ['index', 'rowAt', 'rows', 'entities', 'entityLazy', 'entityAt', 'slabs', 'recordAt', 'maps'] as const;
type PartName = (typeof PART_NAMES)[number];

interface Trailer {
  format: number;
  decisionsKey: string;
  notesKey: string;
  articles: number;
  entities: number;
  size: number;
  parts: Record<PartName, Part>;
}

const MAGIC = 'SLSNAP';
const FOOTER = 16;
/** Slabs of about this many bytes: few reads, and little kept for the articles of a slab that changed. */
const SLAB_BYTES = 2 << 20;
const SLAB_FIELDS = 5;

/** CRC-32 (zlib's, where this Node has it). */
const crc32: (data: Uint8Array, value?: number) => number = typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (zlib as unknown as { crc32(d: Uint8Array, v?: number): number }).crc32 : crc32Js;

let crcTable: Int32Array | undefined;
/** CRC-32 in JavaScript, for a Node without zlib.crc32 (exported for its test). */
export function crc32Js(data: Uint8Array, value = 0): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Reads bytes [offset, offset + length) of an open file into a buffer of its own (8-byte aligned); throws when they cannot all be read. */
function readAt(fd: number, offset: number, length: number): Buffer {
  const out = Buffer.allocUnsafeSlow(length);
  for (let got = 0; got < length; ) {
    const n = readSync(fd, out, got, length - got, offset + got);
    if (n === 0) throw new Error('snapshot file shrank');
    got += n;
  }
  return out;
}

const int32s = (b: Buffer): Int32Array => new Int32Array(b.buffer, b.byteOffset, b.length >> 2);

/**
 * A snapshot read from disk: the article list at once; analyses read slab by slab and entities
 * when the linking is asked for, from the open file. `close` when done (the reader of a scan
 * closes it when the scan ends).
 */
export class LoadedSnapshot {
  private readonly position = new Map<string, number>();
  private slab = -1;
  private kept: Buffer | undefined;
  /** Slabs whose bytes failed their check: their articles are misses. */
  private readonly badSlabs = new Set<number>();
  /** The slab of each article. */
  private readonly slabOf: Int32Array;

  constructor(
    private fd: number,
    private readonly trailer: Trailer,
    readonly uris: readonly string[],
    readonly hashes: readonly string[],
    private readonly strings: readonly string[],
    private readonly assignment: readonly Int32Array[],
    private readonly slabs: Float64Array,
    private readonly recordAt: Int32Array,
  ) {
    uris.forEach((uri, i) => this.position.set(uri, i));
    this.slabOf = new Int32Array(uris.length);
    for (let s = 0; s * SLAB_FIELDS < slabs.length; s++) {
      const first = slabs[s * SLAB_FIELDS];
      this.slabOf.fill(s, first, first + slabs[s * SLAB_FIELDS + 1]);
    }
  }

  get decisionsKey(): string {
    return this.trailer.decisionsKey;
  }

  get notesKey(): string {
    return this.trailer.notesKey;
  }

  get size(): number {
    return this.uris.length;
  }

  /** Releases the file; the snapshot then has no analyses or linking to give (each reads as a miss). */
  close(): void {
    this.kept = undefined;
    this.slab = -1;
    if (this.fd < 0) return;
    const fd = this.fd;
    this.fd = -1;
    try {
      closeSync(fd);
    } catch {
      // already closed: nothing to release
    }
  }

  /** A part's bytes when they pass their check; throws otherwise, or when closed. */
  private part(name: PartName): Buffer {
    if (this.fd < 0) throw new Error('snapshot closed');
    const [offset, length, crc] = this.trailer.parts[name];
    const bytes = readAt(this.fd, offset, length);
    if (crc32(bytes) !== crc) throw new Error(`the ${name} part is damaged`);
    return bytes;
  }

  /** Makes slab s current; false when it cannot be read or is damaged. */
  private loadSlab(s: number): boolean {
    if (this.slab === s) return true;
    if (this.badSlabs.has(s) || this.fd < 0) return false;
    const f = s * SLAB_FIELDS;
    try {
      const kept = readAt(this.fd, this.slabs[f + 2], this.slabs[f + 3]);
      if (crc32(kept) !== this.slabs[f + 4]) throw new Error('damaged');
      this.kept = kept;
      this.slab = s;
      return true;
    } catch {
      this.badSlabs.add(s);
      return false;
    }
  }

  /** The stored analysis of an article when its content is still that of hash `hash` (`text` gives it, read only when mention objects are made). */
  analysis(uri: string, hash: string, text: () => string): ArticleAnalysis | undefined {
    const i = this.position.get(uri);
    if (i === undefined || this.hashes[i] !== hash) return undefined;
    const s = this.slabOf[i];
    if (!this.loadSlab(s)) return undefined;
    const f = s * SLAB_FIELDS;
    const end = i + 1 === this.slabs[f] + this.slabs[f + 1] ? this.slabs[f + 3] : this.recordAt[i + 1];
    try {
      return decodeArticle(this.kept!, this.recordAt[i], end, this.strings, text);
    } catch {
      return undefined;
    }
  }

  /** Whether exactly these articles (URI → content hash) are the snapshot's. */
  sameArticles(current: ReadonlyMap<string, string>): boolean {
    if (current.size !== this.uris.length) return false;
    for (let i = 0; i < this.uris.length; i++) if (current.get(this.uris[i]) !== this.hashes[i]) return false;
    return true;
  }

  /**
   * The link's corpus maps as stored, for a linking of `entities` entities; undefined when the part
   * is damaged or does not fit (the caller computes them from the articles).
   */
  linkedMaps(entities: number): LinkedMaps | undefined {
    try {
      const maps = decodeLinkedMaps(int32s(this.part('maps')), this.strings);
      return maps && maps.articles === this.uris.length && maps.entities === entities && linkedMapsFit(maps) ? maps : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The stored linking: entities (notes attached by id from `notes`) and the assignment rows in
   * snapshot order, as entity ids and as entity numbers (-1: none). Undefined when a note it names
   * is missing or an entity part is damaged.
   */
  linking(notes: ReadonlyMap<string, EntityNote>): { entities: CorpusEntity[]; assignment: string[][]; numbers: readonly Int32Array[] } | undefined {
    let entities: CorpusEntity[] | undefined;
    try {
      const eager = JSON.parse(this.part('entities').toString('utf8')) as unknown;
      entities = restoreEntities(eager, this.part('entityLazy'), int32s(this.part('entityAt')), notes);
    } catch {
      return undefined; // a damaged entity part: the caller relinks
    }
    if (!entities || entities.length !== this.trailer.entities) return undefined;
    for (const row of this.assignment) for (let c = 0; c < row.length; c++) if (row[c] >= entities.length) return undefined;
    // The entities' own id strings, shared by every row.
    const ids = entities.map((e) => e.id);
    const assignment = this.assignment.map((row) => {
      const out: string[] = new Array(row.length);
      for (let c = 0; c < row.length; c++) out[c] = row[c] >= 0 ? ids[row[c]] : '';
      return out;
    });
    return { entities, assignment, numbers: this.assignment };
  }
}

function isPart(p: unknown, dataEnd: number): p is Part {
  return Array.isArray(p) && p.length === 3 && p.every((n) => Number.isInteger(n) && n >= 0) && p[0] + p[1] <= dataEnd;
}

/**
 * Opens and checks a snapshot (it stays open until `close`). Undefined when missing; a corrupt,
 * truncated or foreign file is logged, removed and treated as missing.
 */
export async function readSnapshot(file: string, log: (m: string) => void): Promise<LoadedSnapshot | undefined> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < FOOTER) throw new Error('unknown format or truncated');
    const footer = readAt(fd, size - FOOTER, FOOTER).toString('latin1');
    const trailerLength = Number(footer.slice(MAGIC.length));
    if (!footer.startsWith(MAGIC) || !/^\d{10}$/.test(footer.slice(MAGIC.length)) || trailerLength > size - FOOTER) throw new Error('unknown format or truncated');
    const dataEnd = size - FOOTER - trailerLength;
    const trailer = JSON.parse(readAt(fd, dataEnd, trailerLength).toString('utf8')) as Trailer;
    if (!trailer || trailer.format !== SNAPSHOT_FORMAT) throw new Error('unknown format');
    if (trailer.size !== size) throw new Error('truncated');
    const n = trailer.articles;
    if (!Number.isInteger(n) || n < 0 || !Number.isInteger(trailer.entities) || typeof trailer.decisionsKey !== 'string' || typeof trailer.notesKey !== 'string' || !trailer.parts) throw new Error('bad trailer');
    for (const name of PART_NAMES) if (!isPart(trailer.parts[name], dataEnd)) throw new Error(`bad ${name} part`);
    const part = (name: PartName): Buffer => {
      const [offset, length, crc] = trailer.parts[name];
      const bytes = readAt(fd, offset, length);
      if (crc32(bytes) !== crc) throw new Error(`the ${name} part is damaged`);
      return bytes;
    };
    const index = JSON.parse(part('index').toString('utf8')) as { uris: unknown; hashes: unknown; strings: unknown };
    const uris = index.uris as string[];
    const hashes = index.hashes as string[];
    const strings = Array.isArray(index.strings) ? pooledStrings(index.strings) : undefined;
    if (!Array.isArray(uris) || !Array.isArray(hashes) || !strings || uris.length !== n || hashes.length !== n || !uris.every((u) => typeof u === 'string') || !hashes.every((h) => typeof h === 'string')) throw new Error('bad article index');
    const rowAt = int32s(part('rowAt'));
    const rows = int32s(part('rows'));
    if (rowAt.length !== n + 1 || rowAt[0] !== 0 || rowAt[n] !== rows.length) throw new Error('bad assignment');
    const assignment: Int32Array[] = new Array(n);
    for (let d = 0; d < n; d++) {
      if (rowAt[d + 1] < rowAt[d]) throw new Error('bad assignment');
      assignment[d] = rows.subarray(rowAt[d], rowAt[d + 1]);
    }
    for (let k = 0; k < rows.length; k++) if (rows[k] < -1) throw new Error('bad assignment');
    const slabBytes = part('slabs');
    const slabs = new Float64Array(slabBytes.buffer, slabBytes.byteOffset, slabBytes.length >> 3);
    const recordAt = int32s(part('recordAt'));
    if (slabs.length % SLAB_FIELDS !== 0 || recordAt.length !== n || !slabsFit(slabs, recordAt, n, dataEnd)) throw new Error('bad slab table');
    return new LoadedSnapshot(fd, trailer, uris, hashes, strings, assignment, slabs, recordAt);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    log(`Discarding the corpus snapshot ${path.basename(file)} (${(err as Error).message}).`);
    await fs.rm(file, { force: true }).catch(() => undefined);
    return undefined;
  }
}

/** Whether the slabs cover articles 0..n-1 in order, inside the file, and each record starts inside its slab, in order. */
function slabsFit(slabs: Float64Array, recordAt: Int32Array, n: number, dataEnd: number): boolean {
  let next = 0;
  for (let f = 0; f < slabs.length; f += SLAB_FIELDS) {
    const [first, count, offset, length] = [slabs[f], slabs[f + 1], slabs[f + 2], slabs[f + 3]];
    if (first !== next || !Number.isInteger(count) || count < 1 || !(offset >= 0) || !(length >= 0) || offset + length > dataEnd) return false;
    let previous = 0;
    for (let i = first; i < first + count; i++) {
      if (recordAt[i] < previous || recordAt[i] > length) return false;
      previous = recordAt[i];
    }
    next = first + count;
  }
  return next === n;
}

/** Each article's assignment row as entity numbers (-1: none), concatenated; throws for an id that is no entity (nothing could restore it). */
function numberedAssignment(source: SnapshotSource): { rowAt: Int32Array; rows: Int32Array } {
  const numbers = new Map(source.entities.map((e, n) => [e.id, n]));
  const rowAt = new Int32Array(source.articles.length + 1);
  source.articles.forEach((a, d) => (rowAt[d + 1] = rowAt[d] + a.assignment.length));
  const rows = new Int32Array(rowAt[source.articles.length]);
  source.articles.forEach((a, d) =>
    a.assignment.forEach((id, c) => {
      if (!id) return void (rows[rowAt[d] + c] = -1);
      const n = numbers.get(id);
      if (n === undefined) throw new Error(`an article names ${id}, which is no entity`);
      rows[rowAt[d] + c] = n;
    }),
  );
  return { rowAt, rows };
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Removes temporary files of this snapshot left by a server that stopped while writing (each as
 * large as the snapshot). A server writing the same snapshot right now would then fail its rename
 * and log it: a lost write, never a damaged file.
 */
async function removeLeftovers(file: string, ownTmp: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(prefix) && name.endsWith('.tmp') && path.join(dir, name) !== ownTmp) await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

const asBytes = (a: Int32Array | Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Appends to the file being written, batching small writes, with each part's offset, length and CRC. */
class Sink {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  position = 0;
  private partStart = 0;
  private crc = 0;

  constructor(private readonly handle: fs.FileHandle) {}

  async push(bytes: Buffer): Promise<void> {
    this.crc = crc32(bytes, this.crc);
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.position += bytes.length;
    if (this.pendingBytes >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.write(data);
  }

  /** Starts a part (after what was pushed so far). */
  begin(): void {
    this.partStart = this.position;
    this.crc = 0;
  }

  end(): Part {
    return [this.partStart, this.position - this.partStart, this.crc];
  }
}

/**
 * Writes a snapshot to a temporary file and renames it into place, serializing in slices of a few
 * milliseconds so requests are answered meanwhile. The corpus entities (which edits change in
 * place) are written first, with `stillValid` asked between slices: when it says no (the index
 * changed), the write is abandoned. The articles follow: what they are made of (analyses, texts,
 * assignment rows) never changes once made, so an edit meanwhile cannot mix two states.
 * Resolves to whether the file was written. `slabBytes`: the slab size (tests make it small).
 */
export async function writeSnapshot(file: string, source: SnapshotSource, stillValid: () => boolean, log: (m: string) => void, sliceMs = 3, slabBytes = SLAB_BYTES): Promise<boolean> {
  const tmp = `${file}.${process.pid}.tmp`;
  let handle: fs.FileHandle | undefined;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await removeLeftovers(file, tmp);
    handle = await fs.open(tmp, 'w');
    const sink = new Sink(handle);
    const parts = {} as Record<PartName, Part>;
    let sliceStart = performance.now();
    const changed = new Error('the index changed while writing');
    const slice = async (checkValid: boolean): Promise<void> => {
      if (performance.now() - sliceStart < sliceMs) return;
      await sink.flush();
      await yieldToLoop();
      sliceStart = performance.now();
      if (checkValid && !stillValid()) throw changed;
    };
    const { entities, articles } = source;
    sink.begin();
    for (let j = 0; j < entities.length; j++) {
      await sink.push(Buffer.from(`${j === 0 ? '[' : ','}${JSON.stringify(eagerEntity(entities[j]))}`));
      await slice(true);
    }
    await sink.push(Buffer.from(entities.length ? ']' : '[]'));
    parts.entities = sink.end();
    const entityAt = new Int32Array(entities.length + 1);
    sink.begin();
    for (let j = 0; j < entities.length; j++) {
      const bytes = Buffer.from(lazyEntityJson(entities[j]));
      entityAt[j + 1] = entityAt[j] + bytes.length;
      await sink.push(bytes);
      await slice(true);
    }
    parts.entityLazy = sink.end();
    sink.begin();
    await sink.push(asBytes(entityAt));
    parts.entityAt = sink.end();
    if (!stillValid()) throw changed;
    const { rowAt, rows } = numberedAssignment(source);
    // The articles, slab by slab.
    const strings = new StringTable();
    const slabs: number[] = [];
    const recordAt = new Int32Array(articles.length);
    let first = 0;
    let records: Buffer[] = [];
    let slabLength = 0;
    const writeSlab = async (end: number): Promise<void> => {
      const offset = sink.position;
      sink.begin();
      for (const b of records) await sink.push(b);
      slabs.push(first, end - first, offset, slabLength, sink.end()[2]);
      first = end;
      records = [];
      slabLength = 0;
    };
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i];
      const record = encodeArticle(a.analysis, () => a.text, strings);
      recordAt[i] = slabLength;
      records.push(record);
      slabLength += record.length;
      if (slabLength >= slabBytes) await writeSlab(i + 1);
      await slice(false);
    }
    if (first < articles.length) await writeSlab(articles.length);
    // Before the index: the maps' values join the string table.
    const maps = encodeLinkedMaps(source.maps, strings);
    const index = { uris: articles.map((a) => a.uri), hashes: articles.map((a) => a.hash), strings: strings.list };
    const simple: Array<[PartName, Buffer]> = [
      ['index', Buffer.from(JSON.stringify(index))],
      ['rowAt', asBytes(rowAt)],
      ['rows', asBytes(rows)],
      ['slabs', asBytes(Float64Array.from(slabs))],
      ['recordAt', asBytes(recordAt)],
      ['maps', maps],
    ];
    for (const [name, bytes] of simple) {
      sink.begin();
      await sink.push(bytes);
      parts[name] = sink.end();
    }
    await sink.flush();
    const trailerWithout: Omit<Trailer, 'size'> = { format: SNAPSHOT_FORMAT, decisionsKey: source.decisionsKey, notesKey: source.notesKey, articles: articles.length, entities: entities.length, parts };
    // The size is written in the trailer, whose length depends on it: fixed by a second try.
    let trailer = Buffer.from(JSON.stringify({ ...trailerWithout, size: 0 }));
    for (let k = 0; k < 3; k++) trailer = Buffer.from(JSON.stringify({ ...trailerWithout, size: sink.position + trailer.length + FOOTER }));
    const footer = Buffer.from(`${MAGIC}${String(trailer.length).padStart(10, '0')}`, 'latin1');
    await handle.write(Buffer.concat([trailer, footer]));
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, file);
    return true;
  } catch (err) {
    log(`Corpus snapshot not written: ${(err as Error).message}.`);
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    return false;
  }
}
