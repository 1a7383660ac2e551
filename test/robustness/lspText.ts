/** Small LSP helpers for the robustness tests: UTF-16 positions and semantic-token decoding. */

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** The LSP position (UTF-16 code units, LSP's default encoding) of a string offset. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The string offset of an LSP position. */
export function offsetAt(text: string, p: Position): number {
  let offset = 0;
  for (let l = 0; l < p.line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + p.character;
}

export function sliceRange(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.start), offsetAt(text, r.end));
}

/** Decodes `textDocument/semanticTokens/full` data into (text, type index) pairs. */
export function decodeTokens(text: string, data: number[]): Array<{ text: string; type: number; line: number; character: number }> {
  const lines = text.split('\n');
  const out: Array<{ text: string; type: number; line: number; character: number }> = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < data.length + 1 && i < data.length; i += 5) {
    const [dl, dc, len, type] = data.slice(i, i + 4);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    out.push({ text: (lines[line] ?? '').slice(char, char + len), type, line, character: char });
  }
  return out;
}
