/**
 * Go to definition (the entity note, else the earliest mention in the corpus), find all references
 * across every article, and document highlights: all answered from the entity → mentions index.
 */
import type { DefinitionParams, DocumentHighlight, DocumentHighlightParams, Location, ReferenceParams } from 'vscode-languageserver';
import type { CorpusIndex, MentionLocation } from '../index/corpusIndex';
import { definePatch } from '../index/entityMemo';
import { toOffset, toRange } from './positions';
import { PreSerialized } from './preSerialized';

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

/** Beyond this many mentions an entity's locations are rebuilt per request rather than kept. */
const KEEP_LOCATIONS_UP_TO = 50_000;

/**
 * The JSON text of the mentions' locations in one article (`JSON.stringify` of each `Location`,
 * comma-separated), written directly: a frequent actor has thousands, and objects made only to be
 * serialized once cost more than the text.
 */
function locationsJson(index: CorpusIndex, uri: string, mentions: readonly { start: number; end: number }[]): string {
  const article = index.article(uri);
  if (!article || mentions.length === 0) return '';
  const head = `{"uri":${JSON.stringify(uri)},"range":{"start":{"line":`;
  const parts: string[] = new Array(mentions.length);
  for (let k = 0; k < mentions.length; k++) {
    const start = article.document.positionAt(mentions[k].start);
    const end = article.document.positionAt(mentions[k].end);
    parts[k] = `${head}${start.line},"character":${start.character}},"end":{"line":${end.line},"character":${end.character}}}}`;
  }
  return parts.join(',');
}

/** An entity's reference locations as JSON text, one part per article in `mentionsOf` order; the reply is made from them when asked. */
interface KeptLocations {
  parts: Array<{ uri: string; json: string; count: number }>;
  reply?: PreSerialized<readonly Location[]>;
}

function keptReply(kept: KeptLocations): PreSerialized<readonly Location[]> {
  if (!kept.reply) {
    let json = '[';
    for (const p of kept.parts) {
      if (!p.json) continue;
      if (json.length > 1) json += ',';
      json += p.json;
    }
    kept.reply = PreSerialized.fromJson(json + ']');
  }
  return kept.reply;
}

/** The entity's locations in the articles of `mentions` (in its order; an article's mentions are together). */
function locationParts(index: CorpusIndex, mentions: readonly MentionLocation[]): KeptLocations['parts'] {
  const parts: KeptLocations['parts'] = [];
  for (let k = 0; k < mentions.length; ) {
    const uri = mentions[k].uri;
    let end = k;
    while (end < mentions.length && mentions[end].uri === uri) end++;
    const own = mentions.slice(k, end);
    parts.push({ uri, json: locationsJson(index, uri, own), count: own.length });
    k = end;
  }
  return parts;
}

/**
 * Every mention of the entity as protocol locations, kept as JSON text until the entity's mentions
 * change; after an edit only the edited article's part is made again (the patch below). Read-only.
 */
function locationsOf(index: CorpusIndex, entityId: string): PreSerialized<readonly Location[]> {
  const mentions = index.mentionsOf(entityId);
  const make = (): KeptLocations => ({ parts: locationParts(index, mentions) });
  return keptReply(mentions.length > KEEP_LOCATIONS_UP_TO ? make() : index.entityMemo(entityId, 'navigation:locations', make));
}

/** After an edit: the article's part leaves its place and its new one comes last, as in `mentionsOf`. */
definePatch<KeptLocations, CorpusIndex>('navigation:locations', (kept, change, index) => {
  if (change.before === 0 && change.after === 0) return kept;
  const parts = change.before > 0 ? kept.parts.filter((p) => p.uri !== change.uri) : kept.parts.slice();
  let total = 0;
  for (const p of parts) total += p.count;
  if (change.after > 0) {
    const own = index.mentionsIn(change.uri, change.id);
    parts.push({ uri: change.uri, json: locationsJson(index, change.uri, own), count: own.length });
    total += own.length;
  }
  return total > KEEP_LOCATIONS_UP_TO ? undefined : { parts };
});

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
  return index.entityMemo(id, 'navigation:earliest', () => earliestMention(index, id));
}

/** The entity's earliest mention: by publication date, then URI, then position. */
function earliestMention(index: CorpusIndex, id: string): Location | null {
  let best: { m: { uri: string; start: number; end: number }; date: string } | undefined;
  for (const m of index.mentionsOf(id)) {
    const article = index.article(m.uri);
    if (!article) continue;
    const date = article.analysis.meta.date ?? '9999-99-99';
    if (!best || date < best.date || (date === best.date && (m.uri < best.m.uri || (m.uri === best.m.uri && m.start < best.m.start)))) best = { m, date };
  }
  if (!best) return null;
  return { uri: best.m.uri, range: toRange(index.article(best.m.uri)!.document, best.m.start, best.m.end) };
}

/** Every mention of the entity under the cursor (after its note, when asked for the declaration too). */
export function provideReferences(index: CorpusIndex, params: ReferenceParams): Location[] | PreSerialized<readonly Location[]> {
  const id = entityUnderCursor(index, params.textDocument.uri, params.position);
  if (!id) return [];
  const refs = locationsOf(index, id);
  if (params.context.includeDeclaration) {
    const note = noteLocation(index, id);
    if (note) return [note, ...refs.value];
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
  const all = index.entityMemo(id, 'navigation:inCorpusOrder', () => [...index.mentionsOf(id)].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start)));
  if (all.length === 0) return null;
  let i = all.findIndex((m) => m.uri === uri && m.start <= offset && offset <= m.end);
  if (i < 0) i = all.findIndex((m) => m.uri > uri || (m.uri === uri && m.start > offset)) - (direction === 1 ? 1 : 0);
  const next = all[(i + direction + all.length) % all.length];
  const target = index.article(next.uri)!;
  return { uri: next.uri, range: toRange(target.document, next.start, next.end) };
}
