/** The Actors view: entities grouped by type, sorted by mentions; an actor expands to its mentions. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntitiesRequest, EntityMentionsRequest, type EntitySummary, type MentionItem } from '../../server/src/protocol';

type Node = { kind: 'type'; type: EntitySummary['type']; entities: EntitySummary[] } | { kind: 'entity'; entity: EntitySummary } | { kind: 'mention'; mention: MentionItem };

const TYPE_LABEL: Record<EntitySummary['type'], string> = { person: 'People', organization: 'Organizations', place: 'Places', group: 'Groups' };
const TYPE_ICON: Record<EntitySummary['type'], string> = { person: 'person', organization: 'organization', place: 'globe', group: 'account' };

export class ActorsView implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private filter = '';

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  setFilter(filter: string): void {
    this.filter = filter.trim().toLowerCase();
    void vscode.commands.executeCommand('setContext', 'sourcelens.actorsFiltered', !!this.filter);
    this.refresh();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const all: EntitySummary[] = await this.client.sendRequest(EntitiesRequest);
      const shown = this.filter ? all.filter((e) => e.name.toLowerCase().includes(this.filter)) : all;
      return (['person', 'organization', 'place', 'group'] as const)
        .map((type) => ({ kind: 'type' as const, type, entities: shown.filter((e) => e.type === type) }))
        .filter((g) => g.entities.length > 0);
    }
    if (node.kind === 'type') return node.entities.map((entity) => ({ kind: 'entity' as const, entity }));
    if (node.kind === 'entity') {
      const mentions: MentionItem[] = await this.client.sendRequest(EntityMentionsRequest, { id: node.entity.id });
      return mentions.map((mention) => ({ kind: 'mention' as const, mention }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(`${TYPE_LABEL[node.type]} (${node.entities.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type]);
      return item;
    }
    if (node.kind === 'entity') {
      const e = node.entity;
      const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${e.mentions} · ${e.articles} article${e.articles === 1 ? '' : 's'}`;
      item.tooltip = e.role ? `${e.name} — ${e.role}` : e.name;
      item.contextValue = 'sourcelens.entity';
      item.id = `entity:${e.id}`;
      return item;
    }
    const m = node.mention;
    const item = new vscode.TreeItem(m.snippet, vscode.TreeItemCollapsibleState.None);
    item.description = m.articleTitle;
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(m.uri), { selection: new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character) }] };
    return item;
  }
}
