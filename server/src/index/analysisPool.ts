/**
 * A small pool of analysis workers (see analysisWorker.ts). Falls back to analysing on the main
 * thread when workers cannot start (the result is the same, only slower).
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { existsSync } from 'fs';
import type { AnalysisComponents, ArticleAnalysis, ReaderDecisions } from '../core/analyzeArticle';
import { analyzeArticleModule } from './lazyCore';

interface Pending {
  resolve(a: ArticleAnalysis): void;
  reject(e: Error): void;
}

export class AnalysisPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load: number[] = [];
  private nextId = 1;

  constructor(
    size: number,
    private readonly fallback: AnalysisComponents,
    private readonly log: (m: string) => void,
    workerFile = path.join(__dirname, 'analysisWorker.js'),
  ) {
    if (size < 1 || !existsSync(workerFile)) return;
    for (let i = 0; i < size; i++) {
      try {
        const w = new Worker(workerFile);
        w.unref();
        w.on('message', (m: { id: number; analysis?: ArticleAnalysis; error?: string }) => {
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          this.load[i]--;
          if (m.analysis) p.resolve(m.analysis);
          else p.reject(new Error(m.error ?? 'analysis failed'));
        });
        w.on('error', (err) => this.log(`Analysis worker failed: ${err.message}`));
        this.workers.push(w);
        this.load.push(0);
      } catch (err) {
        this.log(`Could not start an analysis worker (${(err as Error).message}); analysing on the main thread.`);
        break;
      }
    }
  }

  get size(): number {
    return this.workers.length;
  }

  analyze(text: string, decisions: ReaderDecisions): Promise<ArticleAnalysis> {
    if (this.workers.length === 0) return Promise.resolve(analyzeArticleModule().analyzeArticle(text, this.fallback, { decisions }));
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i] < this.load[best]) best = i;
    const id = this.nextId++;
    this.load[best]++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[best].postMessage({ id, text, decisions });
    });
  }

  dispose(): void {
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
    for (const p of this.pending.values()) p.reject(new Error('pool disposed'));
    this.pending.clear();
  }
}
