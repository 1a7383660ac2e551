/** For tests: an analysis as JSON text, so two analyses compare by their text. */
import type { ArticleAnalysis } from '../core/analyzeArticle';

/** Every part read (a compact analysis's parts are getters, not own fields) and maps written as entry lists. */
export function analysisJson(a: ArticleAnalysis): string {
  const plain: ArticleAnalysis = { meta: a.meta, bodyStart: a.bodyStart, mentions: a.mentions, clusters: a.clusters, clusterOf: a.clusterOf, dates: a.dates, quotes: a.quotes, outline: a.outline, problems: a.problems };
  return JSON.stringify(plain, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
}
