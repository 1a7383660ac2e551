/**
 * Hover cards: an actor (who, role, spellings, where and how often, co-occurring actors, why it
 * was recognised), a date (value, weekday, relation to publication, other articles on that day),
 * or a quotation (its speaker's card).
 */
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { CorpusEntity } from '../core/linking/corpusEntities';
import type { DateMention, EntityMention, Quote } from '../core/types';
import type { CorpusIndex, IndexedArticle } from '../index/corpusIndex';
import { definePatch } from '../index/entityMemo';
import { describeDate } from './dateText';
import { escapeMarkdown, safeLink, truncate } from './markdownText';
import { toOffset, toRange } from './positions';

const SOURCE_TEXT: Record<EntityMention['source'], string> = {
  model: 'the learned tagger',
  gazetteer: 'a gazetteer (place and group names)',
  rule: 'a rule',
  consistency: 'another mention of the same name in this article',
  note: 'an entity note',
  user: 'your own decision',
};

/** Cards already built, for the index state they were built from (see `CorpusIndex.changes`). */
const cards = new WeakMap<CorpusIndex, { changes: number; byEntity: Map<string, string> }>();

/** The corpus part of an actor's card: built once per index state (cheap to rebuild: its parts are kept per entity). */
function corpusCard(index: CorpusIndex, entity: CorpusEntity): string {
  let kept = cards.get(index);
  if (!kept || kept.changes !== index.changes) cards.set(index, (kept = { changes: index.changes, byEntity: new Map() }));
  let card = kept.byEntity.get(entity.id);
  if (card === undefined) {
    card = buildCorpusCard(index, entity);
    if (kept.byEntity.size > 5000) kept.byEntity.clear();
    kept.byEntity.set(entity.id, card);
  }
  return card;
}

export function entityCard(index: CorpusIndex, entity: CorpusEntity | undefined, mention: EntityMention | undefined): string {
  if (!entity) {
    const lines: string[] = [];
    if (!mention) return '';
    lines.push(`**${escapeMarkdown(mention.text)}** · ${mention.type}`);
    if (mention.role) lines.push(`*${escapeMarkdown(mention.role)}*`);
    lines.push('', '*Indexing the corpus…*');
    return lines.join('\n');
  }
  const card = corpusCard(index, entity);
  if (!mention) return card;
  const why = entity.note && mention.source !== 'user' ? `${SOURCE_TEXT[mention.source]}, linked through the note` : SOURCE_TEXT[mention.source];
  const confidence = mention.source === 'model' ? ` (confidence ${mention.confidence.toFixed(2)})` : '';
  return `${card}\n\n_Recognized by ${escapeMarkdown(why)}${confidence}._`;
}

