/**
 * Writing entity notes for the reader's quick fixes ("Add as alias of …", "Create note for …",
 * "Change type to …"). Front matter is emitted as JSON-quoted YAML scalars (never executable),
 * file names are slugs, and the path is checked to stay inside the notes folder.
 */
import * as path from 'path';
import { frontMatterModule } from './lazyCore';
import { slugify } from '../core/linking/nameKey';
import type { EntityType } from '../core/types';

export interface NoteFields {
  name: string;
  type: EntityType;
  aliases: string[];
  role?: string;
  links?: string[];
}

function scalar(s: string): string {
  return JSON.stringify(s.replace(/[\r\n]+/g, ' ').trim());
}

export function renderNote(fields: NoteFields, body: string): string {
  const lines = ['---', `name: ${scalar(fields.name)}`, `type: ${fields.type}`];
  const aliases = [...new Set(fields.aliases.map((a) => a.trim()).filter((a) => a && a !== fields.name))];
  lines.push(aliases.length ? 'aliases:' : 'aliases: []');
  for (const a of aliases) lines.push(`  - ${scalar(a)}`);
  if (fields.role) lines.push(`role: ${scalar(fields.role)}`);
  if (fields.links?.length) {
    lines.push('links:');
    for (const l of fields.links) lines.push(`  - ${scalar(l)}`);
  }
  lines.push('---', '');
  return lines.join('\n') + (body.trim() ? body.trim() + '\n' : '');
}

/** Reads an existing note's fields and body (tolerant: missing fields get defaults). */
export function readNote(text: string, fallbackName: string, fallbackType: EntityType): { fields: NoteFields; body: string } {
  const front = frontMatterModule().parseFrontMatter(text);
  const d = front.data;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  const type = typeof d.type === 'string' && ['person', 'organization', 'place', 'group'].includes(d.type) ? (d.type as EntityType) : fallbackType;
  return {
    fields: { name: typeof d.name === 'string' && d.name.trim() ? d.name.trim() : fallbackName, type, aliases: list(d.aliases), role: typeof d.role === 'string' ? d.role : undefined, links: list(d.links) },
    body: text.slice(front.bodyStart),
  };
}

/** The note file for a name inside `notesDir`; never outside it, whatever the name contains. */
export function notePathFor(notesDir: string, name: string): string {
  const file = slugify(name).slice(0, 80) + '.md';
  const full = path.resolve(notesDir, file);
  const root = path.resolve(notesDir) + path.sep;
  if (!full.startsWith(root)) throw new Error(`refusing to write outside the notes folder: ${file}`);
  return full;
}
