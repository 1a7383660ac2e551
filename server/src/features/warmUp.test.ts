import { test } from 'node:test';
import assert from 'node:assert/strict';
import { productionComponents } from '../components';
import { CorpusIndex } from '../index/corpusIndex';
import { entityCard, preparedCard } from './hover';
import { QueryWarmUp } from './warmUp';

const uri = (k: number): string => `file:///w/corpus/a${String(k).padStart(3, '0')}.md`;
const OTHERS = ['Jacques Chirac', 'Tony Blair', 'Kofi Annan', 'Vladimir Putin'];
const text = (k: number): string => `---\ntitle: Article ${k}\ndate: 2006-03-${String(1 + (k % 27)).padStart(2, '0')}\n---\nAngela Merkel met ${OTHERS[k % 4]} on Tuesday. Angela Merkel spoke.${k === 0 ? ' Gerhard Schroeder listened.' : ''}\n`;

function corpus(): CorpusIndex {
  const index = new CorpusIndex(productionComponents());
  for (let k = 0; k < 30; k++) index.setArticle(uri(k), text(k));
  index.relink();
  return index;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('the warm-up prepares the frequent actors\' cards one article per step, and leaves rare actors alone', async () => {
  const index = corpus();
  const merkel = index.entities().find((e) => e.name === 'Angela Merkel')!;
  const schroeder = index.entities().find((e) => e.name === 'Gerhard Schroeder')!;
  assert.ok(merkel.mentionCount >= 30 && schroeder.mentionCount < 5);
  const card = entityCard(index, merkel, undefined); // what a hover shows without any warm-up
  const fresh = corpus();
  const freshMerkel = fresh.entities().find((e) => e.name === 'Angela Merkel')!;
  assert.equal(preparedCard(fresh, freshMerkel), false);
  // slices of 0 ms: one step per event-loop turn
  const warmUp = new QueryWarmUp(fresh, 0, 0, 10);
  warmUp.schedule();
  for (let i = 0; i < 5; i++) await turn();
  assert.equal(preparedCard(fresh, freshMerkel), false, 'an actor in 30 articles takes more than a few steps');
  for (let i = 0; i < 200 && !preparedCard(fresh, freshMerkel); i++) await turn();
  assert.ok(preparedCard(fresh, freshMerkel));
  assert.equal(preparedCard(fresh, fresh.entities().find((e) => e.name === 'Gerhard Schroeder')!), false, 'below the mention floor');
  assert.deepEqual(entityCard(fresh, freshMerkel, undefined), card, 'the same card, prepared or not');
  warmUp.dispose();
});

test('a warm-up stops when the index changes under it', async () => {
  const index = corpus();
  const merkel = index.entities().find((e) => e.name === 'Angela Merkel')!;
  const warmUp = new QueryWarmUp(index, 0, 0, 10);
  warmUp.schedule();
  for (let i = 0; i < 3; i++) await turn();
  index.setArticle(uri(99), text(99));
  index.relink();
  const merkelNow = index.entities().find((e) => e.name === 'Angela Merkel')!;
  for (let i = 0; i < 200; i++) await turn();
  assert.equal(preparedCard(index, merkelNow), false, 'the old warm-up gave up; the server schedules a new one on change');
  assert.ok(merkel);
  warmUp.dispose();
});
