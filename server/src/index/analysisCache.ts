/**
 * A persistent cache of article analyses, keyed by a hash of the content and of everything the
 * analysis depends on (analysis version, model, reader decisions). One small file per entry in the
 * extension's storage folder. Safe to lose or find corrupt: a bad entry is a miss (and is removed).
 */
import { createHash } from 'crypto';
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import type { ArticleAnalysis } from '../core/analyzeArticle';
import { decodeArticleLine, encodeArticleLine } from './snapshotCodec';

/** Bump when the shape or meaning of an analysis, or the way an entry packs it, changes. */
export const ANALYSIS_FORMAT = 3;

export class AnalysisCache {
  private readonly dir: string;
  private writes = 0;
  private readonly madeDirs = new Set<string>();

  constructor(storageDir: string, modelFingerprint: string, private readonly log: (m: string) => void) {
    this.dir = path.join(storageDir, 'analysis-cache', `v${ANALYSIS_FORMAT}-${modelFingerprint}`);
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

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key + '.line');
  }

  /** The entry `key`, an analysis of the text `text` gives (read only when mention objects are made). */
  async get(key: string, text: () => string): Promise<ArticleAnalysis | undefined> {
    let bytes: Buffer;
    try {
      // Synchronous: an entry is a few tens of kilobytes, and the thread pool's round trips cost more.
      bytes = readFileSync(this.file(key));
    } catch {
      return undefined;
    }
    const analysis = decodeArticleLine(bytes, 0, bytes.length, text);
    if (analysis) return analysis;
    this.log(`Discarding a corrupt cache entry ${key}.`);
    await fs.rm(this.file(key), { force: true }).catch(() => undefined);
    return undefined;
  }

  /** Stores `analysis` of the text `text` gives, packed as a snapshot line (snapshotCodec.ts). */
  async put(key: string, analysis: ArticleAnalysis, text: () => string): Promise<void> {
    const file = this.file(key);
    const dir = path.dirname(file);
    try {
      // one mkdir per cache folder, not per article (a cold index writes thousands of entries)
      if (!this.madeDirs.has(dir)) {
        await fs.mkdir(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      const tmp = `${file}.${process.pid}.${this.writes++}.tmp`;
      await fs.writeFile(tmp, encodeArticleLine(analysis, text));
      await fs.rename(tmp, file);
    } catch (err) {
      this.madeDirs.delete(dir); // the folder may have been removed under us: make it again next time
      this.log(`Could not write the analysis cache (${(err as Error).message}); continuing without it.`);
    }
  }
}
