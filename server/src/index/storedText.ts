/**
 * An article's text as the index keeps it: UTF-8 bytes outside the JavaScript heap, with its line
 * table made once. A V8 string holding any character above U+00FF (a curly quote, a dash: nearly
 * every article) takes two bytes per character; the bytes take about one. Positions and offsets
 * come from the line table without the text; `getText` decodes (the last few decoded texts are
 * kept, so a request reading many snippets of one article decodes it once).
 *
 * Behaves exactly as `TextDocument.create(uri, languageId, version, text)` of
 * vscode-languageserver-textdocument for every method the server uses (tested against it).
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';

const RECENT = 4;
const recent: Array<{ owner: StoredText; text: string }> = [];

export class StoredText implements TextDocument {
  /** UTF-8 bytes, or the string itself when it is not well-formed UTF-16 (a lone surrogate would not survive UTF-8). */
  private readonly content: Buffer | string;
  /** Per line: its start offset and the offset where its end-of-line characters begin (UTF-16 units); made on first use. */
  private table: Int32Array | undefined;
  /** Length in UTF-16 code units (-1 until the line table of bytes is made). */
  private units: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    /** The text, or its UTF-8 bytes (valid UTF-8 without a byte-order mark; kept, not copied). */
    text: string | Buffer,
  ) {
    if (typeof text === 'string') {
      this.units = text.length;
      this.content = isWellFormed(text) ? Buffer.from(text, 'utf8') : text;
      this.table = lineTable(text);
    } else {
      // A warm start keeps thousands of these: the line table is made when a position is first asked
      // for (or by `prepare`, off the request path), not while the index loads.
      this.content = text;
      this.units = -1;
    }
  }

  /** Makes the line table now (a no-op once made). */
  prepare(): void {
    if (this.table) return;
    const made = utf8LineTable(this.content as Buffer);
    this.table = made.lines;
    this.units = made.length;
  }

  /** True once the line table is made. */
  get prepared(): boolean {
    return this.table !== undefined;
  }

  private get lines(): Int32Array {
    if (!this.table) this.prepare();
    return this.table!;
  }

  /** Length in UTF-16 code units. */
  get length(): number {
    if (this.units < 0) this.prepare();
    return this.units;
  }

  get lineCount(): number {
    return this.lines.length / 2;
  }

  getText(range?: Range): string {
    const text = this.text();
    if (!range) return text;
    return text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lines = this.lines;
    let low = 0;
    let high = lines.length / 2;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lines[2 * mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: Math.min(offset, lines[2 * line + 1]) - lines[2 * line] };
  }

  offsetAt(position: Position): number {
    const count = this.lines.length / 2;
    if (position.line >= count) return this.length;
    if (position.line < 0) return 0;
    const start = this.lines[2 * position.line];
    if (position.character <= 0) return start;
    return Math.min(start + position.character, this.lines[2 * position.line + 1]);
  }

  getLineRange(line: number): Range {
    const count = this.lines.length / 2;
    if (line >= count) return { start: { line: count - 1, character: 0 }, end: { line: count - 1, character: this.length - this.lines[2 * (count - 1)] } };
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: { line, character: 0 }, end: { line, character: this.lines[2 * line + 1] - this.lines[2 * line] } };
  }

  getEOLCharacters(line: number): string {
    const count = this.lines.length / 2;
    if (line >= count || line < 0) return '';
    const next = line + 1 < count ? this.lines[2 * line + 2] : this.length;
    return this.text().substring(this.lines[2 * line + 1], next);
  }

  private text(): string {
    if (typeof this.content === 'string') return this.content;
    for (let i = 0; i < recent.length; i++) {
      if (recent[i].owner !== this) continue;
      const hit = recent[i];
      if (i > 0) {
        recent.splice(i, 1);
        recent.unshift(hit);
      }
      return hit.text;
    }
    const text = this.content.toString('utf8');
    recent.unshift({ owner: this, text });
    if (recent.length > RECENT) recent.pop();
    return text;
  }
}

/** True unless the text holds a lone surrogate (String.prototype.isWellFormed, which this TypeScript library does not declare). */
function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** [start, end of content] per line; lines end at \n, \r\n or a lone \r (as in TextDocument). */
function lineTable(text: string): Int32Array {
  const out: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 13 && ch !== 10) continue;
    out.push(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    out.push(i + 1);
  }
  out.push(text.length);
  return Int32Array.from(out);
}

/** The line table and UTF-16 length of a text given as valid UTF-8, without decoding it. */
function utf8LineTable(bytes: Buffer): { lines: Int32Array; length: number } {
  const out: number[] = [0];
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80) {
      // A lead byte starts one character (two UTF-16 units from four bytes up); continuation bytes add none.
      if (b >= 0xc0) units += b >= 0xf0 ? 2 : 1;
      continue;
    }
    if (b !== 13 && b !== 10) {
      units++;
      continue;
    }
    out.push(units);
    if (b === 13 && bytes[i + 1] === 10) {
      i++;
      units++;
    }
    units++;
    out.push(units);
  }
  out.push(units);
  return { lines: Int32Array.from(out), length: units };
}
