/**
 * Custom requests and notifications between the SourceLens client and server, declared once and
 * imported by both sides. Plain data only (positions are LSP positions, ranges LSP ranges).
 */
export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}

export const StatusNotification = 'sourcelens/status';
export interface StatusParams {
  state: 'indexing' | 'ready';
  done: number;
  total: number;
  articles: number;
  entities: number;
}

export const EntitiesRequest = 'sourcelens/entities';
export interface EntitySummary {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'place' | 'group';
  mentions: number;
  articles: number;
  role?: string;
  hasNote: boolean;
}

export const EntityMentionsRequest = 'sourcelens/entityMentions';
export interface EntityMentionsParams {
  id: string;
}
export interface MentionItem {
  uri: string;
  range: Rng;
  snippet: string;
  articleTitle: string;
  articleDate?: string;
}

export const TimelineRequest = 'sourcelens/timeline';
export interface TimelineItem {
  value: string;
  text: string;
  uri: string;
  range: Rng;
  articleTitle: string;
  snippet: string;
}

export const AdjacentMentionRequest = 'sourcelens/adjacentMention';
export interface AdjacentMentionParams {
  uri: string;
  position: Pos;
  direction: 1 | -1;
}

export const QuotesByRequest = 'sourcelens/quotesBy';
export interface QuotesByParams {
  /** An entity id, or a position whose mention names the speaker. */
  id?: string;
  uri?: string;
  position?: Pos;
}
export interface QuoteItem {
  uri: string;
  range: Rng;
  text: string;
  kind: 'direct' | 'partial' | 'scare';
  speaker: string;
  articleTitle: string;
}

export const EntityAtRequest = 'sourcelens/entityAt';
export interface EntityAtParams {
  uri: string;
  position: Pos;
}

export const ReindexRequest = 'sourcelens/reindex';

export const ArticleInfoRequest = 'sourcelens/articleInfo';
export interface ArticleInfoParams {
  uri: string;
}
export interface ArticleInfo {
  title?: string;
  author?: string;
  publisher?: string;
  date?: string;
  url?: string;
  actors: EntitySummary[];
}

/** Commands the server executes (workspace/executeCommand); they write files in the workspace. */
export const ServerCommands = {
  notAnEntity: 'sourcelens.server.notAnEntity',
  addAlias: 'sourcelens.server.addAlias',
  createNote: 'sourcelens.server.createNote',
  changeType: 'sourcelens.server.changeType',
} as const;
