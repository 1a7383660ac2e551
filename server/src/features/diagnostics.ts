/** Problems the core reported (front matter, notes) as LSP diagnostics. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../core/types';
import { toRange } from './positions';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toDiagnostics(doc: TextDocument, problems: readonly Problem[]): Diagnostic[] {
  return problems.map((p) => ({ range: toRange(doc, p.start, Math.max(p.start, p.end)), severity: SEVERITY[p.severity], source: 'SourceLens', code: p.code, message: p.message }));
}
