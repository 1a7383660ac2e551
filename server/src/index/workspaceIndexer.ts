/**
 * Keeps the corpus index in step with the workspace: the initial scan (reported as progress,
 * yielding to the event loop between files so requests are answered meanwhile), file events
 * (create, change, delete, rename), open editors (their text wins over the disk), and the
 * reader's ignore list. Corpus linking is scheduled, never run inside a request.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { ArticleAnalysis } from '../core/analyzeArticle';
import type { Problem } from '../core/types';
import type { Settings } from '../settings';
import type { AnalysisCache } from './analysisCache';
import type { AnalysisPool } from './analysisPool';
import { contentHash, CorpusIndex, utf8ContentHash } from './corpusIndex';
import { EditAnalyses } from './editAnalyses';
import { StoredText } from './storedText';
import { readSnapshot, writeSnapshot, type LoadedSnapshot } from './corpusSnapshot';
import { classifyPath, effectivePaths, noteIdFromPath, type FileKind } from './fileKinds';
import { parseIgnoreList } from './readerDecisions';
import { findFiles, readTextFile, type FoundFile } from './workspaceFiles';

export interface IndexerHost {
  log(message: string): void;
  progress(done: number, total: number): void;
  /** Problems of a file to show as diagnostics (empty list clears them). */
  problems(uri: string, text: string | undefined, problems: Problem[]): void;
  relinked(): void;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A worker that has analysed this many articles runs the analysis at full speed (compiled code, word
 * caches). At 150, V8 was still compiling the analysis's per-article functions (linkDocument,
 * analyzeArgument's analyze, recognizeUnsafe: once per article each, so they get hot late) during
 * the reader's first edits: ~5-10 ms of compiler CPU per edit over the first 60, and slower edits
 * while their code was not optimized yet. 400 moves that into the warm-up (~1.5 s more worker CPU
 * in the background after a warm start).
 */
const PRACTISED = 400;

export class WorkspaceIndexer {
  private roots: string[] = [];
  private readonly open = new Set<string>();
  private relinkTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private indexing: Promise<void> = Promise.resolve();
  private snapshotTimer: NodeJS.Timeout | undefined;
  /** `index.changes` when the snapshot on disk was written or restored (-1: none). */
  private snapshotAt = -1;
  ready = false;
  /** Edits of open articles being analysed in the pool's worker (undefined: analysed on the main thread). */
  private edits: EditAnalyses | undefined;

  constructor(
    readonly index: CorpusIndex,
    private settings: Settings,
    private readonly host: IndexerHost,
    /** Analyses articles off the main thread during a scan (optional). */
    private pool?: AnalysisPool,
    /** Persistent analyses from earlier sessions (optional). */
    private cache?: AnalysisCache,
  ) {}

  /** Attaches the worker pool and the cache (the server does it after answering `initialize`). */
  attach(pool: AnalysisPool | undefined, cache: AnalysisCache | undefined): void {
    this.pool = pool;
    this.cache = cache;
    this.edits = pool?.inWorkers
      ? new EditAnalyses(pool, {
          analysed: (uri, text, version, analysis, decisionsKey) => this.applyEdit(uri, text, version, analysis, decisionsKey),
          failed: (uri, text, version, why) => {
            this.host.log(`${uri}: the edit could not be analysed in a worker (${why}); analysing here.`);
            if (this.open.has(uri)) this.applyEdit(uri, text, version);
          },
        })
      : undefined;
  }

  /**
   * Resolves when every edit has been analysed (undefined: none is in flight). The server's
   * handlers wait for it, so an answer never pairs an article's new text with its old analysis.
   */
  settled(): Promise<void> | undefined {
    return this.edits?.settled();
  }

