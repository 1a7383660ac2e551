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

/** The actor network: who co-occurs with whom in the same paragraph, in the corpus or one article. */
export const NetworkRequest = 'sourcelens/network';
export interface NetworkParams {
  /** An article: its network only. Absent: the whole corpus. */
  uri?: string;
  /** Ties seen in fewer paragraphs than this are left out (default 1). */
  minWeight?: number;
  /** Only actors of these types (default: all). */
  types?: Array<EntitySummary['type']>;
  /** At most this many actors, the most mentioned (default 200). */
  maxNodes?: number;
}
export interface NetworkNode {
  id: string;
  name: string;
  type: EntitySummary['type'];
  /** Mentions in the scope (the article, or the corpus). */
  mentions: number;
  /** Articles of the scope that mention it. */
  articles: number;
  hasNote: boolean;
}
export interface NetworkEdge {
  source: string;
  target: string;
  /** Paragraphs naming both. */
  weight: number;
  /** Articles with at least one such paragraph. */
  articles: number;
}
export interface NetworkResult {
  scope: 'corpus' | 'article';
  /** The article's title when scope is 'article'. */
  title?: string;
  articles: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Actors left out by maxNodes. */
  hiddenNodes: number;
}
