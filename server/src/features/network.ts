/**
 * The actor network: which actors are named in the same paragraph (a blank-line-separated block),
 * per article and across the corpus. Computed lazily from the index's prepared data (article text,
 * mentions, entity ids) on the first request after a relink and cached until the next relink, so
 * the corpus is scanned at most once per relink; requests only filter the cached graph.
 */
import type { EntityType } from '../core/types';
import type { CorpusIndex, IndexedArticle } from '../index/corpusIndex';
import type { NetworkEdge, NetworkNode, NetworkParams, NetworkResult } from '../protocol';

export const DEFAULT_MAX_NODES = 200;
const MAX_NODES_LIMIT = 2000;
const SEP = '\u0001';

/** Paragraph spans [start, end) of `text` from `from`: blocks of non-blank lines. Linear time. */
export function paragraphSpans(text: string, from = 0): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = -1;
  let end = -1;
  let pos = Math.max(0, Math.min(from, text.length));
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    if (isBlank(text, pos, nl)) {
      if (start >= 0) out.push({ start, end });
      start = -1;
    } else {
      if (start < 0) start = pos;
      end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    }
    pos = nl + 1;
  }
  if (start >= 0) out.push({ start, end });
  return out;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0 && c !== 0xfeff) return false;
  }
  return true;
}

/** One article's share of the network: mentions per actor and paragraphs per pair of actors. */
export interface ArticleNetwork {
  mentions: Map<string, number>;
  /** Key: the two ids (sorted) joined by U+0001; value: paragraphs naming both. */
  pairs: Map<string, number>;
}

/**
 * Co-occurrence within paragraphs, from the mentions' start offsets (sorted; the index's column, so
 * no mention object is made) and their entity ids (parallel; '' = unlinked, ignored). Pure.
 */
export function cooccurrence(paragraphs: ReadonlyArray<{ start: number; end: number }>, starts: ArrayLike<number>, ids: ReadonlyArray<string>): ArticleNetwork {
  const counts = new Map<string, number>();
  const pairs = new Map<string, number>();
  let m = 0;
  for (const p of paragraphs) {
    while (m < starts.length && starts[m] < p.start) m++;
    const present = new Set<string>();
    for (; m < starts.length && starts[m] < p.end; m++) {
      const id = ids[m];
      if (!id) continue;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      present.add(id);
    }
    const list = [...present].sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i] + SEP + list[j];
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  return { mentions: counts, pairs };
}

interface Totals {
  mentions: Map<string, number>;
  articlesOf: Map<string, number>;
  pairs: Map<string, { weight: number; articles: number }>;
  articles: number;
}

interface Cache {
  perArticle: Map<string, { hash: string; net: ArticleNetwork }>;
  corpus?: Totals;
  /** How many times the whole corpus was scanned (for tests and the log). */
  corpusScans: number;
}

const caches = new WeakMap<CorpusIndex, Cache>();

function cacheOf(index: CorpusIndex): Cache {
  let cache = caches.get(index);
  if (!cache) {
    const created: Cache = { perArticle: new Map(), corpusScans: 0 };
    index.onDidRelink(() => {
      created.perArticle.clear();
      created.corpus = undefined;
    });
    caches.set(index, created);
    cache = created;
  }
  return cache;
}

function articleNetwork(cache: Cache, article: IndexedArticle): ArticleNetwork {
  const hit = cache.perArticle.get(article.uri);
  if (hit && hit.hash === article.hash) return hit.net;
  const text = article.document.getText();
  const net = cooccurrence(paragraphSpans(text, article.analysis.bodyStart), article.analysis.columns.mentionStart, article.entityIds);
  cache.perArticle.set(article.uri, { hash: article.hash, net });
  return net;
}

function totalsOf(nets: ArticleNetwork[]): Totals {
  const t: Totals = { mentions: new Map(), articlesOf: new Map(), pairs: new Map(), articles: nets.length };
  for (const net of nets) {
    for (const [id, n] of net.mentions) {
      t.mentions.set(id, (t.mentions.get(id) ?? 0) + n);
      t.articlesOf.set(id, (t.articlesOf.get(id) ?? 0) + 1);
    }
    for (const [key, n] of net.pairs) {
      const e = t.pairs.get(key);
      if (e) (e.weight += n), (e.articles += 1);
      else t.pairs.set(key, { weight: n, articles: 1 });
    }
  }
  return t;
}

function corpusTotals(index: CorpusIndex, cache: Cache): Totals {
  if (!cache.corpus) {
    cache.corpusScans++;
    cache.corpus = totalsOf(index.allArticles().map((a) => articleNetwork(cache, a)));
  }
  return cache.corpus;
}

/** How many times the corpus network was computed for this index (one per relink at most). */
export function corpusScans(index: CorpusIndex): number {
  return caches.get(index)?.corpusScans ?? 0;
}

function clampInt(v: unknown, min: number, max: number, fallback: number): number {
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : fallback;
  return Math.min(max, Math.max(min, n));
}

/** The network for the request: the corpus, or one article (null when `uri` is not an indexed article). */
export function actorNetwork(index: CorpusIndex, params: NetworkParams = {}): NetworkResult | null {
  const cache = cacheOf(index);
  let totals: Totals;
  let title: string | undefined;
  if (params.uri !== undefined) {
    const article = index.article(params.uri);
    if (!article) return null;
    totals = totalsOf([articleNetwork(cache, article)]);
    title = article.analysis.meta.title ?? decodeURIComponent(article.uri.slice(article.uri.lastIndexOf('/') + 1));
  } else {
    totals = corpusTotals(index, cache);
  }
  const minWeight = clampInt(params.minWeight, 1, Number.MAX_SAFE_INTEGER, 1);
  const maxNodes = clampInt(params.maxNodes, 1, MAX_NODES_LIMIT, DEFAULT_MAX_NODES);
  const types = Array.isArray(params.types) ? new Set<EntityType>(params.types) : undefined;

  const candidates: NetworkNode[] = [];
  for (const [id, mentions] of totals.mentions) {
    const e = index.entity(id);
    if (!e || (types && !types.has(e.type))) continue;
    candidates.push({ id, name: e.name, type: e.type, mentions, articles: totals.articlesOf.get(id) ?? 0, hasNote: !!e.note });
  }
  candidates.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  const nodes = candidates.slice(0, maxNodes);
  const kept = new Set(nodes.map((n) => n.id));
  const edges: NetworkEdge[] = [];
  for (const [key, e] of totals.pairs) {
    if (e.weight < minWeight) continue;
    const cut = key.indexOf(SEP);
    const source = key.slice(0, cut);
    const target = key.slice(cut + 1);
    if (kept.has(source) && kept.has(target)) edges.push({ source, target, weight: e.weight, articles: e.articles });
  }
  edges.sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1));
  return { scope: params.uri !== undefined ? 'article' : 'corpus', title, articles: totals.articles, nodes, edges, hiddenNodes: candidates.length - nodes.length };
}
