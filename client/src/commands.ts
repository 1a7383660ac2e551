/**
 * Palette, keybinding and context-menu commands: next/previous mention, everything an actor said,
 * find all mentions, reveal in the Actors view, notes and aliases, not an entity, the actor network,
 * filter, re-index, read as article, the walkthrough. Commands on an actor take a tree node (from a
 * view's context menu) or use the name under the cursor, else ask with a quick pick.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  AdjacentMentionRequest,
  EntityAtRequest,
  EntityMentionsRequest,
  QuotesByRequest,
  ReindexRequest,
  ServerCommands,
  type EntitySummary,
  type MentionItem,
  type QuoteItem,
  type Rng,
} from '../../server/src/protocol';
import type { ActorsView } from './actorsView';
import { byMentions, oneLine, TYPE_LABEL } from './model/actorsTree';
import { NetworkPanel } from './networkPanel';
import { toRange } from './ranges';

export interface Views {
  actors: ActorsView;
  refreshAll(): void;
  articleUri(): string | undefined;
}

/** What a command needs to know about an actor. */
type ActorRef = Pick<EntitySummary, 'id' | 'name' | 'type'>;

export const WALKTHROUGH_ID = 'sourcelens.sourcelens#gettingStarted';

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

function isActorRef(x: unknown): x is ActorRef {
  const e = x as ActorRef | undefined;
  return !!e && typeof e.id === 'string' && typeof e.name === 'string' && typeof e.type === 'string';
}

/** The actor of a tree node, else the one under the cursor, else the reader's pick. */
async function resolveActor(client: LanguageClient, views: Views, arg: unknown, purpose: string): Promise<ActorRef | undefined> {
  const fromNode = (arg as { entity?: unknown } | undefined)?.entity;
  if (isActorRef(fromNode)) return fromNode;
  if (isActorRef(arg)) return arg;
  if (typeof arg === 'string') return (await views.actors.entities()).find((e) => e.id === arg);
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'article') {
    const at = (await client.sendRequest(EntityAtRequest, { uri: editor.document.uri.toString(), position: editor.selection.active })) as ActorRef | null;
    if (at) return at;
  }
  const all = [...(await views.actors.entities())].sort(byMentions);
  if (all.length === 0) {
    void vscode.window.showInformationMessage('SourceLens: no actors are indexed yet.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    all.map((e) => ({ label: e.name, description: `${TYPE_LABEL[e.type]} · ${e.mentions}`, detail: e.role, e })),
    { title: purpose, placeHolder: 'Type a name', matchOnDescription: true, matchOnDetail: true },
  );
  return pick?.e;
}

async function runServerCommand(client: LanguageClient, command: string, args: unknown[]): Promise<string | undefined> {
  const result = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  return typeof result === 'string' ? result : undefined;
}

