import { test } from 'node:test';
import assert from 'node:assert/strict';
import { productionComponents } from '../components';
import type { AnalysisComponents } from '../core/analyzeArticle';
import { CorpusIndex } from '../index/corpusIndex';
import { entityCard, prepareEntityCard } from './hover';
import { provideReferences } from './navigation';
import { PreSerialized } from './preSerialized';

const components: AnalysisComponents = productionComponents();
const ACTORS = ['Angela Merkel', 'Jacques Chirac', 'Vladimir Putin', 'Tony Blair', 'Hamas', 'Hezbollah', 'Baghdad', 'Paris', 'Kofi Annan', 'Gordon Brown'];
const uri = (k: number): string => `file:///c/corpus/a${String(k).padStart(3, '0')}.md`;

/** Article `k`: a date, and sentences naming a few actors (Merkel in every one). */
function article(k: number, actors = [0, 1 + (k % 5), 2 + ((k * 3) % 8)], date = `2006-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 27)).padStart(2, '0')}`): string {
  const names = actors.map((a) => ACTORS[a]);
  const body = names.map((n, i) => `${n} spoke on Tuesday about the talks, and ${names[(i + 1) % names.length]} listened.`).join(' ');
  return `---\ntitle: Article ${k}\ndate: ${date}\n---\n${body}\n“We will not give up,” ${names[0]} said.\n`;
}

type Step = { set: string; text: string } | { remove: string };

function replay(texts: ReadonlyArray<readonly [string, string]>, steps: readonly Step[]): CorpusIndex {
  const index = new CorpusIndex(components);
  for (const [u, t] of texts) index.setArticle(u, t);
  index.relink();
  for (const step of steps) apply(index, step);
  return index;
}

function apply(index: CorpusIndex, step: Step): void {
  if ('set' in step) index.setArticle(step.set, step.text);
  else index.remove(step.remove);
  index.relinkIncremental();
}

/** Everything a reader sees of every entity: its hover card, its references, its co-actors. */
function view(index: CorpusIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of index.entities()) {
    const mentions = index.mentionsOf(e.id);
    let references = '';
    if (mentions.length) {
      const at = index.article(mentions[0].uri)!.document.positionAt(mentions[0].start);
      const reply = provideReferences(index, { textDocument: { uri: mentions[0].uri }, position: at, context: { includeDeclaration: false } });
      references = reply instanceof PreSerialized ? JSON.stringify(reply.value) : JSON.stringify(reply);
    }
    const co = index.cooccurring(e.id, 5).map((c) => `${c.entity.id}:${c.articles}`).join(',');
    out.set(e.id, [entityCard(index, e, undefined), references, JSON.stringify(mentions), co].join('\n§\n'));
  }
  return out;
}

function assertSameView(patched: CorpusIndex, fresh: CorpusIndex, when: string): void {
  const a = view(patched);
  const b = view(fresh);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `${when}: the same entities`);
  for (const [id, seen] of a) assert.equal(seen, b.get(id), `${when}: ${id}`);
}

test('the quotation count on a card follows edits', () => {
  const texts = Array.from({ length: 6 }, (_, k) => [uri(k), article(k)] as const);
  const index = replay(texts, []);
  const merkel = index.entities().find((e) => e.name === 'Angela Merkel')!;
  const said = (): number => index.quotesOf(merkel.id).filter((q) => q.quote.kind !== 'scare').length;
  assert.ok(said() >= 1);
  assert.equal(index.saidCount(merkel.id), said());
  apply(index, { set: uri(1), text: article(1) + '“Again,” Angela Merkel said. “And again,” Angela Merkel said.\n' });
  assert.equal(index.saidCount(merkel.id), said());
  apply(index, { remove: uri(0) });
  apply(index, { set: uri(2), text: article(2, [3, 4]) });
  assert.equal(index.saidCount(merkel.id), said());
  assert.match(entityCard(index, merkel, undefined), new RegExp(`Quoted ${said()} time`));
});

