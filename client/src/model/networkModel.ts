/**
 * The actor network webview's data, as pure functions shared by the extension and the webview
 * script: filtering by type and minimum co-occurrence, sizes, the strongest ties, and the messages
 * the two exchange.
 */
import type { NetworkEdge, NetworkNode, NetworkResult } from '../../../server/src/protocol';
import type { ActorType } from './actorsTree';

export interface GraphFilter {
  types: ReadonlySet<ActorType>;
  /** Ties seen in fewer paragraphs are hidden. */
  minWeight: number;
  /** Hide actors left without any tie. */
  hideIsolated: boolean;
}

export interface Graph {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** The visible part of the graph: nodes of the chosen types, ties between them at or above minWeight. */
export function filterGraph(graph: Graph, filter: GraphFilter): Graph {
  const min = Number.isFinite(filter.minWeight) ? Math.max(1, Math.floor(filter.minWeight)) : 1;
  const typed = graph.nodes.filter((n) => filter.types.has(n.type));
  const ids = new Set(typed.map((n) => n.id));
  const edges = graph.edges.filter((e) => e.weight >= min && ids.has(e.source) && ids.has(e.target));
  if (!filter.hideIsolated) return { nodes: typed, edges };
  const tied = new Set<string>();
  for (const e of edges) tied.add(e.source).add(e.target);
  return { nodes: typed.filter((n) => tied.has(n.id)), edges };
}

/** Node diameter in pixels, by the square root of mentions (area ∝ mentions), in [min, max]. */
export function nodeSize(mentions: number, maxMentions: number, min = 18, max = 64): number {
  if (!(maxMentions > 0) || !(mentions > 0)) return min;
  return Math.round(min + (max - min) * Math.sqrt(Math.min(mentions, maxMentions) / maxMentions));
}

/** Edge width in pixels, linear in weight, in [min, max]. */
export function edgeWidth(weight: number, maxWeight: number, min = 1, max = 8): number {
  if (!(maxWeight > 1) || !(weight > 1)) return min;
  return Math.round((min + ((max - min) * (Math.min(weight, maxWeight) - 1)) / (maxWeight - 1)) * 10) / 10;
}

/** The heaviest ties, with names, for the list under the graph (readable without the canvas). */
export function strongestTies(graph: Graph, limit = 10): Array<{ a: string; b: string; weight: number; articles: number }> {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return [...graph.edges]
    .sort((x, y) => y.weight - x.weight || y.articles - x.articles)
    .slice(0, Math.max(0, limit))
    .map((e) => ({ a: names.get(e.source) ?? e.source, b: names.get(e.target) ?? e.target, weight: e.weight, articles: e.articles }));
}

/** The heaviest tie weight (for the minimum co-occurrence slider's range). */
export function maxWeight(graph: Graph): number {
  let m = 1;
  for (const e of graph.edges) if (e.weight > m) m = e.weight;
  return m;
}

/** "12 actors · 30 ties" (+ how many were left out). */
export function graphSummary(visible: Graph, result: Pick<NetworkResult, 'hiddenNodes'>): string {
  const actors = `${visible.nodes.length} actor${visible.nodes.length === 1 ? '' : 's'}`;
  const ties = `${visible.edges.length} tie${visible.edges.length === 1 ? '' : 's'}`;
  return result.hiddenNodes > 0 ? `${actors} · ${ties} (${result.hiddenNodes} less mentioned actors not drawn)` : `${actors} · ${ties}`;
}

/** Messages from the webview to the extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; id: string }
  | { type: 'openFirstMention'; id: string }
  | { type: 'scope'; scope: 'corpus' | 'article' }
  | { type: 'refresh' };

/** Messages from the extension to the webview. */
export type ToWebview =
  | { type: 'graph'; result: NetworkResult; canUseArticle: boolean; articleTitle?: string }
  | { type: 'empty'; message: string; canUseArticle: boolean };

/** Validates a message from the webview (it is a separate, sandboxed page: check before use). */
export function parseWebviewMessage(raw: unknown): FromWebview | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'refresh':
      return { type: m.type };
    case 'reveal':
    case 'openFirstMention':
      return typeof m.id === 'string' && m.id.length > 0 && m.id.length < 500 ? { type: m.type, id: m.id } : undefined;
    case 'scope':
      return m.scope === 'corpus' || m.scope === 'article' ? { type: 'scope', scope: m.scope } : undefined;
    default:
      return undefined;
  }
}

/** A readable first view: a big graph starts with ties seen at least twice and without loners. */
export function initialFilter(nodeCount: number): { minWeight: number; hideIsolated: boolean } {
  return nodeCount > 60 ? { minWeight: 2, hideIsolated: true } : { minWeight: 1, hideIsolated: false };
}

/** The actors whose names are always drawn (the most mentioned); the others show theirs on hover. */
export function labelledIds(nodes: ReadonlyArray<Pick<NetworkNode, 'id' | 'mentions'>>, limit = 40): Set<string> {
  return new Set([...nodes].sort((a, b) => b.mentions - a.mentions).slice(0, Math.max(0, limit)).map((n) => n.id));
}

/** The scope a restored panel reopens with, from the state its webview saved (untrusted: anything else is the corpus). */
export function scopeFromSavedState(state: unknown): 'corpus' | 'article' {
  return typeof state === 'object' && state !== null && (state as { scope?: unknown }).scope === 'article' ? 'article' : 'corpus';
}
