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
import { slugify } from '../core/linking/nameKey';
import type { DateMention, EntityMention, Problem, Quote } from '../core/types';
import { decisionsFingerprint } from './readerDecisions';

export interface IndexedArticle {
  uri: string;
  /** Editor version when open, else -1 for the disk copy. */
  version: number;
  hash: string;
  document: TextDocument;
  analysis: ArticleAnalysis;
  /** Entity id per mention (parallel to analysis.mentions); '' until linked. */
  entityIds: string[];
  /** Fingerprint of the reader decisions the analysis was made under. */
  decisionsKey: string;
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

/** At most this many articles of one actor are read to rank its co-actors. */
const CO_OCCURRENCE_SAMPLE = 300;

export class CorpusIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly notes = new Map<string, IndexedNote>();
  private linking: CorpusLinking = { entities: [], byId: new Map(), assignment: [] };
  private mentionsByEntity = new Map<string, MentionLocation[]>();
  /** speaker entity id → quotations attributed to it. */
  private quotesByEntity = new Map<string, Array<{ uri: string; quote: Quote }>>();
  /** entity id → article URI → mentions there. */
  private perArticle = new Map<string, Map<string, number>>();
  /** What each article added to the corpus maps, so an edit can take it back. */
  private readonly contributions = new Map<string, { counts: Map<string, number>; spellings: Array<[string, string]> }>();
  /** Notes or reader decisions changed since the last link: only a full relink applies them. */
  private notesChanged = false;
  /** Articles changed since the last link. */
  private readonly pendingIncremental = new Set<string>();
  /** Co-occurrence rows, computed on demand and dropped when the links change. */
  private readonly cooccurrence = new Map<string, Map<string, number>>();
  /** Every dated mention of the corpus, sorted by value (built at relink). */
  private datesSorted: Array<{ value: string; uri: string; date: DateMention }> = [];
  /** Name key → entity id, from the last linking (for provisional ids of edited articles). */
  private entityIdByKey = new Map<string, string>();
  private dirty = false;
  private decisions: ReaderDecisions = NO_DECISIONS;
  private decisionsKey = decisionsFingerprint(NO_DECISIONS);
  private readonly listeners: IndexListener[] = [];

  /** True while the initial scan runs: counts on cards are partial. */
  scanning = false;

  constructor(private readonly components: AnalysisComponents) {}

  onDidRelink(listener: IndexListener): void {
    this.listeners.push(listener);
  }

  /** Analyses one article (skipped when the content is unchanged). Returns it. */
  setArticle(uri: string, text: string, version = -1): IndexedArticle {
    const hash = contentHash(text);
    const existing = this.articles.get(uri);
    if (existing && existing.hash === hash && existing.decisionsKey === this.decisionsKey) {
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
      decisionsKey: this.decisionsKey,
    };
    this.articles.set(uri, article);
    this.dirty = true;
    this.pendingIncremental.add(uri);
    return article;
  }

  /** Adds an article analysed elsewhere (a worker or the cache). */
  putAnalysed(uri: string, text: string, hash: string, analysis: ArticleAnalysis, decisionsKey: string): IndexedArticle {
    const article: IndexedArticle = { uri, version: -1, hash, document: TextDocument.create(uri, 'article', 0, text), analysis, entityIds: this.provisionalIds(analysis), decisionsKey };
    this.articles.set(uri, article);
    this.dirty = true;
    this.pendingIncremental.add(uri);
    return article;
  }

  /** True when the article is indexed with exactly this content. */
  hasContent(uri: string, hash: string): boolean {
    const a = this.articles.get(uri);
    return !!a && a.hash === hash && a.decisionsKey === this.decisionsKey;
  }

  get readerDecisionsKey(): string {
    return this.decisionsKey;
  }

  get readerDecisions(): ReaderDecisions {
    return this.decisions;
  }

  setNote(uri: string, text: string, id: string): IndexedNote {
    const parsed = parseEntityNote(text, id);
    const entry: IndexedNote = { uri, document: TextDocument.create(uri, 'article', 0, text), note: parsed.note, problems: parsed.problems };
    this.notes.set(uri, entry);
    this.dirty = true;
    this.notesChanged = true;
    return entry;
  }

  remove(uri: string): boolean {
    const wasArticle = this.articles.delete(uri);
    const removed = wasArticle || this.notes.delete(uri);
    if (removed) this.dirty = true;
    if (wasArticle) this.pendingIncremental.add(uri);
    else if (removed) this.notesChanged = true;
    return removed;
  }

  /** Removes every document under a folder URI (a deleted folder). */
  removeUnder(prefix: string): number {
    const base = prefix.endsWith('/') ? prefix : prefix + '/';
    let n = 0;
    for (const uri of [...this.articles.keys(), ...this.notes.keys()]) if (uri.startsWith(base) && this.remove(uri)) n++;
    return n;
  }