test('hover cards, references and co-actors patched through edits equal those computed afresh', () => {
  const texts = Array.from({ length: 24 }, (_, k) => [uri(k), article(k)] as const);
  const steps: Array<[string, Step]> = [
    ['an actor added', { set: uri(3), text: article(3, [0, 1, 2, 8]) }],
    ['an actor removed', { set: uri(5), text: article(5, [0, 3]) }],
    ['a name changed', { set: uri(7), text: article(7).replaceAll('Jacques Chirac', 'Gordon Brown') }],
    ['an article deleted', { remove: uri(2) }],
    ['an article moved to the earliest date', { set: uri(20), text: article(20, [0, 4], '1999-01-01') }],
    ['an earliest article moved to the latest date', { set: uri(20), text: article(20, [0, 4], '2030-01-01') }],
    ['the main actor left an article', { set: uri(0), text: article(0, [3, 4]) }],
    ['a new article', { set: uri(99), text: article(99, [0, 9, 1], '2000-05-05') }],
    ['an article emptied', { set: uri(11), text: '---\ntitle: Empty\n---\nNothing here.\n' }],
  ];
  const index = replay(texts, []);
  const merkel = index.entities().find((e) => e.name === 'Angela Merkel');
  assert.ok(merkel && index.articlesOf(merkel.id).size >= 20, 'the main actor is in every article');
  assertSameView(index, replay(texts, []), 'after the full link');
  const done: Step[] = [];
  for (const [what, step] of steps) {
    view(index); // every value kept before the edit, so the edit has something to patch
    apply(index, step);
    done.push(step);
    assertSameView(index, replay(texts, done), what);
  }
});

test('an edit patches the kept card parts of an actor instead of dropping them', () => {
  const texts = Array.from({ length: 24 }, (_, k) => [uri(k), article(k)] as const);
  const index = replay(texts, []);
  const merkel = index.entities().find((e) => e.name === 'Angela Merkel')!;
  prepareEntityCard(index, merkel);
  index.mentionsOf(merkel.id);
  // Whether a value of `kind` is kept (the compute throws, so nothing is kept by asking).
  const kept = (kind: string): boolean => {
    try {
      index.entityMemo(merkel.id, kind, () => {
        throw new Error('not kept');
      });
      return true;
    } catch {
      return false;
    }
  };
  // A late article gains a sentence: its mentions change, it stays out of the earliest eight.
  apply(index, { set: uri(23), text: article(23) + 'Angela Merkel said so again.\n' });
  assert.ok(kept('hover:articles') && kept('cooccurrence') && kept('mentionLocations'), 'patched, not made again');
  assert.ok(!kept('navigation:earliest'), 'a part without a patch is made again');
  assert.equal(index.articlesOf(merkel.id).get(uri(23)), 4);
  // Negative: an article among the earliest eight leaves for a late date; the ninth is unknown, so the list is made again.
  const earliest = [...index.articlesOf(merkel.id).keys()].map((u) => index.article(u)!).sort((a, b) => (a.analysis.meta.date! < b.analysis.meta.date! ? -1 : 1))[0];
  prepareEntityCard(index, merkel);
  apply(index, { set: earliest.uri, text: article(Number(earliest.uri.slice(-6, -3)), undefined, '2031-01-01') });
  assert.ok(!kept('hover:articles'));
  assertSameView(index, replay(texts, [{ set: uri(23), text: article(23) + 'Angela Merkel said so again.\n' }, { set: earliest.uri, text: article(Number(earliest.uri.slice(-6, -3)), undefined, '2031-01-01') }]), 'after both');
});

test('a co-occurrence row over a sample of an actor\'s articles follows the sample through edits', () => {
  // More articles than the sample (300): an edit of a sampled article lets the next one in.
  const texts = Array.from({ length: 310 }, (_, k) => [uri(k), `---\ndate: 2006-01-01\n---\nAngela Merkel met ${ACTORS[1 + (k % 9)]} on Tuesday.\n`] as const);
  const steps: Step[] = [
    { set: uri(4), text: '---\ndate: 2006-01-01\n---\nAngela Merkel met Kofi Annan and Tony Blair on Tuesday.\n' },
    { remove: uri(9) },
    { set: uri(12), text: '---\ndate: 2006-01-01\n---\nTony Blair met Gordon Brown.\n' },
    // Beyond the sample: the row stays as it is.
    { set: uri(305), text: '---\ndate: 2006-01-01\n---\nAngela Merkel met Hamas and Hezbollah on Tuesday.\n' },
    { remove: uri(306) },
  ];
  const index = replay(texts, []);
  const merkel = index.entities().find((e) => e.name === 'Angela Merkel')!;
  assert.ok(index.articlesOf(merkel.id).size > 300);
  const co = (i: CorpusIndex): string => JSON.stringify(i.cooccurring(merkel.id, 9).map((c) => [c.entity.id, c.articles]));
  const done: Step[] = [];
  for (const step of steps) {
    co(index);
    apply(index, step);
    done.push(step);
    assert.equal(co(index), co(replay(texts, done)));
  }
});
