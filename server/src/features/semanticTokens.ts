/**
 * Semantic tokens: one token type per entity type, plus dates, so names and dates are coloured.
 * Tokens never span lines (LSP requires single-line tokens), so a name broken across a line is
 * emitted in pieces.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { CorpusIndex } from '../index/corpusIndex';
import { typeAsReported } from '../core/linking/corpusEntities';

export const TOKEN_TYPES = ['person', 'organization', 'place', 'group', 'date'] as const;
export const TOKEN_MODIFIERS = ['linked', 'relative'] as const;
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export function provideSemanticTokens(index: CorpusIndex, uri: string): SemanticTokens {
  const article = index.article(uri);
  if (!article) return { data: [] };
  const doc = article.document;
  const text = doc.getText();
  const spans: Array<{ start: number; end: number; type: number; mods: number }> = [];
  const { mentions, clusterOf } = article.analysis;
  // Per document cluster: a capital standing for its government.
  const seats = article.analysis.clusters.map((c) => !!c.governmentSeat);
  mentions.forEach((m, i) => {
    // Coloured as the CLI reports it: as the entity's note types it (the reader's decision), and a
    // capital standing for its government as an organization (typeAsReported).
    const entity = article.entityIds[i] ? index.entity(article.entityIds[i]) : undefined;
    const type = typeAsReported(entity, m.type, seats[clusterOf[i]] === true);
    spans.push({ start: m.start, end: m.end, type: TOKEN_TYPES.indexOf(type), mods: article.entityIds[i] ? 1 : 0 });
  });
  for (const d of article.analysis.dates) spans.push({ start: d.start, end: d.end, type: 4, mods: d.relative ? 2 : 0 });
  spans.sort((a, b) => a.start - b.start);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const s of spans) {
    if (s.start < lastEnd) continue; // never overlap
    lastEnd = s.end;
    let start = s.start;
    while (start < s.end) {
      const nl = text.indexOf('\n', start);
      const pieceEnd = nl >= 0 && nl < s.end ? nl : s.end;
      if (pieceEnd > start) {
        const pos = doc.positionAt(start);
        const deltaLine = pos.line - prevLine;
        const deltaChar = deltaLine === 0 ? pos.character - prevChar : pos.character;
        const length = pieceEnd - start - (text.charAt(pieceEnd - 1) === '\r' ? 1 : 0);
        if (length > 0) {
          data.push(deltaLine, deltaChar, length, s.type, s.mods);
          prevLine = pos.line;
          prevChar = pos.character;
        }
      }
      start = pieceEnd + 1;
    }
  }
  return { data };
}
