/**
 * The Actors view's data, as pure functions (no `vscode` import, unit-tested): actors grouped by
 * type and sorted by mentions, the reader's filter, and an actor's mentions grouped by article.
 */
import type { EntitySummary, MentionItem } from '../../../server/src/protocol';

export type ActorType = EntitySummary['type'];

export const TYPE_ORDER: readonly ActorType[] = ['person', 'organization', 'place', 'group'];
export const TYPE_LABEL: Record<ActorType, string> = { person: 'People', organization: 'Organizations', place: 'Places', group: 'Groups' };
/** Codicon names for each type. */
export const TYPE_ICON: Record<ActorType, string> = { person: 'person', organization: 'organization', place: 'globe', group: 'account' };

export interface ActorGroup {
  type: ActorType;
  entities: EntitySummary[];
}

export interface ArticleMentions {
  uri: string;
  title: string;
  date?: string;
  mentions: MentionItem[];
}

/** Lower case without diacritics, so "sadr" finds "Sadr" and "nunez" finds "Núñez". */
export function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Every word of the filter must occur in the actor's name, role or type label. An empty filter matches all. */
export function matchesFilter(e: EntitySummary, filter: string): boolean {
  const words = foldForSearch(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = foldForSearch(`${e.name} ${e.role ?? ''} ${TYPE_LABEL[e.type] ?? ''}`);
  return words.every((w) => hay.includes(w));
}

/** Most mentioned first; ties by articles, then by name (stable for equal names). */
export function byMentions(a: EntitySummary, b: EntitySummary): number {
  return b.mentions - a.mentions || b.articles - a.articles || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The view's top level: one group per type that has actors (in TYPE_ORDER), actors sorted by mentions. */
export function groupActors(all: readonly EntitySummary[], filter = ''): ActorGroup[] {
  const groups: ActorGroup[] = [];
  for (const type of TYPE_ORDER) {
    const entities = all.filter((e) => e.type === type && e.mentions > 0 && matchesFilter(e, filter)).sort(byMentions);
    if (entities.length > 0) groups.push({ type, entities });
  }
  return groups;
}

function positionOrder(a: MentionItem, b: MentionItem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * An actor's mentions grouped by article: articles in date order (undated last, then by title),
 * mentions in reading order within each.
 */
export function groupByArticle(mentions: readonly MentionItem[]): ArticleMentions[] {
  const byUri = new Map<string, ArticleMentions>();
  for (const m of mentions) {
    let a = byUri.get(m.uri);
    if (!a) byUri.set(m.uri, (a = { uri: m.uri, title: m.articleTitle, date: m.articleDate, mentions: [] }));
    a.mentions.push(m);
  }
  const out = [...byUri.values()];
  for (const a of out) a.mentions.sort(positionOrder);
  return out.sort((a, b) => {
    if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
    if (!!a.date !== !!b.date) return a.date ? -1 : 1;
    return a.title.localeCompare(b.title) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
  });
}

/** "1 mention", "3 mentions". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The description beside an actor: "12 mentions · 3 articles". */
export function actorDescription(e: Pick<EntitySummary, 'mentions' | 'articles'>): string {
  return `${plural(e.mentions, 'mention')} · ${plural(e.articles, 'article')}`;
}

/** A one-line snippet of at most `max` characters (ellipsis in the middle of long ones keeps both ends). */
export function oneLine(text: string, max = 120): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const half = Math.floor((max - 1) / 2);
  return s.slice(0, half) + '…' + s.slice(s.length - (max - 1 - half));
}

/** Stable tree ids (also used by reveal): they must not depend on the filter or the order. */
export const treeIds = {
  type: (t: ActorType) => `type:${t}`,
  entity: (id: string) => `entity:${id}`,
  article: (id: string, uri: string) => `article:${id}:${uri}`,
  mention: (id: string, m: MentionItem) => `mention:${id}:${m.uri}:${m.range.start.line}:${m.range.start.character}`,
};
