/**
 * The actor network webview script (bundled for the browser into client/dist/network.js). Draws
 * the graph with cytoscape, in the theme's colours (VS Code's CSS variables, re-read when the theme
 * changes), and filters it locally by type, minimum co-occurrence and isolation.
 */
import cytoscape from 'cytoscape';
import type { NetworkResult } from '../../../server/src/protocol';
import type { ActorType } from '../model/actorsTree';
import { edgeWidth, filterGraph, graphSummary, initialFilter, labelledIds, maxWeight, nodeSize, strongestTies, type FromWebview, type Graph, type GraphFilter, type ToWebview } from '../model/networkModel';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();

interface SavedState {
  types: ActorType[];
  minWeight: number;
  hideIsolated: boolean;
  /** Kept so that VS Code can restore the panel after a reload (see NetworkPanel.revive). */
  scope?: 'corpus' | 'article';
}

const TYPE_COLOUR_VARS: Record<ActorType, string[]> = {
  person: ['--vscode-charts-blue', '--vscode-symbolIcon-variableForeground'],
  organization: ['--vscode-charts-orange', '--vscode-symbolIcon-classForeground'],
  place: ['--vscode-charts-green', '--vscode-symbolIcon-namespaceForeground'],
  group: ['--vscode-charts-purple', '--vscode-symbolIcon-enumeratorForeground'],
};
const FALLBACK: Record<ActorType, string> = { person: '#3794ff', organization: '#d18616', place: '#89d185', group: '#b180d7' };

function cssVar(names: string[], fallback: string): string {
  const style = getComputedStyle(document.documentElement);
  for (const n of names) {
    const v = style.getPropertyValue(n).trim();
    if (v) return v;
  }
  return fallback;
}

function theme() {
  return {
    type: Object.fromEntries((Object.keys(TYPE_COLOUR_VARS) as ActorType[]).map((t) => [t, cssVar(TYPE_COLOUR_VARS[t], FALLBACK[t])])) as Record<ActorType, string>,
    text: cssVar(['--vscode-editor-foreground', '--vscode-foreground'], '#cccccc'),
    background: cssVar(['--vscode-editor-background'], '#1e1e1e'),
    edge: cssVar(['--vscode-editorIndentGuide-activeBackground1', '--vscode-editorIndentGuide-activeBackground', '--vscode-descriptionForeground'], '#888888'),
    focus: cssVar(['--vscode-focusBorder'], '#007fd4'),
    font: cssVar(['--vscode-font-family'], 'sans-serif'),
  };
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const graphEl = $('graph');
const summaryEl = $('summary');
const tiesEl = $('ties');
const minWeightEl = $<HTMLInputElement>('minWeight');
const minWeightOut = $<HTMLOutputElement>('minWeightValue');
const hideIsolatedEl = $<HTMLInputElement>('hideIsolated');
const typeInputs = [...document.querySelectorAll<HTMLInputElement>('input[name="type"]')];
const scopeInputs = [...document.querySelectorAll<HTMLInputElement>('input[name="scope"]')];

let result: NetworkResult | undefined;
let cy: cytoscape.Core | undefined;

const saved = vscode.getState() as SavedState | undefined;
if (saved) {
  for (const i of typeInputs) i.checked = saved.types.includes(i.value as ActorType);
  minWeightEl.value = String(saved.minWeight);
  minWeightOut.textContent = String(saved.minWeight);
  hideIsolatedEl.checked = saved.hideIsolated;
}

function currentFilter(): GraphFilter {
  return {
    types: new Set(typeInputs.filter((i) => i.checked).map((i) => i.value as ActorType)),
    minWeight: Number(minWeightEl.value) || 1,
    hideIsolated: hideIsolatedEl.checked,
  };
}

function saveState(f: GraphFilter): void {
  vscode.setState({ types: [...f.types], minWeight: f.minWeight, hideIsolated: f.hideIsolated, scope: currentScope() } satisfies SavedState);
}

function currentScope(): 'corpus' | 'article' {
  return scopeInputs.find((i) => i.checked)?.value === 'article' ? 'article' : 'corpus';
}

function stylesheet(): cytoscape.StylesheetJson {
  const t = theme();
  return [
    {
      selector: 'node',
      style: {
        'background-color': (ele: cytoscape.NodeSingular) => t.type[ele.data('type') as ActorType] ?? t.text,
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        color: t.text,
        'font-family': t.font,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': t.background,
        'text-outline-width': 2,
        'border-width': 0,
      },
    },
    { selector: 'node.hovered, node:selected', style: { label: 'data(name)', 'z-index': 10 } },
    { selector: 'node[?hasNote]', style: { 'border-width': 2, 'border-color': t.text } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': t.focus } },
    {
      selector: 'edge',
      style: { width: 'data(width)', 'line-color': t.edge, opacity: 0.7, 'curve-style': 'haystack' },
    },
    { selector: '.faded', style: { opacity: 0.15 } },
  ] as cytoscape.StylesheetJson;
}

function draw(relayout: boolean): void {
  if (!result) return;
  const f = currentFilter();
  saveState(f);
  const visible: Graph = filterGraph(result, f);
  const maxMentions = visible.nodes.reduce((m, n) => Math.max(m, n.mentions), 1);
  const heaviest = maxWeight(visible);
  const labelled = labelledIds(visible.nodes);
  const elements: cytoscape.ElementDefinition[] = [
    ...visible.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, name: n.name, type: n.type, mentions: n.mentions, hasNote: n.hasNote, label: labelled.has(n.id) ? n.name : '', size: nodeSize(n.mentions, maxMentions) } })),
    ...visible.edges.map((e) => ({ group: 'edges' as const, data: { id: `${e.source}→${e.target}`, source: e.source, target: e.target, weight: e.weight, width: edgeWidth(e.weight, heaviest) } })),
  ];
  summaryEl.textContent = `${result.scope === 'article' ? `In “${result.title ?? 'this article'}”` : `Across ${result.articles} article${result.articles === 1 ? '' : 's'}`}: ${graphSummary(visible, result)}`;
  tiesEl.replaceChildren(
    ...strongestTies(visible, 12).map((t) => {
      const li = document.createElement('li');
      li.textContent = `${t.a} — ${t.b}: ${t.weight} paragraph${t.weight === 1 ? '' : 's'}${t.articles > 1 ? `, ${t.articles} articles` : ''}`;
      return li;
    }),
  );
  graphEl.setAttribute('aria-label', `Actor network: ${graphSummary(visible, result)}`);
  if (!cy) {
    cy = cytoscape({ container: graphEl, elements, style: stylesheet(), wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4 });
    cy.on('tap', 'node', (evt) => vscode.postMessage({ type: 'reveal', id: evt.target.id() }));
    cy.on('dbltap', 'node', (evt) => vscode.postMessage({ type: 'openFirstMention', id: evt.target.id() }));
    cy.on('mouseover', 'node', (evt) => {
      const n = evt.target as cytoscape.NodeSingular;
      n.addClass('hovered');
      cy!.elements().not(n.closedNeighborhood()).addClass('faded');
    });
    cy.on('mouseout', 'node', () => cy!.elements().removeClass('faded hovered'));
    relayout = true;
  } else {
    cy.json({ elements });
    cy.elements().removeClass('faded');
  }
  if (relayout) layout();
}

