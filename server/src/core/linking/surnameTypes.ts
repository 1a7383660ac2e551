/**
 * A person's surname that the recognizer typed as an organization or a place ("Washington" after
 * "MaliVai Washington", "Bush’s" after "George W. Bush") joins the person in the same article and
 * becomes a person mention, when the evidence is strong: exactly one person of the article has that
 * surname, no organization or place of the article ends with it, and the recognizer was unsure of
 * every mention of the name. A name the recognizer was sure of keeps its type ("Jordan" the country
 * beside "Michael Jordan"). Linear in the number of clusters and mentions.
 */
import type { EntityMention } from '../types';
import type { DocCluster } from './documentEntities';
import { keyTokens, stripArticle, surnameKey } from './nameKey';
import { absorbCluster } from './clusterMerge';

/** A name typed otherwise joins the person only when every mention of it is below this confidence. */
export const MAX_RETYPED_SURNAME_CONFIDENCE = 0.95;

/** Moves such clusters' mentions into the person's cluster (the moved cluster is left empty). */
export function joinMistypedSurnames(clusters: DocCluster[], clusterOf: number[], mentions: EntityMention[], tokenCount: (key: string) => number): void {
  // surname → the one multi-word person cluster with it (-1: two or more); last words of other names
  const people = new Map<string, number>();
  const otherLastWords = new Set<string>();
  clusters.forEach((c, ci) => {
    if (c.mentions.length === 0) return; // merged into another
    for (const k of c.keys) {
      if (tokenCount(k) < 2) continue;
      if (c.type === 'person') {
        const s = surnameKey(k);
        const had = people.get(s);
        people.set(s, had === undefined || had === ci ? ci : -1);
      } else {
        const tokens = keyTokens(k);
        otherLastWords.add(stripArticle(tokens[tokens.length - 1]));
      }
    }
  });
  if (people.size === 0) return;
  clusters.forEach((c, ci) => {
    if (c.type === 'person' || c.type === 'group' || c.mentions.length === 0) return;
    if (c.keys.some((k) => tokenCount(k) !== 1)) return;
    const key = stripArticle(c.keys[0]);
    const target = people.get(key);
    if (target === undefined || target < 0 || otherLastWords.has(key)) return;
    if (c.keys.some((k) => stripArticle(k) !== key)) return;
    if (c.mentions.some((mi) => mentions[mi].confidence >= MAX_RETYPED_SURNAME_CONFIDENCE || mentions[mi].source === 'user')) return;
    for (const mi of c.mentions) mentions[mi].type = 'person';
    absorbCluster(clusters, clusterOf, target, ci);
  });
}
