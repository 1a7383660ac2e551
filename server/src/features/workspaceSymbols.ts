/**
 * Workspace symbols (Ctrl+T): actors by any of their spellings, and dates by value prefix
 * ("2006-11" lists every dated mention of November 2006).
 */
import { SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { EntityType } from '../core/types';
import type { CorpusIndex } from '../index/corpusIndex';
import { toRange } from './positions';

export const ENTITY_SYMBOL_KIND: Record<EntityType, SymbolKind> = {
  person: SymbolKind.Class,
  organization: SymbolKind.Struct,
  place: SymbolKind.Module,
  group: SymbolKind.Enum,
};

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function provideWorkspaceSymbols(index: CorpusIndex, params: WorkspaceSymbolParams, limit = 200): SymbolInformation[] {
  const query = fold(params.query.trim());
  const out: SymbolInformation[] = [];
  if (/^\d{3,4}(-\d{0,2}){0,2}$/.test(query)) {
    for (const { uri, date } of index.datesWithValue(query)) {
      const article = index.article(uri)!;
      out.push({ name: `${date.value} “${date.text}”`, kind: SymbolKind.Constant, location: { uri, range: toRange(article.document, date.start, date.end) }, containerName: article.analysis.meta.title });
      if (out.length >= limit) break;
    }
    return out;
  }
  const scored: Array<{ score: number; info: SymbolInformation }> = [];
  for (const entity of index.entities()) {
    const names = [entity.name, ...entity.spellings.keys(), ...(entity.note?.aliases ?? [])];
    let score = -1;
    for (const n of names) {
      const f = fold(n);
      const at = query ? f.indexOf(query) : 0;
      if (at < 0) continue;
      const s = (at === 0 ? 2 : 1) + (f === query ? 2 : 0);
      if (s > score) score = s;
    }
    if (score < 0) continue;
    const first = index.firstMentionOf(entity.id);
    const noteUri = index.noteUriOf(entity);
    let location;
    if (noteUri) location = { uri: noteUri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    else if (first) location = { uri: first.uri, range: toRange(index.article(first.uri)!.document, first.start, first.end) };
    else continue;
    scored.push({ score: score * 1e6 + entity.mentionCount, info: { name: entity.name, kind: ENTITY_SYMBOL_KIND[entity.type], location, containerName: `${entity.type} · ${entity.mentionCount} mentions` } });
  }
  scored.sort((a, b) => b.score - a.score);
  for (const s of scored.slice(0, limit)) out.push(s.info);
  return out;
}
