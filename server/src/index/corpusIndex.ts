/**
 * The corpus index: every article's analysis, the entity notes, and the corpus-wide entities with
 * their mentions. Analysis is per document (cached by content); corpus linking is recomputed from
 * the documents' clusters (cheap: clusters, not text) whenever the set changes, off the request path.
 * Queries only read prepared maps.
 */
import { createHash } from 'crypto';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle, NO_DECISIONS, type AnalysisComponents, type ArticleAnalysis, type ReaderDecisions } from '../core/analyzeArticle';
import { parseEntityNote } from '../core/entityNote';
import { linkCorpus, type CorpusEntity, type CorpusLinking, type EntityNote } from '../core/linking/corpusEntities';
import type { DateMention, EntityMention, Problem, Quote } from '../core/types';

export interface IndexedArticle {
  uri: string;
  /** Editor version when open, else -1 for the disk copy. */
  version: number;
  hash: string;
  document: TextDocument;
  analysis: ArticleAnalysis;
  /** Entity id per mention (parallel to analysis.mentions); '' until linked. */
  entityIds: string[];
}

export interface IndexedNote {
  uri: string;
  document: TextDocument;
  note?: EntityNote;
  problems: Problem[];
}

export interface MentionLocation {
  uri: string;
  start: number;
  end: number;
  /** Index into the article's mentions. */
  index: number;
}

export interface IndexStats {
  articles: number;
  notes: number;
  entities: number;
  mentions: number;
}

