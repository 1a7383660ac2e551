/**
 * The compiled analysis core, loaded from server/out (the test sources sit two folders deeper
 * once compiled to test/out/robustness, so the path is built from the repository root).
 */
import { join } from 'path';
import type * as Analyze from '../../server/src/core/analyzeArticle';
import type * as Components from '../../server/src/components';

export const REPO = join(__dirname, '..', '..', '..');

const analyzeModule = require(join(REPO, 'server', 'out', 'core', 'analyzeArticle.js')) as typeof Analyze;
const componentsModule = require(join(REPO, 'server', 'out', 'components.js')) as typeof Components;

export const analyzeArticle = analyzeModule.analyzeArticle;
export const productionComponents = componentsModule.productionComponents;
export const componentProblems = componentsModule.componentProblems;
export type { ArticleAnalysis } from '../../server/src/core/analyzeArticle';