async function showAllMentions(client: LanguageClient, actor: ActorRef): Promise<void> {
  const mentions: MentionItem[] = await client.sendRequest(EntityMentionsRequest, { id: actor.id });
  if (mentions.length === 0) {
    void vscode.window.showInformationMessage(`SourceLens: no mentions of ${actor.name}.`);
    return;
  }
  // Stay in the article being read when it names the actor.
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const first = mentions.find((m) => m.uri === active) ?? mentions[0];
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(first.uri), { selection: toRange(first.range), preserveFocus: false });
  const locations = mentions.map((m) => new vscode.Location(vscode.Uri.parse(m.uri), toRange(m.range)));
  await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, toRange(first.range).start, locations);
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, views: Views): void {
  const reg = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  const actor = (arg: unknown, purpose: string) => resolveActor(client, views, arg, purpose);

  reg('sourcelens.nextMention', () => jumpToMention(client, 1));
  reg('sourcelens.previousMention', () => jumpToMention(client, -1));

  reg('sourcelens.reindex', async () => {
    await vscode.window.withProgress({ location: { viewId: 'sourcelens.actors' }, title: 'Re-indexing' }, () => client.sendRequest(ReindexRequest));
    views.refreshAll();
  });

  reg('sourcelens.filterActors', async () => {
    const filter = await vscode.window.showInputBox({ title: 'Filter Actors', prompt: 'Show actors whose name, role or type contains these words', value: views.actors.currentFilter });
    if (filter !== undefined) views.actors.setFilter(filter);
  });
  reg('sourcelens.clearActorsFilter', () => views.actors.setFilter(''));

  reg('sourcelens.readAsArticle', async () => {
    const editor = vscode.window.activeTextEditor;
    if (editor) await vscode.languages.setTextDocumentLanguage(editor.document, 'article');
  });

  reg('sourcelens.findMentions', async (arg?: unknown) => {
    const fromView = isActorRef((arg as { entity?: unknown } | undefined)?.entity) || isActorRef(arg) || typeof arg === 'string';
    const editor = vscode.window.activeTextEditor;
    if (!fromView && editor?.document.languageId === 'article') {
      await vscode.commands.executeCommand('editor.action.referenceSearch.trigger');
      return;
    }
    const a = await actor(arg, 'Find all mentions of…');
    if (a) await showAllMentions(client, a);
  });

  reg('sourcelens.showQuotes', async (arg?: unknown) => {
    const a = await actor(arg, 'Show everything said by…');
    if (!a) return;
    const quotes: QuoteItem[] = await client.sendRequest(QuotesByRequest, { id: a.id });
    if (quotes.length === 0) {
      void vscode.window.showInformationMessage(`SourceLens: no quotations attributed to ${a.name}.`);
      return;
    }
    const pick = await vscode.window.showQuickPick(
      quotes.map((q) => ({ label: `“${oneLine(q.text, 90)}”`, description: q.articleTitle, detail: `${q.kind} quotation · ${q.speaker}`, q })),
      { title: `Everything ${a.name} said (${quotes.length})`, matchOnDescription: true, matchOnDetail: true },
    );
    if (pick) await vscode.window.showTextDocument(vscode.Uri.parse(pick.q.uri), { selection: toRange(pick.q.range) });
  });

  reg('sourcelens.revealInActors', async (arg?: unknown) => {
    const a = await actor(arg, 'Reveal in the Actors view…');
    if (!a) return;
    await vscode.commands.executeCommand('sourcelens.actors.focus');
    if (!(await views.actors.reveal(a.id))) void vscode.window.showInformationMessage(`SourceLens: ${a.name} is not in the Actors view yet (indexing?).`);
  });

  reg('sourcelens.openNote', async (arg?: unknown) => {
    const a = await actor(arg, 'Open or create the note of…');
    if (!a) return;
    const uri = await runServerCommand(client, ServerCommands.createNote, [a.name, a.type, a.id]);
    if (uri) await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  });

  reg('sourcelens.addAlias', async (arg?: unknown) => {
    const a = await actor(arg, 'Add an alias to…');
    if (!a) return;
    const alias = await vscode.window.showInputBox({
      title: `Add an alias of ${a.name}`,
      prompt: 'Another name or spelling of this actor (saved in its note; every article is re-linked)',
      validateInput: (v) => (!v.trim() ? 'Type a name' : v.trim() === a.name ? 'That is already its name' : v.length > 200 ? 'Too long for a name' : undefined),
    });
    if (!alias?.trim()) return;
    const uri = await runServerCommand(client, ServerCommands.addAlias, [alias.trim(), a.id]);
    if (uri) void vscode.window.showInformationMessage(`SourceLens: “${alias.trim()}” now names ${a.name}.`);
  });

  reg('sourcelens.notAnEntity', async (arg?: unknown) => {
    const a = await actor(arg, 'Not an entity…');
    if (!a) return;
    const ok = await vscode.window.showWarningMessage(`“${a.name}” is not an actor?`, { modal: true, detail: 'SourceLens will stop recognising this name (saved in the ignore list of the workspace).' }, 'Not an Entity');
    if (ok === 'Not an Entity') await runServerCommand(client, ServerCommands.notAnEntity, [a.name]);
  });

  reg('sourcelens.openNetwork', () => NetworkPanel.show(context, client, views, 'corpus'));
  reg('sourcelens.openArticleNetwork', () => NetworkPanel.show(context, client, views, 'article'));

  reg('sourcelens.openWalkthrough', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false));
}
