/** Folding ranges for sections (headings) and multi-paragraph quotations. */
import type { FoldingRange } from 'vscode-languageserver';
import type { OutlineNode } from '../core/types';
import type { CorpusIndex } from '../index/corpusIndex';

export function provideFoldingRanges(index: CorpusIndex, uri: string): FoldingRange[] {
  const article = index.article(uri);
  if (!article) return [];
  const doc = article.document;
  const text = doc.getText();
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: string): void => {
    let e = end;
    while (e > start && /\s/.test(text.charAt(e - 1))) e--;
    const a = doc.positionAt(start).line;
    const b = doc.positionAt(e).line;
    if (b > a) out.push({ startLine: a, endLine: b, kind });
  };
  const walk = (nodes: OutlineNode[]): void => {
    for (const n of nodes) {
      if (n.role === 'section') add(n.start, n.end, 'region');
      walk(n.children);
    }
  };
  walk(article.analysis.outline);
  if (article.analysis.bodyStart > 0) add(0, article.analysis.bodyStart, 'comment');
  for (const q of article.analysis.quotes) if (text.slice(q.start, q.end).includes('\n')) add(q.start, q.end, 'region');
  return out;
}