export type IndexListener = () => void;

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export class CorpusIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly notes = new Map<string, IndexedNote>();
  private linking: CorpusLinking = { entities: [], byId: new Map(), assignment: [] };
  private mentionsByEntity = new Map<string, MentionLocation[]>();
  private cooccurrence = new Map<string, Map<string, number>>();
  private dirty = false;
  private decisions: ReaderDecisions = NO_DECISIONS;
  private readonly listeners: IndexListener[] = [];

  constructor(private readonly components: AnalysisComponents) {}

  onDidRelink(listener: IndexListener): void {
    this.listeners.push(listener);
  }

  /** Analyses one article (skipped when the content is unchanged). Returns it. */
  setArticle(uri: string, text: string, version = -1): IndexedArticle {
    const hash = contentHash(text);
    const existing = this.articles.get(uri);
    if (existing && existing.hash === hash) {
      if (existing.version !== version) {
        existing.version = version;
        existing.document = TextDocument.create(uri, 'article', Math.max(0, version), text);
      }
      return existing;
    }
    const analysis = analyzeArticle(text, this.components, { decisions: this.decisions });
    const article: IndexedArticle = {
      uri,
      version,
      hash,
      document: TextDocument.create(uri, 'article', Math.max(0, version), text),
      analysis,
      entityIds: this.provisionalIds(analysis),
    };
    this.articles.set(uri, article);
    this.dirty = true;
    return article;
  }

  /** Adds an article analysed elsewhere (a worker or the cache). */
  putAnalysed(uri: string, text: string, hash: string, analysis: ArticleAnalysis): IndexedArticle {
    const article: IndexedArticle = { uri, version: -1, hash, document: TextDocument.create(uri, 'article', 0, text), analysis, entityIds: this.provisionalIds(analysis) };
    this.articles.set(uri, article);
    this.dirty = true;
    return article;
  }

  /** True when the article is indexed with exactly this content. */
  hasContent(uri: string, hash: string): boolean {
    return this.articles.get(uri)?.hash === hash;
  }

  get readerDecisions(): ReaderDecisions {
    return this.decisions;
  }

  setNote(uri: string, text: string, id: string): IndexedNote {
    const parsed = parseEntityNote(text, id);
    const entry: IndexedNote = { uri, document: TextDocument.create(uri, 'article', 0, text), note: parsed.note, problems: parsed.problems };
    this.notes.set(uri, entry);
    this.dirty = true;
    return entry;
  }

  remove(uri: string): boolean {
    const removed = this.articles.delete(uri) || this.notes.delete(uri);
    if (removed) this.dirty = true;
    return removed;
  }

  /** Removes every document under a folder URI (a deleted folder). */
  removeUnder(prefix: string): number {
    const base = prefix.endsWith('/') ? prefix : prefix + '/';
    let n = 0;
    for (const uri of [...this.articles.keys(), ...this.notes.keys()]) if (uri.startsWith(base) && this.remove(uri)) n++;
    return n;
  }

  setDecisions(decisions: ReaderDecisions): void {
    this.decisions = decisions;
    // Re-analyse with the reader's decisions applied.
    for (const article of [...this.articles.values()]) {
      const analysis = analyzeArticle(article.document.getText(), this.components, { decisions });
      article.analysis = analysis;
      article.entityIds = this.provisionalIds(analysis);
    }
    this.dirty = true;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Recomputes corpus-wide entities from the documents' clusters. Cheap relative to analysis. */
  relink(): void {
    const ordered = [...this.articles.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const notes = [...this.notes.values()].map((n) => n.note).filter((n): n is EntityNote => !!n);
    notes.sort((a, b) => (a.id < b.id ? -1 : 1));
    const linking = linkCorpus(
      ordered.map((a) => a.analysis.clusters),
      notes,
    );
    const byEntity = new Map<string, MentionLocation[]>();
    const co = new Map<string, Map<string, number>>();
    ordered.forEach((article, d) => {
      const { mentions, clusterOf } = article.analysis;
      const ids = new Array<string>(mentions.length);
      for (let i = 0; i < mentions.length; i++) {
        const ci = clusterOf[i];
        const id = ci >= 0 ? linking.assignment[d][ci] : '';
        ids[i] = id;
        if (!id) continue;
        let list = byEntity.get(id);
        if (!list) byEntity.set(id, (list = []));
        list.push({ uri: article.uri, start: mentions[i].start, end: mentions[i].end, index: i });
      }
      article.entityIds = ids;
      const present = [...new Set(ids.filter(Boolean))];
      for (const a of present) {
        let row = co.get(a);
        if (!row) co.set(a, (row = new Map()));
        for (const b of present) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
      }
    });
    this.linking = linking;
    this.mentionsByEntity = byEntity;
    this.cooccurrence = co;
    this.dirty = false;
    for (const l of this.listeners) l();
  }

  /** Ids usable before the next relink: the entity a cluster's key already resolves to. */
  private provisionalIds(analysis: ArticleAnalysis): string[] {
    const ids = new Array<string>(analysis.mentions.length).fill('');
    for (let i = 0; i < ids.length; i++) {
      const cluster = analysis.clusters[analysis.clusterOf[i]];
      if (!cluster) continue;
      for (const key of cluster.keys) {
        const entity = this.entityByKey(key);
        if (entity) {
          ids[i] = entity.id;
          break;
        }
      }
    }
    return ids;
  }

  private entityByKey(key: string): CorpusEntity | undefined {
    for (const e of this.linking.entities) if (e.keys.has(key)) return e;
    return undefined;
  }

  // ---- queries -------------------------------------------------------------------------------

  article(uri: string): IndexedArticle | undefined {
    return this.articles.get(uri);
  }

  note(uri: string): IndexedNote | undefined {
    return this.notes.get(uri);
  }

  allArticles(): IndexedArticle[] {
    return [...this.articles.values()];
  }

  allNotes(): IndexedNote[] {
    return [...this.notes.values()];
  }

  entity(id: string): CorpusEntity | undefined {
    return this.linking.byId.get(id);
  }

  entities(): readonly CorpusEntity[] {
    return this.linking.entities;
  }

  mentionsOf(id: string): readonly MentionLocation[] {
    return this.mentionsByEntity.get(id) ?? [];
  }

  /** Actors most often in the same articles as this one. */
  cooccurring(id: string, limit = 5): Array<{ entity: CorpusEntity; articles: number }> {
    const row = this.cooccurrence.get(id);
    if (!row) return [];
    return [...row.entries()]
      .map(([other, n]) => ({ entity: this.linking.byId.get(other)!, articles: n }))
      .filter((x) => x.entity)
      .sort((a, b) => b.articles - a.articles || b.entity.mentionCount - a.entity.mentionCount)
      .slice(0, limit);
  }

  noteUriOf(entity: CorpusEntity): string | undefined {
    if (!entity.note) return undefined;
    for (const n of this.notes.values()) if (n.note === entity.note) return n.uri;
    return undefined;
  }

  /** The mention (and its entity) covering an offset, if any. */
  mentionAt(uri: string, offset: number): { article: IndexedArticle; index: number; mention: EntityMention; entityId: string } | undefined {
    const article = this.articles.get(uri);
    if (!article) return undefined;
    const index = findCovering(article.analysis.mentions, offset);
    if (index < 0) return undefined;
    return { article, index, mention: article.analysis.mentions[index], entityId: article.entityIds[index] ?? '' };
  }

  dateAt(uri: string, offset: number): DateMention | undefined {
    const article = this.articles.get(uri);
    if (!article) return undefined;
    const i = findCovering(article.analysis.dates, offset);
    return i >= 0 ? article.analysis.dates[i] : undefined;
  }

  quoteAt(uri: string, offset: number): Quote | undefined {
    const article = this.articles.get(uri);
    if (!article) return undefined;
    // Quotes are few per article; innermost wins.
    let best: Quote | undefined;
    for (const q of article.analysis.quotes) if (q.start <= offset && offset < q.end && (!best || q.end - q.start < best.end - best.start)) best = q;
    return best;
  }

  /** Dated mentions of the corpus sharing a value prefix (same day, month or year). */
  datesWithValue(prefix: string): Array<{ uri: string; date: DateMention }> {
    const out: Array<{ uri: string; date: DateMention }> = [];
    for (const a of this.articles.values()) for (const d of a.analysis.dates) if (d.type === 'date' && d.value.startsWith(prefix)) out.push({ uri: a.uri, date: d });
    return out;
  }

  stats(): IndexStats {
    let mentions = 0;
    for (const a of this.articles.values()) mentions += a.analysis.mentions.length;
    return { articles: this.articles.size, notes: this.notes.size, entities: this.linking.entities.filter((e) => e.mentionCount > 0).length, mentions };
  }
}

/** Binary search over spans sorted by start, non-overlapping: the one containing offset. */
export function findCovering(spans: ReadonlyArray<{ start: number; end: number }>, offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  // Cursor right after the last character of a name still counts (as in VS Code's word hover).
  if (hi >= 0 && spans[hi].end === offset) return hi;
  return -1;
}