  /**
   * Records the reader's decisions. Articles analysed under other decisions become stale: the
   * indexer re-analyses them (in workers, through the cache), never here on the main thread.
   * Returns whether anything changed.
   */
  setDecisions(decisions: ReaderDecisions): boolean {
    const key = decisionsFingerprint(decisions);
    if (key === this.decisionsKey) return false;
    this.decisions = decisions;
    this.decisionsKey = key;
    this.dirty = true;
    this.notesChanged = true;
    return true;
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
    this.linking = linking;
    this.mentionsByEntity = new Map();
    this.perArticle = new Map();
    this.quotesByEntity = new Map();
    this.datesSorted = [];
    ordered.forEach((article, d) => {
      const { mentions, clusterOf } = article.analysis;
      article.entityIds = mentions.map((_, i) => (clusterOf[i] >= 0 ? linking.assignment[d][clusterOf[i]] : ''));
      this.addContributions(article, false);
    });
    this.sortDates();
    const byKey = new Map<string, string>();
    for (const e of linking.entities) for (const k of e.keys) if (!byKey.has(k)) byKey.set(k, e.id);
    this.entityIdByKey = byKey;
    this.cooccurrence.clear();
    this.dirty = false;
    this.notesChanged = false;
    this.pendingIncremental.clear();
    for (const l of this.listeners) l();
  }

  /** Whether pending changes need a full relink (notes, decisions, or many articles at once). */
  get needsFullRelink(): boolean {
    return this.notesChanged || this.pendingIncremental.size > 50 || this.linking.entities.length === 0;
  }

  /**
   * Brings the corpus maps up to date for a few edited articles without relinking the corpus:
   * their old contributions are removed and their clusters resolved against the known entities
   * (unknown names become new entities). A full `relink` later may refine the result.
   */
  relinkIncremental(): void {
    for (const uri of this.pendingIncremental) {
      const old = this.contributions.get(uri);
      if (old) this.removeContributions(uri, old);
      const article = this.articles.get(uri);
      if (!article) continue;
      article.entityIds = this.provisionalIds(article.analysis, true);
      this.addContributions(article, true);
    }
    this.pendingIncremental.clear();
    this.cooccurrence.clear();
    this.dirty = false;
    for (const l of this.listeners) l();
  }

  private addContributions(article: IndexedArticle, keepDatesSorted: boolean): void {
    const { mentions } = article.analysis;
    const ids = article.entityIds;
    const counts = new Map<string, number>();
    for (let i = 0; i < mentions.length; i++) {
      const id = ids[i];
      if (!id) continue;
      let list = this.mentionsByEntity.get(id);
      if (!list) this.mentionsByEntity.set(id, (list = []));
      list.push({ uri: article.uri, start: mentions[i].start, end: mentions[i].end, index: i });
      counts.set(id, (counts.get(id) ?? 0) + 1);
      const e = this.linking.byId.get(id);
      if (e && keepDatesSorted) {
        e.spellings.set(mentions[i].text, (e.spellings.get(mentions[i].text) ?? 0) + 1);
      }
    }
    for (const [id, n] of counts) {
      let row = this.perArticle.get(id);
      if (!row) this.perArticle.set(id, (row = new Map()));
      row.set(article.uri, n);
      const e = this.linking.byId.get(id);
      if (e && keepDatesSorted) e.mentionCount += n;
    }
    const dates = article.analysis.dates.filter((d) => d.type === 'date').map((date) => ({ value: date.value, uri: article.uri, date }));
    if (keepDatesSorted) {
      for (const d of dates) this.datesSorted.splice(this.dateInsertionPoint(d.value), 0, d);
    } else for (const d of dates) this.datesSorted.push(d);
    for (const quote of article.analysis.quotes) {
      const id = this.speakerId(article, quote);
      if (!id) continue;
      let list = this.quotesByEntity.get(id);
      if (!list) this.quotesByEntity.set(id, (list = []));
      list.push({ uri: article.uri, quote });
      counts.set(id, counts.get(id) ?? 0);
    }
    this.contributions.set(article.uri, { counts, spellings: mentions.map((m, i) => (ids[i] ? [ids[i], m.text] : undefined)).filter((x): x is [string, string] => !!x) });
  }

