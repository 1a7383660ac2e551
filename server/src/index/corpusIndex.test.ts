import { test } from 'node:test';
import assert from 'node:assert/strict';
import { productionComponents } from '../components';
import { analyzeArticle } from '../core/analyzeArticle';
import { contentHash, CorpusIndex } from './corpusIndex';

const A = 'file:///c/corpus/a.md';
const B = 'file:///c/corpus/b.md';
const C = 'file:///c/corpus/c.md';
const TEXT: Record<string, string> = {
  [A]: '---\ndate: 2006-11-02\n---\nThe talks began in 2005. Bush met Maliki on Tuesday, as in March 2006.\n',
  [B]: '---\ndate: 2006-11-20\n---\nIn 2005 the army grew. By 2007 it will double.\n',
  [C]: '---\ndate: 2006-12-01\n---\nIn 2005, and again in 2005, Hamas spoke.\n',
};

const view = (index: CorpusIndex): string[] => index.allDates().map((d) => `${d.value} ${d.uri.slice(-4)} ${d.date.start}`);

function built(texts: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex(productionComponents());
  for (const [uri, text] of Object.entries(texts)) index.setArticle(uri, text);
  index.relink();
  return index;
}

test('the timeline stays in time order through edits, and date searches see exactly the current dates', () => {
  const index = built(TEXT);
  const before = view(index);
  assert.deepEqual(before.filter((d) => d.startsWith('2005 ')).map((d) => d.split(' ')[1]), ['a.md', 'b.md', 'c.md', 'c.md'], 'equal values in corpus order');
  assert.deepEqual(index.datesWithValue('2006').map((d) => d.date.value), ['2006-03', '2006-10-31']);

  // An edit: b's 2005 becomes 1999, and it gains a 2006 date. Only b's entries change.
  index.setArticle(B, TEXT[B].replace('In 2005', 'In 1999').replace('double.', 'double, as it did in 2006.'));
  index.relinkIncremental();
  const after = view(index);
  const values = after.map((d) => d.split(' ')[0]);
  assert.deepEqual(values, [...values].sort(), 'still in time order');
  assert.deepEqual([...after].sort(), [...view(built({ ...TEXT, [B]: TEXT[B].replace('In 2005', 'In 1999').replace('double.', 'double, as it did in 2006.') }))].sort(), 'the same dates as a fresh index');
  assert.deepEqual(index.datesWithValue('1999').map((d) => d.uri), [B]);
  assert.equal(index.datesWithValue('2005').length, 3);
  assert.deepEqual(index.datesWithValue('2006', 2).length, 2, 'the limit holds across values');

  // Removing articles removes their dates; a value no article names any more is gone.
  index.remove(B);
  index.relinkIncremental();
  assert.deepEqual(index.datesWithValue('1999'), []);
  assert.deepEqual(index.datesWithValue('2007'), []);
  assert.equal(index.allDates().filter((d) => d.uri === B).length, 0);
  index.remove(A);
  index.remove(C);
  index.relinkIncremental();
  assert.deepEqual(index.allDates(), []);
});

test('the status counts stay equal to a recount through replacements and removals', () => {
  const index = built(TEXT);
  const recount = (): number => index.allArticles().reduce((n, a) => n + a.analysis.mentions.length, 0);
  const first = index.stats().mentions;
  assert.ok(first >= 2, String(first));
  assert.equal(first, recount());
  index.setArticle(B, TEXT[B] + '\nAngela Merkel met Jacques Chirac in Paris.\n');
  assert.ok(index.stats().mentions >= first + 2);
  assert.equal(index.stats().mentions, recount());
  index.setArticle(B, TEXT[B] + '\nAngela Merkel met Jacques Chirac in Paris.\n', 3); // same text, an editor version: no change
  assert.equal(index.stats().mentions, recount());
  index.remove(A);
  index.remove(A);
  assert.equal(index.stats().mentions, recount());
  assert.equal(index.stats().articles, 2);
});

test('the status entity count stays equal to a recount of entities with mentions through edits', () => {
  const index = built(TEXT);
  const recount = (): number => index.entities().filter((e) => e.mentionCount > 0).length;
  const first = index.stats().entities;
  assert.ok(first >= 2, String(first));
  assert.equal(first, recount());
  index.setArticle(B, TEXT[B] + '\nAngela Merkel met Jacques Chirac in Paris.\n');
  index.relinkIncremental();
  assert.equal(index.stats().entities, recount());
  assert.ok(index.stats().entities >= first + 2, 'new names are new entities');
  index.setArticle(A, '---\ndate: 2006-11-02\n---\nNothing named here.\n');
  index.remove(C);
  index.relinkIncremental();
  assert.equal(index.stats().entities, recount());
  assert.ok(index.stats().entities < first + 2, 'entities left without mentions are not counted');
  index.relink();
  assert.equal(index.stats().entities, recount());
});

