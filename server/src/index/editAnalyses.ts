/**
 * The reader's edits to open articles, analysed off the main thread (in the pool's kept worker, whose
 * code and word caches are warm), so typing never blocks the event loop. Only an article's latest
 * version is applied: an older analysis that arrives late is dropped. Requests wait for `settled()`
 * first, so no answer pairs an article's new text with its old analysis.
 */
import type { ArticleAnalysis, ReaderDecisions } from '../core/analyzeArticle';

export interface EditAnalyzer {
  analyze(text: string, decisions: ReaderDecisions, options: { oneWorker: true }): Promise<ArticleAnalysis>;
}

export interface EditSink {
  /** The analysis of `version` of an open article, still its latest version. */
  analysed(uri: string, text: string, version: number, analysis: ArticleAnalysis, decisionsKey: string): void;
  /** The worker failed: analyse `version` some other way. */
  failed(uri: string, text: string, version: number, why: string): void;
}

interface InFlight {
  version: number;
  done: Promise<void>;
}

export class EditAnalyses {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    private readonly analyzer: EditAnalyzer,
    private readonly sink: EditSink,
  ) {}

  /** Starts analysing `version` of `uri`; an earlier version still in flight will not be applied. */
  submit(uri: string, text: string, version: number, decisions: ReaderDecisions, decisionsKey: string): void {
    const entry: InFlight = { version, done: Promise.resolve() };
    const current = (): boolean => this.inFlight.get(uri) === entry;
    entry.done = this.analyzer.analyze(text, decisions, { oneWorker: true }).then(
      (analysis) => {
        if (!current()) return;
        this.inFlight.delete(uri);
        this.sink.analysed(uri, text, version, analysis, decisionsKey);
      },
      (err: unknown) => {
        if (!current()) return;
        this.inFlight.delete(uri);
        this.sink.failed(uri, text, version, err instanceof Error ? err.message : String(err));
      },
    );
    this.inFlight.set(uri, entry);
  }

  /** Forgets the analysis in flight for `uri` (its editor closed, or its text is indexed already). */
  cancel(uri: string): void {
    this.inFlight.delete(uri);
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /**
   * Resolves when no edit is being analysed (at once: undefined), or after `timeoutMs` at most, so a
   * stuck worker delays answers but never stops them.
   */
  settled(timeoutMs = 2000): Promise<void> | undefined {
    if (this.inFlight.size === 0) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    const drained = (async () => {
      // A newer edit can arrive while waiting: wait until none is left.
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()].map((e) => e.done));
    })();
    return Promise.race([drained, timeout]).finally(() => clearTimeout(timer));
  }
}
