/**
 * The actor network panel: a webview (client/dist/network.js, bundled with cytoscape) showing who
 * is named with whom in the same paragraph, across the corpus or in the current article. Strict
 * content security policy: no remote sources, one nonce'd script, styles from the extension only.
 * Clicking a node reveals the actor in the Actors view; double-clicking opens its first mention.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntityMentionsRequest, NetworkRequest, type MentionItem, type NetworkResult } from '../../server/src/protocol';
import type { Views } from './commands';
import { parseWebviewMessage, scopeFromSavedState, type FromWebview, type ToWebview } from './model/networkModel';
import { toRange } from './ranges';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

export class NetworkPanel implements vscode.Disposable {
  static current: NetworkPanel | undefined;
  static readonly viewType = 'sourcelens.network';

  private scope: 'corpus' | 'article';
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  static show(context: vscode.ExtensionContext, client: LanguageClient, views: Views, scope: 'corpus' | 'article'): NetworkPanel {
    if (NetworkPanel.current) {
      NetworkPanel.current.scope = scope;
      NetworkPanel.current.panel.reveal();
      void NetworkPanel.current.update();
      return NetworkPanel.current;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(NetworkPanel.viewType, 'Actor Network', column, {
      ...NetworkPanel.webviewOptions(context),
      retainContextWhenHidden: false,
    });
    NetworkPanel.current = new NetworkPanel(panel, context, client, views, scope);
    return NetworkPanel.current;
  }

  /** A panel VS Code restores after a window reload (registered with registerWebviewPanelSerializer). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient, views: Views, savedState: unknown): NetworkPanel {
    NetworkPanel.current?.dispose();
    panel.webview.options = NetworkPanel.webviewOptions(context);
    NetworkPanel.current = new NetworkPanel(panel, context, client, views, scopeFromSavedState(savedState));
    return NetworkPanel.current;
  }

  private static webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'client', 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')],
    };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly views: Views,
    scope: 'corpus' | 'article',
  ) {
    this.scope = scope;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'sourcelens.svg');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => {
        const msg = parseWebviewMessage(raw);
        if (msg) void this.handle(msg);
      }),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) void this.update();
      }),
    );
  }

  /** Re-sends the graph (after a relink, or when the article in view changes). */
  async update(): Promise<void> {
    if (!this.ready || !this.panel.visible) return;
    const articleUri = this.views.articleUri();
    const canUseArticle = !!articleUri;
    const scope = this.scope === 'article' && articleUri ? 'article' : 'corpus';
    let result: NetworkResult | null = null;
    try {
      result = await this.client.sendRequest(NetworkRequest, scope === 'article' ? { uri: articleUri } : {});
    } catch {
      result = null;
    }
    const msg: ToWebview = result
      ? { type: 'graph', result, canUseArticle }
      : { type: 'empty', message: scope === 'article' ? 'This article is not indexed yet.' : 'The corpus is not indexed yet.', canUseArticle };
    await this.panel.webview.postMessage(msg);
    this.panel.title = result?.scope === 'article' ? `Actor Network: ${result.title ?? 'article'}` : 'Actor Network';
  }

  /** The article in view changed: redraw when showing an article. */
  articleChanged(): void {
    if (this.scope === 'article') void this.update();
  }

  private async handle(msg: FromWebview): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        await this.update();
        return;
      case 'refresh':
        await this.update();
        return;
      case 'scope':
        this.scope = msg.scope;
        await this.update();
        return;
      case 'reveal':
        await vscode.commands.executeCommand('sourcelens.revealInActors', msg.id);
        return;
      case 'openFirstMention': {
        const mentions: MentionItem[] = await this.client.sendRequest(EntityMentionsRequest, { id: msg.id });
        const articleUri = this.views.articleUri();
        const first = (this.scope === 'article' && mentions.find((m) => m.uri === articleUri)) || mentions[0];
        if (first) await vscode.window.showTextDocument(vscode.Uri.parse(first.uri), { selection: toRange(first.range), viewColumn: vscode.ViewColumn.One });
        return;
      }
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'client', 'dist', 'network.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'network.css'));
    const n = nonce();
    const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${n}'`].join('; ');
    const type = (value: string, label: string) => `<label class="type type-${value}"><input type="checkbox" name="type" value="${value}" checked><span class="swatch"></span>${label}</label>`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<!-- The id stops cytoscape from injecting an inline <style> (the CSP forbids it); network.css has its rule. -->
<link id="__________cytoscape_stylesheet" rel="stylesheet" href="${style}">
<title>Actor Network</title>
</head>
<body>
<header class="controls" role="toolbar" aria-label="Network filters">
  <fieldset class="scope"><legend>Scope</legend>
    <label><input type="radio" name="scope" value="corpus" ${this.scope === 'corpus' ? 'checked' : ''}>Corpus</label>
    <label><input type="radio" name="scope" value="article" ${this.scope === 'article' ? 'checked' : ''}>This article</label>
  </fieldset>
  <fieldset class="types"><legend>Types</legend>
    ${type('person', 'People')}${type('organization', 'Organizations')}${type('place', 'Places')}${type('group', 'Groups')}
  </fieldset>
  <fieldset class="weight"><legend>Ties</legend>
    <label for="minWeight">At least</label>
    <input id="minWeight" type="range" min="1" max="10" value="1" step="1">
    <output id="minWeightValue" for="minWeight">1</output> paragraph(s)
    <label><input id="hideIsolated" type="checkbox">Hide actors without ties</label>
  </fieldset>
  <button id="fit" type="button" title="Fit the graph to the panel">Fit</button>
  <button id="relayout" type="button" title="Lay the graph out again">Re-layout</button>
</header>
<main>
  <div id="graph" role="img" aria-label="Actor network graph"></div>
  <aside>
    <p id="summary" aria-live="polite">Loading…</p>
    <p class="hint">Click an actor to reveal it in the Actors view; double-click to open its first mention.</p>
    <h2>Strongest ties</h2>
    <ol id="ties"></ol>
  </aside>
</main>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    NetworkPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
