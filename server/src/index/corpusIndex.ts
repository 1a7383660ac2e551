/**
 * The corpus index: every article's analysis, the entity notes, and the corpus-wide entities with
 * their mentions. Analysis is per document (cached by content); corpus linking is recomputed from
 * the documents' clusters (cheap: clusters, not text) whenever the set changes, off the request path.
 * Queries only read prepared maps.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisComponents, ArticleAnalysis, ReaderDecisions } from '../core/analyzeArticle';
import type { CorpusEntity, CorpusLinking } from '../core/linking/corpusEntities';
import type { DateMention, Quote } from '../core/types';
import type { LoadedSnapshot, SnapshotSource } from './corpusSnapshot';
import { compactAnalysis, type CompactAnalysis } from './compactAnalysis';
import { ArticleEntry } from './articleEntry';
import { CorpusMaps, speakerId, type Contribution } from './corpusMaps';
import { StoredText } from './storedText';
import { articlesInLinkOrder, notesFingerprint, parsedNotes, snapshotSourceOf } from './linkInputs';
import { contentHash, type IndexedArticle, type IndexedNote, type IndexListener, type IndexStats, type MentionLocation } from './indexedTypes';
import { CooccurrenceRow, type CoActor, type SampledArticle } from './cooccurrence';
import { publicationKey } from './publicationKey';
import { allMentions, cooccurrenceSample, firstMention, mentionsIn, type ViewSource } from './entityViews';
import { DateGroups, type DateEntry } from './dateGroups';
import { EntityMemo, type EntityArticleChange } from './entityMemo';
import { analyzeArticleModule, corpusEntitiesModule, entityNoteModule } from './lazyCore';
import { decisionsFingerprint } from './readerDecisions';
import { ProvisionalLinks } from './provisionalLinks';
import { MentionHit } from './mentionHit';
import { computeLinkedMaps, type LinkedMaps } from './linkedMaps';

/** No decisions yet (equivalent to the core's NO_DECISIONS, which is loaded later). */
const NO_DECISIONS: ReaderDecisions = { ignored: new Set(), types: new Map() };

export type { DateEntry } from './dateGroups';
export { findCovering, MentionHit } from './mentionHit';
export type { IndexedArticle, IndexedNote, IndexListener, IndexStats, MentionLocation } from './indexedTypes';
export { contentHash, utf8ContentHash } from './indexedTypes';

/**
 * A document for an article's text: UTF-8 bytes, its line table made while a cold scan indexes it
 * or, after a warm start, in slices after ready (references of a frequent actor touch a thousand
 * articles at once; see `WorkspaceIndexer.prepareDocuments`).
 */
function articleDocument(uri: string, version: number, text: string | Buffer): TextDocument {
  return new StoredText(uri, 'article', version, text);
}

export class CorpusIndex {
  private readonly articles = new Map<string, ArticleEntry>();
  private readonly notes = new Map<string, IndexedNote>();
  private linking: CorpusLinking = { entities: [], byId: new Map(), assignment: [] };
  /** What the articles add to the corpus maps (entity → articles, quotes by speaker, dates), per article. */
  private readonly maps = new CorpusMaps({
    entity: (id) => this.linking.byId.get(id),
    entityNumber: (id) => this.entityNumbers.get(id),
    articleAt: (slot) => this.slots[slot],
    slotOf: (uri) => this.slotOf.get(uri),
  });
  /** Notes or reader decisions changed since the last link: only a full relink applies them. */
  private notesChanged = false;
  /** Articles changed since the last link. */
  private readonly pendingIncremental = new Set<string>();
  /**
   * Values derived from one entity's corpus data (co-occurrence rows, hover card parts, reference
   * locations), computed on first use: a full relink drops them all, an edited article patches
   * those of the entities it names (before and after the edit; entityMemo.ts).
   */
  private readonly memo = new EntityMemo<CorpusIndex>();
  /** The last full link's corpus maps (linkedMaps.ts), which a snapshot stores. */
  private linkedMaps: LinkedMaps | undefined;
  /** Entity id → dense number (position in the linking's entity list), for counting in typed arrays. */
  private entityNumbers = new Map<string, number>();
  /** Articles by slot (a slot is given to each article put in the index; undefined once replaced or removed). */
  private readonly slots: Array<ArticleEntry | undefined> = [];
  /** Slot of each indexed article. */
  private readonly slotOf = new Map<string, number>();
  /** Publication keys by slot, 0 until read (`publicationKeyAt`). */
  private publicationKeys = new Int32Array(0);
  /** What the entity views read (entityViews.ts). */
  private readonly views: ViewSource = {
    visitArticles: (id, visit) => this.maps.visitArticles(id, visit),
    article: (uri) => this.articles.get(uri),
    contributedEntities: (uri) => (this.articles.has(uri) ? this.maps.entitiesOf(uri) : undefined),
  };
  private get dates(): DateGroups {
    return this.maps.dates;
  }
  /** Entity ids of articles edited since the last full link (provisionalLinks.ts). */
  private readonly provisional = new ProvisionalLinks();
  private dirty = false;
  /** The index is exactly the result of the last full relink (what a snapshot may record). */
  private fullyLinked = false;
  /** Mentions in all indexed articles. */
  private mentionTotal = 0;
  private changeCount = 0;
  private decisions: ReaderDecisions = NO_DECISIONS;
  private decisionsKey = decisionsFingerprint(NO_DECISIONS);
  private readonly listeners: IndexListener[] = [];

