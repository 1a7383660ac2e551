/** The "This article" view's data, as pure functions: the metadata rows and the actors by prominence. */
import type { ArticleInfo, EntitySummary } from '../../../server/src/protocol';
import { byMentions } from './actorsTree';

export interface MetaRow {
  key: 'title' | 'publisher' | 'author' | 'date' | 'link';
  label: string;
  value: string;
  /** Only for `link`: an http(s) address that may be opened. */
  url?: string;
}

/** Safe to open outside the editor: http or https only (front matter is untrusted). */
export function openableUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  return /^https?:\/\/[^\s]+$/i.test(s) ? s : undefined;
}

/** The metadata rows present in the article's front matter, in a fixed order. */
export function metadataRows(info: ArticleInfo): MetaRow[] {
  const rows: MetaRow[] = [];
  const add = (key: MetaRow['key'], label: string, value: string | undefined, url?: string) => {
    const v = value?.replace(/\s+/g, ' ').trim();
    if (v) rows.push({ key, label, value: v, url });
  };
  add('title', 'Title', info.title);
  add('publisher', 'Publisher', info.publisher);
  add('author', 'Author', info.author);
  add('date', 'Date', info.date);
  add('link', 'Link', info.url, openableUrl(info.url));
  return rows;
}

export interface ProminentActor {
  actor: EntitySummary;
  /** Share of the article's linked mentions, 0..100, rounded. */
  share: number;
}

/** The article's actors, most mentioned first, each with its share of the article's mentions. */
export function actorsByProminence(info: ArticleInfo): ProminentActor[] {
  const actors = info.actors.filter((a) => a.mentions > 0);
  const total = actors.reduce((n, a) => n + a.mentions, 0);
  return [...actors].sort(byMentions).map((actor) => ({ actor, share: total ? Math.round((actor.mentions / total) * 100) : 0 }));
}
