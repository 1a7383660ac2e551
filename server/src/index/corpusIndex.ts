/**
 * The corpus index: every article's analysis, the entity notes, and the corpus-wide entities with
 * their mentions. Analysis is per document (cached by content); corpus linking is recomputed from
 * the documents' clusters (cheap: clusters, not text) whenever the set changes, off the request path.
 * Queries only read prepared maps.
 */
import { createHash } from 'crypto';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisComponents, ArticleAnalysis, ReaderDecisions } from '../core/analyzeArticle';
import type { CorpusEntity, CorpusLinking, EntityNote } from '../core/linking/corpusEntities';
import { slugify } from '../core/linking/nameKey';
import type { DateMention, EntityMention, Problem, Quote } from '../core/types';
import type { LoadedSnapshot, SnapshotSource } from './corpusSnapshot';
import { compactAnalysis, type CompactAnalysis } from './compactAnalysis';
import { EntityArticleTable, EntityArticleTableBuilder } from './entityArticleTable';
import { ArticleEntry, mentionIds } from './articleEntry';
import { StoredText } from './storedText';
import { CooccurrenceRow, CO_OCCURRENCE_SAMPLE, NO_ENTITIES, type CoActor, type SampledArticle } from './cooccurrence';
import { DateGroups, type DateEntry } from './dateGroups';
import { definePatch, EntityMemo, type EntityArticleChange } from './entityMemo';
import { analyzeArticleModule, corpusEntitiesModule, entityNoteModule } from './lazyCore';
import { decisionsFingerprint } from './readerDecisions';

/** No decisions yet (equivalent to the core's NO_DECISIONS, which is loaded later). */
const NO_DECISIONS: ReaderDecisions = { ignored: new Set(), types: new Map() };

