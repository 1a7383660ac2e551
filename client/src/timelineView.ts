/** The Timeline view: every dated mention of the corpus, by year and month, in time order. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequest, type TimelineItem } from '../../server/src/protocol';
import { groupTimeline, type MonthGroup, type YearGroup } from './model/timelineTree';
import { toRange } from './ranges';

type Node = { kind: 'year'; group: YearGroup } | { kind: 'month'; year: string; group: MonthGroup } | { kind: 'item'; item: TimelineItem };

export class TimelineView implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const items = (await Promise.resolve(this.client.sendRequest(TimelineRequest)).catch(() => [])) as TimelineItem[];
      return groupTimeline(items).map((group) => ({ kind: 'year' as const, group }));
    }
    if (node.kind === 'year') return node.group.months.map((group) => ({ kind: 'month' as const, year: node.group.year, group }));
    if (node.kind === 'month') return node.group.items.map((item) => ({ kind: 'item' as const, item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'year') {
      const item = new vscode.TreeItem(node.group.year, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `year:${node.group.year}`;
      item.description = `${node.group.count}`;
      return item;
    }
    if (node.kind === 'month') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `month:${node.year}-${node.group.month}`;
      item.description = `${node.group.items.length}`;
      return item;
    }
    const t = node.item;
    const item = new vscode.TreeItem(`${t.value}  “${t.text}”`, vscode.TreeItemCollapsibleState.None);
    item.description = t.articleTitle;
    item.tooltip = t.snippet;
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(t.uri), { selection: toRange(t.range), preview: true }] };
    return item;
  }
}
