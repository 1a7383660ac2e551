/**
 * One file with the whole linked corpus: every article's analysis and the corpus linking, written
 * after a full relink, so the next session starts without reading ten thousand cache entries and
 * without relinking. Safe to lose or find corrupt or stale: a bad file is ignored (and removed);
 * an article whose content hash differs is analysed as usual; the linking is reused only when the
 * articles, notes and reader decisions are exactly those it was made from.
 *
 * Format (UTF-8, one record per line, so no single string grows with the corpus):
 *   1. header   {format, decisionsKey, notesKey, articles, entities}
 *   2. index    {uris, hashes, assignment}: per article (in linking order) its URI, content hash
 *               and the entity of each of its clusters, as its number in the entity lines (-1: none)
 *   3. M lines  stored entity                                      (one per corpus entity)
 *   4. N lines  the article's analysis (snapshotCodec.ts: four tab-separated parts; one per article)
 *   5. trailer  {end: N + M}
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { ArticleAnalysis } from '../core/analyzeArticle';
import type { CorpusEntity, EntityNote } from '../core/linking/corpusEntities';
import { decodeArticleLine, encodeArticleLine } from './snapshotCodec';
import { SnapshotLines } from './snapshotLines';

/** Bump when the file's layout changes (the analysis format and model are in the folder name). */
export const SNAPSHOT_FORMAT = 5;

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
}

interface StoredEntity {
  id: string;
  name: string;
  type: CorpusEntity['type'];
  s: Array<[string, number]>;
  k: string[];
  r: Array<[string, number]>;
  n?: string;
  c: number;
  d: number[];
}

interface Header {
  format: number;
  decisionsKey: string;
  notesKey: string;
  articles: number;
  entities: number;
}

/**
 * A snapshot read from disk: the article list at once, analyses and entities read from the open
 * file and parsed on demand. `close` when done (the reader of a scan closes it when the scan ends).
 */
export class LoadedSnapshot {
  private readonly position = new Map<string, number>();

  constructor(
    readonly decisionsKey: string,
    readonly notesKey: string,
    readonly uris: readonly string[],
    readonly hashes: readonly string[],
    private readonly assignment: readonly Int32Array[],
    private readonly lines: SnapshotLines,
    private readonly entityCount: number,
  ) {
    uris.forEach((uri, i) => this.position.set(uri, i));
  }

  get size(): number {
    return this.uris.length;
  }

  /** Line i parsed; undefined when it is not JSON or cannot be read (a damaged file is never trusted, never fatal). */
  private line(i: number): unknown {
    try {
      return JSON.parse(this.lines.text(i));
    } catch {
      return undefined;
    }
  }

  /** Releases the file; the snapshot then has no analyses to give (each reads as a miss). */
  close(): void {
    this.lines.close();
  }