export interface IndexedArticle {
  uri: string;
  /** Editor version when open, else -1 for the disk copy. */
  version: number;
  hash: string;
  document: TextDocument;
  /** The outline and clusters are kept as bytes and parsed on each read (see compactAnalysis.ts). */
  analysis: CompactAnalysis;
  /** Entity id per mention (parallel to analysis.mentions); '' until linked. Made on first read (articleEntry.ts). */
  readonly entityIds: string[];
  /** The entity id of mention `i` ('' until linked), without making the list. */
  entityIdAt(i: number): string;
  /** Fingerprint of the reader decisions the analysis was made under. */
  readonly decisionsKey: string;
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

export type { DateEntry } from './dateGroups';

export interface IndexStats {
  articles: number;
  notes: number;
  entities: number;
  mentions: number;
}

export type IndexListener = () => void;

/** What one article added to the corpus maps. */
interface Contribution {
  /**
   * The entities it adds to: its linked entities in order of first mention, then the speakers of its
   * quotes not among them; `counts` holds its mentions of each (0 for those speakers).
   */
  ids: readonly string[];
  counts: Int32Array;
  /** The article's slot when it was added. */
  slot: number;
  /** How many date codes it added to the date groups. */
  dateCodes: number;
  /** The analysis and the entity id of each of its clusters as added (to take back their spellings). */
  analysis: CompactAnalysis;
  clusterIds: readonly string[];
  /** The article's distinct linked entities, as entity numbers, in order of first mention. */
  entities: Int32Array;
}

/**
 * A document for an article's text: UTF-8 bytes, its line table made while a cold scan indexes it
 * or, after a warm start, in slices after ready (references of a frequent actor touch a thousand
 * articles at once; see `WorkspaceIndexer.prepareDocuments`).
 */
function articleDocument(uri: string, version: number, text: string | Buffer): TextDocument {
  return new StoredText(uri, 'article', version, text);
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** `contentHash` of the text whose exact UTF-8 these bytes are (the same value, without decoding). */
export function utf8ContentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export class CorpusIndex {
  private readonly articles = new Map<string, ArticleEntry>();
  private readonly notes = new Map<string, IndexedNote>();
  private linking: CorpusLinking = { entities: [], byId: new Map(), assignment: [] };
  /** speaker entity id → quotations attributed to it. */
  private quotesByEntity = new Map<string, Array<{ uri: string; quote: Quote }>>();
  /** Scratch of `linkedCounts`: mentions per document cluster (left all zero), the clusters in order of first mention, and each entity number's output position (left all -1). */
  private clusterCounts = new Int32Array(256);
  private readonly firstMentions: number[] = [];
  private entitySlot = new Int32Array(0);
  /**
   * entity id → article URI → mentions there, for the entities read or changed since the last full
   * link (`articleRow` reads the others from `linkedRows`).
   */
  private perArticle = new Map<string, Map<string, number>>();
  /** The last full link's entity → articles table; a full link fills `linkedRowsBuilder` instead of maps. */
  private linkedRows: EntityArticleTable | undefined;
  private linkedRowsBuilder: EntityArticleTableBuilder | undefined;
  /** What each article added to the corpus maps, so an edit can take it back. */
  private readonly contributions = new Map<string, Contribution>();
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
  /** Entity id → dense number (position in the linking's entity list), for counting in typed arrays. */
  private entityNumbers = new Map<string, number>();
  /** Entities with at least one mention (the status line shows it after every edit). */
  private liveEntities = 0;
  /** Articles by slot (a slot is given to each article put in the index; undefined once replaced or removed). */
  private readonly slots: Array<ArticleEntry | undefined> = [];
  /** Slot of each indexed article. */
  private readonly slotOf = new Map<string, number>();
  /** The corpus's dated mentions by value. */
  private readonly dates = new DateGroups((slot) => this.slots[slot]);
  /** Name key → entity id, from the last linking (for provisional ids of edited articles). */
  private entityIdByKey = new Map<string, string>();
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
   */
  putAnalysed(uri: string, text: string | Buffer, hash: string, analysed: ArticleAnalysis, decisionsKey: string, version = -1): IndexedArticle {
    const document = articleDocument(uri, Math.max(0, version), text);
    const analysis = compactAnalysis(analysed, () => document.getText());
    const article = new ArticleEntry(uri, version, hash, document, analysis, decisionsKey);
    article.link(this.provisionalIds(analysis));
    this.changed(uri);
    this.putArticle(article);
    this.markDirty();
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
    const old = this.contributions.get(uri);
    if (old) for (const id of old.ids) this.memo.suspend(id);
  }

  /** Recomputes corpus-wide entities from the documents' clusters. Cheap relative to analysis. */
  relink(): void {
    const ordered = this.articlesInLinkOrder();
    const notes = this.parsedNotes();
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
    const notes = this.parsedNotes();
    const restored = snapshot.linking(new Map(notes.map((n) => [n.id, n])));
    if (!restored) return false;
    const ordered = this.articlesInLinkOrder();
    if (restored.assignment.some((row, d) => row.length !== ordered[d].analysis.clusterCount)) return false;
    const byId = new Map(restored.entities.map((e) => [e.id, e]));
    this.applyLinking(ordered, { entities: restored.entities, byId, assignment: restored.assignment }, restored.numbers);
    return true;
  }

  /**
   * What a snapshot is made of, when the index is exactly the result of a full relink (no change
   * since); undefined otherwise.
   */
  snapshotSource(): SnapshotSource | undefined {
    if (!this.fullyLinked) return undefined;
    const ordered = this.articlesInLinkOrder();
    return {
      decisionsKey: this.decisionsKey,
      notesKey: this.notesKey(),
      // A text is decoded only if its line needs it (the index's compact analyses do not; all at once they would take ~130 MB at 10,000 articles).
      articles: ordered.map((a, d) => ({
        uri: a.uri,
        hash: a.hash,
        get text() {
          return a.document.getText();
        },
        analysis: a.analysis,
        assignment: this.linking.assignment[d],
      })),
      entities: this.linking.entities,
    };
  }

  /** True while the index is exactly the result of the last full relink. */
  get isFullyLinked(): boolean {
    return this.fullyLinked;
  }

  /** A fingerprint of the notes (their URIs and contents). */
  notesKey(): string {
    const h = createHash('sha1');
    for (const uri of [...this.notes.keys()].sort()) h.update(uri).update('\0').update(this.notes.get(uri)!.document.getText()).update('\0');
    return h.digest('hex');
  }

  private articlesInLinkOrder(): ArticleEntry[] {
    return [...this.articles.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  private parsedNotes(): EntityNote[] {
    const notes = [...this.notes.values()].map((n) => n.note).filter((n): n is EntityNote => !!n);
    notes.sort((a, b) => (a.id < b.id ? -1 : 1));
    return notes;
  }

  /**
   * Makes the corpus maps from a full linking. `numbers`, when given, holds each assignment row as
   * entity numbers (-1 for none): a restored snapshot has them, so no id is looked up by its string.
   */
  private applyLinking(ordered: ArticleEntry[], linking: CorpusLinking, numbers?: readonly Int32Array[]): void {
    this.linking = linking;
    this.entityNumbers = new Map(linking.entities.map((e, n) => [e.id, n]));
    this.perArticle = new Map();
    this.linkedRows = undefined;
    this.linkedRowsBuilder = new EntityArticleTableBuilder();
    this.quotesByEntity = new Map();
    this.dates.clear();
    if (this.entitySlot.length < linking.entities.length) this.entitySlot = new Int32Array(Math.max(1024, linking.entities.length * 2)).fill(-1);
    ordered.forEach((article, d) => {
      const row = linking.assignment[d];
      article.link(row);
      this.addContributions(article, false, numbers?.[d] ?? this.numbersOf(row));
    });
    this.linkedRows = this.linkedRowsBuilder!.build(linking.entities.length);
    this.linkedRowsBuilder = undefined;
    this.dates.finishLink();
    let live = 0;
    for (const e of linking.entities) if (e.mentionCount > 0) live++;
    this.liveEntities = live;
    const byKey = new Map<string, string>();
    for (const e of linking.entities) for (const k of e.keys) if (!byKey.has(k)) byKey.set(k, e.id);
    this.entityIdByKey = byKey;
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
      const old = this.contributions.get(uri);
      if (old) this.removeContributions(uri, old);
      const article = this.articles.get(uri);
      if (article) {
        article.link(this.provisionalIds(article.analysis, true));
        this.addContributions(article, true);
      }
      this.patchMemo(uri, old, article ? this.contributions.get(uri) : undefined);
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

  /**
   * An edited article's mentions per entity, in order of first mention; the entity's spellings gain
   * the article's (a full link counts them itself).
   */
  private incrementalCounts(article: ArticleEntry): Map<string, number> {
    const ids = article.entityIds;
    const counts = new Map<string, number>();
    const mentions = article.analysis.mentions;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!id) continue;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      const e = this.linking.byId.get(id);
      if (e) e.spellings.set(mentions[i].text, (e.spellings.get(mentions[i].text) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * After a full link, the article's mentions per entity in order of first mention, into `ids` and
   * `counts`. Every mention of a document cluster has the cluster's entity, so mentions are counted
   * per cluster and clusters per entity number in typed arrays, with no map (a warm start does this
   * for every article). `numbers`: the entity number of each cluster (-1: none or no entity).
   */
  private linkedCounts(article: ArticleEntry, numbers: Int32Array, ids: string[], counts: number[], idNumbers: number[]): void {
    const { cluster, mentionCount } = article.analysis.columns;
    const row = article.clusterIds;
    const first = this.firstMentions;
    first.length = 0;
    let perCluster = this.clusterCounts;
    for (let i = 0; i < mentionCount; i++) {
      const c = cluster[i];
      if (c < 0 || !row[c]) continue;
      if (c >= perCluster.length) {
        const grown = new Int32Array(Math.max(c + 1, perCluster.length * 2));
        grown.set(perCluster);
        this.clusterCounts = perCluster = grown;
      }
      if (perCluster[c]++ === 0) first.push(c);
    }
    // Position of each entity number in the output (-1: not yet); ids that are no entity (never in a
    // full link, but kept exact) are merged by a search over the few outputs.
    const at = this.entitySlot;
    for (const c of first) {
      const n = perCluster[c];
      perCluster[c] = 0;
      const number = c < numbers.length ? numbers[c] : -1;
      const k = number >= 0 ? at[number] : ids.indexOf(row[c]);
      if (k >= 0) counts[k] += n;
      else {
        if (number >= 0) at[number] = ids.length;
        ids.push(row[c]);
        counts.push(n);
        idNumbers.push(number);
      }
    }
    for (const number of idNumbers) if (number >= 0) at[number] = -1;
  }

  private addContributions(article: ArticleEntry, incremental: boolean, numbers?: Int32Array): void {
    const { analysis } = article;
    const ids: string[] = [];
    const counts: number[] = [];
    const idNumbers: number[] = [];
    if (numbers) this.linkedCounts(article, numbers, ids, counts, idNumbers);
    else {
      for (const [id, n] of this.incrementalCounts(article)) {
        ids.push(id);
        counts.push(n);
        idNumbers.push(this.entityNumbers.get(id) ?? -1);
      }
    }
    // The article's distinct entities in order of first mention (the counts' order), as numbers (for co-occurrence rows).
    const entities = new Int32Array(ids.length);
    let distinct = 0;
    const slot = this.slotOf.get(article.uri) ?? -1;
    const builder = incremental ? undefined : this.linkedRowsBuilder;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      const n = counts[k];
      const number = idNumbers[k];
      if (number >= 0) entities[distinct++] = number;
      if (builder && number >= 0 && slot >= 0) builder.add(number, slot, n);
      else {
        let row = this.articleRow(id);
        if (!row) this.perArticle.set(id, (row = new Map()));
        row.set(article.uri, n);
      }
      if (!incremental) continue;
      const e = this.linking.byId.get(id);
      if (!e) continue;
      if (e.mentionCount === 0 && n > 0) this.liveEntities++;
      e.mentionCount += n;
    }
    const dateCodes = slot >= 0 ? this.dates.add(slot, analysis, incremental) : 0;
    const linkedIds = distinct;
    for (const quote of analysis.quotes) {
      const id = this.speakerId(article, quote);
      if (!id) continue;
      let list = this.quotesByEntity.get(id);
      if (!list) this.quotesByEntity.set(id, (list = []));
      list.push({ uri: article.uri, quote });
      if (!ids.includes(id)) {
        ids.push(id);
        counts.push(0);
      }
    }
    this.contributions.set(article.uri, {
      ids,
      counts: Int32Array.from(counts),
      analysis,
      clusterIds: article.clusterIds,
      slot,
      dateCodes,
      entities: linkedIds === entities.length ? entities : entities.slice(0, linkedIds),
    });
  }

  private removeContributions(uri: string, old: Contribution): void {
    for (let k = 0; k < old.ids.length; k++) {
      const id = old.ids[k];
      const quotes = this.quotesByEntity.get(id);
      if (quotes) this.quotesByEntity.set(id, quotes.filter((q) => q.uri !== uri));
      this.articleRow(id)?.delete(uri);
      const e = this.linking.byId.get(id);
      if (!e) continue;
      const was = e.mentionCount;
      e.mentionCount = Math.max(0, was - old.counts[k]);
      if (was > 0 && e.mentionCount === 0) this.liveEntities--;
    }
    const linked = old.clusterIds.some((id) => id);
    const mentions = linked ? old.analysis.mentions : [];
    const ids = linked ? mentionIds(old.analysis.columns, old.clusterIds) : [];
    for (let i = 0; i < mentions.length; i++) {
      const e = ids[i] ? this.linking.byId.get(ids[i]) : undefined;
      if (!e) continue;
      const spelling = mentions[i].text;
      const left = (e.spellings.get(spelling) ?? 0) - 1;
      if (left > 0) e.spellings.set(spelling, left);
      else e.spellings.delete(spelling);
    }
    this.dates.remove(old.slot, old.dateCodes);
    this.contributions.delete(uri);
  }

  /** Ids usable before the next relink: the entity a cluster's key already resolves to. */
  private provisionalIds(analysis: CompactAnalysis, createMissing = false): readonly string[] {
    // Nothing linked yet (the initial scan): no cluster can resolve, and reading them costs a parse.
    if (this.entityIdByKey.size === 0 && !createMissing) return [];
    return analysis.clusters.map((cluster) => {
      for (const key of cluster.keys) {
        const id = this.entityIdByKey.get(key);
        if (id) return id;
      }
      if (!createMissing) return '';
      return this.createEntity(cluster);
    });
  }

  /** A new corpus entity for a name first seen in an edit (until the next full relink). */
  private createEntity(cluster: ArticleAnalysis['clusters'][number]): string {
    const base = slugify(cluster.key);
    let id = base;
    for (let n = 2; this.linking.byId.has(id); n++) id = `${base}-${n}`;
    const name = [...cluster.spellings.keys()].sort((a, b) => b.length - a.length)[0]?.replace(/['’]s$/, '') ?? cluster.key;
    const entity: CorpusEntity = { id, name, type: cluster.type, spellings: new Map(), keys: new Set(cluster.keys), roles: new Map(cluster.roles.map((r) => [r, 1])), mentionCount: 0, documents: new Set() };
    this.entityNumbers.set(id, this.linking.entities.length);
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

  /**
   * Every mention of the entity: its articles in the order they were added (an edited article's
   * last), each article's mentions in text order. Read from the articles' entity ids on first use
   * and kept (patched after an edit: see `mentionLocations` below; no per-entity location lists
   * are held otherwise).
   */
  mentionsOf(id: string): readonly MentionLocation[] {
    return this.memo.get(id, 'mentionLocations', () => {
      const out: MentionLocation[] = [];
      for (const uri of this.articleRow(id)?.keys() ?? []) this.mentionsIn(uri, id, out);
      return out;
    });
  }

  /** The entity's mentions in one article, in text order (appended to `out`). */
  mentionsIn(uri: string, id: string, out: MentionLocation[] = []): MentionLocation[] {
    const article = this.articles.get(uri);
    if (!article) return out;
    const { mentionStart, mentionEnd } = article.analysis.columns;
    const ids = article.entityIds;
    for (let i = 0; i < ids.length; i++) if (ids[i] === id) out.push({ uri, start: mentionStart[i], end: mentionEnd[i], index: i });
    return out;
  }

  /** The entity's first mention in `mentionsOf` order, without making the whole list. */
  firstMentionOf(id: string): MentionLocation | undefined {
    for (const uri of this.articleRow(id)?.keys() ?? []) {
      const article = this.articles.get(uri);
      if (!article) continue;
      const i = article.entityIds.indexOf(id);
      if (i >= 0) return { uri, start: article.analysis.columns.mentionStart[i], end: article.analysis.columns.mentionEnd[i], index: i };
    }
    return undefined;
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

  /** Actors most often in the same articles as this one (the row is kept, and patched after edits). */
  cooccurring(id: string, limit = 5): CoActor[] {
    const row = this.memo.get(id, 'cooccurrence', () => new CooccurrenceRow(this.entityNumbers.get(id) ?? -1, this.cooccurrenceSample(id)));
    return row.top(limit, this.linking.entities);
  }

  /**
   * The articles an actor's co-occurrence row reads: its first `CO_OCCURRENCE_SAMPLE` articles in
   * corpus order, each with its distinct linked entities (none for an article no longer indexed).
   */
  cooccurrenceSample(id: string): SampledArticle[] {
    const out: SampledArticle[] = [];
    for (const uri of this.articleRow(id)?.keys() ?? []) {
      if (out.length === CO_OCCURRENCE_SAMPLE) break;
      const entities = this.articles.has(uri) ? this.contributions.get(uri)?.entities : undefined;
      out.push({ uri, entities: entities ?? NO_ENTITIES });
    }
    return out;
  }

  /** The entity a quotation's speaker span names, if any. */
  speakerId(article: IndexedArticle, quote: Quote): string {
    if (!quote.speaker || quote.speaker.start === undefined) return '';
    const i = article.analysis.columns.mentionCovering(quote.speaker.start);
    return i >= 0 ? article.entityIdAt(i) : '';
  }

  /** Every quotation attributed to the entity, in corpus order. */
  quotesOf(id: string): ReadonlyArray<{ uri: string; quote: Quote }> {
    return this.quotesByEntity.get(id) ?? [];
  }

  /** Article URI → number of mentions of the entity there. */
  articlesOf(id: string): ReadonlyMap<string, number> {
    return this.articleRow(id) ?? new Map();
  }

  /**
   * The entity's articles (URI → its mentions there): kept as a map once read or changed, else read
   * from the last full link's table (articles replaced or removed since are left out: their new
   * contributions are in the map).
   */
  private articleRow(id: string): Map<string, number> | undefined {
    const kept = this.perArticle.get(id);
    if (kept) return kept;
    const table = this.linkedRows;
    const number = this.entityNumbers.get(id);
    if (!table || number === undefined || number >= table.entityCount) return undefined;
    const row = new Map<string, number>();
    table.forEach(number, (slot, n) => {
      const article = this.slots[slot];
      if (article) row.set(article.uri, n);
    });
    this.perArticle.set(id, row);
    return row;
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
    const index = article.analysis.columns.mentionCovering(offset);
    if (index < 0) return undefined;
    return { article, index, mention: article.analysis.mentions[index], entityId: article.entityIds[index] ?? '' };
  }

  dateAt(uri: string, offset: number): DateMention | undefined {
    const article = this.articles.get(uri);
    if (!article) return undefined;
    const i = article.analysis.columns.dateCovering(offset);
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
    return { articles: this.articles.size, notes: this.notes.size, entities: this.liveEntities, mentions: this.mentionTotal };
  }
}

definePatch<readonly MentionLocation[], CorpusIndex>('mentionLocations', (list, change, index) => {
  // The article's mentions leave their place; its new ones come last (it is now the entity's last article).
  const out = change.before > 0 ? list.filter((m) => m.uri !== change.uri) : list.slice();
  return change.after > 0 ? index.mentionsIn(change.uri, change.id, out) : out;
});
definePatch<CooccurrenceRow, CorpusIndex>('cooccurrence', (row, change, index) => row.update(index.cooccurrenceSample(change.id)));

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
