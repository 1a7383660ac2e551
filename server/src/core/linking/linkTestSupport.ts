/** For linking tests: link mentions given as [surface, type, confidence] at their next occurrences in `text`. */
import type { EntityMention, EntityType } from '../types';
import { linkDocument } from './documentEntities';

export function mentionsIn(text: string, names: Array<[string, EntityType, number]>): EntityMention[] {
  let from = 0;
  return names.map(([surface, type, confidence]) => {
    const start = text.indexOf(surface, from);
    from = start + surface.length;
    return { start, end: from, text: surface, type, source: 'model', confidence };
  });
}

/** "text:type:cluster key" per linked mention. */
export function linkedSummary(text: string, names: Array<[string, EntityType, number]>): string[] {
  const doc = linkDocument(text, mentionsIn(text, names));
  return doc.mentions.map((m, i) => `${m.text}:${m.type}:${doc.clusters[doc.clusterOf[i]].key}`);
}
