/**
 * A small pool of analysis workers (see analysisWorker.ts), started on the first analysis. When a
 * scan is done, `release(1)` stops all but the most practised worker, which then analyses the
 * reader's edits: its compiled code and word caches are warm, so an edit costs a few milliseconds
 * there, against tens on a main thread that never analysed. A warm-up (`analyze` with `discard`)
 * trains a worker that has not analysed enough yet (after a warm start). Workers idle for `idleStopMs`
 * (no job for that long) stop, giving their memory back; the next analysis starts one again, whose
 * first edits then cost a load and compilation. Falls back to analysing on the main thread when
 * workers cannot start (the result is the same, only slower).
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { existsSync } from 'fs';
import type { AnalysisComponents, ArticleAnalysis, ReaderDecisions } from '../core/analyzeArticle';
import { analyzeArticleModule } from './lazyCore';
import { decodeArticleLine } from './snapshotCodec';

/** An analysis, and the snapshot line it came packed in from a worker (none when made on the main thread). */
export interface PackedAnalysis {
  analysis: ArticleAnalysis;
  line?: Uint8Array;
}

interface Pending {
  resolve(a: PackedAnalysis | undefined): void;
  reject(e: Error): void;
  /** The worker analysing it. */
  worker: Worker;
  /** A warm-up: the worker sends no analysis back. */
  discard?: boolean;
  /** The analysed text (the unpacked analysis reads it when mention objects are made). */
  text: string;
}

/** Workers stop after this long without a job: a reader who stopped editing gets their memory back. */
export const DEFAULT_IDLE_STOP_MS = 5 * 60_000;

