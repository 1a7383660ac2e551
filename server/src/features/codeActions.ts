/**
 * Quick fixes on a mention, so the reader stays in control of recognition: not an entity, add as
 * alias of another actor, create a note, change the type. Each runs a server command that writes
 * a plain file in the workspace (see index/readerEdits.ts).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { ENTITY_TYPES } from '../core/types';
import type { CorpusIndex } from '../index/corpusIndex';
import { ServerCommands } from '../protocol';
import { toOffset } from './positions';

export function provideCodeActions(index: CorpusIndex, params: CodeActionParams): CodeAction[] {
  const article = index.article(params.textDocument.uri);
  if (!article) return [];
  const offset = toOffset(article.document, params.range.start);
  const hit = index.mentionAt(article.uri, offset);
  if (!hit) return [];
  const surface = hit.mention.text.replace(/['’]s$/, '');
  const entity = hit.entityId ? index.entity(hit.entityId) : undefined;
  const name = entity?.name ?? surface;
  const type = entity?.type ?? hit.mention.type;
  const actions: CodeAction[] = [];
  const action = (title: string, command: string, args: unknown[]): CodeAction => ({ title, kind: CodeActionKind.QuickFix, command: { title, command, arguments: args } });

  actions.push(action(`SourceLens: “${surface}” is not an entity`, ServerCommands.notAnEntity, [surface]));
  // Other actors of this article, most mentioned first: the likely targets of a wrong split.
  const counts = new Map<string, number>();
  article.entityIds.forEach((id) => id && id !== hit.entityId && counts.set(id, (counts.get(id) ?? 0) + 1));
  const candidates = [...counts.entries()]
    .map(([id, n]) => ({ e: index.entity(id), n }))
    .filter((c) => c.e && c.e.type === type)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3);
  for (const { e } of candidates) {
    actions.push(action(`SourceLens: add “${surface}” as alias of ${e!.name}`, ServerCommands.addAlias, [surface, e!.id]));
  }
  if (!entity?.note) actions.push(action(`SourceLens: create note for ${name}`, ServerCommands.createNote, [name, type, entity?.id ?? '']));
  for (const t of ENTITY_TYPES) {
    if (t !== type) actions.push(action(`SourceLens: change type of ${name} to ${t}`, ServerCommands.changeType, [name, t, entity?.id ?? '']));
  }
  return actions;
}
