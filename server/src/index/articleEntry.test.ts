import { test } from 'node:test';
import assert from 'node:assert/strict';
import { productionComponents } from '../components';
import { CorpusIndex } from './corpusIndex';
import { ArticleEntry, mentionIds } from './articleEntry';

const A = 'file:///c/corpus/a.md';
const TEXT = '---\ndate: 2006-11-02\n---\nPresident George W. Bush met Nouri al-Maliki in Amman. Bush said Maliki would stay. Hamas spoke.\n';

test('the ids per mention made from the ids per cluster: the same list, read whole or one by one', () => {
  const index = new CorpusIndex(productionComponents());
  index.setArticle(A, TEXT);
  const before = index.article(A) as ArticleEntry;
  assert.ok(before.entityIds.length >= 4 && before.entityIds.every((id) => id === ''), 'nothing linked before the first link');
  index.relink();
  const article = index.article(A) as ArticleEntry;
  const ids = article.entityIds;
  assert.ok(ids.filter(Boolean).length >= 4, ids.join());
  assert.deepEqual(ids, mentionIds(article.analysis.columns, article.clusterIds));
  const clusters = article.analysis.clusterOf;
  ids.forEach((id, i) => {
    assert.equal(id, clusters[i] >= 0 ? article.clusterIds[clusters[i]] : '');
    assert.equal(article.entityIdAt(i), id);
  });
  assert.equal(article.entityIdAt(ids.length), '', 'past the end: none');
  // Linking again replaces the list, never changes the old one in place.
  const old = article.entityIds;
  article.link(article.clusterIds.map(() => 'x'));
  assert.ok(article.entityIds.every((id, i) => id === (clusters[i] >= 0 ? 'x' : '')));
  assert.notEqual(article.entityIds, old);
  assert.ok(old.some((id) => id && id !== 'x'));
});
