/** Inlay hints: the resolved calendar value after relative date expressions (`Tomorrow ⟨2006-11-29⟩`). */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { CorpusIndex } from '../index/corpusIndex';

export function provideInlayHints(index: CorpusIndex, uri: string, range: Range): InlayHint[] {
  const article = index.article(uri);
  if (!article) return [];
  const doc = article.document;
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const out: InlayHint[] = [];
  for (const d of article.analysis.dates) {
    // Only calendar values read well as a hint (not PRESENT_REF, nor XXXX-… without a publication date).
    if (!d.relative || d.end < from || d.start > to || !/^\d{4}/.test(d.value)) continue;
    out.push({ position: doc.positionAt(d.end), label: `⟨${d.value}⟩`, kind: InlayHintKind.Type, paddingLeft: true, tooltip: `Resolved against ${d.anchor ?? article.analysis.meta.date ?? 'the publication date'}` });
  }
  return out;
}
