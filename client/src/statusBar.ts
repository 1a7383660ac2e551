/** The status bar item: indexing progress, then "N articles · M actors"; clicking opens the Actors view. */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';
import { statusText } from './model/statusText';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourcelens.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'SourceLens';
    this.item.text = '$(sync~spin) SourceLens';
    this.item.tooltip = 'SourceLens is starting';
    this.item.command = 'sourcelens.actors.focus';
    this.item.show();
  }

  update(s: StatusParams): void {
    const { text, tooltip } = statusText(s);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: text.replace(/\$\([^)]*\)\s*/g, ''), role: 'button' };
  }

  dispose(): void {
    this.item.dispose();
  }
}