  /** The stored analysis of an article when its content is still that of hash `hash` (`text` gives it, read only when mention objects are made). */
  analysis(uri: string, hash: string, text: () => string): ArticleAnalysis | undefined {
    const i = this.position.get(uri);
    if (i === undefined || this.hashes[i] !== hash) return undefined;
    const line = 2 + this.entityCount + i;
    try {
      const bytes = this.lines.bytes(line);
      return decodeArticleLine(bytes, 0, bytes.length, text);
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
   * The stored linking: entities (notes attached by id from `notes`) and the assignment rows in
   * snapshot order, as entity ids and as entity numbers (-1: none). Undefined when a note it names
   * is missing or an entity line is damaged.
   */
  linking(notes: ReadonlyMap<string, EntityNote>): { entities: CorpusEntity[]; assignment: string[][]; numbers: readonly Int32Array[] } | undefined {
    const entities: CorpusEntity[] = [];
    try {
      for (let j = 0; j < this.entityCount; j++) {
        const e = this.line(2 + j) as StoredEntity | undefined;
        if (!e || typeof e.id !== 'string' || typeof e.c !== 'number') return undefined;
        const note = e.n === undefined ? undefined : notes.get(e.n);
        if (e.n !== undefined && !note) return undefined;
        entities.push({ id: e.id, name: e.name, type: e.type, spellings: new Map(e.s), keys: new Set(e.k), roles: new Map(e.r), note, mentionCount: e.c, documents: new Set(e.d) });
      }
    } catch {
      return undefined; // a damaged entity line: the caller relinks
    }
    for (const row of this.assignment) for (let c = 0; c < row.length; c++) if (row[c] >= entities.length) return undefined;
    // The entities' own id strings, shared by every row.
    const assignment = this.assignment.map((row) => Array.from(row, (n) => (n >= 0 ? entities[n].id : '')));
    return { entities, assignment, numbers: this.assignment };
  }
}

function storedEntity(e: CorpusEntity): StoredEntity {
  const out: StoredEntity = { id: e.id, name: e.name, type: e.type, s: [...e.spellings], k: [...e.keys], r: [...e.roles], c: e.mentionCount, d: [...e.documents] };
  if (e.note) out.n = e.note.id;
  return out;
}

/**
 * Opens and checks a snapshot (it stays open until `close`). Undefined when missing; a corrupt,
 * truncated or foreign file is logged, removed and treated as missing.
 */
export async function readSnapshot(file: string, log: (m: string) => void): Promise<LoadedSnapshot | undefined> {
  let lines: SnapshotLines | undefined;
  try {
    lines = SnapshotLines.open(file);
    if (!lines) return undefined;
    const lineAt = (i: number): unknown => JSON.parse(lines!.text(i));
    const header = lineAt(0) as Header;
    if (!header || header.format !== SNAPSHOT_FORMAT) throw new Error('unknown format');
    const count = 3 + header.articles + header.entities;
    if (lines.count !== count) throw new Error(`${lines.count} lines, expected ${count}`);
    const trailer = lineAt(count - 1) as { end?: number };
    if (!trailer || trailer.end !== header.articles + header.entities) throw new Error('truncated');
    const index = lineAt(1) as { uris: string[]; hashes: string[]; assignment: number[][] };
    const n = header.articles;
    if (!Array.isArray(index.uris) || !Array.isArray(index.hashes) || !Array.isArray(index.assignment) || index.uris.length !== n || index.hashes.length !== n || index.assignment.length !== n || !index.assignment.every(isNumberRow)) {
      throw new Error('bad article index');
    }
    return new LoadedSnapshot(header.decisionsKey, header.notesKey, index.uris, index.hashes, index.assignment.map((row) => Int32Array.from(row)), lines, header.entities);
  } catch (err) {
    lines?.close();
    log(`Discarding the corpus snapshot ${path.basename(file)} (${(err as Error).message}).`);
    await fs.rm(file, { force: true }).catch(() => undefined);
    return undefined;
  }
}

/** A stored assignment row: entity numbers, -1 for none. */
function isNumberRow(row: unknown): boolean {
  return Array.isArray(row) && row.every((n) => Number.isInteger(n) && n >= -1 && n < 2 ** 31);
}

/** Each article's assignment row as entity numbers (-1: none); throws for an id that is no entity (nothing could restore it). */
function numberedAssignment(source: SnapshotSource): number[][] {
  const numbers = new Map(source.entities.map((e, n) => [e.id, n]));
  return source.articles.map((a) =>
    a.assignment.map((id) => {
      if (!id) return -1;
      const n = numbers.get(id);
      if (n === undefined) throw new Error(`an article names ${id}, which is no entity`);
      return n;
    }),
  );
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

/**
 * Writes a snapshot to a temporary file and renames it into place, serializing in slices of a few
 * milliseconds so requests are answered meanwhile. The corpus entities (which edits change in
 * place) are written first, with `stillValid` asked between slices: when it says no (the index
 * changed), the write is abandoned. The articles' lines follow: what they are made of (analyses,
 * texts, assignment rows) never changes once made, so an edit meanwhile cannot mix two states.
 * Resolves to whether the file was written.
 */
export async function writeSnapshot(file: string, source: SnapshotSource, stillValid: () => boolean, log: (m: string) => void, sliceMs = 3): Promise<boolean> {
  const tmp = `${file}.${process.pid}.tmp`;
  let handle: fs.FileHandle | undefined;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await removeLeftovers(file, tmp);
    handle = await fs.open(tmp, 'w');
    const header: Header = { format: SNAPSHOT_FORMAT, decisionsKey: source.decisionsKey, notesKey: source.notesKey, articles: source.articles.length, entities: source.entities.length };
    let pending: string[] = [
      JSON.stringify(header),
      JSON.stringify({ uris: source.articles.map((a) => a.uri), hashes: source.articles.map((a) => a.hash), assignment: numberedAssignment(source) }),
    ];
    let sliceStart = Date.now();
    const flush = async (): Promise<void> => {
      await handle!.write(pending.join('\n') + '\n');
      pending = [];
      await yieldToLoop();
      sliceStart = Date.now();
    };
    const changed = new Error('the index changed while writing');
    for (const e of source.entities) {
      pending.push(JSON.stringify(storedEntity(e)));
      if (Date.now() - sliceStart < sliceMs) continue;
      await flush();
      if (!stillValid()) throw changed;
    }
    if (!stillValid()) throw changed;
    for (const a of source.articles) {
      pending.push(encodeArticleLine(a.analysis, () => a.text));
      if (Date.now() - sliceStart >= sliceMs) await flush();
    }
    pending.push(JSON.stringify({ end: source.articles.length + source.entities.length }));
    await handle.write(pending.join('\n'));
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
