/**
 * The reader's "not an entity" list: a plain text file in the workspace, one name per line,
 * `#` comments allowed, so a reader can diff and edit it by hand.
 */
import { createHash } from 'crypto';
import type { ReaderDecisions } from '../core/analyzeArticle';
import { analyzeArticleModule } from './lazyCore';
import { nameKey } from '../core/linking/nameKey';

export function parseIgnoreList(text: string): ReaderDecisions {
  const ignored = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const key = nameKey(line);
    if (key) ignored.add(key);
  }
  return ignored.size ? { ignored, types: new Map() } : analyzeArticleModule().NO_DECISIONS;
}

export const IGNORE_FILE_HEADER = '# Names SourceLens should not treat as actors, one per line (written by "Not an entity").\n';

export function appendToIgnoreList(existing: string, name: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  const keys = parseIgnoreList(existing).ignored;
  if (keys.has(nameKey(clean))) return existing;
  const base = existing ? (existing.endsWith('\n') ? existing : existing + '\n') : IGNORE_FILE_HEADER;
  return base + clean + '\n';
}

/** A short fingerprint of the decisions: analyses made under other decisions are stale. */
export function decisionsFingerprint(d: ReaderDecisions): string {
  const h = createHash('sha1');
  for (const k of [...d.ignored].sort()) h.update('i' + k + '\n');
  for (const [k, t] of [...d.types].sort()) h.update('t' + k + '=' + t + '\n');
  return h.digest('hex').slice(0, 12);
}
