/**
 * Wires the LSP connection to the corpus index: capabilities, document sync, file events,
 * progress, and one thin handler per feature. Every handler is wrapped once: a failure is logged
 * and answered with an empty result, never a crash.
 */
import { availableParallelism, homedir } from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  TextDocuments,
  TextDocumentSyncKind,
  FileChangeType,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisComponents } from './core/analyzeArticle';
import type { EntityType } from './core/types';
import { provideCodeActions } from './features/codeActions';
import { toDiagnostics } from './features/diagnostics';
import { provideDocumentSymbols } from './features/documentSymbols';
import { provideFoldingRanges } from './features/foldingRanges';
import { provideHover } from './features/hover';
import { provideInlayHints } from './features/inlayHints';
import { actorNetwork } from './features/network';
import { adjacentMention, provideDefinition, provideDocumentHighlights, provideReferences } from './features/navigation';
import { SEMANTIC_LEGEND, provideSemanticTokens } from './features/semanticTokens';
import { articleInfo, entityIdAt, entityMentions, listEntities, quotesBy, timeline } from './features/viewRequests';
import { QueryWarmUp } from './features/warmUp';
import { provideWorkspaceSymbols } from './features/workspaceSymbols';
import { analysisFingerprint } from './components';
import { AnalysisCache } from './index/analysisCache';
import { AnalysisPool } from './index/analysisPool';
import { CorpusIndex } from './index/corpusIndex';
import { addToIgnoreList, upsertNote } from './index/readerEdits';
import { WorkspaceIndexer } from './index/workspaceIndexer';
import { effectivePaths } from './index/fileKinds';
import * as P from './protocol';
import { DEFAULT_SETTINGS, toSettings, type Settings } from './settings';

