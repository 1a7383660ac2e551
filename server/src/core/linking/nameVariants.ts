/**
 * Within one article, two spellings of one person's full name ("Moqtada al-Sadr", "Muqtada
 * al-Sadr") are one cluster when they are variants of each other (isVariantName: one word differs
 * as a transliteration or a one-letter typo; the surname and word count agree). The corpus linking
 * applies the same test across articles. Clusters are compared only within a surname, at most
 * MAX_PER_SURNAME of them, so the pass stays linear in the article's names.
 */
import type { DocCluster } from './documentEntities';
import { absorbCluster } from './clusterMerge';
import { isVariantName } from './editDistance';
import { keyTokens, surnameKey } from './nameKey';

const MAX_PER_SURNAME = 8;

export function mergeNameVariants(clusters: DocCluster[], clusterOf: number[]): void {
  const bySurname = new Map<string, number[]>();
  clusters.forEach((c, ci) => {
    if (c.type !== 'person' || c.mentions.length === 0 || keyTokens(c.key).length < 2) return;
    const s = surnameKey(c.key);
    const list = bySurname.get(s);
    if (!list) bySurname.set(s, [ci]);
    else if (list.length < MAX_PER_SURNAME) list.push(ci);
  });
  for (const list of bySurname.values()) {
    for (let a = 0; a < list.length; a++) {
      const ca = clusters[list[a]];
      if (ca.mentions.length === 0) continue;
      for (let b = a + 1; b < list.length; b++) {
        const cb = clusters[list[b]];
        if (cb.mentions.length === 0 || !isVariantName(keyTokens(ca.key), keyTokens(cb.key))) continue;
        // into the more frequent spelling (the earlier one on a tie)
        if (cb.mentions.length > ca.mentions.length) {
          absorbCluster(clusters, clusterOf, list[b], list[a]);
          break;
        }
        absorbCluster(clusters, clusterOf, list[a], list[b]);
      }
    }
  }
}