test('many edits of a date-heavy article: date searches and the timeline stay exactly those of a fresh index', () => {
  const years = (from: number): string => Array.from({ length: 400 }, (_, k) => `In ${from + (k % 40)} the army grew.`).join(' ');
  const D = 'file:///c/corpus/d.md';
  let texts = { ...TEXT, [D]: `---\ndate: 2006-11-20\n---\n${years(1950)}\n` };
  const index = built(texts);
  for (let edit = 1; edit <= 8; edit++) {
    // Each edit replaces every date of d (400 codes): the old ones outnumber the live ones by the fourth.
    texts = { ...texts, [D]: `---\ndate: 2006-11-20\n---\n${years(1950 + edit * 5)}\n` };
    index.setArticle(D, texts[D]);
    index.relinkIncremental();
    const fresh = built(texts);
    assert.deepEqual([...view(index)].sort(), [...view(fresh)].sort(), `after edit ${edit}`);
    for (const prefix of ['195', '1960', '199', '2005']) {
      assert.deepEqual(index.datesWithValue(prefix, 5000).map((d) => `${d.uri} ${d.date.start}`).sort(), fresh.datesWithValue(prefix, 5000).map((d) => `${d.uri} ${d.date.start}`).sort(), `${prefix} after edit ${edit}`);
    }
  }
  index.remove(D);
  index.relinkIncremental();
  assert.deepEqual(index.datesWithValue('19'), [], 'a removed article leaves no date behind');
});

/** Three articles whose actors share spellings and articles (Maliki, Bush, the Mahdi Army, Hamas, ...). */
const LINKED_TEXTS: Record<string, string> = {
  [A]: '---\ndate: 2006-11-02\n---\nPrime Minister Nouri al-Maliki met George W. Bush in Amman. Maliki said Bush would stay. Nuri al-Maliki left; al-Maliki returned. The Mahdi Army and the Madhi Army waited.\n',
  [B]: '---\ndate: 2006-11-20\n---\nBush told Maliki that the Mahdi Army must disarm. Maliki agreed, and Bush flew home.\n',
  [C]: '---\ndate: 2006-12-01\n---\nHamas and Hezbollah watched Tehran. Hamas spoke first.\n',
};

test('each entity\'s mentions per article equal a recount of the articles\' mentions, after a full link and after edits', () => {
  const texts = { ...LINKED_TEXTS };
  const index = built(texts);
  const check = (when: string): void => {
    let checked = 0;
    for (const e of index.entities()) {
      const recount = new Map<string, number>();
      for (const a of index.allArticles()) {
        const n = a.entityIds.filter((id) => id === e.id).length;
        if (n) recount.set(a.uri, n);
      }
      // read in place first (before `articlesOf` makes the row a map), then through the map
      const visited = (): Array<[string, number]> => {
        const out: Array<[string, number]> = [];
        index.visitArticlesOf(e.id, (a, n) => void out.push([a.uri, n]));
        return out;
      };
      const inPlace = visited();
      assert.equal(index.articleCountOf(e.id), recount.size, `${when}: ${e.name}, counted`);
      assert.deepEqual(new Map(index.articlesOf(e.id)), recount, `${when}: ${e.name}`);
      assert.deepEqual(inPlace, [...index.articlesOf(e.id)], `${when}: ${e.name}, visited in the map's order`);
      assert.deepEqual(visited(), inPlace, `${when}: ${e.name}, visited through the map`);
      assert.equal(index.mentionsOf(e.id).length, [...recount.values()].reduce((x, y) => x + y, 0));
      checked += recount.size;
    }
    assert.ok(checked >= 8, `${when}: ${checked} entity-article pairs`);
  };
  check('full link');
  const maliki = index.entities().find((e) => e.name.includes('Maliki'));
  assert.ok(maliki && index.articlesOf(maliki.id).get(A)! >= 3, 'the spellings of one entity in one article are counted together');
  // "Mahdi Army" and its misspelling are two document clusters of one entity: counted together.
  const mahdi = index.entities().find((e) => e.name === 'Mahdi Army')!;
  const a = index.article(A)!;
  const clusters = new Set(a.analysis.clusterOf.filter((c, i) => a.entityIds[i] === mahdi.id));
  assert.equal(clusters.size, 2);
  assert.equal(index.articlesOf(mahdi.id).get(A), 2);
  index.setArticle(B, texts[B].replace('Maliki agreed', 'Nouri al-Maliki agreed, Maliki said'));
  index.relinkIncremental();
  check('after an edit');
});

