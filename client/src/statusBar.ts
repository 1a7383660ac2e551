/** The status bar item: indexing progress, then "N articles · M actors"; click opens the Actors view. */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourcelens.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'SourceLens';
    this.item.text = '$(sync~spin) SourceLens';
    this.item.command = 'sourcelens.actors.focus';
    this.item.show();
  }

  update(s: StatusParams): void {
    if (s.state === 'indexing') {
      this.item.text = `$(sync~spin) SourceLens ${s.total ? `${s.done}/${s.total}` : ''}`.trim();
      this.item.tooltip = 'SourceLens is indexing the corpus';
    } else {
      this.item.text = `$(book) ${s.articles} articles · ${s.entities} actors`;
      this.item.tooltip = 'SourceLens: open the Actors view';
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
