import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisComponents } from '../core/analyzeArticle';
import type { EntityMention, EntityType } from '../core/types';
import { CorpusIndex } from '../index/corpusIndex';
import { actorNetwork, cooccurrence, corpusScans, paragraphSpans } from './network';

test('paragraphs are blocks of non-blank lines (CRLF, whitespace-only lines, front matter skipped)', () => {
  const text = 'one\ntwo\n\n  \t\nthree\r\n\r\nfour';
  const spans = paragraphSpans(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, ['one\ntwo', 'three', 'four']);
  assert.deepEqual(paragraphSpans(''), []);
  assert.deepEqual(paragraphSpans('\n\n\n'), []);
  const body = '---\ntitle: x\n---\nBody line\n';
  assert.deepEqual(paragraphSpans(body, body.indexOf('Body')).map((s) => body.slice(s.start, s.end)), ['Body line']);
});

test('paragraph splitting is linear on a 1 MB single line and on 200k blank lines', () => {
  const started = Date.now();
  assert.equal(paragraphSpans('a'.repeat(1_000_000)).length, 1);
  assert.equal(paragraphSpans('x\n\n'.repeat(200_000)).length, 200_000);
  assert.ok(Date.now() - started < 2000);
});

test('co-occurrence counts paragraphs naming both actors, once per paragraph, ignoring unlinked mentions', () => {
  const paragraphs = [{ start: 0, end: 10 }, { start: 12, end: 20 }, { start: 22, end: 30 }];
  const starts = Int32Array.from([0, 2, 4, 13, 15, 23, 25]);
  const ids = ['b', 'a', 'b', 'a', 'b', 'c', ''];
  const net = cooccurrence(paragraphs, starts, ids);
  assert.deepEqual(Object.fromEntries(net.pairs), { 'a\u0001b': 2 });
  assert.deepEqual(Object.fromEntries(net.mentions), { a: 2, b: 3, c: 1 });
  // c is alone in its paragraph: no tie.
  assert.ok(![...net.pairs.keys()].some((k) => k.includes('c')));
});

/** Fake components: names from a fixed list, found by exact text; no dates, no outline. */
function fakeComponents(names: Record<string, EntityType>): AnalysisComponents {
  return {
    maskMarkup: (text, bodyStart) => ' '.repeat(bodyStart) + text.slice(bodyStart),
    recognizeEntities(masked) {
      const out: EntityMention[] = [];
      for (const [name, type] of Object.entries(names)) {
        for (let i = masked.indexOf(name); i >= 0; i = masked.indexOf(name, i + name.length)) {
          out.push({ start: i, end: i + name.length, text: name, type, source: 'rule', confidence: 1 });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
    recognizeDates: () => [],
    analyzeArgument: () => ({ outline: [], quotes: [] }),
  };
}

const NAMES: Record<string, EntityType> = { 'Ana Lopez': 'person', 'Ben Okafor': 'person', Acme: 'organization', Kyiv: 'place' };

function corpus(): CorpusIndex {
  const index = new CorpusIndex(fakeComponents(NAMES));
  index.setArticle('file:///c/one.md', '---\ntitle: One\n---\nAna Lopez met Ben Okafor in Kyiv.\n\nAcme hired Ana Lopez.\n\nBen Okafor left.\n');
  index.setArticle('file:///c/two.md', '---\ntitle: Two\n---\nAna Lopez and Ben Okafor again.\nSame paragraph: Acme.\n');
  index.relink();
  return index;
}

function tie(r: ReturnType<typeof actorNetwork>, a: string, b: string): { weight: number; articles: number } | undefined {
  const id = (name: string) => r!.nodes.find((n) => n.name === name)?.id;
  const e = r!.edges.find((x) => (x.source === id(a) && x.target === id(b)) || (x.source === id(b) && x.target === id(a)));
  return e && { weight: e.weight, articles: e.articles };
}

test('the corpus network: nodes with mention counts, ties weighted by paragraphs and articles', () => {
  const r = actorNetwork(corpus())!;
  assert.equal(r.scope, 'corpus');
  assert.equal(r.articles, 2);
  const ana = r.nodes.find((n) => n.name === 'Ana Lopez')!;
  assert.equal(ana.type, 'person');
  assert.equal(ana.mentions, 3);
  assert.equal(ana.articles, 2);
  assert.deepEqual(tie(r, 'Ana Lopez', 'Ben Okafor'), { weight: 2, articles: 2 });
  assert.deepEqual(tie(r, 'Ana Lopez', 'Acme'), { weight: 2, articles: 2 });
  assert.deepEqual(tie(r, 'Ben Okafor', 'Kyiv'), { weight: 1, articles: 1 });
  // Never in one paragraph together.
  assert.equal(tie(r, 'Acme', 'Kyiv'), undefined);
  // Most mentioned first.
  assert.equal(r.nodes[0].name, 'Ana Lopez');
});

test('filters: minimum co-occurrence, types, maximum number of actors', () => {
  const index = corpus();
  const strong = actorNetwork(index, { minWeight: 2 })!;
  assert.ok(strong.edges.every((e) => e.weight >= 2));
  assert.equal(tie(strong, 'Ben Okafor', 'Kyiv'), undefined);
  const people = actorNetwork(index, { types: ['person'] })!;
  assert.deepEqual(people.nodes.map((n) => n.name).sort(), ['Ana Lopez', 'Ben Okafor']);
  assert.equal(people.edges.length, 1);
  const top = actorNetwork(index, { maxNodes: 1 })!;
  assert.equal(top.nodes.length, 1);
  assert.equal(top.hiddenNodes, 3);
  assert.equal(top.edges.length, 0);
  // Nonsense parameters fall back to defaults rather than failing.
  const odd = actorNetwork(index, { minWeight: Number.NaN, maxNodes: -5 })!;
  assert.equal(odd.nodes.length, 1);
  assert.ok(odd.edges.length === 0);
});

test('one article: only its paragraphs; an unknown URI is null', () => {
  const index = corpus();
  const r = actorNetwork(index, { uri: 'file:///c/one.md' })!;
  assert.equal(r.scope, 'article');
  assert.equal(r.title, 'One');
  assert.deepEqual(tie(r, 'Ana Lopez', 'Ben Okafor'), { weight: 1, articles: 1 });
  assert.deepEqual(tie(r, 'Ana Lopez', 'Acme'), { weight: 1, articles: 1 });
  assert.equal(r.nodes.find((n) => n.name === 'Ben Okafor')!.mentions, 2);
  assert.equal(actorNetwork(index, { uri: 'file:///c/none.md' }), null);
});

test('the corpus is scanned once per relink: later requests read the cache, a relink refreshes it', () => {
  const index = corpus();
  actorNetwork(index);
  actorNetwork(index, { minWeight: 2 });
  actorNetwork(index, { types: ['place'] });
  assert.equal(corpusScans(index), 1);
  index.setArticle('file:///c/three.md', 'Acme and Kyiv.\n');
  assert.equal(tie(actorNetwork(index), 'Acme', 'Kyiv'), undefined, 'unchanged until the next relink');
  index.relink();
  assert.deepEqual(tie(actorNetwork(index), 'Acme', 'Kyiv'), { weight: 1, articles: 1 });
  assert.equal(corpusScans(index), 2);
});
