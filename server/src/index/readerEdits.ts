/**
 * The reader's decisions, written to plain files in the workspace (the LTeX/Harper pattern):
 * "Not an entity" appends to the ignore list; "Add as alias of …", "Create note for …" and
 * "Change type to …" create or update an entity note. Writes stay inside the workspace.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { EntityType } from '../core/types';
import { appendToIgnoreList } from './readerDecisions';
import { notePathFor, readNote, renderNote } from './noteFiles';

export interface EditResult {
  uri: string;
  fsPath: string;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function inside(root: string, target: string): string {
  const full = path.resolve(root, target);
  if (!(full + path.sep).startsWith(path.resolve(root) + path.sep)) throw new Error(`refusing to write outside the workspace: ${target}`);
  return full;
}

export async function addToIgnoreList(workspaceRoot: string, ignoreFile: string, name: string): Promise<EditResult> {
  const file = inside(workspaceRoot, ignoreFile);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const existing = (await readIfExists(file)) ?? '';
  await fs.writeFile(file, appendToIgnoreList(existing, name), 'utf8');
  return { uri: pathToFileURL(file).toString(), fsPath: file };
}

export interface NoteEdit {
  /** The entity's canonical name: names the note file. */
  name: string;
  type: EntityType;
  /** An existing note file of the entity, if any (updated in place). */
  existingNotePath?: string;
  addAliases?: string[];
  setType?: EntityType;
  role?: string;
}

export async function upsertNote(workspaceRoot: string, notesFolder: string, edit: NoteEdit): Promise<EditResult> {
  const notesDir = inside(workspaceRoot, notesFolder);
  const file = edit.existingNotePath && (edit.existingNotePath + path.sep).startsWith(path.resolve(workspaceRoot) + path.sep) ? edit.existingNotePath : notePathFor(notesDir, edit.name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const existing = await readIfExists(file);
  const { fields, body } = existing ? readNote(existing, edit.name, edit.type) : { fields: { name: edit.name, type: edit.type, aliases: [] as string[], role: edit.role }, body: `${edit.name}: describe this actor here. SourceLens shows this text on hover cards.\n` };
  if (edit.addAliases) fields.aliases = [...new Set([...fields.aliases, ...edit.addAliases])];
  if (edit.setType) fields.type = edit.setType;
  if (!fields.role && edit.role) fields.role = edit.role;
  await fs.writeFile(file, renderNote(fields, body), 'utf8');
  return { uri: pathToFileURL(file).toString(), fsPath: file };
}
