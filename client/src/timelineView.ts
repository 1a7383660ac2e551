/** The Timeline view: every dated mention of the corpus, by year and month, in time order. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequest, type TimelineItem } from '../../server/src/protocol';

type Node = { kind: 'year'; year: string; items: TimelineItem[] } | { kind: 'month'; label: string; items: TimelineItem[] } | { kind: 'item'; item: TimelineItem };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  }
  return map;
}

export class TimelineView implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const items: TimelineItem[] = await this.client.sendRequest(TimelineRequest);
      return [...groupBy(items, (i) => i.value.slice(0, 4))].map(([year, list]) => ({ kind: 'year' as const, year, items: list }));
    }
    if (node.kind === 'year') {
      return [...groupBy(node.items, (i) => (/^\d{4}-\d{2}/.test(i.value) ? i.value.slice(5, 7) : ''))].map(([m, list]) => ({ kind: 'month' as const, label: m ? MONTHS[Number(m) - 1] ?? m : 'Whole year / season', items: list }));
    }
    if (node.kind === 'month') return node.items.map((item) => ({ kind: 'item' as const, item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'year') return Object.assign(new vscode.TreeItem(node.year, vscode.TreeItemCollapsibleState.Expanded), { description: `${node.items.length}` });
    if (node.kind === 'month') return Object.assign(new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded), { description: `${node.items.length}` });
    const t = node.item;
    const item = new vscode.TreeItem(`${t.value}  “${t.text}”`, vscode.TreeItemCollapsibleState.None);
    item.description = t.articleTitle;
    item.tooltip = t.snippet;
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(t.uri), { selection: new vscode.Range(t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character) }] };
    return item;
  }
}
