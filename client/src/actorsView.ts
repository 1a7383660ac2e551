/**
 * The Actors view: entities grouped by type and sorted by mentions (with the reader's filter); an
 * actor expands to the articles naming it, an article to its mentions with a one-line snippet;
 * clicking a mention opens the place. Nodes are interned by id so `TreeView.reveal` can find them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntitiesRequest, EntityMentionsRequest, type EntitySummary, type MentionItem } from '../../server/src/protocol';
import { actorDescription, groupActors, groupByArticle, oneLine, plural, treeIds, TYPE_ICON, TYPE_LABEL, type ActorType, type ArticleMentions } from './model/actorsTree';
import { toRange } from './ranges';

export type ActorNode =
  | { kind: 'type'; id: string; type: ActorType; entities: EntitySummary[] }
  | { kind: 'entity'; id: string; entity: EntitySummary }
  | { kind: 'article'; id: string; entity: EntitySummary; article: ArticleMentions }
  | { kind: 'mention'; id: string; entity: EntitySummary; article: ArticleMentions; mention: MentionItem };

export class ActorsView implements vscode.TreeDataProvider<ActorNode> {
  private readonly emitter = new vscode.EventEmitter<ActorNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private filter = '';
  private all?: Promise<EntitySummary[]>;
  private readonly mentionCache = new Map<string, Promise<ArticleMentions[]>>();
  /** One object per tree id: reveal() and getParent() must hand VS Code the objects it was given. */
  private readonly nodes = new Map<string, ActorNode>();
  private view?: vscode.TreeView<ActorNode>;

  constructor(private readonly client: LanguageClient) {}

  attach(view: vscode.TreeView<ActorNode>): void {
    this.view = view;
  }

  refresh(): void {
    this.all = undefined;
    this.mentionCache.clear();
    this.emitter.fire(undefined);
  }

  get currentFilter(): string {
    return this.filter;
  }

  setFilter(filter: string): void {
    this.filter = filter.trim();
    void vscode.commands.executeCommand('setContext', 'sourcelens.actorsFiltered', !!this.filter);
    if (this.view) this.view.description = this.filter ? `filter: ${this.filter}` : undefined;
    this.emitter.fire(undefined);
  }

  /** Every actor of the corpus (cached until the next refresh). */
  entities(): Promise<EntitySummary[]> {
    if (!this.all) this.all = Promise.resolve(this.client.sendRequest(EntitiesRequest) as Promise<EntitySummary[]>).catch(() => []);
    return this.all;
  }

  /** An actor's mentions grouped by article (cached until the next refresh). */
  articlesOf(entityId: string): Promise<ArticleMentions[]> {
    let p = this.mentionCache.get(entityId);
    if (!p) {
      p = Promise.resolve(this.client.sendRequest(EntityMentionsRequest, { id: entityId }) as Promise<MentionItem[]>).then(groupByArticle, () => []);
      this.mentionCache.set(entityId, p);
    }
    return p;
  }

  private intern<T extends ActorNode>(node: T): T {
    const existing = this.nodes.get(node.id) as T | undefined;
    if (existing && existing.kind === node.kind) return Object.assign(existing, node);
    this.nodes.set(node.id, node);
    return node;
  }

  private async groups() {
    const groups = groupActors(await this.entities(), this.filter);
    return groups.map((g) => this.intern({ kind: 'type' as const, id: treeIds.type(g.type), type: g.type, entities: g.entities }));
  }

  async getChildren(node?: ActorNode): Promise<ActorNode[]> {
    if (!node) {
      const groups = await this.groups();
      if (this.view) this.view.message = groups.length === 0 && this.filter ? `No actor matches “${this.filter}”. Clear the filter to see them all.` : undefined;
      return groups;
    }
    if (node.kind === 'type') return node.entities.map((entity) => this.intern({ kind: 'entity' as const, id: treeIds.entity(entity.id), entity }));
    if (node.kind === 'entity') {
      const articles = await this.articlesOf(node.entity.id);
      return articles.map((article) => this.intern({ kind: 'article' as const, id: treeIds.article(node.entity.id, article.uri), entity: node.entity, article }));
    }
    if (node.kind === 'article') {
      return node.article.mentions.map((mention) => this.intern({ kind: 'mention' as const, id: treeIds.mention(node.entity.id, mention), entity: node.entity, article: node.article, mention }));
    }
    return [];
  }

  getParent(node: ActorNode): ActorNode | undefined {
    if (node.kind === 'type') return undefined;
    if (node.kind === 'entity') return this.nodes.get(treeIds.type(node.entity.type));
    if (node.kind === 'article') return this.nodes.get(treeIds.entity(node.entity.id));
    return this.nodes.get(treeIds.article(node.entity.id, node.article.uri));
  }

  getTreeItem(node: ActorNode): vscode.TreeItem {
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(TYPE_LABEL[node.type], vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = `${node.entities.length}`;
      item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type]);
      return item;
    }
    if (node.kind === 'entity') return entityItem(node.entity, node.id);
    if (node.kind === 'article') {
      const a = node.article;
      const item = new vscode.TreeItem(a.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = [a.date, plural(a.mentions.length, 'mention')].filter(Boolean).join(' · ');
      item.tooltip = `${a.title}\n${vscode.Uri.parse(a.uri).fsPath}`;
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.contextValue = 'sourcelens.article';
      return item;
    }
    const m = node.mention;
    const item = new vscode.TreeItem(oneLine(m.snippet), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = `line ${m.range.start.line + 1}`;
    item.tooltip = m.snippet;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = 'sourcelens.mention';
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(m.uri), { selection: toRange(m.range), preview: true }] };
    return item;
  }

  /** Shows an actor in the view (expanded, selected); clears a filter that would hide it. */
  async reveal(entityId: string): Promise<boolean> {
    const all = await this.entities();
    const entity = all.find((e) => e.id === entityId);
    if (!entity || !this.view) return false;
    if (this.filter && !groupActors([entity], this.filter).length) this.setFilter('');
    // Build the chain the way getChildren would, so the objects are the interned ones.
    const groups = await this.groups();
    const group = groups.find((g) => g.type === entity.type);
    if (!group) return false;
    const node = this.intern({ kind: 'entity' as const, id: treeIds.entity(entity.id), entity });
    await this.view.reveal(node, { select: true, focus: true, expand: 1 });
    return true;
  }
}

/** A tree item for an actor (shared by the Actors and This article views; same context menu). */
export function entityItem(e: EntitySummary, id: string, description = actorDescription(e)): vscode.TreeItem {
  const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = id;
  item.description = description;
  const tip = new vscode.MarkdownString(undefined, false);
  tip.isTrusted = false;
  tip.supportHtml = false;
  tip.appendText(e.name);
  if (e.role) tip.appendText(` — ${e.role}`);
  tip.appendMarkdown('\n\n');
  tip.appendText(`${TYPE_LABEL[e.type]} · ${actorDescription(e)}${e.hasNote ? ' · has a note' : ''}`);
  item.tooltip = tip;
  item.iconPath = new vscode.ThemeIcon(TYPE_ICON[e.type]);
  item.contextValue = 'sourcelens.entity';
  item.accessibilityInformation = { label: `${e.name}, ${TYPE_LABEL[e.type]}, ${description}` };
  return item;
}
