/** Protocol ranges ⇄ VS Code ranges. */
import * as vscode from 'vscode';
import type { Rng } from '../../server/src/protocol';

export function toRange(r: Rng): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