  private removeContributions(uri: string, old: { counts: Map<string, number>; spellings: Array<[string, string]> }): void {
    for (const [id, n] of old.counts) {
      const list = this.mentionsByEntity.get(id);
      if (list) this.mentionsByEntity.set(id, list.filter((m) => m.uri !== uri));
      const quotes = this.quotesByEntity.get(id);
      if (quotes) this.quotesByEntity.set(id, quotes.filter((q) => q.uri !== uri));
      this.perArticle.get(id)?.delete(uri);
      const e = this.linking.byId.get(id);
      if (e) e.mentionCount = Math.max(0, e.mentionCount - n);
    }
    for (const [id, spelling] of old.spellings) {
      const e = this.linking.byId.get(id);
      if (!e) continue;
      const left = (e.spellings.get(spelling) ?? 0) - 1;
      if (left > 0) e.spellings.set(spelling, left);
      else e.spellings.delete(spelling);
    }
    this.datesSorted = this.datesSorted.filter((d) => d.uri !== uri);
    this.contributions.delete(uri);
  }

  private sortDates(): void {
    this.datesSorted.sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  }

  private dateInsertionPoint(value: string): number {
    let lo = 0;
    let hi = this.datesSorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.datesSorted[mid].value <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Ids usable before the next relink: the entity a cluster's key already resolves to. */
  private provisionalIds(analysis: ArticleAnalysis, createMissing = false): string[] {
    const byCluster = analysis.clusters.map((cluster) => {
      for (const key of cluster.keys) {
        const id = this.entityIdByKey.get(key);
        if (id) return id;
      }
      if (!createMissing) return '';
      return this.createEntity(cluster);
    });
    return analysis.mentions.map((_, i) => byCluster[analysis.clusterOf[i]] ?? '');
  }

  /** A new corpus entity for a name first seen in an edit (until the next full relink). */
  private createEntity(cluster: ArticleAnalysis['clusters'][number]): string {
    const base = slugify(cluster.key);
    let id = base;
    for (let n = 2; this.linking.byId.has(id); n++) id = `${base}-${n}`;
    const name = [...cluster.spellings.keys()].sort((a, b) => b.length - a.length)[0]?.replace(/['’]s$/, '') ?? cluster.key;
    const entity: CorpusEntity = { id, name, type: cluster.type, spellings: new Map(), keys: new Set(cluster.keys), roles: new Map(cluster.roles.map((r) => [r, 1])), mentionCount: 0, documents: new Set() };
    this.linking.entities.push(entity);
    this.linking.byId.set(id, entity);
    for (const k of cluster.keys) if (!this.entityIdByKey.has(k)) this.entityIdByKey.set(k, id);
    return id;
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

  /** Actors most often in the same articles as this one (computed on demand, cached until the links change). */
  cooccurring(id: string, limit = 5): Array<{ entity: CorpusEntity; articles: number }> {
    let row = this.cooccurrence.get(id);
    if (!row) {
      row = new Map();
      // For very frequent actors a sample of their articles ranks co-actors well enough and keeps
      // the first hover fast (the counts shown are then a lower bound).
      let seen = 0;
      for (const uri of this.perArticle.get(id)?.keys() ?? []) {
        if (++seen > CO_OCCURRENCE_SAMPLE) break;
        const article = this.articles.get(uri);
        if (!article) continue;
        for (const other of new Set(article.entityIds)) if (other && other !== id) row.set(other, (row.get(other) ?? 0) + 1);
      }
      if (this.cooccurrence.size > 2000) this.cooccurrence.clear();
      this.cooccurrence.set(id, row);
    }
    return [...row.entries()]
      .map(([other, n]) => ({ entity: this.linking.byId.get(other)!, articles: n }))
      .filter((x) => x.entity)
      .sort((a, b) => b.articles - a.articles || b.entity.mentionCount - a.entity.mentionCount)
      .slice(0, limit);
  }

  /** The entity a quotation's speaker span names, if any. */
  speakerId(article: IndexedArticle, quote: Quote): string {
    if (!quote.speaker || quote.speaker.start === undefined) return '';
    const i = findCovering(article.analysis.mentions, quote.speaker.start);
    return i >= 0 ? article.entityIds[i] ?? '' : '';
  }

  /** Every quotation attributed to the entity, in corpus order. */
  quotesOf(id: string): ReadonlyArray<{ uri: string; quote: Quote }> {
    return this.quotesByEntity.get(id) ?? [];
  }

  /** Article URI → number of mentions of the entity there. */
  articlesOf(id: string): ReadonlyMap<string, number> {
    return this.perArticle.get(id) ?? new Map();
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
  datesWithValue(prefix: string, limit = 1000): Array<{ uri: string; date: DateMention }> {
    // Binary search for the first value >= prefix, then walk while the prefix matches.
    const list = this.datesSorted;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].value < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: Array<{ uri: string; date: DateMention }> = [];
    for (let i = lo; i < list.length && out.length < limit && list[i].value.startsWith(prefix); i++) out.push({ uri: list[i].uri, date: list[i].date });
    return out;
  }

  /** All dated mentions in time order (from the last relink). */
  allDates(): ReadonlyArray<{ value: string; uri: string; date: DateMention }> {
    return this.datesSorted;
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
