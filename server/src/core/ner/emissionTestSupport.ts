/**
 * For tests of the fast scoring paths: emission scores through the reference path (every feature
 * of every token, hashed per token, no caches), which those paths must reproduce exactly.
 */
import { tokenize } from '../text/tokenize';
import { extractFeatures, FEATURES_PER_TOKEN } from './features';
import { allocTokenHashes, computeTokenHashes } from './tokenHashes';
import type { NerModel } from './model';
import { scoreEmissions } from './tagger';

export function referenceEmissions(model: NerModel, text: string): Float32Array {
  const L = model.labels.count;
  const tokens = tokenize(text);
  const th = allocTokenHashes(tokens.count);
  computeTokenHashes(text, tokens, model.gazetteer, th);
  const feats = new Int32Array(Math.max(1, tokens.count) * FEATURES_PER_TOKEN);
  extractFeatures(th, feats);
  const emis = new Float32Array(Math.max(1, tokens.count) * L);
  scoreEmissions(model, feats, tokens.count, FEATURES_PER_TOKEN, emis);
  return emis.subarray(0, tokens.count * L);
}