  /**
   * After a scan, readies edits: the pool keeps its most practised worker, and trains it on the
   * corpus when it has analysed too few articles (a warm start analyses none), one article at a time
   * so an edit never waits for more than one. Without workers, the main thread warms up instead.
   */
  async prepareForEdits(): Promise<void> {
    const pool = this.pool;
    if (!pool?.inWorkers) {
      this.index.warmUpAnalysis();
      return;
    }
    pool.release(1);
    const generation = this.generation;
    const articles = this.index.allArticles();
    const step = Math.max(1, Math.floor(articles.length / PRACTISED));
    for (let k = 0; k < articles.length && pool.practice < PRACTISED; k += step) {
      if (generation !== this.generation) return;
      await this.edits?.settled();
      try {
        await pool.analyze(articles[k].document.getText(), this.index.readerDecisions, { discard: true, oneWorker: true });
      } catch (err) {
        this.host.log(`Warming the edit worker up failed (${(err as Error).message}).`);
        return;
      }
    }
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
  }

  get workspaceRoots(): readonly string[] {
    return this.roots;
  }

  /** Scans every root and indexes what it finds. A newer call supersedes a running one. */
  indexAll(roots: string[]): Promise<void> {
    this.roots = roots;
    const generation = ++this.generation;
    this.ready = false;
    this.index.scanning = true;
    this.indexing = this.run(generation);
    return this.indexing;
  }

  whenIndexed(): Promise<void> {
    return this.indexing;
  }

  private async run(generation: number): Promise<void> {
    const files: FoundFile[] = [];
    for (const root of this.roots) files.push(...(await findFiles(root, this.settings.ignoreFile, (m) => this.host.log(m))));
    if (generation !== this.generation) return;
    const decisions = files.find((f) => f.kind === 'decisions');
    if (decisions) await this.loadDecisions(decisions.fsPath);
    // Only a first scan gains from the snapshot: a re-scan finds its unchanged articles indexed already.
    const snapshotFile = this.index.stats().articles === 0 ? this.snapshotFile() : undefined;
    const snapshot = snapshotFile ? await readSnapshot(snapshotFile, (m) => this.host.log(m)) : undefined;
    try {
      await this.scan(files, generation, snapshot);
    } finally {
      snapshot?.close();
    }
  }

