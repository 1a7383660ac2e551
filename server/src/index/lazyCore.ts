/**
 * The analysis core's heavier modules (front matter with its YAML parser, the article pipeline,
 * corpus linking), loaded on first use: the language server answers `initialize` before they load,
 * and the main thread loads them when the first article or note reaches it. Types are imported
 * normally; only the values go through here.
 */
import type * as AnalyzeArticle from '../core/analyzeArticle';
import type * as EntityNote from '../core/entityNote';
import type * as FrontMatter from '../core/frontMatter';
import type * as CorpusEntities from '../core/linking/corpusEntities';

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/* eslint-disable @typescript-eslint/no-require-imports -- deferred loading is the point */
export const analyzeArticleModule = once(() => require('../core/analyzeArticle') as typeof AnalyzeArticle);
export const entityNoteModule = once(() => require('../core/entityNote') as typeof EntityNote);
export const frontMatterModule = once(() => require('../core/frontMatter') as typeof FrontMatter);
export const corpusEntitiesModule = once(() => require('../core/linking/corpusEntities') as typeof CorpusEntities);
