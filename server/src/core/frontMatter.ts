/**
 * Front matter of an article, parsed with gray-matter with every executable engine turned off.
 * Articles are untrusted: `---js`, `---javascript`, `---coffee` blocks are never evaluated, YAML is
 * read with js-yaml's safe schema (no `!!js/function`), and a malformed block becomes a Problem.
 */
import matter = require('gray-matter');
import type { ArticleMeta, Problem } from './types';

export interface FrontMatterResult {
  meta: ArticleMeta;
  /** Offset of the first character after the closing delimiter line (0 when there is no front matter). */
  bodyStart: number;
  /** Offset just after the opening `---` line and before the closing one, for diagnostics. */
  blockStart: number;
  blockEnd: number;
  /** The parsed values as they are (plain data only: strings, numbers, lists, dates). */
  data: Record<string, unknown>;
  problems: Problem[];
}

const REFUSE = {
  parse(): never {
    throw new Error('executable front matter is disabled');
  },
};

/** Engines gray-matter may use. Only data formats; everything executable refuses. */
const SAFE_ENGINES = {
  javascript: REFUSE,
  js: REFUSE,
  coffee: REFUSE,
  coffeescript: REFUSE,
  cson: REFUSE,
};

const ALLOWED_LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);

/** Finds the front-matter block by line scanning (linear, no regex), tolerant of BOM and CRLF. */
function locateBlock(text: string): { open: number; language: string; blockStart: number; blockEnd: number; bodyStart: number } | null {
  let open = 0;
  if (text.charCodeAt(0) === 0xfeff) open = 1;
  if (!text.startsWith('---', open) || text.charAt(open + 3) === '-') return null;
  const firstLineEnd = text.indexOf('\n', open);
  if (firstLineEnd < 0) return null;
  const language = text.slice(open + 3, firstLineEnd).trim().toLowerCase();
  let lineStart = firstLineEnd + 1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line === '---' || line === '...') {
      const bodyStart = Math.min(text.length, lineEnd + 1);
      return { open, language, blockStart: firstLineEnd + 1, blockEnd: lineStart, bodyStart };
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return { open, language, blockStart: firstLineEnd + 1, blockEnd: text.length, bodyStart: -1 };
}

/** gray-matter's data of `source` (it starts with "---"); throws as gray-matter does. */
function grayMatterData(source: string): unknown {
  // Passing options also disables gray-matter's unbounded global cache.
  return matter(source, { engines: SAFE_ENGINES } as unknown as Parameters<typeof matter>[1]).data;
}

/** js-yaml's safeLoad, the function gray-matter reads YAML with (its default engine). */
const safeLoadYaml = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } }).engines.yaml.parse;

/**
 * What gray-matter gives for `source` (a block starting "---", not "----") when no language follows
 * the opening "---", without its per-call set-up (options merged three times, a Buffer copy of the
 * block): the text up to the first "\n---" read as YAML, or {} when it holds nothing but blank and
 * comment lines. undefined: a language is named (gray-matter reads it).
 */
function plainYamlData(source: string): unknown {
  const str = source.slice(3);
  const lineEnd = str.indexOf('\n');
  // gray-matter's language: the first line (without a "\r" before its "\n"), trimmed
  const raw = lineEnd < 0 ? str.slice(0, -1) : str.slice(0, lineEnd > 0 && str.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
  if (raw.trim() !== '') return undefined;
  let close = str.indexOf('\n---');
  if (close < 0) close = str.length;
  const block = str.slice(0, close);
  if (onlyCommentLines(block)) return {};
  return safeLoadYaml(block) ?? {};
}

/**
 * Whether `block.replace(/^\s*#[^\n]+/gm, '').trim()` is '' (gray-matter's test for an empty block),
 * in one pass: each line (split at "\n") is blank, or its first non-blank character is "#" with
 * at least one character after it on the line.
 */
function onlyCommentLines(block: string): boolean {
  let i = 0;
  const n = block.length;
  while (i < n) {
    let k = i;
    while (k < n && block.charCodeAt(k) !== 10 && isBlankCode(block.charCodeAt(k))) k++;
    if (k < n && block.charCodeAt(k) !== 10) {
      if (block.charCodeAt(k) !== 35 || k + 1 >= n || block.charCodeAt(k + 1) === 10) return false;
    }
    const next = block.indexOf('\n', k);
    if (next < 0) break;
    i = next + 1;
  }
  return true;
}

/** The character code is matched by `\s` (and removed by trim). */
function isBlankCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime()) && /\d{4}/.test(value)) return parsed.toISOString().slice(0, 10);
  }
  return undefined;
}

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ') || undefined;
  if (value instanceof Date) return isoDate(value);
  return undefined;
}

export function parseFrontMatter(text: string): FrontMatterResult {
  const problems: Problem[] = [];
  const meta: ArticleMeta = { extra: {} };
  const block = locateBlock(text);
  if (!block) return { meta, bodyStart: 0, blockStart: 0, blockEnd: 0, data: {}, problems };

  const problemAt = (message: string, code: string): Problem => ({
    start: block.open,
    end: Math.min(text.length, block.blockStart > 0 ? block.blockStart - 1 : text.length),
    severity: 'warning',
    message,
    code,
  });

  if (block.bodyStart < 0) {
    problems.push(problemAt('Front matter is not closed: add a line `---` after it. The article is read as having no metadata.', 'frontmatter-unterminated'));
    return { meta, bodyStart: 0, blockStart: block.blockStart, blockEnd: block.blockEnd, data: {}, problems };
  }
  if (!ALLOWED_LANGUAGES.has(block.language)) {
    problems.push(problemAt(`Front matter in "${block.language}" is not read: only YAML or JSON front matter is supported, executable formats are never run.`, 'frontmatter-language'));
    return { meta, bodyStart: block.bodyStart, blockStart: block.blockStart, blockEnd: block.blockEnd, data: {}, problems };
  }

  let data: Record<string, unknown> = {};
  try {
    const source = text.slice(block.open, block.bodyStart);
    const parsed = plainYamlData(source) ?? grayMatterData(source);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    problems.push({
      start: block.blockStart,
      end: Math.max(block.blockStart, block.blockEnd - 1),
      severity: 'warning',
      message: `Front matter could not be parsed (${reason}). The article is read as having no metadata.`,
      code: 'frontmatter-invalid',
    });
  }

  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case 'title':
      case 'author':
      case 'publisher':
      case 'url':
      case 'seed':
        meta[key] = asText(value);
        break;
      case 'authors':
        meta.author = meta.author ?? asText(value);
        break;
      case 'date': {
        meta.date = isoDate(value);
        if (value !== undefined && !meta.date) {
          problems.push({ start: block.blockStart, end: Math.max(block.blockStart, block.blockEnd - 1), severity: 'info', message: 'The `date` in the front matter is not a date (use YYYY-MM-DD); relative dates cannot be resolved.', code: 'frontmatter-date' });
        }
        break;
      }
      default: {
        const textValue = asText(value);
        if (textValue !== undefined) meta.extra[key] = textValue;
      }
    }
  }
  return { meta, bodyStart: block.bodyStart, blockStart: block.blockStart, blockEnd: block.blockEnd, data, problems };
}
