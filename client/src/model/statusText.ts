/** The status bar item's text, as a pure function of the server's status notification. */
import type { StatusParams } from '../../../server/src/protocol';
import { plural } from './actorsTree';

export function statusText(s: StatusParams): { text: string; tooltip: string } {
  if (s.state === 'indexing') {
    const progress = s.total > 0 ? ` ${Math.min(s.done, s.total)}/${s.total}` : '';
    return { text: `$(sync~spin) SourceLens${progress}`, tooltip: 'SourceLens is indexing the corpus' };
  }
  return { text: `$(book) ${plural(s.articles, 'article')} · ${plural(s.entities, 'actor')}`, tooltip: 'SourceLens: open the Actors view' };
}
