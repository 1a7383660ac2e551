/**
 * Go to definition (the entity note, else the earliest mention in the corpus), find all references
 * across every article, and document highlights: all answered from the entity → mentions index.
 */
import type { DefinitionParams, DocumentHighlight, DocumentHighlightParams, Location, ReferenceParams } from 'vscode-languageserver';
import type { CorpusIndex } from '../index/corpusIndex';
import { toOffset, toRange } from './positions';

function entityUnderCursor(index: CorpusIndex, uri: string, position: { line: number; character: number }): string | undefined {
  const article = index.article(uri);
  if (article) {
    const hit = index.mentionAt(uri, toOffset(article.document, position));
    return hit?.entityId || undefined;
  }
  // In an entity note: the note's own entity.
  const note = index.note(uri);
  if (note?.note) return note.note.id;
  return undefined;
}

function locationsOf(index: CorpusIndex, entityId: string): Location[] {
  const out: Location[] = [];
  for (const m of index.mentionsOf(entityId)) {
    const article = index.article(m.uri);
    if (article) out.push({ uri: m.uri, range: toRange(article.document, m.start, m.end) });
  }
  return out;
}

function noteLocation(index: CorpusIndex, entityId: string): Location | undefined {
  const entity = index.entity(entityId);
  if (!entity) return undefined;
  const uri = index.noteUriOf(entity);
  if (!uri) return undefined;
  const note = index.note(uri)!;
  const text = note.document.getText();
  const at = text.indexOf(entity.note!.name);
  const start = at >= 0 ? at : 0;
  return { uri, range: toRange(note.document, start, start + (at >= 0 ? entity.note!.name.length : 0)) };
}

export function provideDefinition(index: CorpusIndex, params: DefinitionParams): Location | null {
  const id = entityUnderCursor(index, params.textDocument.uri, params.position);
  if (!id) return null;
  const note = noteLocation(index, id);
  if (note) return note;
  // Earliest mention: by publication date, then position.
  let best: { loc: Location; date: string; start: number } | undefined;
  for (const m of index.mentionsOf(id)) {
    const article = index.article(m.uri);
    if (!article) continue;
    const date = article.analysis.meta.date ?? '9999-99-99';
    if (!best || date < best.date || (date === best.date && (m.uri < best.loc.uri || (m.uri === best.loc.uri && m.start < best.start)))) {
      best = { loc: { uri: m.uri, range: toRange(article.document, m.start, m.end) }, date, start: m.start };
    }
  }
  return best?.loc ?? null;
}

export function provideReferences(index: CorpusIndex, params: ReferenceParams): Location[] {
  const id = entityUnderCursor(index, params.textDocument.uri, params.position);
  if (!id) return [];
  const refs = locationsOf(index, id);
  if (params.context.includeDeclaration) {
    const note = noteLocation(index, id);
    if (note) refs.unshift(note);
  }
  return refs;
}

export function provideDocumentHighlights(index: CorpusIndex, params: DocumentHighlightParams): DocumentHighlight[] {
  const article = index.article(params.textDocument.uri);
  if (!article) return [];
  const hit = index.mentionAt(article.uri, toOffset(article.document, params.position));
  if (!hit) return [];
  const out: DocumentHighlight[] = [];
  const { mentions, clusterOf } = article.analysis;
  for (let i = 0; i < mentions.length; i++) {
    const same = hit.entityId ? article.entityIds[i] === hit.entityId : clusterOf[i] === clusterOf[hit.index];
    if (same) out.push({ range: toRange(article.document, mentions[i].start, mentions[i].end), kind: 1 });
  }
  return out;
}

/** Next or previous mention of the entity under the cursor, across articles in corpus order. */
export function adjacentMention(index: CorpusIndex, uri: string, position: { line: number; character: number }, direction: 1 | -1): Location | null {
  const id = entityUnderCursor(index, uri, position);
  if (!id) return null;
  const article = index.article(uri);
  const offset = article ? toOffset(article.document, position) : -1;
  const all = [...index.mentionsOf(id)].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start));
  if (all.length === 0) return null;
  let i = all.findIndex((m) => m.uri === uri && m.start <= offset && offset <= m.end);
  if (i < 0) i = all.findIndex((m) => m.uri > uri || (m.uri === uri && m.start > offset)) - (direction === 1 ? 1 : 0);
  const next = all[(i + direction + all.length) % all.length];
  const target = index.article(next.uri)!;
  return { uri: next.uri, range: toRange(target.document, next.start, next.end) };
}
