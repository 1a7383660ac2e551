/**
 * The SourceLens extension: starts the language server and registers views and commands.
 * Thin by design: no analysis here; everything is asked of the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { ActorsView } from './actorsView';
import { ArticleView } from './articleView';
import { NetworkPanel } from './networkPanel';
import { TimelineView } from './timelineView';
import { StatusBar } from './statusBar';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'article' }],
    synchronize: {
      configurationSection: 'sourcelens',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}'), vscode.workspace.createFileSystemWatcher('**/.sourcelens-ignore')],
    },
    markdown: { isTrusted: false, supportHtml: false },
    outputChannelName: 'SourceLens',
    // Where the server keeps its persistent analysis cache (safe to delete).
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
  };
  client = new LanguageClient('sourcelens', 'SourceLens', serverOptions, clientOptions);

  const status = new StatusBar();
  const actors = new ActorsView(client);
  const article = new ArticleView(client);
  const timeline = new TimelineView(client);
  const actorsTree = vscode.window.createTreeView('sourcelens.actors', { treeDataProvider: actors, showCollapseAll: true });
  const articleTree = vscode.window.createTreeView('sourcelens.article', { treeDataProvider: article, showCollapseAll: true });
  actors.attach(actorsTree);
  article.attach(articleTree);
  const refreshAll = (): void => {
    actors.refresh();
    article.refresh();
    timeline.refresh();
    void NetworkPanel.current?.update();
  };
  context.subscriptions.push(
    status,
    actorsTree,
    articleTree,
    article,
    vscode.window.registerTreeDataProvider('sourcelens.timeline', timeline),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e?.document.languageId === 'article') NetworkPanel.current?.articleChanged();
    }),
    { dispose: () => NetworkPanel.current?.dispose() },
  );
  const views = { actors, refreshAll, articleUri: () => article.articleUri };
  registerCommands(context, client, views);
  // the actor network comes back after a window reload, with the scope it had
  const languageClient = client;
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(NetworkPanel.viewType, {
      deserializeWebviewPanel: async (panel, state) => {
        NetworkPanel.revive(panel, context, languageClient, views, state);
      },
    }),
  );

  context.subscriptions.push(
    client.onNotification(StatusNotification, (s: StatusParams) => {
      status.update(s);
      if (s.state === 'ready') refreshAll();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