function layout(): void {
  if (!cy) return;
  const n = cy.nodes().length;
  cy.layout(
    n > 300
      ? { name: 'concentric', concentric: (node: cytoscape.NodeSingular) => node.data('mentions'), levelWidth: () => 5, animate: false }
      : ({ name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 24 } as cytoscape.LayoutOptions),
  ).run();
  cy.fit(undefined, 24);
}

function setScopeInputs(scope: 'corpus' | 'article', canUseArticle: boolean): void {
  for (const i of scopeInputs) {
    i.checked = i.value === scope;
    if (i.value === 'article') {
      i.disabled = !canUseArticle;
      i.parentElement!.title = canUseArticle ? '' : 'Open an article to see its network';
    }
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  if (msg.type === 'graph') {
    if (!result && !vscode.getState()) {
      const first = initialFilter(msg.result.nodes.length);
      minWeightEl.max = String(Math.max(2, maxWeight(msg.result)));
      minWeightEl.value = String(first.minWeight);
      minWeightOut.textContent = minWeightEl.value;
      hideIsolatedEl.checked = first.hideIsolated;
    }
    const scopeChanged = result?.scope !== msg.result.scope || result?.title !== msg.result.title;
    result = msg.result;
    const heaviest = Math.max(2, maxWeight(result));
    minWeightEl.max = String(heaviest);
    if (Number(minWeightEl.value) > heaviest) {
      minWeightEl.value = String(heaviest);
      minWeightOut.textContent = minWeightEl.value;
    }
    setScopeInputs(result.scope, msg.canUseArticle);
    draw(scopeChanged);
  } else if (msg.type === 'empty') {
    result = undefined;
    cy?.elements().remove();
    summaryEl.textContent = msg.message;
    tiesEl.replaceChildren();
    setScopeInputs('corpus', msg.canUseArticle);
  }
});

for (const i of typeInputs) i.addEventListener('change', () => draw(false));
hideIsolatedEl.addEventListener('change', () => draw(false));
minWeightEl.addEventListener('input', () => {
  minWeightOut.textContent = minWeightEl.value;
  draw(false);
});
for (const i of scopeInputs) {
  i.addEventListener('change', () => {
    if (!i.checked) return;
    saveState(currentFilter());
    vscode.postMessage({ type: 'scope', scope: i.value as 'corpus' | 'article' });
  });
}
$('fit').addEventListener('click', () => cy?.fit(undefined, 24));
$('relayout').addEventListener('click', () => layout());

// Theme changes: VS Code swaps the body's classes and the CSS variables; restyle the canvas.
new MutationObserver(() => cy?.style(stylesheet())).observe(document.body, { attributes: true, attributeFilter: ['class'] });

/** For end-to-end tests: where an actor is drawn (client coordinates), or undefined. */
(window as unknown as { sourcelensNetwork: unknown }).sourcelensNetwork = {
  positionOf(name: string): { x: number; y: number } | undefined {
    const node = cy?.nodes().filter((n) => n.data('name') === name)[0];
    if (!node) return undefined;
    const p = node.renderedPosition();
    const box = graphEl.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  names(): string[] {
    return cy ? cy.nodes().map((n) => n.data('name') as string) : [];
  },
};

vscode.postMessage({ type: 'ready' });
