/**
 * The SourceLens extension: starts the language server and registers views and commands.
 * Thin by design: no analysis here; everything is asked of the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { ActorsView } from './actorsView';
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
  };
  client = new LanguageClient('sourcelens', 'SourceLens', serverOptions, clientOptions);

  const status = new StatusBar();
  const actors = new ActorsView(client);
  const timeline = new TimelineView(client);
  context.subscriptions.push(
    status,
    vscode.window.registerTreeDataProvider('sourcelens.actors', actors),
    vscode.window.registerTreeDataProvider('sourcelens.timeline', timeline),
  );
  registerCommands(context, client, actors);

  context.subscriptions.push(
    client.onNotification(StatusNotification, (s: StatusParams) => {
      status.update(s);
      if (s.state === 'ready') {
        actors.refresh();
        timeline.refresh();
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
