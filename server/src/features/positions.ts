/**
 * The one place where core offsets (UTF-16 code units) become LSP positions and back.
 * LSP's default position encoding is UTF-16, so offsets map one to one through TextDocument.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';

export function toRange(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toOffset(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}
