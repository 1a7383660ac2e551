/**
 * What the corpus index hands out (its articles, notes, mention locations and counts) and the
 * content hash that keys articles, the analysis cache and the snapshot.
 */
import { createHash } from 'crypto';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EntityNote } from '../core/linking/corpusEntities';
import type { Problem } from '../core/types';
import type { CompactAnalysis } from './compactAnalysis';

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

/** `contentHash` of the text whose exact UTF-8 these bytes are (the same value, without decoding). */
export function utf8ContentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
