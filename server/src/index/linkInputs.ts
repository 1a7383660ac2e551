/**
 * What a full corpus link reads, and what a snapshot of its result records: the articles in link
 * order, the parsed entity notes, the notes' fingerprint, and the snapshot's source. Pure
 * functions of the index's articles, notes and linking.
 */
import { createHash } from 'crypto';
import type { CorpusLinking, EntityNote } from '../core/linking/corpusEntities';
import type { SnapshotSource } from './corpusSnapshot';
import type { ArticleEntry } from './articleEntry';
import type { IndexedNote } from './indexedTypes';
import type { LinkedMaps } from './linkedMaps';

/** The articles in the order a link numbers them (by URI, in code-unit order). */
export function articlesInLinkOrder(articles: ReadonlyMap<string, ArticleEntry>): ArticleEntry[] {
  return [...articles.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** The notes that parsed, by id. */
export function parsedNotes(notes: ReadonlyMap<string, IndexedNote>): EntityNote[] {
  const out = [...notes.values()].map((n) => n.note).filter((n): n is EntityNote => !!n);
  out.sort((a, b) => (a.id < b.id ? -1 : 1));
  return out;
}

/** A fingerprint of the notes (their URIs and contents). */
export function notesFingerprint(notes: ReadonlyMap<string, IndexedNote>): string {
  const h = createHash('sha1');
  for (const uri of [...notes.keys()].sort()) h.update(uri).update('\0').update(notes.get(uri)!.document.getText()).update('\0');
  return h.digest('hex');
}

/** What a snapshot of a full link's result is made of (`ordered`: the articles in link order, as linked; `maps`: the link's corpus maps). */
export function snapshotSourceOf(ordered: readonly ArticleEntry[], linking: CorpusLinking, maps: LinkedMaps, decisionsKey: string, notesKey: string): SnapshotSource {
  return {
    maps,
    decisionsKey,
    notesKey,
    // A text is decoded only if its line needs it (the index's compact analyses do not; all at once they would take ~130 MB at 10,000 articles).
    articles: ordered.map((a, d) => ({
      uri: a.uri,
      hash: a.hash,
      get text() {
        return a.document.getText();
      },
      analysis: a.analysis,
      assignment: linking.assignment[d],
    })),
    entities: linking.entities,
  };
}
