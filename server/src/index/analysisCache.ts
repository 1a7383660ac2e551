/**
 * A persistent cache of article analyses, keyed by a hash of the content and of everything the
 * analysis depends on (analysis version, model, reader decisions), in the extension's storage folder.
 *
 * Entries are appended to pack files (`packs/*.pack`, one per session that writes), each entry a
 * 32-byte header (magic, key, length, CRC-32 of the payload) and the analysis packed as a snapshot
 * line (snapshotCodec.ts). A cold index of 10,000 articles writes a few large appends instead of
 * 10,000 small files (each an open, write, close and rename), and an analysis a worker sent is stored
 * as the bytes it came in, without packing it again.
 *
 * Safe to lose or find corrupt: a damaged entry is a miss (logged, and not read again), a pack cut
 * short by a crash ends at its last whole entry, and when the packs grow past their budget the oldest
 * go (the corpus snapshot, not this cache, is what a normal restart reads).
 */
import { createHash } from 'crypto';
import { closeSync, openSync, promises as fs, readdirSync, readSync, rmSync, statSync } from 'fs';
import * as path from 'path';
import { crc32 } from 'zlib';
import type { ArticleAnalysis } from '../core/analyzeArticle';
import { decodeArticleLine, encodeArticleLine } from './snapshotCodec';

/** Bump when the shape or meaning of an analysis, or the way an entry packs it, changes. */
export const ANALYSIS_FORMAT = 4;

const MAGIC = 0x314b5053; // "SPK1" little-endian
const HEADER_BYTES = 32; // magic u32, key 20 bytes (SHA-1), payload length u32, payload CRC-32 u32
/** Appends wait this long to be written together, or until this many bytes are waiting. */
const FLUSH_DELAY_MS = 200;
const FLUSH_BYTES = 1 << 20;
/** Over either budget, the oldest packs are removed when the cache opens. */
export const MAX_PACKS = 16;
export const MAX_PACK_BYTES_TOTAL = 1 << 30;

interface Pack {
  file: string;
  fd?: number;
}

interface Entry {
  pack: Pack;
  /** Offset of the payload in the pack. */
  offset: number;
  length: number;
  crc: number;
}

export class AnalysisCache {
  private readonly dir: string;
  private readonly packsDir: string;
  /** Entries found in the packs (made when the cache is first read or written). */
  private entries: Map<string, Entry> | undefined;
  /** Records given to `put` and not yet written, by key (read from here meanwhile). */
  private readonly waiting = new Map<string, Buffer>();
  /** The same records in order, and their bytes. */
  private queued: Buffer[] = [];
  private waitingBytes = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  /** The writes so far, in order (each append waits for the one before). */
  private writing: Promise<void> = Promise.resolve();
  /** This session's pack (made on the first write). */
  private own: { pack: Pack; handle?: fs.FileHandle; size: number } | undefined;
  /** Writing failed once: the session goes on without storing more. */
  private writesOff = false;

  constructor(storageDir: string, modelFingerprint: string, private readonly log: (m: string) => void) {
    this.dir = path.join(storageDir, 'analysis-cache', `v${ANALYSIS_FORMAT}-${modelFingerprint}`);
    this.packsDir = path.join(this.dir, 'packs');
  }

