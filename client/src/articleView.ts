/**
 * The "This article" view: the active article's metadata (title, publisher, author, date, link)
 * and its actors by prominence; an actor expands to its mentions in this article.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ArticleInfoRequest, EntityMentionsRequest, type ArticleInfo, type EntitySummary, type MentionItem } from '../../server/src/protocol';
import { entityItem } from './actorsView';
import { oneLine, plural } from './model/actorsTree';
import { actorsByProminence, metadataRows, type MetaRow } from './model/articleInfo';
import { toRange } from './ranges';

type Node =
  | { kind: 'meta'; row: MetaRow }
  | { kind: 'actors'; info: ArticleInfo }
  | { kind: 'entity'; entity: EntitySummary; share: number }
  | { kind: 'mention'; mention: MentionItem };

const META_ICON: Record<MetaRow['key'], string> = { title: 'book', publisher: 'organization', author: 'person', date: 'calendar', link: 'link-external' };

export class ArticleView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private uri?: string;
  private view?: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.follow(vscode.window.activeTextEditor);
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)));
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
  }

  /** The article the view shows (the last active article editor). */
  get articleUri(): string | undefined {
    return this.uri;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'article') return;
    const uri = editor.document.uri.toString();
    if (uri === this.uri) return;
    this.uri = uri;
    this.refresh();
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const info = this.uri ? ((await Promise.resolve(this.client.sendRequest(ArticleInfoRequest, { uri: this.uri })).catch(() => null)) as ArticleInfo | null) : null;
      if (this.view) {
        this.view.message = !this.uri ? 'Open an article to see where it comes from and who is in it.' : !info ? 'This file is not indexed as an article yet.' : undefined;
        this.view.description = info?.title ? oneLine(info.title, 40) : undefined;
      }
      if (!info) return [];
      return [...metadataRows(info).map((row) => ({ kind: 'meta' as const, row })), { kind: 'actors' as const, info }];
    }
    if (node.kind === 'actors') return actorsByProminence(node.info).map(({ actor, share }) => ({ kind: 'entity' as const, entity: actor, share }));
    if (node.kind === 'entity' && this.uri) {
      const uri = this.uri;
      const mentions = (await Promise.resolve(this.client.sendRequest(EntityMentionsRequest, { id: node.entity.id })).catch(() => [])) as MentionItem[];
      return mentions.filter((m) => m.uri === uri).map((mention) => ({ kind: 'mention' as const, mention }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'meta') {
      const { row } = node;
      const item = new vscode.TreeItem(row.value, vscode.TreeItemCollapsibleState.None);
      item.description = row.label.toLowerCase();
      item.tooltip = `${row.label}: ${row.value}`;
      item.iconPath = new vscode.ThemeIcon(META_ICON[row.key]);
      item.contextValue = `sourcelens.meta.${row.key}`;
      if (row.url) item.command = { command: 'vscode.open', title: 'Open Link', arguments: [vscode.Uri.parse(row.url)] };
      return item;
    }
    if (node.kind === 'actors') {
      const n = node.info.actors.length;
      const item = new vscode.TreeItem('Actors', n ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.description = n ? `${n} by prominence` : 'none recognised';
      item.iconPath = new vscode.ThemeIcon('organization');
      return item;
    }
    if (node.kind === 'entity') {
      const e = node.entity;
      return entityItem(e, `article-entity:${this.uri}:${e.id}`, `${plural(e.mentions, 'mention')} · ${node.share}%`);
    }
    const m = node.mention;
    const item = new vscode.TreeItem(oneLine(m.snippet), vscode.TreeItemCollapsibleState.None);
    item.description = `line ${m.range.start.line + 1}`;
    item.tooltip = m.snippet;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(m.uri), { selection: toRange(m.range), preview: true }] };
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
