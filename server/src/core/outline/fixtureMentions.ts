/**
 * Test support: entity mentions for hand-written fixtures, found by exact name (longest names
 * first, no overlaps), standing in for the recognizer's output.
 */
import type { EntityMention, EntityType } from '../types';

export function mentionsOf(text: string, names: Record<string, EntityType>): EntityMention[] {
  const taken: boolean[] = new Array(text.length).fill(false);
  const out: EntityMention[] = [];
  for (const name of Object.keys(names).sort((a, b) => b.length - a.length)) {
    let at = text.indexOf(name);
    while (at >= 0) {
      const end = at + name.length;
      const free = !taken.slice(at, end).some(Boolean);
      const wordEdge = !/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[end] ?? ' ');
      if (free && wordEdge) {
        for (let i = at; i < end; i++) taken[i] = true;
        out.push({ start: at, end, text: name, type: names[name], source: 'rule', confidence: 1 });
      }
      at = text.indexOf(name, at + 1);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
