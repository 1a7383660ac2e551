/**
 * Reading the workspace from disk: finding article and note files, and reading one file safely.
 * The only module of the index that touches the file system. Never throws for a bad file: it
 * returns a reason the caller logs or shows.
 */
import { isUtf8 } from 'buffer';
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { classifyPath, effectivePaths, isScannedFolder, type FileKind } from './fileKinds';

export interface FoundFile {
  uri: string;
  fsPath: string;
  relativePath: string;
  kind: FileKind;
}

export type ReadResult = FileText | { ok: false; reason: string; skipped: boolean };

/** A text file's content: its text, decoded on first read, and its bytes when they are exactly that text's UTF-8. */
export class FileText {
  readonly ok = true;
  private decoded: string | undefined;

  constructor(
    private readonly bytes: Buffer,
    /** Valid UTF-8 without a byte-order mark: the bytes are the text's UTF-8, and the text need not be decoded. */
    private readonly exact: boolean,
  ) {}

  get text(): string {
    return (this.decoded ??= new TextDecoder('utf-8', { fatal: false }).decode(this.bytes));
  }

  /** The bytes, when they are exactly the text's UTF-8 (undefined otherwise). */
  get utf8(): Buffer | undefined {
    return this.exact ? this.bytes : undefined;
  }
}

/** A file or folder name that needs no escaping in a file URL. */
const PLAIN_NAME = /^[A-Za-z0-9._-]+$/;

/** Walks a folder (no symlinked folders, so no loops), returning every article, note and decisions file. */
export async function findFiles(root: string, ignoreFile: string, log: (message: string) => void, limit = 200_000): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  const rootName = path.basename(root);
  const ignore = effectivePaths(rootName, '', ignoreFile).ignoreFile;
  // Each folder with its path relative to the root and its URL, so a file's are made by appending.
  // The root normalized once (no trailing separator, except a file-system root's own), so each entry's path is the folder's plus its name (path.join per file cost a quarter of the walk).
  const top = path.resolve(root);
  const stack: Array<{ dir: string; rel: string; url: string }> = [{ dir: top, rel: '', url: pathToFileURL(top).toString().replace(/\/$/, '') }];
  const seen = new Set<string>();
  while (stack.length && out.length < limit) {
    const { dir, rel: relDir, url: dirUrl } = stack.pop()!;
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let entries: import('fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      log(`Cannot read folder ${dir}: ${(err as Error).message}`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const entry of entries) {
      const full = dir.endsWith(path.sep) ? dir + entry.name : dir + path.sep + entry.name;
      if (entry.isSymbolicLink()) {
        log(`Skipping symbolic link ${full} (links are not followed, to avoid loops).`);
        continue;
      }
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      // Names made only of URL-safe characters are appended as they are; others go through pathToFileURL.
      const url = PLAIN_NAME.test(entry.name) ? `${dirUrl}/${entry.name}` : pathToFileURL(full).toString();
      if (entry.isDirectory()) {
        if (isScannedFolder(entry.name)) stack.push({ dir: full, rel, url });
        continue;
      }
      if (!entry.isFile()) continue;
      const kind = classifyPath(rel, ignore, rootName);
      if (kind) out.push({ uri: url, fsPath: full, relativePath: rel, kind });
    }
  }
  out.sort((a, b) => (a.uri < b.uri ? -1 : 1));
  return out;
}

/** Files up to this size share arenas; larger ones get a buffer of their own. */
const SHARED_FILE_BYTES = 64 << 10;
const ARENA_BYTES = 1 << 20;
let arena: Buffer | undefined;
let arenaUsed = 0;

/**
 * A buffer of `size` bytes for a file's content, kept as long as the file is indexed. Small files
 * are cut from shared 1 MB arenas (8-byte aligned): a scan of ten thousand files makes a few dozen
 * allocations outside the JavaScript heap, not ten thousand, each of which made the garbage
 * collector count external memory and run sooner. An arena is freed once no file cut from it is kept.
 */
export function fileBuffer(size: number): Buffer {
  if (size > SHARED_FILE_BYTES) return Buffer.allocUnsafeSlow(size);
  if (!arena || arenaUsed + size > arena.length) {
    arena = Buffer.allocUnsafeSlow(ARENA_BYTES);
    arenaUsed = 0;
  }
  const out = arena.subarray(arenaUsed, arenaUsed + size);
  arenaUsed = (arenaUsed + size + 7) & ~7;
  return out;
}

/**
 * Reads a text file, refusing binary, oversized or unreadable files with a reason. Read
 * synchronously: for files of a few kilobytes four blocking system calls (tens of microseconds)
 * cost far less than four round trips through the thread pool, and callers yield between files.
 */
export async function readTextFile(fsPath: string, maxBytes: number): Promise<ReadResult> {
  let fd: number | undefined;
  try {
    // Non-blocking open: a named pipe given an article's name must not stall the server.
    fd = openSync(fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, skipped: true, reason: 'is not a regular file; it is not indexed' };
    if (stat.size > maxBytes) {
      return { ok: false, skipped: true, reason: `is ${(stat.size / 1024).toFixed(0)} KB, over the limit of ${(maxBytes / 1024).toFixed(0)} KB (setting sourcelens.maxFileSizeKB); it is not indexed` };
    }
    // Read to the size just found (readFileSync would ask for the size again: a second system call per file).
    const buffer = fileBuffer(stat.size);
    let got = 0;
    while (got < buffer.length) {
      const n = readSync(fd, buffer, got, buffer.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return decodeText(got === buffer.length ? buffer : buffer.subarray(0, got));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, skipped: true, reason: 'disappeared before it could be read' };
    return { ok: false, skipped: true, reason: `could not be read (${code ?? (err as Error).message})` };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
    }
  }
}

/** UTF-8 text, or a reason it is not text. Invalid sequences become U+FFFD (reported, not fatal). */
export function decodeText(buffer: Buffer): ReadResult {
  if (buffer.subarray(0, 8192).indexOf(0) >= 0) return { ok: false, skipped: true, reason: 'looks binary (it contains NUL bytes); it is not indexed' };
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  return new FileText(buffer, !bom && isUtf8(buffer));
}