  private scanningNow = false;

  /** True while the initial scan runs: counts on cards are partial. */
  get scanning(): boolean {
    return this.scanningNow;
  }

  set scanning(value: boolean) {
    if (value !== this.scanningNow) this.changeCount++;
    this.scanningNow = value;
  }

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
        existing.document = articleDocument(uri, Math.max(0, version), text);
      }
      return existing;
    }
    const document = articleDocument(uri, Math.max(0, version), text);
    const analysis = compactAnalysis(analyzeArticleModule().analyzeArticle(text, this.components, { decisions: this.decisions }), () => document.getText());
    this.changed(uri);
    const article = new ArticleEntry(uri, version, hash, document, analysis, this.decisionsKey);
    article.link(this.provisionalIds(analysis));
    this.putArticle(article);
    this.markDirty();
    this.pendingIncremental.add(uri);
    return article;
  }

  /** Adds or replaces an article, keeping the corpus's mention total (the status line shows it after every edit). */
  private putArticle(article: ArticleEntry): void {
    const old = this.articles.get(article.uri);
    if (old) this.mentionTotal -= old.analysis.columns.mentionCount;
    this.mentionTotal += article.analysis.columns.mentionCount;
    this.articles.set(article.uri, article);
    this.freeSlot(article.uri);
    this.slotOf.set(article.uri, this.slots.length);
    this.slots.push(article);
  }

  private freeSlot(uri: string): void {
    const slot = this.slotOf.get(uri);
    if (slot === undefined) return;
    this.slots[slot] = undefined;
    this.slotOf.delete(uri);
  }

  /**
   * Analyses one indexed article's text and drops the result: the first analysis on this thread
   * loads the recognizers and runs the analysis code unoptimized, which an edit should not pay for.
   */
  warmUpAnalysis(): void {
    const first = this.articles.values().next();
    const text = first.done ? '' : first.value.document.getText().slice(0, 20_000);
    analyzeArticleModule().analyzeArticle(text, this.components, { decisions: this.decisions });
  }

  /**
   * Adds an article analysed elsewhere (a worker, the cache or the snapshot); `text` may be its exact
   * UTF-8 bytes. `version`: the editor's version of an open article (-1: read from disk).
   * `relinkAtOnce` (an edit): when an incremental relink applies, it runs now and links the article
   * (its clusters are resolved once, not once here and again by `relinkIncremental`); the index is
   * then no longer dirty. Otherwise the article takes the ids its clusters already resolve to.
   */
  putAnalysed(uri: string, text: string | Buffer, hash: string, analysed: ArticleAnalysis, decisionsKey: string, version = -1, relinkAtOnce = false): IndexedArticle {
    const document = articleDocument(uri, Math.max(0, version), text);
    const analysis = compactAnalysis(analysed, () => document.getText());
    const article = new ArticleEntry(uri, version, hash, document, analysis, decisionsKey);
    this.changed(uri);
    this.putArticle(article);
    this.markDirty();
    this.pendingIncremental.add(uri);
    if (relinkAtOnce && !this.needsFullRelink) this.relinkIncremental();
    else article.link(this.provisionalIds(analysis));
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
    const parsed = entityNoteModule().parseEntityNote(text, id);
    const entry: IndexedNote = { uri, document: TextDocument.create(uri, 'article', 0, text), note: parsed.note, problems: parsed.problems };
    this.notes.set(uri, entry);
    this.changeCount++;
    this.markDirty();
    this.notesChanged = true;
    return entry;
  }

  remove(uri: string): boolean {
    if (this.articles.has(uri) || this.notes.has(uri)) this.changed(uri);
    const gone = this.articles.get(uri);
    if (gone) this.mentionTotal -= gone.analysis.columns.mentionCount;
    this.freeSlot(uri);
    const wasArticle = this.articles.delete(uri);
    const removed = wasArticle || this.notes.delete(uri);
    if (removed) this.markDirty();
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
    this.changeCount++;
    this.markDirty();
    this.notesChanged = true;
    return true;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /**
   * Counts every change the queries can see (an article or note set or removed, a relink): a value
   * derived from the whole index may be reused while it is unchanged.
   */
  get changes(): number {
    return this.changeCount;
  }

  /** Something the linking depends on changed: a relink is due, and the index no longer is a full relink's result. */
  private markDirty(): void {
    this.dirty = true;
    this.fullyLinked = false;
  }

  /** An article is about to change: what was derived from the entities it named is set aside until the change is applied. */
  private changed(uri: string): void {
    this.changeCount++;
    const old = this.maps.contribution(uri);
    if (old) for (const id of old.ids) this.memo.suspend(id);
  }

  /** Recomputes corpus-wide entities from the documents' clusters. Cheap relative to analysis. */
  relink(): void {
    const ordered = articlesInLinkOrder(this.articles);
    const notes = parsedNotes(this.notes);
    this.applyLinking(ordered, corpusEntitiesModule().linkCorpus(
      ordered.map((a) => a.analysis.clusters),
      notes,
    ));
  }

  /**
   * Takes the corpus linking from a snapshot instead of recomputing it, when the snapshot was made
   * from exactly these articles, notes and reader decisions (the result is then what `relink`
   * would compute). Returns false, changing nothing, otherwise.
   */
  restoreLinking(snapshot: LoadedSnapshot): boolean {
    if (snapshot.decisionsKey !== this.decisionsKey || snapshot.notesKey !== this.notesKey()) return false;
    const hashes = new Map<string, string>();
    for (const a of this.articles.values()) hashes.set(a.uri, a.hash);
    if (!snapshot.sameArticles(hashes)) return false;
    const notes = parsedNotes(this.notes);
    const restored = snapshot.linking(new Map(notes.map((n) => [n.id, n])));
    if (!restored) return false;
    const ordered = articlesInLinkOrder(this.articles);
    if (restored.assignment.some((row, d) => row.length !== ordered[d].analysis.clusterCount)) return false;
    const byId = new Map(restored.entities.map((e) => [e.id, e]));
    this.applyLinking(ordered, { entities: restored.entities, byId, assignment: restored.assignment }, restored.numbers, snapshot.linkedMaps(restored.entities.length));
    return true;
  }

  /**
   * What a snapshot is made of, when the index is exactly the result of a full relink (no change
   * since); undefined otherwise.
   */
  snapshotSource(): SnapshotSource | undefined {
    if (!this.fullyLinked || !this.linkedMaps) return undefined;
    return snapshotSourceOf(articlesInLinkOrder(this.articles), this.linking, this.linkedMaps, this.decisionsKey, this.notesKey());
  }

  /** True while the index is exactly the result of the last full relink. */
  get isFullyLinked(): boolean {
    return this.fullyLinked;
  }

  /** A fingerprint of the notes (their URIs and contents). */
  notesKey(): string {
    return notesFingerprint(this.notes);
  }

  /**
   * Makes the corpus maps from a full linking. `numbers`, when given, holds each assignment row as
   * entity numbers (-1 for none): a restored snapshot has them, so no id is looked up by its string;
   * `linkedMaps`, when given, are the maps a snapshot stored for exactly this linking (else computed).
   */
  private applyLinking(ordered: ArticleEntry[], linking: CorpusLinking, numbers?: readonly Int32Array[], linkedMaps?: LinkedMaps): void {
    this.linking = linking;
    this.entityNumbers = new Map(linking.entities.map((e, n) => [e.id, n]));
    const rows = numbers ?? linking.assignment.map((row) => this.numbersOf(row));
    ordered.forEach((article, d) => article.link(linking.assignment[d]));
    this.linkedMaps = linkedMaps ?? computeLinkedMaps(ordered, rows, linking.entities.length);
    this.maps.installLink(ordered, rows, this.linkedMaps, linking.entities);
    this.provisional.reset(linking.entities);
    this.memo.clear();
    this.changeCount++;
    this.dirty = false;
    this.notesChanged = false;
    this.pendingIncremental.clear();
    this.fullyLinked = true;
    for (const l of this.listeners) l();
  }

  /** The entity number of each id of an assignment row (-1 for none, or for an id that is no entity). */
  private numbersOf(row: readonly string[]): Int32Array {
    const out = new Int32Array(row.length);
    for (let c = 0; c < row.length; c++) out[c] = row[c] ? this.entityNumbers.get(row[c]) ?? -1 : -1;
    return out;
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
    this.fullyLinked = false;
    for (const uri of this.pendingIncremental) {
      const old = this.maps.remove(uri);
      const article = this.articles.get(uri);
      if (article) {
        article.link(this.provisionalIds(article.analysis, true));
        this.maps.add(article);
      }
      this.patchMemo(uri, old, article ? this.maps.contribution(uri) : undefined);
    }
    this.pendingIncremental.clear();
    this.changeCount++;
    this.dirty = false;
    for (const l of this.listeners) l();
  }

  /** The kept values of each entity the article names (before or after its change) are brought up to date. */
  private patchMemo(uri: string, old: Contribution | undefined, now: Contribution | undefined): void {
    const before = new Map<string, number>();
    if (old) for (let k = 0; k < old.ids.length; k++) before.set(old.ids[k], old.counts[k]);
    const change = (id: string, was: number, is: number): EntityArticleChange => ({ id, uri, before: was, after: is });
    if (now) {
      for (let k = 0; k < now.ids.length; k++) {
        const id = now.ids[k];
        this.memo.patch(change(id, before.get(id) ?? 0, now.counts[k]), this);
        before.delete(id);
      }
    }
    for (const [id, was] of before) this.memo.patch(change(id, was, 0), this);
  }

  /** Ids usable before the next relink: the entity a cluster's key already resolves to (`createMissing`: or a new one). */
  private provisionalIds(analysis: CompactAnalysis, createMissing = false): readonly string[] {
    const added = (entity: CorpusEntity): void => void this.entityNumbers.set(entity.id, this.linking.entities.length - 1);
    return this.provisional.ids(() => analysis.clusters, this.linking, createMissing && added);
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

  /**
   * Every mention of the entity: its articles in the order they were added (an edited article's
   * last), each article's mentions in text order. Read from the articles' entity ids on first use
   * and kept (patched after an edit: entityViews.ts).
   */
  mentionsOf(id: string): readonly MentionLocation[] {
    return this.memo.get(id, 'mentionLocations', () => allMentions(this.views, id));
  }

  /** The entity's mentions in one article, in text order (appended to `out`). */
  mentionsIn(uri: string, id: string, out: MentionLocation[] = []): MentionLocation[] {
    return mentionsIn(this.views, uri, id, out);
  }

  /** The entity's first mention in `mentionsOf` order, without making the whole list. */
  firstMentionOf(id: string): MentionLocation | undefined {
    return firstMention(this.views, id);
  }

  /**
   * A value derived from one entity's corpus data (its mentions, articles, quotes and their
   * articles' content), computed on first use and kept until that data changes: after an edit of
   * an article naming the entity, the patch registered for `kind` (`definePatch` in
   * entityMemo.ts) brings it up to date, or it is dropped. `compute` must read nothing but the index.
   */
  entityMemo<T>(id: string, kind: string, compute: () => T): T {
    return this.memo.get(id, kind, compute);
  }

  /** Whether the value `kind` of entity `id` (see `entityMemo`) is kept now. */
  hasEntityMemo(id: string, kind: string): boolean {
    return this.memo.has(id, kind);
  }

  /**
   * Reads ahead what an actor's card reads of one of its articles (its metadata; with `sampled`, the
   * entities it adds to co-occurrence rows), so a warm-up can do it one article at a time.
   */
  prepareArticle(uri: string, sampled: boolean): void {
    const article = this.articles.get(uri);
    if (!article) return;
    void article.analysis.meta;
    if (sampled) this.views.contributedEntities(uri);
  }

  /** Actors most often in the same articles as this one (the row is kept, and patched after edits). */
  cooccurring(id: string, limit = 5): CoActor[] {
    const row = this.memo.get(id, 'cooccurrence', () => new CooccurrenceRow(this.entityNumbers.get(id) ?? -1, this.cooccurrenceSample(id)));
    return row.top(limit, this.linking.entities);
  }

  /** The articles an actor's co-occurrence row reads (entityViews.ts). */
  cooccurrenceSample(id: string): SampledArticle[] {
    return cooccurrenceSample(this.views, id);
  }

  /** The entity a quotation's speaker span names, if any. */
  speakerId(article: IndexedArticle, quote: Quote): string {
    return speakerId(article, quote);
  }

  /** Every quotation attributed to the entity, in corpus order. */
  quotesOf(id: string): ReadonlyArray<{ uri: string; quote: Quote }> {
    return this.maps.quotesOf(id);
  }

  /** How many quotations attributed to the entity are no scare quotes. */
  saidCount(id: string): number {
    return this.maps.saidCount(id);
  }

  /** Article URI → number of mentions of the entity there (made into a map and kept: prefer `visitArticlesOf`). */
  articlesOf(id: string): ReadonlyMap<string, number> {
    return this.maps.articleRow(id) ?? new Map();
  }

  /**
   * Calls `visit` for each article naming the entity, in corpus order, with its mentions there and
   * its slot (for `publicationKeyAt`), until it returns false.
   */
  visitArticlesOf(id: string, visit: (article: IndexedArticle, count: number, slot: number) => boolean | void): void {
    this.maps.visitArticles(id, visit);
  }

  /**
   * The publication key (publicationKey.ts) of `article`, the article in `slot`: read from its
   * metadata once, then from a dense array by slot (an article put in the index again gets a new slot).
   */
  publicationKeyAt(slot: number, article: IndexedArticle): number {
    if (slot >= this.publicationKeys.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.publicationKeys.length * 2, 1024));
      grown.set(this.publicationKeys);
      this.publicationKeys = grown;
    }
    let key = this.publicationKeys[slot];
    if (key === 0) this.publicationKeys[slot] = key = publicationKey(article.analysis.meta.date);
    return key;
  }

  /** How many articles name the entity. */
  articleCountOf(id: string): number {
    return this.maps.articleCount(id);
  }

  noteUriOf(entity: CorpusEntity): string | undefined {
    if (!entity.note) return undefined;
    for (const n of this.notes.values()) if (n.note === entity.note) return n.uri;
    return undefined;
  }

  /**
   * The mention (and its entity) covering an offset, if any. The mention object is made when first
   * read, without making (and keeping) the article's whole mention list: a hover on each of
   * thousands of articles would otherwise keep every mention of each, and the garbage collector
   * would copy them from the young generation, pausing requests (issue 7's hover tail).
   */
  mentionAt(uri: string, offset: number): MentionHit | undefined {
    const article = this.articles.get(uri);
    if (!article) return undefined;
    const index = article.analysis.columns.mentionCovering(offset);
    if (index < 0) return undefined;
    return new MentionHit(article, index, article.entityIdAt(index));
  }

  dateAt(uri: string, offset: number): DateMention | undefined {
    const article = this.articles.get(uri);
    if (!article) return undefined;
    const i = article.analysis.columns.dateCovering(offset);
    // Made alone (as `mentionAt`'s mention): the article's whole date list is not made and kept for one hover.
    return i >= 0 ? article.analysis.columns.dates(article.document.getText())[i] : undefined;
  }

  quoteAt(uri: string, offset: number): Quote | undefined {
    const article = this.articles.get(uri);
    if (!article) return undefined;
    // Quotes are few per article; innermost wins.
    let best: Quote | undefined;
    for (const q of article.analysis.quotes) if (q.start <= offset && offset < q.end && (!best || q.end - q.start < best.end - best.start)) best = q;
    return best;
  }

  /**
   * Dated mentions of the corpus sharing a value prefix (same day, month or year). Each entry's
   * date object is made when read (a date's hover card reads only the articles).
   */
  datesWithValue(prefix: string, limit = 1000): DateEntry[] {
    return this.dates.withValue(prefix, limit);
  }

  /** All dated mentions in time order (equal values in corpus order). */
  allDates(): ReadonlyArray<DateEntry> {
    return this.dates.all();
  }

  stats(): IndexStats {
    return { articles: this.articles.size, notes: this.notes.size, entities: this.maps.liveEntities, mentions: this.mentionTotal };
  }
}