  /**
   * Removes the folders of other analysis formats or models (left by earlier versions of
   * SourceLens: each holds an analysis of every article). Best effort, in the background.
   */
  async pruneOtherVersions(): Promise<number> {
    const parent = path.dirname(this.dir);
    const own = path.basename(this.dir);
    let removed = 0;
    try {
      for (const entry of await fs.readdir(parent, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name === own || !/^v\d+-[0-9a-f]+$/.test(entry.name)) continue;
        await fs.rm(path.join(parent, entry.name), { recursive: true, force: true });
        removed++;
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Could not prune old analysis caches (${(err as Error).message}).`);
    }
    if (removed) this.log(`Removed ${removed} analysis cache folder(s) of other SourceLens versions.`);
    return removed;
  }

  /** The versioned folder of this cache (analysis format and model fingerprint in its name). */
  get folder(): string {
    return this.dir;
  }

  key(contentHash: string, decisions: string): string {
    return createHash('sha1').update(contentHash).update(decisions).digest('hex');
  }

  /** Entries stored (written or waiting to be). */
  get size(): number {
    let n = this.index().size;
    for (const key of this.waiting.keys()) if (!this.index().has(key)) n++;
    return n;
  }

  /** The entry `key`, an analysis of the text `text` gives (read only when mention objects are made). */
  async get(key: string, text: () => string): Promise<ArticleAnalysis | undefined> {
    const buffer = this.waiting.get(key)?.subarray(HEADER_BYTES) ?? this.read(key);
    if (!buffer) return undefined;
    const analysis = decodeArticleLine(buffer, 0, buffer.length, text);
    if (analysis) return analysis;
    this.log(`Discarding a corrupt cache entry ${key}.`);
    this.index().delete(key);
    return undefined;
  }

  /**
   * Stores `analysis` of the text `text` gives. `line`: the analysis already packed as a snapshot
   * line (a worker's reply), stored as it is; else it is packed here. Written a little later with
   * other entries (`flush` writes at once).
   */
  put(key: string, analysis: ArticleAnalysis, text: () => string, line?: Uint8Array): Promise<void> {
    if (this.writesOff || !/^[0-9a-f]{40}$/.test(key)) return Promise.resolve();
    const payload = line ?? Buffer.from(encodeArticleLine(analysis, text), 'utf8');
    const record = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
    record.writeUInt32LE(MAGIC, 0);
    record.write(key, 4, 'hex');
    record.writeUInt32LE(payload.length, 24);
    record.writeUInt32LE(crc32(payload), 28);
    record.set(payload, HEADER_BYTES);
    this.waiting.set(key, record);
    this.waitingBytes += record.length;
    this.queued.push(record);
    if (this.waitingBytes >= FLUSH_BYTES) return this.flush();
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
      this.flushTimer.unref?.();
    }
    return Promise.resolve();
  }

  /** Writes every waiting entry now (resolves when they are on disk, or writing failed). */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const records = this.queued;
    if (records.length === 0) return this.writing;
    this.queued = [];
    this.waitingBytes = 0;
    this.writing = this.writing.then(() => this.append(records));
    return this.writing;
  }

  private async append(records: Buffer[]): Promise<void> {
    const keys = records.map((r) => r.toString('hex', 4, 24));
    try {
      if (this.writesOff) return;
      if (!this.own) {
        await fs.mkdir(this.packsDir, { recursive: true });
        const file = path.join(this.packsDir, `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.pack`);
        this.own = { pack: { file }, handle: await fs.open(file, 'a'), size: 0 };
      }
      const own = this.own;
      const data = records.length === 1 ? records[0] : Buffer.concat(records);
      await own.handle!.write(data, 0, data.length);
      const entries = this.index();
      let at = own.size;
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        entries.set(keys[i], { pack: own.pack, offset: at + HEADER_BYTES, length: r.length - HEADER_BYTES, crc: r.readUInt32LE(28) });
        at += r.length;
      }
      own.size = at;
    } catch (err) {
      this.writesOff = true;
      this.log(`Could not write the analysis cache (${(err as Error).message}); continuing without it.`);
    } finally {
      for (let i = 0; i < keys.length; i++) if (this.waiting.get(keys[i]) === records[i]) this.waiting.delete(keys[i]);
    }
  }

  /** Writes what waits and closes the files (the cache can still be used: it opens them again). */
  async close(): Promise<void> {
    await this.flush();
    const handle = this.own?.handle;
    if (this.own) this.own.handle = undefined;
    this.own = undefined;
    await handle?.close().catch(() => undefined);
    for (const entry of this.entries?.values() ?? []) {
      if (entry.pack.fd !== undefined) closeSync(entry.pack.fd);
      entry.pack.fd = undefined;
    }
  }

  /** The payload of `key` from its pack, checked against its CRC; undefined when missing or damaged. */
  private read(key: string): Buffer | undefined {
    const entry = this.index().get(key);
    if (!entry) return undefined;
    try {
      if (entry.pack.fd === undefined) entry.pack.fd = openSync(entry.pack.file, 'r');
      const bytes = Buffer.allocUnsafe(entry.length);
      // Synchronous: an entry is a few tens of kilobytes, and the thread pool's round trips cost more.
      if (readSync(entry.pack.fd, bytes, 0, entry.length, entry.offset) === entry.length && crc32(bytes) === entry.crc) return bytes;
      this.log(`Discarding a damaged cache entry ${key}.`);
    } catch (err) {
      this.log(`Could not read the analysis cache (${(err as Error).message}).`);
    }
    this.index().delete(key);
    return undefined;
  }

  /** The entries of the packs on disk, read once (headers only); old packs over budget are removed first. */
  private index(): Map<string, Entry> {
    if (this.entries) return this.entries;
    const entries = new Map<string, Entry>();
    this.entries = entries;
    let names: string[];
    try {
      names = readdirSync(this.packsDir).filter((n) => n.endsWith('.pack')).sort();
    } catch {
      return entries; // no packs yet
    }
    const sizes = names.map((n) => {
      try {
        return statSync(path.join(this.packsDir, n)).size;
      } catch {
        return -1;
      }
    });
    // Newest last: keep the newest that fit the budgets.
    let kept = names.length;
    let total = 0;
    for (let i = names.length - 1; i >= 0; i--) {
      if (sizes[i] < 0) continue;
      if (names.length - i > MAX_PACKS || total + sizes[i] > MAX_PACK_BYTES_TOTAL) break;
      total += sizes[i];
      kept = i;
    }
    for (let i = 0; i < kept; i++) {
      try {
        rmSync(path.join(this.packsDir, names[i]), { force: true });
        this.log(`Removed an old analysis cache pack (${names[i]}): the cache is over its budget.`);
      } catch {
        /* another window may hold it open: tried again next time */
      }
    }
    for (let i = kept; i < names.length; i++) if (sizes[i] >= 0) this.readHeaders({ file: path.join(this.packsDir, names[i]) }, sizes[i], entries);
    return entries;
  }

  /** Adds the entries of one pack; stops at the first header that is not whole or not an entry's. */
  private readHeaders(pack: Pack, size: number, into: Map<string, Entry>): void {
    let fd: number | undefined;
    try {
      fd = openSync(pack.file, 'r');
      const header = Buffer.allocUnsafe(HEADER_BYTES);
      let at = 0;
      while (at + HEADER_BYTES <= size) {
        if (readSync(fd, header, 0, HEADER_BYTES, at) !== HEADER_BYTES || header.readUInt32LE(0) !== MAGIC) break;
        const length = header.readUInt32LE(24);
        if (at + HEADER_BYTES + length > size) break; // cut short by a crash
        into.set(header.toString('hex', 4, 24), { pack, offset: at + HEADER_BYTES, length, crc: header.readUInt32LE(28) });
        at += HEADER_BYTES + length;
      }
      if (at < size) this.log(`An analysis cache pack ends in a damaged entry (${path.basename(pack.file)}); the entries before it are used.`);
    } catch (err) {
      this.log(`Could not read an analysis cache pack (${(err as Error).message}).`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
