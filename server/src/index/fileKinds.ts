/**
 * Which workspace files SourceLens reads: articles (Markdown under any `corpus/` folder, and
 * `*.article.md` anywhere) and entity notes (Markdown in an `entities/` folder inside a corpus).
 * Pure path logic on workspace-relative paths with forward slashes.
 */
export type FileKind = 'article' | 'note' | 'decisions';

const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);

/**
 * `rootName` is the workspace folder's own name: a workspace opened on the `corpus/` folder itself
 * counts as a corpus.
 */
export function classifyPath(relativePath: string, ignoreFile: string, rootName = ''): FileKind | null {
  const path = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
  if (path === ignoreFile) return 'decisions';
  const parts = path.split('/');
  const file = parts[parts.length - 1];
  const folders = parts.slice(0, -1);
  if (folders.some((f) => f.startsWith('.') || SKIPPED_FOLDERS.has(f))) return null;
  if (!/\.(md|markdown)$/i.test(file)) return null;
  if (/\.article\.md$/i.test(file)) return 'article';
  const chain = [rootName, ...folders];
  const corpusAt = chain.indexOf('corpus');
  if (corpusAt < 0) return null;
  if (chain[chain.length - 1] === 'entities' && chain.length > corpusAt + 1) return 'note';
  if (/^(readme|index)\.md$/i.test(file) && chain.length === corpusAt + 1) return null;
  return 'article';
}

/** A folder worth descending into while scanning. */
export function isScannedFolder(name: string): boolean {
  return !name.startsWith('.') && !SKIPPED_FOLDERS.has(name);
}

/** A note's id from its file name ("nouri-al-maliki.md" → "nouri-al-maliki"). */
export function noteIdFromPath(relativePath: string): string {
  const file = relativePath.replace(/\\/g, '/').split('/').pop() ?? relativePath;
  return file.replace(/\.(md|markdown)$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'note';
}

/**
 * Where notes and the ignore list live for a workspace: the settings are relative to a workspace
 * that contains `corpus/`; when the workspace is the corpus folder itself, the leading `corpus/`
 * is dropped.
 */
export function effectivePaths(rootName: string, notesFolder: string, ignoreFile: string): { notesFolder: string; ignoreFile: string } {
  if (rootName !== 'corpus') return { notesFolder, ignoreFile };
  const strip = (p: string): string => (p.startsWith('corpus/') ? p.slice('corpus/'.length) : p);
  return { notesFolder: strip(notesFolder), ignoreFile: strip(ignoreFile) };
}
