/** Where things are in the corpus copy the workbench shows: files, and line/column of words in them. */
import * as fs from 'fs';
import * as path from 'path';

export interface Place { line: number; column: number; text: string }

/** Articles (not entity notes) in the workspace, sorted by name. */
export function articles(workspace: string): string[] {
  return fs.readdirSync(workspace).filter((f) => /\.(md|markdown)$/.test(f)).sort();
}

/** 1-based line and column of each match of `pattern` in the body (after the YAML front matter). */
export function placesIn(file: string, pattern: RegExp): Place[] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  let first = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    first = close < 0 ? 0 : close + 1;
  }
  const out: Place[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let i = first; i < lines.length; i++) {
    for (const m of lines[i].matchAll(re)) out.push({ line: i + 1, column: (m.index ?? 0) + 1, text: m[0] });
  }
  return out;
}

/** The article with the most matches of `pattern` (ties: first by name). */
export function articleRichestIn(workspace: string, pattern: RegExp): { file: string; name: string; places: Place[] } {
  let best: { file: string; name: string; places: Place[] } | undefined;
  for (const name of articles(workspace)) {
    const file = path.join(workspace, name);
    const places = placesIn(file, pattern);
    if (places.length && (!best || places.length > best.places.length)) best = { file, name, places };
  }
  if (!best) throw new Error(`e2e: no article in ${workspace} matches ${pattern}`);
  return best;
}

/** A front-matter field of a Markdown file (`name: "Nouri al-Maliki"`), unquoted. */
export function frontMatterField(file: string, field: string): string | undefined {
  const m = new RegExp(`^${field}:\\s*(.+)$`, 'm').exec(fs.readFileSync(file, 'utf8'));
  return m ? m[1].trim().replace(/^["']|["']$/g, '') : undefined;
}

export function lineCount(file: string): number {
  return fs.readFileSync(file, 'utf8').split(/\r?\n/).length;
}
