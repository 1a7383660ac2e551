/** Palette commands: next/previous mention, everything an actor said, filter actors, re-index, read as article. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AdjacentMentionRequest, QuotesByRequest, ReindexRequest, type QuoteItem, type Rng } from '../../server/src/protocol';
import type { ActorsView } from './actorsView';

function toRange(r: Rng): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

async function jumpToMention(client: LanguageClient, direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const loc: { uri: string; range: Rng } | null = await client.sendRequest(AdjacentMentionRequest, { uri: editor.document.uri.toString(), position: editor.selection.active, direction });
  if (!loc) {
    void vscode.window.showInformationMessage('SourceLens: put the cursor on a recognised name first.');
    return;
  }
  await vscode.window.showTextDocument(vscode.Uri.parse(loc.uri), { selection: toRange(loc.range) });
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, actors: ActorsView): void {
  const reg = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  reg('sourcelens.nextMention', () => jumpToMention(client, 1));
  reg('sourcelens.previousMention', () => jumpToMention(client, -1));
  reg('sourcelens.reindex', async () => {
    await client.sendRequest(ReindexRequest);
    actors.refresh();
  });
  reg('sourcelens.filterActors', async () => {
    const filter = await vscode.window.showInputBox({ prompt: 'Show actors whose name contains…' });
    if (filter !== undefined) actors.setFilter(filter);
  });
  reg('sourcelens.clearActorsFilter', () => actors.setFilter(''));
  reg('sourcelens.readAsArticle', async () => {
    const editor = vscode.window.activeTextEditor;
    if (editor) await vscode.languages.setTextDocumentLanguage(editor.document, 'article');
  });
  reg('sourcelens.findMentions', async (node?: { entity?: { id: string } }) => {
    if (node?.entity) {
      await vscode.commands.executeCommand('sourcelens.actors.focus');
      return;
    }
    await vscode.commands.executeCommand('editor.action.referenceSearch.trigger');
  });
  reg('sourcelens.showQuotes', async (node?: { entity?: { id: string } }) => {
    const editor = vscode.window.activeTextEditor;
    const params = node?.entity ? { id: node.entity.id } : editor ? { uri: editor.document.uri.toString(), position: editor.selection.active } : undefined;
    if (!params) return;
    const quotes: QuoteItem[] = await client.sendRequest(QuotesByRequest, params);
    if (quotes.length === 0) {
      void vscode.window.showInformationMessage('SourceLens: no quotations attributed to this actor.');
      return;
    }
    const pick = await vscode.window.showQuickPick(
      quotes.map((q) => ({ label: `“${q.text.length > 90 ? q.text.slice(0, 89) + '…' : q.text}”`, description: q.articleTitle, detail: `${q.kind} quotation · ${q.speaker}`, q })),
      { title: `Everything ${quotes[0].speaker} said (${quotes.length})`, matchOnDescription: true },
    );
    if (pick) await vscode.window.showTextDocument(vscode.Uri.parse(pick.q.uri), { selection: toRange(pick.q.range) });
  });
}
