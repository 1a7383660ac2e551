/**
 * Entity notes (`corpus/entities/*.md`): front matter `name`, `type`, `aliases`, `role`, `links`
 * and a short body. A note enriches and pins an actor; recognition never needs one.
 */
import { parseFrontMatter } from './frontMatter';
import type { EntityNote } from './linking/corpusEntities';
import { ENTITY_TYPES, type EntityType, type Problem } from './types';

export interface NoteParseResult {
  note?: EntityNote;
  problems: Problem[];
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map((v) => String(v).trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/[,;]/).map((v) => v.trim()).filter(Boolean);
  return [];
}

export function parseEntityNote(text: string, id: string): NoteParseResult {
  const front = parseFrontMatter(text);
  const problems = [...front.problems];
  const data = front.data;
  const name = typeof data.name === 'string' ? data.name.trim() : '';
  const at = { start: 0, end: Math.max(0, front.bodyStart - 1) };
  if (!name) {
    problems.push({ ...at, severity: 'warning', code: 'note-name', message: 'This entity note has no `name` in its front matter, so it is not used.' });
    return { problems };
  }
  const rawType = typeof data.type === 'string' ? data.type.trim().toLowerCase() : '';
  let type: EntityType = 'person';
  if ((ENTITY_TYPES as readonly string[]).includes(rawType)) type = rawType as EntityType;
  else {
    problems.push({ ...at, severity: 'warning', code: 'note-type', message: `The note's \`type\` should be one of ${ENTITY_TYPES.join(', ')}; "${rawType || '(none)'}" is read as person.` });
  }
  const body = text.slice(front.bodyStart).trim();
  return {
    note: {
      id,
      name,
      type,
      aliases: strings(data.aliases),
      role: typeof data.role === 'string' ? data.role.trim() : undefined,
      links: strings(data.links).filter((l) => /^https?:\/\//i.test(l)),
      body,
    },
    problems,
  };
}
