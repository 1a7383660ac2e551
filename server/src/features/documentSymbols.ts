/**
 * The argument outline as document symbols: article → thesis → sections → claims,
 * recommendations, evidence, concessions → conclusion. One symbol kind per role.
 */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { OutlineNode, OutlineRole } from '../core/types';
import type { CorpusIndex } from '../index/corpusIndex';
import { toRange } from './positions';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Documented in the README: the icons a reader sees in the Outline view. */
export const ROLE_SYMBOL_KIND: Record<OutlineRole, SymbolKind> = {
  article: SymbolKind.File,
  thesis: SymbolKind.Key,
  section: SymbolKind.Namespace,
  claim: SymbolKind.Property,
  recommendation: SymbolKind.Event,
  evidence: SymbolKind.String,
  concession: SymbolKind.Operator,
  conclusion: SymbolKind.Boolean,
};

export interface OutlineSettings {
  /** 'all' shows every role; 'top' shows article, thesis, sections and conclusion only. */
  depth: 'all' | 'top';
}

const TOP_ROLES = new Set<OutlineRole>(['article', 'thesis', 'section', 'conclusion']);

function toSymbol(doc: TextDocument, node: OutlineNode, settings: OutlineSettings, parent?: { start: number; end: number }): DocumentSymbol | null {
  if (settings.depth === 'top' && !TOP_ROLES.has(node.role)) return null;
  let start = node.start;
  let end = Math.max(node.end, node.start + 1);
  if (parent) {
    start = Math.max(start, parent.start);
    end = Math.min(end, parent.end);
    if (end <= start) return null;
  }
  const sel = node.selection && node.selection.start >= start && node.selection.end <= end && node.selection.end > node.selection.start ? node.selection : { start, end };
  const children: DocumentSymbol[] = [];
  for (const child of node.children) {
    const s = toSymbol(doc, child, settings, { start, end });
    if (s) children.push(s);
  }
  return {
    name: node.name.trim() || node.role,
    detail: node.detail,
    kind: ROLE_SYMBOL_KIND[node.role],
    range: toRange(doc, start, end),
    selectionRange: toRange(doc, sel.start, sel.end),
    children,
  };
}

/** Symbols already built per analysis (an edit makes a new analysis), for one outline depth. */
const built = new WeakMap<object, { depth: OutlineSettings['depth']; symbols: DocumentSymbol[] }>();

export function provideDocumentSymbols(index: CorpusIndex, params: DocumentSymbolParams, settings: OutlineSettings): DocumentSymbol[] {
  const article = index.article(params.textDocument.uri);
  if (!article) return [];
  const kept = built.get(article.analysis);
  if (kept && kept.depth === settings.depth) return kept.symbols;
  const symbols = outlineSymbols(article.document, article.analysis.outline, settings);
  built.set(article.analysis, { depth: settings.depth, symbols });
  return symbols;
}

function outlineSymbols(document: TextDocument, outline: readonly OutlineNode[], settings: OutlineSettings): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const node of outline) {
    const s = toSymbol(document, node, settings);
    if (s) out.push(s);
  }
  return out;
}