export function startLanguageServer(connection: Connection, components: AnalysisComponents): void {
  const documents = new TextDocuments(TextDocument);
  const index = new CorpusIndex(components);
  let settings: Settings = DEFAULT_SETTINGS;
  let hasConfiguration = false;
  let canRefreshTokens = false;
  let canRefreshInlays = false;
  let progress: WorkDoneProgressServerReporter | undefined;

  const log = (message: string): void => connection.console.log(message);
  const status = (state: 'indexing' | 'ready', done = 0, total = 0): void => {
    const s = index.stats();
    void connection.sendNotification(P.StatusNotification, { state, done, total, articles: s.articles, entities: s.entities } satisfies P.StatusParams);
  };

  const warmUp = new QueryWarmUp(index, 200, 1);
  /** Documents whose last published diagnostics were not empty. */
  const withDiagnostics = new Set<string>();
  /** Progress is reported at most every PROGRESS_EVERY_MS while indexing (and always at the end). */
  const PROGRESS_EVERY_MS = 100;
  let lastProgress = 0;
  let indexer!: WorkspaceIndexer;
  const makeIndexer = (): WorkspaceIndexer => new WorkspaceIndexer(index, settings, {
    log,
    progress(done, total) {
      const now = Date.now();
      if (done < total && now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} files`);
      status('indexing', done, total);
    },
    problems(uri, text, problems) {
      // A clean article sends nothing (10,000 empty notifications would cost the cold index seconds);
      // an article that had problems gets an empty list to clear them.
      if (problems.length === 0) {
        if (!withDiagnostics.delete(uri)) return;
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      withDiagnostics.add(uri);
      const doc = documents.get(uri) ?? TextDocument.create(uri, 'article', 0, text ?? '');
      void connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(doc, problems) });
    },
    relinked() {
      // An editor can open an article while the initial scan still runs: stay "indexing" until it ends.
      if (!indexer.ready) {
        status('indexing');
        return;
      }
      const first = progress !== undefined;
      progress?.done();
      progress = undefined;
      warmUp.schedule();
      // The end of a scan is reported at once. After an edit the status and the refresh requests wait
      // for the next turn of the event loop: requests held back while the edit was analysed (see
      // `guarded`) are answered first.
      if (first) announceReady();
      else if (!announcePending) {
        announcePending = true;
        setImmediate(announceReady);
      }
    },
  });

  let announcePending = false;
  /** The index is ready again: the status bar's counts, and the client re-asks for colours and hints. */
  function announceReady(): void {
    announcePending = false;
    if (!indexer.ready) return;
    status('ready');
    if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
    if (canRefreshInlays) void connection.languages.inlayHint.refresh();
  }

  /** Wraps a handler: logs failures and answers `fallback`. */
  function guarded<A extends unknown[], R>(name: string, fallback: R, run: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      try {
        // Edits are analysed in a worker: wait for them, so the answer sees the text the editor shows.
        const edits = indexer?.settled();
        if (edits) await edits;
        return await run(...args);
      } catch (err) {
        connection.console.error(`${name} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    hasConfiguration = !!caps.workspace?.configuration;
    canRefreshTokens = !!caps.workspace?.semanticTokens?.refreshSupport;
    canRefreshInlays = !!caps.workspace?.inlayHint?.refreshSupport;
    const roots: string[] = [];
    for (const f of params.workspaceFolders ?? []) {
      try {
        roots.push(fileURLToPath(f.uri));
      } catch {
        log(`Workspace folder ${f.uri} is not on disk; it is not scanned.`);
      }
    }
    if (roots.length === 0 && params.rootUri) {
      try {
        roots.push(fileURLToPath(params.rootUri));
      } catch {
        /* not a file URI */
      }
    }
    pendingRoots = roots;
    initOptions = (params.initializationOptions ?? {}) as InitOptions;
    indexer = makeIndexer();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: { label: 'SourceLens argument' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        executeCommandProvider: { commands: Object.values(P.ServerCommands) },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'sourcelens-language-server', version: '0.1.0' },
    };
  });

  let pendingRoots: string[] = [];

  interface InitOptions {
    storagePath?: unknown;
    workers?: unknown;
    cache?: unknown;
  }
  let initOptions: InitOptions = {};
  /** The persistent analysis cache (none until `initialized`, or when the client turned it off). */
  let analysisCache: AnalysisCache | undefined;

  /** Worker threads and the persistent cache: started after `initialize` has been answered. */
  function attachBackends(): AnalysisCache | undefined {
    const storage = typeof initOptions.storagePath === 'string' && initOptions.storagePath ? initOptions.storagePath : path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'sourcelens');
    const workers = typeof initOptions.workers === 'number' ? Math.max(0, Math.min(8, Math.floor(initOptions.workers))) : Math.max(1, Math.min(4, availableParallelism()));
    const pool = workers > 0 ? new AnalysisPool(workers, components, log) : undefined;
    const cache = initOptions.cache === false ? undefined : new AnalysisCache(storage, analysisFingerprint(), log);
    indexer.attach(pool, cache);
    return cache;
  }

  async function refreshSettings(): Promise<void> {
    if (!hasConfiguration) return;
    try {
      settings = toSettings(await connection.workspace.getConfiguration('sourcelens'));
      indexer.updateSettings(settings);
    } catch (err) {
      log(`Could not read settings: ${(err as Error).message}`);
    }
  }

  async function beginProgress(): Promise<void> {
    try {
      progress = await connection.window.createWorkDoneProgress();
      progress.begin('SourceLens: indexing the corpus', 0, undefined, false);
    } catch {
      progress = undefined;
    }
  }

  connection.onInitialized(async () => {
    const cache = (analysisCache = attachBackends());
    await refreshSettings();
    await beginProgress();
    status('indexing');
    void indexer
      .indexAll(pendingRoots)
      // Once the scan is done, ready the worker that analyses edits (or the main thread, without
      // workers), so the first edit pays neither for loading nor for compiling the analysis code; then
      // remove the caches of other SourceLens versions (not during the scan: it competes for the disk).
      .then(async () => {
        await indexer.prepareForEdits();
        return cache?.pruneOtherVersions();
      })
      .catch((err) => connection.console.error(`Indexing failed: ${(err as Error).stack ?? err}`));
  });

  connection.onDidChangeConfiguration(guarded('configuration', undefined, async () => {
    const before = settings;
    await refreshSettings();
    if (before.ignoreFile !== settings.ignoreFile || before.maxFileSizeKB !== settings.maxFileSizeKB) await indexer.indexAll(pendingRoots);
    if (canRefreshInlays) void connection.languages.inlayHint.refresh();
  }));

  documents.onDidOpen((e) => indexer.didOpenOrChange(e.document.uri, e.document.getText(), e.document.version, e.document.languageId));
  documents.onDidChangeContent((e) => indexer.didOpenOrChange(e.document.uri, e.document.getText(), e.document.version, e.document.languageId));
  documents.onDidClose((e) => void indexer.didClose(e.document.uri));

  connection.onDidChangeWatchedFiles(guarded('file events', undefined, async (params) => {
    for (const change of params.changes) {
      if (change.type === FileChangeType.Deleted) indexer.fileDeleted(change.uri);
      else await indexer.fileChanged(change.uri);
    }
  }));

  connection.onHover(guarded('hover', null, (p) => provideHover(index, p)));
  connection.onDefinition(guarded('definition', null, (p) => provideDefinition(index, p)));
  // A kept reply (PreSerialized) serializes to the same JSON as the array it holds.
  connection.onReferences(guarded('references', [], (p) => provideReferences(index, p) as Location[]));
  connection.onDocumentHighlight(guarded('highlights', [], (p) => provideDocumentHighlights(index, p)));
  connection.onDocumentSymbol(guarded('document symbols', [], (p) => provideDocumentSymbols(index, p, { depth: settings.outlineDepth })));
  connection.onWorkspaceSymbol(guarded('workspace symbols', [], (p) => provideWorkspaceSymbols(index, p)));
  connection.onFoldingRanges(guarded('folding', [], (p) => provideFoldingRanges(index, p.textDocument.uri)));
  connection.onCodeAction(guarded('code actions', [], (p) => provideCodeActions(index, p)));
  connection.languages.inlayHint.on(guarded('inlay hints', [], (p) => (settings.inlayHintsForDates ? provideInlayHints(index, p.textDocument.uri, p.range) : [])));
  connection.languages.semanticTokens.on(guarded('semantic tokens', { data: [] }, (p) => provideSemanticTokens(index, p.textDocument.uri)));

  connection.onRequest(P.EntitiesRequest, guarded('entities', [], () => listEntities(index)));
  connection.onRequest(P.EntityMentionsRequest, guarded('entity mentions', [], (p: P.EntityMentionsParams) => entityMentions(index, p.id)));
  connection.onRequest(P.TimelineRequest, guarded('timeline', [], () => timeline(index)));
  connection.onRequest(P.AdjacentMentionRequest, guarded('adjacent mention', null, (p: P.AdjacentMentionParams) => adjacentMention(index, p.uri, p.position, p.direction)));
  connection.onRequest(P.EntityAtRequest, guarded('entity at', null, (p: P.EntityAtParams) => {
    const id = entityIdAt(index, p.uri, p.position);
    const e = id ? index.entity(id) : undefined;
    return e ? { id: e.id, name: e.name, type: e.type } : null;
  }));
  connection.onRequest(P.QuotesByRequest, guarded('quotes by', [], (p: P.QuotesByParams) => {
    const id = p.id ?? (p.uri && p.position ? entityIdAt(index, p.uri, p.position) : undefined);
    return id ? quotesBy(index, id) : [];
  }));
  connection.onRequest(P.NetworkRequest, guarded('network', null, (p: P.NetworkParams) => actorNetwork(index, p ?? {})));
  connection.onRequest(P.ArticleInfoRequest, guarded('article info', null, (p: P.ArticleInfoParams) => articleInfo(index, p.uri)));
  connection.onRequest(P.ReindexRequest, guarded('reindex', false, async () => {
    await beginProgress();
    await indexer.indexAll(pendingRoots);
    return true;
  }));

  connection.onExecuteCommand(guarded('command', null, async (p) => {
    const root = indexer.workspaceRoots[0];
    if (!root) {
      void connection.window.showWarningMessage('SourceLens needs an open folder to save your decision.');
      return null;
    }
    const args = (p.arguments ?? []) as string[];
    const { notesFolder, ignoreFile } = effectivePaths(path.basename(root), settings.notesFolder, settings.ignoreFile);
    const noteOf = (id: string): string | undefined => {
      const e = id ? index.entity(id) : undefined;
      const uri = e ? index.noteUriOf(e) : undefined;
      return uri ? fileURLToPath(uri) : undefined;
    };
    let written;
    switch (p.command) {
      case P.ServerCommands.notAnEntity:
        written = await addToIgnoreList(root, ignoreFile, String(args[0] ?? ''));
        break;
      case P.ServerCommands.addAlias: {
        const e = index.entity(String(args[1] ?? ''));
        if (!e) return null;
        written = await upsertNote(root, notesFolder, { name: e.name, type: e.type, existingNotePath: noteOf(e.id), addAliases: [String(args[0])], role: e.note?.role });
        break;
      }
      case P.ServerCommands.createNote:
        written = await upsertNote(root, notesFolder, { name: String(args[0]), type: args[1] as EntityType, existingNotePath: noteOf(String(args[2] ?? '')), addAliases: aliasesOf(String(args[2] ?? '')) });
        break;
      case P.ServerCommands.changeType:
        written = await upsertNote(root, notesFolder, { name: String(args[0]), type: args[1] as EntityType, existingNotePath: noteOf(String(args[2] ?? '')), setType: args[1] as EntityType, addAliases: aliasesOf(String(args[2] ?? '')) });
        break;
      default:
        return null;
    }
    // Pick the change up at once rather than waiting for the file watcher.
    await indexer.fileChanged(written.uri);
    index.relink();
    indexer.scheduleRelink(0);
    return written.uri;
  }));

  function aliasesOf(id: string): string[] {
    const e = id ? index.entity(id) : undefined;
    return e ? [...e.spellings.keys()].map((s) => s.replace(/['’]s$/, '')).filter((s) => s !== e.name) : [];
  }

  connection.onShutdown(async () => {
    warmUp.dispose();
    indexer.dispose();
    // The cache entries still waiting to be appended are written before the client stops us.
    await analysisCache?.close();
  });
  documents.listen(connection);
  connection.listen();
}
