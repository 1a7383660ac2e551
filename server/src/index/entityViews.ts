/**
 * One entity's mentions and co-occurrence sample, read from its articles, and the patches that
 * keep the corpus index's stored copies of them (`mentionsOf`, `cooccurring`) up to date after an
 * edit (entityMemo.ts).
 */
import { CO_OCCURRENCE_SAMPLE, NO_ENTITIES, type CooccurrenceRow, type SampledArticle } from './cooccurrence';
import { definePatch } from './entityMemo';
import type { IndexedArticle, MentionLocation } from './indexedTypes';

/** What the views read of the index. */
export interface ViewSource {
  /** Calls `visit` for each of the entity's articles in corpus order, with its mentions there, until it returns false. */
  visitArticles(id: string, visit: (article: IndexedArticle, count: number) => boolean | void): void;
  article(uri: string): IndexedArticle | undefined;
  /** The distinct linked entities an indexed article added, as entity numbers (undefined: none, or not indexed). */
  contributedEntities(uri: string): Int32Array | undefined;
}

/** The entity's mentions in one article, in text order (appended to `out`). */
export function mentionsIn(source: ViewSource, uri: string, id: string, out: MentionLocation[] = []): MentionLocation[] {
  const article = source.article(uri);
  return article ? mentionsInArticle(article, id, out) : out;
}

function mentionsInArticle(article: IndexedArticle, id: string, out: MentionLocation[]): MentionLocation[] {
  // Read per mention from the article's linking (`entityIdAt`): making its list of ids would keep one for every article read.
  const { mentionStart, mentionEnd, mentionCount } = article.analysis.columns;
  const uri = article.uri;
  for (let i = 0; i < mentionCount; i++) if (article.entityIdAt(i) === id) out.push({ uri, start: mentionStart[i], end: mentionEnd[i], index: i });
  return out;
}

/** Every mention of the entity: its articles in corpus order, each article's mentions in text order. */
export function allMentions(source: ViewSource, id: string): MentionLocation[] {
  const out: MentionLocation[] = [];
  source.visitArticles(id, (article) => void mentionsInArticle(article, id, out));
  return out;
}

/** The entity's first mention in `allMentions` order, without reading past its first article that names it. */
export function firstMention(source: ViewSource, id: string): MentionLocation | undefined {
  let first: MentionLocation | undefined;
  source.visitArticles(id, (article) => {
    first = mentionsInArticle(article, id, [])[0];
    return first === undefined;
  });
  return first;
}

/**
 * The articles an actor's co-occurrence row reads: its first `CO_OCCURRENCE_SAMPLE` articles in
 * corpus order, each with its distinct linked entities.
 */
export function cooccurrenceSample(source: ViewSource, id: string): SampledArticle[] {
  const out: SampledArticle[] = [];
  source.visitArticles(id, (article) => {
    out.push({ uri: article.uri, entities: source.contributedEntities(article.uri) ?? NO_ENTITIES });
    return out.length < CO_OCCURRENCE_SAMPLE;
  });
  return out;
}

/** What the patches read: the index after the change. */
interface PatchContext {
  mentionsIn(uri: string, id: string, out?: MentionLocation[]): MentionLocation[];
  cooccurrenceSample(id: string): SampledArticle[];
  articleCountOf(id: string): number;
}

/** The edited article's mentions leave their place; its new ones come last (it is now the entity's last article). */
definePatch<readonly MentionLocation[], PatchContext>('mentionLocations', (list, change, index) => {
  if (change.before === 0 && change.after === 0) return list;
  const out = change.before > 0 ? list.filter((m) => m.uri !== change.uri) : list.slice();
  return change.after > 0 ? index.mentionsIn(change.uri, change.id, out) : out;
});

/**
 * The row follows its sample: the articles that left or entered it (the edited one, the next one
 * in line). An article outside the sample that comes back last, beyond it, changes nothing.
 */
definePatch<CooccurrenceRow, PatchContext>('cooccurrence', (row, change, index) => {
  if (!row.samples(change.uri) && (change.after === 0 || index.articleCountOf(change.id) > CO_OCCURRENCE_SAMPLE)) return row;
  return row.update(index.cooccurrenceSample(change.id));
});