test('the mention and date found at an offset equal the article\'s own, and nothing is found between them', () => {
  const index = built(TEXT);
  const a = index.article(A)!;
  const fresh = new CorpusIndex(productionComponents());
  const b = fresh.setArticle(A, TEXT[A]);
  let found = 0;
  for (let offset = 0; offset <= TEXT[A].length; offset++) {
    const hit = index.mentionAt(A, offset);
    const i = b.analysis.mentions.findIndex((m) => m.start <= offset && offset <= m.end);
    if (!hit) {
      assert.equal(i, -1, `offset ${offset}`);
      continue;
    }
    found++;
    assert.deepEqual(hit.mention, b.analysis.mentions[hit.index]);
    assert.equal(hit.entityId, a.entityIds[hit.index]);
    const date = index.dateAt(A, offset);
    if (date) assert.deepEqual(date, b.analysis.dates.find((d) => d.start === date.start));
  }
  assert.ok(found >= 5, String(found));
  assert.equal(index.dateAt(A, 30)?.value, b.analysis.dates.find((d) => d.start <= 30 && 30 < d.end)?.value);
  assert.equal(index.mentionAt('file:///none.md', 0), undefined);
});

test('an article\'s entities read from its link row are its contribution\'s, in the same order', () => {
  const index = built(LINKED_TEXTS);
  // the maps are internal: reached here only to compare the two ways of reading one article
  const maps = (index as unknown as { maps: { entitiesOf(uri: string): Int32Array | undefined; contribution(uri: string): { entities: Int32Array } | undefined } }).maps;
  let compared = 0;
  for (const uri of [A, B, C]) {
    const fromRow = maps.entitiesOf(uri);
    const made = maps.contribution(uri);
    assert.ok(fromRow && made, uri);
    assert.deepEqual([...fromRow], [...made.entities], uri);
    assert.equal(maps.entitiesOf(uri), made.entities, 'once made, the contribution\'s own array');
    compared += fromRow.length;
  }
  assert.ok(compared >= 8, `${compared} entities compared`);
  assert.equal(maps.entitiesOf('file:///nowhere.md'), undefined);
});

test('an edit put with relinkAtOnce is linked as putAnalysed then relinkIncremental link it; without an incremental link it waits', () => {
  const components = productionComponents();
  const edited = TEXT[B] + '\nBush met Angela Merkel in Berlin. Maliki stayed.\n';
  const answers = (index: CorpusIndex) => {
    const article = index.article(B)!;
    const mentions = article.analysis.mentions.map((m, i) => `${m.text}:${article.entityIdAt(i)}`);
    const entities = ['maliki', 'berlin', 'angela-merkel'].map((id) => `${id} ${index.entity(id)?.mentionCount} ${[...index.articlesOf(id)].join(',')} ${index.mentionsOf(id).length}`);
    return { mentions, entities, stats: index.stats(), dirty: index.isDirty };
  };
  const put = (index: CorpusIndex, atOnce: boolean) => {
    index.mentionsOf('maliki'); // a kept value, patched by the edit
    index.putAnalysed(B, edited, contentHash(edited), analyzeArticle(edited, components), index.readerDecisionsKey, 2, atOnce);
  };
  const twoSteps = built(TEXT);
  put(twoSteps, false);
  assert.equal(twoSteps.isDirty, true);
  twoSteps.relinkIncremental();
  const atOnce = built(TEXT);
  let relinks = 0;
  atOnce.onDidRelink(() => relinks++);
  put(atOnce, true);
  assert.equal(relinks, 1, 'linked incrementally, once');
  assert.deepEqual(answers(atOnce), answers(twoSteps));
  assert.ok(answers(atOnce).mentions.some((m) => m.startsWith('Angela Merkel:') && !m.endsWith(':')), 'a new name is linked at once');

  // Nothing linked yet (a full relink is due): the article only takes what its clusters resolve to.
  const unlinked = new CorpusIndex(components);
  unlinked.putAnalysed(B, edited, contentHash(edited), analyzeArticle(edited, components), unlinked.readerDecisionsKey, 2, true);
  assert.equal(unlinked.isDirty, true);
  assert.equal(unlinked.needsFullRelink, true);
});
