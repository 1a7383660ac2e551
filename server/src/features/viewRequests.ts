/**
 * Answers for the client's views (Actors, Timeline, This article) and commands (next/previous
 * mention, everything an actor said). Reads prepared index data only.
 */
import type { CorpusEntity } from '../core/linking/corpusEntities';
import type { CorpusIndex, IndexedArticle } from '../index/corpusIndex';
import type { ArticleInfo, EntitySummary, MentionItem, QuoteItem, TimelineItem } from '../protocol';
import { toOffset, toRange } from './positions';

function titleOf(article: IndexedArticle): string {
  return article.analysis.meta.title ?? decodeURIComponent(article.uri.slice(article.uri.lastIndexOf('/') + 1));
}

export function snippetAround(text: string, start: number, end: number, width = 60): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  const s = (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '');
  return s.replace(/\s+/g, ' ').trim();
}

export function summarize(index: CorpusIndex, e: CorpusEntity): EntitySummary {
  let role = e.note?.role;
  if (!role) {
    let n = 0;
    for (const [r, c] of e.roles) if (c > n) (role = r), (n = c);
  }
  return { id: e.id, name: e.name, type: e.type, mentions: e.mentionCount, articles: index.articleCountOf(e.id), role, hasNote: !!e.note };
}

export function listEntities(index: CorpusIndex): EntitySummary[] {
  return index
    .entities()
    .filter((e) => e.mentionCount > 0 || e.note)
    .map((e) => summarize(index, e))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

export function entityMentions(index: CorpusIndex, id: string): MentionItem[] {
  const out: MentionItem[] = [];
  for (const m of index.mentionsOf(id)) {
    const article = index.article(m.uri);
    if (!article) continue;
    out.push({ uri: m.uri, range: toRange(article.document, m.start, m.end), snippet: snippetAround(article.document.getText(), m.start, m.end), articleTitle: titleOf(article), articleDate: article.analysis.meta.date });
  }
  return out;
}

export function timeline(index: CorpusIndex, limit = 20000): TimelineItem[] {
  const out: TimelineItem[] = [];
  for (const { uri, date: d } of index.allDates()) {
    if (!/^\d{4}/.test(d.value)) continue;
    const article = index.article(uri);
    if (!article) continue;
    out.push({ value: d.value, text: d.text, uri, range: toRange(article.document, d.start, d.end), articleTitle: titleOf(article), snippet: snippetAround(article.document.getText(), d.start, d.end, 40) });
    if (out.length >= limit) break;
  }
  return out;
}

export function entityIdAt(index: CorpusIndex, uri: string, position: { line: number; character: number }): string | undefined {
  const article = index.article(uri);
  if (article) return index.mentionAt(uri, toOffset(article.document, position))?.entityId || undefined;
  return index.note(uri)?.note?.id;
}

/** Every quotation attributed to an actor across the corpus (from the index's quote map). */
export function quotesBy(index: CorpusIndex, id: string): QuoteItem[] {
  const entity = index.entity(id);
  if (!entity) return [];
  const out: QuoteItem[] = [];
  for (const { uri, quote: q } of index.quotesOf(id)) {
    const article = index.article(uri);
    if (article) out.push({ uri, range: toRange(article.document, q.start, q.end), text: q.text, kind: q.kind, speaker: entity.name, articleTitle: titleOf(article) });
  }
  return out;
}

export function articleInfo(index: CorpusIndex, uri: string): ArticleInfo | null {
  const article = index.article(uri);
  if (!article) return null;
  const counts = new Map<string, number>();
  for (const id of article.entityIds) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  const actors = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => {
      const e = index.entity(id);
      return e ? { ...summarize(index, e), mentions: n } : undefined;
    })
    .filter((x): x is EntitySummary => !!x);
  const { title, author, publisher, date, url } = article.analysis.meta;
  return { title, author, publisher, date, url, actors };
}
