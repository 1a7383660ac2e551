/** Moving one document cluster's mentions, keys and spellings into another (the source is left empty). */
import type { DocCluster } from './documentEntities';

export function absorbCluster(clusters: DocCluster[], clusterOf: number[], target: number, source: number): void {
  const to = clusters[target];
  const from = clusters[source];
  for (const mi of from.mentions) {
    clusterOf[mi] = target;
    to.mentions.push(mi);
  }
  for (const k of from.keys) if (!to.keys.includes(k)) to.keys.push(k);
  for (const [s, n] of from.spellings) to.spellings.set(s, (to.spellings.get(s) ?? 0) + n);
  from.mentions = [];
}
