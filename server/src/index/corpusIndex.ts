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
import { firstAtLeast } from '../core/sortedSpans';
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

/** A dated mention of the corpus. */
export interface DateEntry {
  readonly value: string;
  readonly uri: string;
  readonly date: DateMention;
}

/** A dated mention as the corpus maps hold it: its date object is made when read (from its article's columns). */
class IndexedDate implements DateEntry {
  constructor(
    readonly value: string,
    readonly uri: string,
    private readonly analysis: CompactAnalysis,
    private readonly index: number,
  ) {}

  get date(): DateMention {
    return this.analysis.dates[this.index];
  }
}

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

/** At most this many articles of one actor are read to rank its co-actors. */
const CO_OCCURRENCE_SAMPLE = 300;

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
   * locations), computed on first use and kept until that entity's data changes: a full relink drops
   * them all, an edited article only those of the entities it names (before and after the edit).
   */
  private readonly memo = new Map<string, Map<string, unknown>>();
  /** Entity id → dense number (position in the linking's entity list), for counting in typed arrays. */
  private entityNumbers = new Map<string, number>();
  /** Scratch counters for co-occurrence rows, one slot per entity number. */
  private scratch = new Int32Array(0);
  /**
   * The corpus's dated mentions by value: each value's mentions in corpus order (link order, then
   * edits appended), the distinct values sorted. An edit touches only its own values' groups. A
   * mention is a number (`dateCode`: its article's slot and its index there), not an object.
   */
  private dateGroups = new Map<string, number[]>();
  /**
   * Codes in the date groups whose slot is gone (its article replaced or removed): readers skip them,
   * and they are swept out together once they outnumber the live ones, so an edit's cost does not
   * grow with the corpus's date groups.
   */
  private staleDateCodes = 0;
  private liveDateCodes = 0;
  /** Articles by slot (a slot is given to each article put in the index; undefined once replaced or removed). */
  private readonly slots: Array<ArticleEntry | undefined> = [];
  /** Slot of each indexed article. */
  private readonly slotOf = new Map<string, number>();
  private dateValues: string[] = [];
  /** Every dated mention in time order, made on first use after a change. */
  private datesFlat: DateEntry[] | undefined;
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

  /** An article is about to change: what was derived from the entities it named is dropped. */
  private changed(uri: string): void {
    this.changeCount++;
    const old = this.contributions.get(uri);
    if (old) for (const id of old.ids) this.memo.delete(id);
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
    this.dateGroups = new Map();
    this.staleDateCodes = 0;
    this.liveDateCodes = 0;
    this.dateValues = [];
    this.datesFlat = undefined;
    if (this.entitySlot.length < linking.entities.length) this.entitySlot = new Int32Array(Math.max(1024, linking.entities.length * 2)).fill(-1);
    ordered.forEach((article, d) => {
      const row = linking.assignment[d];
      article.link(row);
      this.addContributions(article, false, numbers?.[d] ?? this.numbersOf(row));
    });
    this.linkedRows = this.linkedRowsBuilder!.build(linking.entities.length);
    this.linkedRowsBuilder = undefined;
    this.dateValues.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
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
      if (old) {
        for (const id of old.ids) this.memo.delete(id);
        this.removeContributions(uri, old);
      }
      const article = this.articles.get(uri);
      if (!article) continue;
      article.link(this.provisionalIds(article.analysis, true));
      this.addContributions(article, true);
      for (const id of this.contributions.get(uri)!.ids) this.memo.delete(id);
    }
    this.pendingIncremental.clear();
    this.changeCount++;
    this.dirty = false;
    for (const l of this.listeners) l();
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
      if (e) e.mentionCount += n;
    }
    const { columns } = analysis;
    let dateCodes = 0;
    // The group of each of the article's value strings, looked up once per distinct value, not per date.
    const groupOf: Array<number[] | undefined> = new Array(columns.strings.length);
    for (let i = 0; i < Math.min(columns.dateCount, DATES_PER_SLOT); i++) {
      if (!columns.isCalendarDate(i)) continue;
      const string = columns.dateValue[i];
      let group = groupOf[string];
      if (!group) {
        const value = columns.strings[string];
        group = this.dateGroups.get(value);
        if (!group) {
          this.dateGroups.set(value, (group = []));
          // During a relink the values are sorted once at the end; after it, each new one goes in its place.
          if (incremental) this.dateValues.splice(firstAtLeast(this.dateValues, value), 0, value);
          else this.dateValues.push(value);
        }
        groupOf[string] = group;
      }
      group.push(dateCode(slot, i));
      dateCodes++;
    }
    this.liveDateCodes += dateCodes;
    if (dateCodes) this.datesFlat = undefined;
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
      if (e) e.mentionCount = Math.max(0, e.mentionCount - old.counts[k]);
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
    if (old.dateCodes > 0) {
      this.datesFlat = undefined;
      this.liveDateCodes -= old.dateCodes;
      this.staleDateCodes += old.dateCodes;
      // A replaced or removed article has left its slot already; should it not have, its codes go now.
      if (this.slots[old.slot]) this.sweepDateGroups(old.slot);
      else if (this.staleDateCodes > Math.max(1024, this.liveDateCodes)) this.sweepDateGroups();
    }
    this.contributions.delete(uri);
  }

  /** Takes the codes of freed slots (and of `slot`) out of the date groups, and the values left empty. */
  private sweepDateGroups(slot = -1): void {
    for (const [value, codes] of this.dateGroups) {
      const left = codes.filter((code) => slotOfCode(code) !== slot && this.slots[slotOfCode(code)] !== undefined);
      if (left.length) this.dateGroups.set(value, left);
      else this.dateGroups.delete(value);
    }
    this.dateValues = this.dateValues.filter((value) => this.dateGroups.has(value));
    let live = 0;
    for (const codes of this.dateGroups.values()) live += codes.length;
    this.liveDateCodes = live;
    this.staleDateCodes = 0;
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
   * and kept until the entity's mentions change (no per-entity location lists are held).
   */
  mentionsOf(id: string): readonly MentionLocation[] {
    return this.entityMemo(id, 'mentionLocations', () => {
      const out: MentionLocation[] = [];
      for (const uri of this.articleRow(id)?.keys() ?? []) {
        const article = this.articles.get(uri);
        if (!article) continue;
        const { mentionStart, mentionEnd } = article.analysis.columns;
        const ids = article.entityIds;
        for (let i = 0; i < ids.length; i++) if (ids[i] === id) out.push({ uri, start: mentionStart[i], end: mentionEnd[i], index: i });
      }
      return out;
    });
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
   * articles' content), computed on first use and kept until that data changes. `kind` names what
   * is kept; `compute` must read nothing but the index.
   */
  entityMemo<T>(id: string, kind: string, compute: () => T): T {
    let row = this.memo.get(id);
    if (!row) this.memo.set(id, (row = new Map()));
    if (row.has(kind)) return row.get(kind) as T;
    const value = compute();
    row.set(kind, value);
    return value;
  }

  /** Actors most often in the same articles as this one (the row is kept until the actor's articles change). */
  cooccurring(id: string, limit = 5): Array<{ entity: CorpusEntity; articles: number }> {
    const row = this.entityMemo(id, 'cooccurrence', () => this.cooccurrenceRow(id));
    // Ranked now (co-actors' mention counts break ties and change with edits elsewhere): a stable
    // top-`limit` selection, in first-seen order among equals.
    const entities = this.linking.entities;
    const best: Array<{ entity: CorpusEntity; articles: number }> = [];
    for (let i = 0; i < row.others.length; i++) {
      const entity = entities[row.others[i]];
      if (!entity) continue;
      const articles = row.counts[i];
      if (best.length === limit) {
        const last = best[limit - 1];
        if (!(articles > last.articles || (articles === last.articles && entity.mentionCount > last.entity.mentionCount))) continue;
      }
      let at = best.length;
      while (at > 0 && (articles > best[at - 1].articles || (articles === best[at - 1].articles && entity.mentionCount > best[at - 1].entity.mentionCount))) at--;
      best.splice(at, 0, { entity, articles });
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /**
   * How many of the actor's articles each other actor shares, in first-seen order. For very
   * frequent actors a sample of their articles ranks co-actors well enough (the counts shown are
   * then a lower bound).
   */
  private cooccurrenceRow(id: string): { others: Int32Array; counts: Int32Array } {
    const self = this.entityNumbers.get(id) ?? -1;
    if (this.scratch.length < this.linking.entities.length) this.scratch = new Int32Array(Math.max(1024, this.linking.entities.length * 2));
    const counts = this.scratch;
    const touched: number[] = [];
    let seen = 0;
    for (const uri of this.articleRow(id)?.keys() ?? []) {
      if (++seen > CO_OCCURRENCE_SAMPLE) break;
      const entities = this.articles.has(uri) ? this.contributions.get(uri)?.entities : undefined;
      if (!entities) continue;
      for (let k = 0; k < entities.length; k++) {
        const other = entities[k];
        if (other === self) continue;
        if (counts[other]++ === 0) touched.push(other);
      }
    }
    const out = { others: Int32Array.from(touched), counts: new Int32Array(touched.length) };
    for (let i = 0; i < touched.length; i++) {
      out.counts[i] = counts[touched[i]];
      counts[touched[i]] = 0;
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
    const out: DateEntry[] = [];
    const values = this.dateValues;
    for (let i = firstAtLeast(values, prefix); i < values.length && out.length < limit && values[i].startsWith(prefix); i++) {
      for (const code of this.dateGroups.get(values[i]) ?? []) {
        if (out.length === limit) break;
        const article = this.slots[slotOfCode(code)];
        if (article) out.push(new IndexedDate(values[i], article.uri, article.analysis, indexOfCode(code)));
      }
    }
    return out;
  }

  /** All dated mentions in time order (equal values in corpus order). */
  allDates(): ReadonlyArray<DateEntry> {
    if (!this.datesFlat) {
      const flat: DateEntry[] = [];
      for (const value of this.dateValues) {
        for (const code of this.dateGroups.get(value) ?? []) {
          const article = this.slots[slotOfCode(code)];
          if (article) flat.push(new IndexedDate(value, article.uri, article.analysis, indexOfCode(code)));
        }
      }
      this.datesFlat = flat;
    }
    return this.datesFlat;
  }

  stats(): IndexStats {
    return { articles: this.articles.size, notes: this.notes.size, entities: this.linking.entities.filter((e) => e.mentionCount > 0).length, mentions: this.mentionTotal };
  }
}

/** A dated mention as a number: its article's slot and its index among the article's dates (exact below 2^53). */
const DATES_PER_SLOT = 2 ** 24;
const dateCode = (slot: number, index: number): number => slot * DATES_PER_SLOT + index;
const slotOfCode = (code: number): number => Math.floor(code / DATES_PER_SLOT);
const indexOfCode = (code: number): number => code % DATES_PER_SLOT;

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