export class AnalysisPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load: number[] = [];
  /** Articles each worker has analysed (warm-up included): the most practised one is kept for edits. */
  private readonly analysed: number[] = [];
  private nextId = 1;
  /** Workers could not be started here: analyse on the main thread from now on. */
  private unavailable = false;
  /** Stops the workers when no job came for `idleStopMs`. */
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly wanted: number,
    private readonly fallback: AnalysisComponents,
    private readonly log: (m: string) => void,
    private readonly workerFile = path.join(__dirname, 'analysisWorker.js'),
    /** A worker with nothing to do for this long stops (each holds ~100 MB at 10,000 articles). */
    private readonly idleStopMs = DEFAULT_IDLE_STOP_MS,
  ) {
    // Started on the first analysis: a warm start that finds every article in the snapshot needs none.
    if (wanted < 1 || !existsSync(workerFile)) this.unavailable = true;
  }

  private start(count = this.wanted): void {
    for (let started = 0; started < count; started++) {
      try {
        const w = new Worker(this.workerFile);
        w.unref();
        w.on('message', (m: { id: number; line?: Uint8Array; error?: string }) => {
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          const k = this.workers.indexOf(w);
          if (k >= 0) {
            this.load[k]--;
            this.analysed[k]++;
          }
          if (this.pending.size === 0) this.armIdleStop();
          if (p.discard) return p.resolve(undefined);
          const text = p.text;
          const analysis = m.line ? decodeArticleLine(Buffer.from(m.line.buffer, m.line.byteOffset, m.line.length), 0, m.line.length, () => text) : undefined;
          if (analysis) p.resolve({ analysis, line: m.line });
          else p.reject(new Error(m.error ?? 'the worker sent an analysis that does not unpack'));
        });
        w.on('error', (err) => this.lost(w, err.message));
        w.on('exit', (code) => this.lost(w, `it exited with code ${code}`));
        this.workers.push(w);
        this.load.push(0);
        this.analysed.push(0);
      } catch (err) {
        this.log(`Could not start an analysis worker (${(err as Error).message}); analysing on the main thread.`);
        if (this.workers.length === 0) this.unavailable = true;
        break;
      }
    }
  }

  /**
   * A worker died (a crash, running out of memory): its jobs fail, so their articles are analysed
   * on the main thread instead of waiting forever; the next analysis starts the workers again.
   * Workers stopped by `release` or `dispose` have no jobs left and are already out of the list.
   */
  private lost(w: Worker, why: string): void {
    const k = this.workers.indexOf(w);
    if (k < 0) return;
    this.log(`Analysis worker failed: ${why}.`);
    this.workers.splice(k, 1);
    this.load.splice(k, 1);
    this.analysed.splice(k, 1);
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue;
      this.pending.delete(id);
      p.reject(new Error(`the analysis worker failed (${why})`));
    }
  }

  /** (Re)starts the idle countdown: when it ends with no job pending, every worker stops. */
  private armIdleStop(): void {
    this.disarmIdleStop();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.workers.length && this.pending.size === 0) {
        this.log(`Analysis workers stopped after ${Math.round(this.idleStopMs / 1000)} s without work; the next analysis starts one again.`);
        this.release(0);
      }
    }, this.idleStopMs);
    this.idleTimer.unref?.();
  }

  private disarmIdleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** How many workers a scan uses (started on demand); 0 when analysis runs on the main thread. */
  get size(): number {
    return this.unavailable ? 0 : Math.max(this.workers.length, this.wanted);
  }

  /** Workers running now. */
  get running(): number {
    return this.workers.length;
  }

  /**
   * Stops the workers while nothing is pending (each holds its own copy of the recognizers and their
   * caches, about 100 MB): the initial scan is done, and a later one starts them again. `keep`
   * workers stay, the most practised first, to analyse edits.
   */
  release(keep = 0): void {
    if (this.pending.size > 0 || this.workers.length <= keep) return;
    const order = this.workers.map((_, k) => k).sort((a, b) => this.analysed[b] - this.analysed[a]);
    const kept = new Set(order.slice(0, keep));
    for (let k = this.workers.length - 1; k >= 0; k--) {
      if (kept.has(k)) continue;
      void this.workers[k].terminate();
      this.workers.splice(k, 1);
      this.load.splice(k, 1);
      this.analysed.splice(k, 1);
    }
  }

  /** True when analyses run in a worker (started, or able to start), not on the main thread. */
  get inWorkers(): boolean {
    return !this.unavailable;
  }

  /** Articles analysed by the most practised running worker (0 when none runs). */
  get practice(): number {
    return this.analysed.length ? Math.max(...this.analysed) : 0;
  }

  /**
   * Analyses `text` in a worker (the least loaded; workers start on demand: all of them for a scan,
   * one for `oneWorker`). `discard`: the result is not sent back (a warm-up: only the worker's
   * practice counts), and the promise resolves to undefined.
   */
  analyze(text: string, decisions: ReaderDecisions, options?: { oneWorker?: boolean }): Promise<ArticleAnalysis>;
  analyze(text: string, decisions: ReaderDecisions, options: { discard: true; oneWorker?: boolean }): Promise<undefined>;
  analyze(text: string, decisions: ReaderDecisions, options: { discard?: boolean; oneWorker?: boolean } = {}): Promise<ArticleAnalysis | undefined> {
    return this.submit(text, decisions, options).then((packed) => packed?.analysis);
  }

  /**
   * Analyses `text` for a scan, with the snapshot line the worker packed it in (stored in the
   * analysis cache as it is, not packed again).
   */
  analyzePacked(text: string, decisions: ReaderDecisions): Promise<PackedAnalysis> {
    return this.submit(text, decisions, {}) as Promise<PackedAnalysis>;
  }

  /** The job behind `analyze` and `analyzePacked`. */
  private submit(text: string, decisions: ReaderDecisions, options: { discard?: boolean; oneWorker?: boolean }): Promise<PackedAnalysis | undefined> {
    // A scan's analysis tops the pool up to every worker; an edit or a warm-up needs only one.
    this.disarmIdleStop();
    const wanted = options.oneWorker ? 1 : this.wanted;
    if (this.workers.length < wanted && !this.unavailable) this.start(wanted - this.workers.length);
    if (this.workers.length === 0) return Promise.resolve(options.discard ? undefined : { analysis: analyzeArticleModule().analyzeArticle(text, this.fallback, { decisions }) });
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i] < this.load[best]) best = i;
    const id = this.nextId++;
    this.load[best]++;
    return new Promise((resolve, reject) => {
      const worker = this.workers[best];
      this.pending.set(id, { resolve, reject, worker, discard: options.discard, text });
      worker.postMessage({ id, text, decisions, discard: options.discard });
    });
  }

  dispose(): void {
    this.disarmIdleStop();
    this.unavailable = true;
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
    this.load.length = 0;
    this.analysed.length = 0;
    for (const p of this.pending.values()) p.reject(new Error('pool disposed'));
    this.pending.clear();
  }
}
