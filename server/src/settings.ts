/**
 * The `sourcelens.*` settings, turned once into a frozen, typed object with every default here.
 */
export interface Settings {
  readonly inlayHintsForDates: boolean;
  readonly outlineDepth: 'all' | 'top';
  readonly maxFileSizeKB: number;
  /** Folder (relative to the first workspace folder) where entity notes are written. */
  readonly notesFolder: string;
  /** File (relative to the first workspace folder) that lists names that are not entities. */
  readonly ignoreFile: string;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  inlayHintsForDates: true,
  outlineDepth: 'all',
  maxFileSizeKB: 1024,
  notesFolder: 'corpus/entities',
  ignoreFile: 'corpus/.sourcelens-ignore',
});

function relativePath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.trim()) return fallback;
  const clean = value.trim().replace(/\\/g, '/').replace(/^\/+/, '');
  return clean.split('/').some((p) => p === '..') ? fallback : clean;
}

export function toSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const inlay = (r.inlayHints && typeof r.inlayHints === 'object' ? r.inlayHints : {}) as Record<string, unknown>;
  const outline = (r.outline && typeof r.outline === 'object' ? r.outline : {}) as Record<string, unknown>;
  const size = typeof r.maxFileSizeKB === 'number' && Number.isFinite(r.maxFileSizeKB) && r.maxFileSizeKB > 0 ? r.maxFileSizeKB : DEFAULT_SETTINGS.maxFileSizeKB;
  return Object.freeze({
    inlayHintsForDates: typeof inlay.dates === 'boolean' ? inlay.dates : DEFAULT_SETTINGS.inlayHintsForDates,
    outlineDepth: outline.depth === 'top' ? 'top' : 'all',
    maxFileSizeKB: size,
    notesFolder: relativePath(r.notesFolder, DEFAULT_SETTINGS.notesFolder),
    ignoreFile: relativePath(r.ignoreFile, DEFAULT_SETTINGS.ignoreFile),
  });
}
