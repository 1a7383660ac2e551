import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkResult } from '../../../server/src/protocol';
import type { ActorType } from './actorsTree';
import { edgeWidth, filterGraph, graphSummary, initialFilter, labelledIds, maxWeight, nodeSize, parseWebviewMessage, scopeFromSavedState, strongestTies } from './networkModel';
import { statusText } from './statusText';

const node = (id: string, type: ActorType, mentions: number) => ({ id, name: id.toUpperCase(), type, mentions, articles: 1, hasNote: false });
const GRAPH: NetworkResult = {
  scope: 'corpus',
  articles: 3,
  hiddenNodes: 0,
  nodes: [node('a', 'person', 10), node('b', 'person', 5), node('o', 'organization', 3), node('p', 'place', 1)],
  edges: [
    { source: 'a', target: 'b', weight: 4, articles: 2 },
    { source: 'a', target: 'o', weight: 1, articles: 1 },
    { source: 'b', target: 'o', weight: 2, articles: 1 },
  ],
};
const ALL_TYPES = new Set<ActorType>(['person', 'organization', 'place', 'group']);

test('filter by type drops the nodes and every tie touching them', () => {
  const g = filterGraph(GRAPH, { types: new Set<ActorType>(['person']), minWeight: 1, hideIsolated: false });
  assert.deepEqual(g.nodes.map((n) => n.id), ['a', 'b']);
  assert.deepEqual(g.edges.map((e) => `${e.source}-${e.target}`), ['a-b']);
});

test('minimum co-occurrence hides light ties; isolated actors stay unless asked to hide them', () => {
  const kept = filterGraph(GRAPH, { types: ALL_TYPES, minWeight: 2, hideIsolated: false });
  assert.deepEqual(kept.edges.map((e) => e.weight), [4, 2]);
  assert.equal(kept.nodes.length, 4);
  const hidden = filterGraph(GRAPH, { types: ALL_TYPES, minWeight: 3, hideIsolated: true });
  assert.deepEqual(hidden.nodes.map((n) => n.id), ['a', 'b']);
  assert.equal(filterGraph(GRAPH, { types: ALL_TYPES, minWeight: Number.NaN, hideIsolated: false }).edges.length, 3);
  assert.deepEqual(filterGraph(GRAPH, { types: new Set(), minWeight: 1, hideIsolated: false }), { nodes: [], edges: [] });
});

test('sizes grow with mentions and weight, within bounds', () => {
  assert.equal(nodeSize(10, 10), 64);
  assert.equal(nodeSize(0, 10), 18);
  assert.ok(nodeSize(3, 10) > nodeSize(1, 10));
  assert.equal(nodeSize(5, 0), 18);
  assert.equal(edgeWidth(1, 4), 1);
  assert.equal(edgeWidth(4, 4), 8);
  assert.equal(edgeWidth(9, 4), 8);
  assert.equal(edgeWidth(3, 1), 1);
  assert.equal(maxWeight(GRAPH), 4);
  assert.equal(maxWeight({ nodes: [], edges: [] }), 1);
});

test('strongest ties by name, heaviest first; the summary counts what is drawn', () => {
  assert.deepEqual(strongestTies(GRAPH, 2), [
    { a: 'A', b: 'B', weight: 4, articles: 2 },
    { a: 'B', b: 'O', weight: 2, articles: 1 },
  ]);
  assert.equal(graphSummary(GRAPH, GRAPH), '4 actors · 3 ties');
  assert.equal(graphSummary({ nodes: [GRAPH.nodes[0]], edges: [] }, { hiddenNodes: 7 }), '1 actor · 0 ties (7 less mentioned actors not drawn)');
});

test('messages from the webview are validated', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'reveal', id: 'maliki' }), { type: 'reveal', id: 'maliki' });
  assert.deepEqual(parseWebviewMessage({ type: 'scope', scope: 'article' }), { type: 'scope', scope: 'article' });
  assert.equal(parseWebviewMessage({ type: 'scope', scope: 'everything' }), undefined);
  assert.equal(parseWebviewMessage({ type: 'reveal' }), undefined);
  assert.equal(parseWebviewMessage({ type: 'reveal', id: 'x'.repeat(600) }), undefined);
  assert.equal(parseWebviewMessage({ type: 'runCommand', command: 'x' }), undefined);
  assert.equal(parseWebviewMessage(null), undefined);
  assert.equal(parseWebviewMessage('ready'), undefined);
});

test('status bar text: progress while indexing, then articles and actors', () => {
  assert.equal(statusText({ state: 'indexing', done: 3, total: 10, articles: 0, entities: 0 }).text, '$(sync~spin) SourceLens 3/10');
  assert.equal(statusText({ state: 'indexing', done: 0, total: 0, articles: 0, entities: 0 }).text, '$(sync~spin) SourceLens');
  assert.equal(statusText({ state: 'ready', done: 0, total: 0, articles: 5, entities: 1 }).text, '$(book) 5 articles · 1 actor');
});

test('a big graph opens filtered; only the most mentioned actors are always labelled', () => {
  assert.deepEqual(initialFilter(200), { minWeight: 2, hideIsolated: true });
  assert.deepEqual(initialFilter(12), { minWeight: 1, hideIsolated: false });
  assert.deepEqual([...labelledIds(GRAPH.nodes, 2)].sort(), ['a', 'b']);
  assert.equal(labelledIds(GRAPH.nodes, 0).size, 0);
});

test('a restored panel reopens with the scope its webview saved, the corpus for anything else', () => {
  assert.equal(scopeFromSavedState({ scope: 'article', types: [] }), 'article');
  assert.equal(scopeFromSavedState({ scope: 'corpus' }), 'corpus');
  for (const odd of [undefined, null, 'article', 42, {}, { scope: 'ARTICLE' }, { scope: ['article'] }]) assert.equal(scopeFromSavedState(odd), 'corpus');
});