/** Everything on an actor's card that comes from the corpus (not from the mention hovered). */
function buildCorpusCard(index: CorpusIndex, entity: CorpusEntity): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** · ${entity.type}`);
  const role = entity.note?.role ?? topRole(entity);
  if (role) lines.push('', `*${escapeMarkdown(role)}*`);
  if (entity.note?.body) lines.push('', escapeMarkdown(truncate(entity.note.body, 400)));
  const spellings = [...entity.spellings.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  const aliases = entity.note ? [...new Set([...entity.note.aliases, ...spellings])] : spellings;
  const shown = aliases.filter((s) => s !== entity.name).slice(0, 12);
  if (shown.length) lines.push('', `Also written: ${shown.map(escapeMarkdown).join(', ')}`);
  const docs = index.articleCountOf(entity.id);
  lines.push('', `**${entity.mentionCount}** mention${entity.mentionCount === 1 ? '' : 's'} in **${docs}** article${docs === 1 ? '' : 's'}`);
  if (index.scanning) lines.push('', '_Still indexing the corpus: these counts are partial._');
  const { listed, quotes } = cardParts(index, entity);
  for (const { article, count } of listed.first) {
    const title = article.analysis.meta.title ?? article.uri.slice(article.uri.lastIndexOf('/') + 1);
    const date = article.analysis.meta.date ? `${article.analysis.meta.date} · ` : '';
    lines.push(`- ${escapeMarkdown(date)}${safeLink(truncate(title, 70), article.uri)} (${count})`);
  }
  if (listed.total > LISTED) lines.push(`- … and ${listed.total - LISTED} more`);
  if (quotes.count) {
    lines.push('', `Quoted ${quotes.count} time${quotes.count === 1 ? '' : 's'}:`);
    for (const quote of quotes.first) lines.push(`- “${escapeMarkdown(truncate(quote.text, 90))}”`);
  }
  const co = index.cooccurring(entity.id, 5);
  if (co.length) lines.push('', `Often with: ${co.map((c) => `${escapeMarkdown(c.entity.name)} (${c.articles})`).join(', ')}`);
  return lines.join('\n');
}

function topRole(entity: CorpusEntity): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [r, c] of entity.roles) if (c > n) (best = r), (n = c);
  return best;
}

/** How many of an actor's earliest articles its card lists. */
const LISTED = 8;

/**
 * The parts of an actor's card that cost in proportion to its articles and quotes: its earliest
 * articles, kept per entity (and patched after an edit), and its quotations (counted by the index;
 * the first three are near the start of its list).
 */
function cardParts(index: CorpusIndex, entity: CorpusEntity) {
  const listed = index.entityMemo(entity.id, 'hover:articles', () => earliestArticles(index, entity.id, LISTED));
  const first: Quote[] = [];
  for (const q of index.quotesOf(entity.id)) {
    if (first.length === 3) break;
    if (q.quote.kind !== 'scare') first.push(q.quote);
  }
  return { listed, quotes: { count: index.saidCount(entity.id), first } };
}

/**
 * Prepares the costly parts of an actor's card ahead of the first hover (its earliest articles,
 * quotes and co-occurrence row); `features/warmUp.ts` calls it for frequent actors after a relink.
 */
export function prepareEntityCard(index: CorpusIndex, entity: CorpusEntity): void {
  cardParts(index, entity);
  // the row only: a hover ranks it (ties follow mention counts, which edits elsewhere change)
  index.cooccurring(entity.id, 0);
}

/** Whether the parts `prepareEntityCard` makes are kept for the actor. */
export function preparedCard(index: CorpusIndex, entity: CorpusEntity): boolean {
  return index.hasEntityMemo(entity.id, 'hover:articles') && index.hasEntityMemo(entity.id, 'cooccurrence');
}

const collator = new Intl.Collator();

/**
 * Earlier publication first (undated last), then by URI in the reader's collation (URIs it finds
 * equal by code units): a total order, so the earliest articles do not depend on the order they are read in.
 */
function articleOrder(a: IndexedArticle, b: IndexedArticle): number {
  const da = a.analysis.meta.date ?? '9999';
  const db = b.analysis.meta.date ?? '9999';
  // Dates are ISO (YYYY-MM-DD): code-unit order is their collation order, and much cheaper.
  if (da !== db) return da < db ? -1 : 1;
  return collator.compare(a.uri, b.uri) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

interface EarliestArticles {
  /** At most `n` articles, earliest first, with the actor's mentions in each. */
  first: Array<{ article: IndexedArticle; count: number }>;
  /** How many articles name the actor. */
  total: number;
}

/** Puts `article` in its place in `first` if it is among the `n` earliest; returns its place (-1: not put). */
function insertEarliest(first: EarliestArticles['first'], article: IndexedArticle, count: number, n: number): number {
  if (first.length === n && articleOrder(article, first[n - 1].article) >= 0) return -1;
  let at = first.length;
  while (at > 0 && articleOrder(article, first[at - 1].article) < 0) at--;
  first.splice(at, 0, { article, count });
  if (first.length > n) first.pop();
  return at;
}

/**
 * The actor's `n` earliest articles (with its mention count in each) and how many articles name it:
 * one pass, no full sort. An article whose publication key is above the n-th listed one's is passed
 * over without reading it (equal or unknown keys take the full comparison).
 */
function earliestArticles(index: CorpusIndex, id: string, n: number): EarliestArticles {
  const first: EarliestArticles['first'] = [];
  const keys: number[] = [];
  let total = 0;
  index.visitArticlesOf(id, (article, count, slot) => {
    total++;
    const key = index.publicationKeyAt(slot, article);
    if (first.length === n && key > 0 && keys[n - 1] > 0 && key > keys[n - 1]) return;
    const at = insertEarliest(first, article, count, n);
    if (at < 0) return;
    keys.splice(at, 0, key);
    if (keys.length > n) keys.pop();
  });
  return { first, total };
}

/**
 * After one article changed: it leaves the list and comes back in its new place. When it leaves a
 * full list, the list's next article is known only if the article's new version comes no later
 * than the old last one (everything unlisted comes after that); otherwise the list is made again.
 */
definePatch<EarliestArticles, CorpusIndex>('hover:articles', (listed, change, index) => {
  const first = listed.first.filter((f) => f.article.uri !== change.uri);
  const left = first.length < listed.first.length;
  let total = listed.total - (change.before > 0 ? 1 : 0);
  const article = change.after > 0 ? index.article(change.uri) : undefined;
  if (article) {
    total++;
    if (left && listed.total > LISTED && articleOrder(article, listed.first[LISTED - 1].article) > 0) return undefined;
    insertEarliest(first, article, change.after, LISTED);
  } else if (left && listed.total > LISTED) return undefined;
  return { first, total };
});

function dateCard(index: CorpusIndex, article: IndexedArticle, date: DateMention): string {
  const lines = [`**${escapeMarkdown(date.value)}** · ${date.type}`];
  const described = describeDate(date, article.analysis.meta.date);
  if (described) lines.push('', escapeMarkdown(described));
  if (date.type === 'date' && /^\d{4}/.test(date.value)) {
    const others = index.datesWithValue(date.value).filter((d) => d.uri !== article.uri);
    const uris = [...new Set(others.map((o) => o.uri))];
    if (uris.length) {
      lines.push('', `Also in ${uris.length} other article${uris.length === 1 ? '' : 's'}:`);
      for (const uri of uris.slice(0, 6)) {
        const a = index.article(uri);
        const title = a?.analysis.meta.title ?? uri.slice(uri.lastIndexOf('/') + 1);
        lines.push(`- ${safeLink(truncate(title, 70), uri)}`);
      }
    }
  }
  return lines.join('\n');
}

function quoteCard(index: CorpusIndex, article: IndexedArticle, quote: Quote): string {
  const kind = quote.kind === 'scare' ? 'scare quote (no speaker)' : `${quote.kind} quotation`;
  const lines = [`“${escapeMarkdown(truncate(quote.text, 120))}” · ${kind}`];
  if (quote.speaker) {
    const speakerId = index.speakerId(article, quote);
    const entity: CorpusEntity | undefined = speakerId ? index.entity(speakerId) : undefined;
    lines.push('', `Said by **${escapeMarkdown(entity?.name ?? quote.speaker.name)}**`);
    if (entity) lines.push('', '---', '', entityCard(index, entity, undefined));
  }
  return lines.join('\n');
}

export function provideHover(index: CorpusIndex, params: HoverParams): Hover | null {
  const article = index.article(params.textDocument.uri);
  if (!article) return null;
  const offset = toOffset(article.document, params.position);
  const hit = index.mentionAt(article.uri, offset);
  if (hit) {
    const entity = hit.entityId ? index.entity(hit.entityId) : undefined;
    return { contents: { kind: 'markdown', value: entityCard(index, entity, hit.mention) }, range: toRange(article.document, hit.mention.start, hit.mention.end) };
  }
  const date = index.dateAt(article.uri, offset);
  if (date) return { contents: { kind: 'markdown', value: dateCard(index, article, date) }, range: toRange(article.document, date.start, date.end) };
  const quote = index.quoteAt(article.uri, offset);
  if (quote) return { contents: { kind: 'markdown', value: quoteCard(index, article, quote) } };
  return null;
}