  /** Indexes the files found (taking analyses and the linking from `snapshot` where they still hold), then relinks. */
  private async scan(files: readonly FoundFile[], generation: number, snapshot: LoadedSnapshot | undefined): Promise<void> {
    if (generation !== this.generation) return;
    const total = files.length;
    this.host.progress(0, total);
    let done = 0;
    let lastReport = Date.now();
    let next = 0;
    const decisionsKey = this.index.readerDecisionsKey;
    // A few files in flight per worker keeps both cores busy while the main thread reads files.
    const lanes = Math.max(1, (this.pool?.size ?? 0) * 3);
    const lane = async (): Promise<void> => {
      while (next < files.length) {
        if (generation !== this.generation) return;
        const file = files[next++];
        if (file.kind === 'article' && !this.open.has(file.uri)) await this.indexArticleFromDisk(file.uri, file.fsPath, file.relativePath, decisionsKey, generation, snapshot);
        else if (file.kind === 'note' && !this.open.has(file.uri)) await this.indexFile(file.uri, file.fsPath, file.kind, file.relativePath);
        done++;
        if (Date.now() - lastReport > 100) {
          this.host.progress(done, total);
          lastReport = Date.now();
        }
        if (done % 8 === 0) await yieldToLoop();
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    if (generation !== this.generation) return;
    // The workers' memory is not needed until another scan: one worker stays to analyse edits.
    this.pool?.release(1);
    this.host.progress(total, total);
    const restored = !!snapshot && this.index.restoreLinking(snapshot);
    snapshot?.close();
    if (restored) {
      this.snapshotAt = this.index.changes;
      this.host.log(`Corpus linking restored from the snapshot (${snapshot!.size} articles).`);
    } else {
      // The practised worker stays through the relink (about 100 MB of the peak): a fresh one would
      // have to be trained after ready, and the reader's first edits would wait for it (edit →
      // refreshed p50 62 ms against 25 ms in the benchmark at 10,000 articles).
      this.index.relink();
      // Written before the index reports ready (in slices; requests are answered meanwhile), so
      // the reader's first queries do not share the thread with it and the next start is warm.
      const written = await this.writeSnapshotNow();
      if (generation !== this.generation) return;
      if (!written) this.scheduleSnapshot();
    }
    this.ready = true;
    this.index.scanning = false;
    this.host.relinked();
    await this.prepareDocuments(generation);
  }

  /**
   * Makes the line tables a warm start left for later (offsets ↔ positions), in slices of about a
   * millisecond between requests; a request that needs one before makes it itself.
   */
  private async prepareDocuments(generation: number): Promise<void> {
    let sliceStart = performance.now();
    for (const article of this.index.allArticles()) {
      if (generation !== this.generation) return;
      const doc = article.document;
      if (doc instanceof StoredText && !doc.prepared) doc.prepare();
      // slices of about a millisecond: a request waits at most that long for this background work
      if (performance.now() - sliceStart >= 1) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
    }
  }

  /** Reads an article and analyses it through the cache and the worker pool. */
  private async indexArticleFromDisk(uri: string, fsPath: string, relativePath: string, decisionsKey: string, generation: number, snapshot?: LoadedSnapshot): Promise<void> {
    if (!this.pool && !this.cache) return this.indexFile(uri, fsPath, 'article', relativePath);
    const read = await readTextFile(fsPath, this.settings.maxFileSizeKB * 1024);
    if (!read.ok) return this.reportUnreadable(uri, relativePath, read.reason);
    // A file of exact UTF-8 (nearly all) is hashed and kept as its bytes: a warm start never decodes it.
    const utf8 = read.utf8;
    const hash = utf8 ? utf8ContentHash(utf8) : contentHash(read.text);
    if (this.index.hasContent(uri, hash)) return;
    let analysis = snapshot && snapshot.decisionsKey === decisionsKey ? snapshot.analysis(uri, hash, () => read.text) : undefined;
    const fromSnapshot = !!analysis;
    const key = analysis ? undefined : this.cache?.key(hash, decisionsKey);
    if (key) analysis = await this.cache!.get(key, () => read.text);
    if (!analysis) {
      let line: Uint8Array | undefined;
      try {
        if (this.pool) ({ analysis, line } = await this.pool.analyzePacked(read.text, this.index.readerDecisions));
      } catch (err) {
        this.host.log(`${relativePath}: analysis failed in a worker (${(err as Error).message}); analysing here.`);
      }
      // stored as the worker packed it (the cache writes its entries together, a little later)
      if (analysis && key) void this.cache!.put(key, analysis, () => read.text, line);
    }
    if (generation !== this.generation || this.open.has(uri)) return;
    if (!analysis) return this.ingest(uri, read.text, 'article', relativePath, -1);
    const article = this.index.putAnalysed(uri, utf8 ?? read.text, hash, analysis, decisionsKey);
    // A cold scan has time for the line table while workers analyse; a warm start makes it after ready.
    if (!fromSnapshot && article.document instanceof StoredText) article.document.prepare();
    this.publishArticleProblems(uri, article.document.getText.bind(article.document), article.analysis.problems, !utf8 && read.text.includes('\uFFFD'));
  }

  private reportUnreadable(uri: string, relativePath: string, reason: string): void {
    this.host.log(`${relativePath} ${reason}.`);
    this.index.remove(uri);
    this.host.problems(uri, undefined, [{ start: 0, end: 0, severity: 'warning', code: 'file-skipped', message: `SourceLens: this file ${reason}.` }]);
  }

  /** The text is read only when there are problems to place. */
  private publishArticleProblems(uri: string, textOf: () => string, analysisProblems: readonly Problem[], invalidUtf8: boolean): void {
    const problems = [...analysisProblems];
    if (invalidUtf8) problems.push({ start: 0, end: 0, severity: 'info', code: 'invalid-utf8', message: 'This file contains bytes that are not valid UTF-8; they are shown as �.' });
    this.host.problems(uri, problems.length ? textOf() : undefined, problems);
  }

  private async indexFile(uri: string, fsPath: string, kind: FileKind, relativePath: string): Promise<void> {
    const read = await readTextFile(fsPath, this.settings.maxFileSizeKB * 1024);
    if (!read.ok) return this.reportUnreadable(uri, relativePath, read.reason);
    this.ingest(uri, read.text, kind, relativePath, -1);
  }

  private ingest(uri: string, text: string, kind: FileKind, relativePath: string, version: number): void {
    if (kind === 'note') {
      const note = this.index.setNote(uri, text, noteIdFromPath(relativePath));
      this.host.problems(uri, text, note.problems);
    } else if (kind === 'article') {
      const article = this.index.setArticle(uri, text, version);
      this.publishArticleProblems(uri, () => text, article.analysis.problems, text.includes('\uFFFD'));
    }
  }

  /** Reads the ignore list; true when the decisions changed. */
  private async loadDecisions(fsPath: string): Promise<boolean> {
    const read = await readTextFile(fsPath, 4 * 1024 * 1024);
    return this.index.setDecisions(parseIgnoreList(read.ok ? read.text : ''));
  }

  /** New decisions: open articles are re-analysed at once, the rest by a background re-scan. */
  private decisionsChanged(): void {
    for (const uri of this.open) {
      const a = this.index.article(uri);
      if (a) this.index.setArticle(uri, a.document.getText(), a.version);
    }
    void this.indexAll(this.roots);
  }

  /** The workspace-relative path and kind of a URI, if SourceLens reads it. */
  locate(uri: string): { kind: FileKind; relativePath: string; fsPath: string } | undefined {
    let fsPath: string;
    try {
      fsPath = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    for (const root of this.roots) {
      const rel = path.relative(root, fsPath);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const relativePath = rel.split(path.sep).join('/');
      const rootName = path.basename(root);
      const kind = classifyPath(relativePath, effectivePaths(rootName, '', this.settings.ignoreFile).ignoreFile, rootName);
      if (kind) return { kind, relativePath, fsPath };
    }
    return undefined;
  }

  // ---- editor and file events ------------------------------------------------------------------

  /** An open editor's text (articles opened from anywhere are read as articles). */
  didOpenOrChange(uri: string, text: string, version: number, languageId: string): void {
    const where = this.locate(uri);
    const kind = where?.kind ?? (languageId === 'article' ? 'article' : undefined);
    if (!kind || kind === 'decisions') return;
    this.open.add(uri);
    if (kind === 'article' && this.edits) {
      const hash = contentHash(text);
      if (this.index.hasContent(uri, hash)) {
        // Back to the indexed text (an undo, or an open): nothing to analyse, and nothing older applies.
        this.edits.cancel(uri);
        this.index.setArticle(uri, text, version);
        return;
      }
      this.edits.submit(uri, text, version, this.index.readerDecisions, this.index.readerDecisionsKey);
      return;
    }
    this.ingest(uri, text, kind, where?.relativePath ?? uri, version);
    this.scheduleRelink();
  }

  /** The analysis of an open article's latest version arrived (none: analyse it here). */
  private applyEdit(uri: string, text: string, version: number, analysis?: ArticleAnalysis, decisionsKey?: string): void {
    if (!this.open.has(uri)) return; // closed meanwhile: the text on disk was indexed instead
    if (!analysis || decisionsKey !== this.index.readerDecisionsKey) this.ingest(uri, text, 'article', uri, version);
    else {
      // linked incrementally at once where that applies (the index is then clean: see `scheduleRelink`)
      const article = this.index.putAnalysed(uri, text, contentHash(text), analysis, decisionsKey, version, true);
      this.publishArticleProblems(uri, () => text, article.analysis.problems, text.includes('\uFFFD'));
      if (!this.index.isDirty) {
        this.host.relinked();
        return;
      }
    }
    this.scheduleRelink();
  }

  async didClose(uri: string): Promise<void> {
    this.open.delete(uri);
    this.edits?.cancel(uri);
    const where = this.locate(uri);
    if (!where) {
      // An article opened from outside the corpus leaves with its editor.
      if (this.index.remove(uri)) this.scheduleRelink();
      this.host.problems(uri, undefined, []);
      return;
    }
    await this.fileChanged(uri);
  }

  async fileChanged(uri: string): Promise<void> {
    if (this.open.has(uri)) return; // the editor's text wins
    const where = this.locate(uri);
    if (!where) return;
    if (where.kind === 'decisions') {
      if (await this.loadDecisions(where.fsPath)) this.decisionsChanged();
      return;
    }
    await this.indexFile(uri, where.fsPath, where.kind, where.relativePath);
    this.scheduleRelink();
  }

  fileDeleted(uri: string): void {
    const where = this.locate(uri);
    if (where?.kind === 'decisions') {
      if (this.index.setDecisions(parseIgnoreList(''))) this.decisionsChanged();
      return;
    }
    const removed = this.index.remove(uri) || this.index.removeUnder(uri) > 0;
    this.host.problems(uri, undefined, []);
    if (removed) this.scheduleRelink();
  }

  /**
   * Corpus linking after changes: a few edited articles are folded in at once (incremental, cost
   * proportional to the article); notes, decisions or many files relink the corpus after a pause.
   */
  scheduleRelink(delayMs = 150): void {
    if (this.index.isDirty && !this.index.needsFullRelink) {
      this.index.relinkIncremental();
      this.host.relinked();
      return;
    }
    if (this.relinkTimer) clearTimeout(this.relinkTimer);
    this.relinkTimer = setTimeout(() => {
      this.relinkTimer = undefined;
      if (!this.index.isDirty) return;
      this.index.relink();
      this.host.relinked();
      this.scheduleSnapshot();
    }, delayMs);
  }

  /** The snapshot file of this set of workspace folders, inside the cache's versioned folder. */
  private snapshotFile(): string | undefined {
    if (!this.cache) return undefined;
    const key = createHash('sha1').update(JSON.stringify([...this.roots].sort())).digest('hex').slice(0, 16);
    return path.join(this.cache.folder, 'snapshots', `${key}.snapshot`);
  }

  /**
   * Writes the corpus snapshot a little after a full relink other than the initial scan's (in
   * slices between requests; abandoned if the index changes meanwhile, and tried again after the
   * next full relink).
   */
  private scheduleSnapshot(delayMs = 1000): void {
    if (!this.cache) return;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      void this.writeSnapshotNow();
    }, delayMs);
    this.snapshotTimer.unref?.();
  }

  /** Writes the snapshot of the index as it is now, if it is a full relink's result; true when written. */
  private async writeSnapshotNow(): Promise<boolean> {
    const file = this.snapshotFile();
    const source = this.index.snapshotSource();
    const changes = this.index.changes;
    if (!file || !source || changes === this.snapshotAt) return false;
    const generation = this.generation;
    const valid = (): boolean => this.index.changes === changes && this.index.isFullyLinked && this.generation === generation;
    if (!(await writeSnapshot(file, source, valid, (m) => this.host.log(m)))) return false;
    // the name of the text snapshots (formats up to 5), which a cache folder kept across a build may still hold
    await fs.rm(file.replace(/\.snapshot$/, '.jsonl'), { force: true }).catch(() => undefined);
    this.snapshotAt = changes;
    return true;
  }

  dispose(): void {
    if (this.relinkTimer) clearTimeout(this.relinkTimer);
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.generation++;
    this.pool?.dispose();
  }
}
