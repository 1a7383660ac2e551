/**
 * One type per actor within an article: a mention of an organization's or a place's cluster that the
 * recognizer typed otherwise, without being sure, takes the cluster's type when another mention of
 * the cluster was typed so with confidence ("Tavildara is now inhabited" after "his troops took
 * Tavildara"; "the Sun" after "told the Sun"). Within one article only, and only on that evidence:
 * giving every mention its corpus entity's type measured worse on CoNLL dev (93.83 -> 92.22), while
 * this measured better (see the commit). Person clusters keep their own rule (documentEntities.ts).
 */
import type { EntityMention, EntityType } from '../types';

/** A mention below this confidence takes its cluster's type; a mention at or above it is sure evidence of the type. */
export const SURE_TYPE_CONFIDENCE = 0.8;

/** Retypes the unsure mentions of a non-person cluster of type `type` (see the file comment). */
export function alignMentionTypes(type: EntityType, members: readonly number[], mentions: EntityMention[]): void {
  if (type === 'person' || type === 'group') return;
  let sure = false;
  for (const i of members) if (mentions[i].type === type && mentions[i].source !== 'consistency' && mentions[i].confidence >= SURE_TYPE_CONFIDENCE) sure = true;
  for (const i of members) {
    const m = mentions[i];
    if (m.type === type || m.type === 'group' || m.source === 'user') continue;
    if (m.source === 'consistency' || (sure && m.confidence < SURE_TYPE_CONFIDENCE)) m.type = type;
  }
}
