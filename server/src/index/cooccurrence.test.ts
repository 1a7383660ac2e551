import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusEntity } from '../core/linking/corpusEntities';
import { CooccurrenceRow, type SampledArticle } from './cooccurrence';

const entity = (n: number, mentionCount: number): CorpusEntity =>
  ({ id: `e${n}`, name: `E${n}`, type: 'person', spellings: new Map(), keys: new Set(), roles: new Map(), mentionCount, documents: new Set() }) as CorpusEntity;

/** The row's answer computed the plain way: count every sampled article again. */
function expectedTop(self: number, sample: readonly SampledArticle[], entities: readonly CorpusEntity[], limit: number): Array<[string, number]> {
  const counts = new Map<number, number>();
  for (const s of sample) for (const n of s.entities) if (n !== self) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts]
    .filter(([n]) => entities[n])
    .sort((a, b) => b[1] - a[1] || entities[b[0]].mentionCount - entities[a[0]].mentionCount || a[0] - b[0])
    .slice(0, limit)
    .map(([n, c]) => [entities[n].id, c]);
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

test('a row ranks co-actors by shared articles, then mentions, then entity number, never itself', () => {
  const entities = [entity(0, 5), entity(1, 9), entity(2, 9), entity(3, 1)];
  const row = new CooccurrenceRow(0, [
    { uri: 'a', entities: Int32Array.of(0, 1, 2, 3) },
    { uri: 'b', entities: Int32Array.of(0, 3) },
    { uri: 'c', entities: Int32Array.of(0, 2, 1) },
  ]);
  assert.deepEqual(row.top(3, entities).map((c) => [c.entity.id, c.articles]), [['e1', 2], ['e2', 2], ['e3', 2]], 'e3 shares as many articles but has fewer mentions');
  assert.deepEqual(row.top(1, entities).map((c) => c.entity.id), ['e1'], 'a tie in articles and mentions goes to the lower number');
  assert.deepEqual(row.top(0, entities), []);
  assert.ok(row.samples('b') && !row.samples('z'));
});

test('updated rows (articles leaving, entering and changing) give what counting the sample again gives', () => {
  const rand = random(7);
  const entities = Array.from({ length: 400 }, (_, n) => entity(n, Math.floor(rand() * 20)));
  const article = (uri: string): SampledArticle => {
    const set = new Set<number>();
    const size = 1 + Math.floor(rand() * 25);
    while (set.size < size) set.add(Math.floor(rand() * (rand() < 0.5 ? 30 : 400)));
    return { uri, entities: Int32Array.from(set) };
  };
  let sample = Array.from({ length: 60 }, (_, i) => article(`u${i}`));
  const row = new CooccurrenceRow(3, sample);
  assert.deepEqual(row.top(10, entities).map((c) => [c.entity.id, c.articles]), expectedTop(3, sample, entities, 10));
  for (let step = 0; step < 200; step++) {
    sample = sample.slice();
    const r = rand();
    const at = Math.floor(rand() * sample.length);
    if (r < 0.4) sample[at] = article(sample[at].uri); // the article changed
    else if (r < 0.6) sample.splice(at, 1); // it left the sample
    else if (r < 0.8) sample.push(article(`n${step}`)); // one entered
    // else: the same sample (nothing to do)
    row.update(sample);
    assert.deepEqual(row.top(10, entities).map((c) => [c.entity.id, c.articles]), expectedTop(3, sample, entities, 10), `step ${step}`);
    assert.equal(row.top(1000, entities).length, expectedTop(3, sample, entities, 1000).length, `step ${step}: every co-actor, none counted 0`);
  }
  row.update([]);
  assert.deepEqual(row.top(10, entities), [], 'an empty sample leaves no co-actor');
});
