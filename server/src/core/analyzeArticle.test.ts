import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle, type AnalysisComponents } from './analyzeArticle';
import { maskMarkup } from './text/blocks';
import type { DateMention, EntityMention, EntityType } from './types';

const NAMES: Record<string, EntityType> = { 'Nouri al-Maliki': 'person', Maliki: 'person', Iraq: 'place', Baghdad: 'place' };

/** Fake components: a dictionary recognizer (longest name first), a recorder for what dates and the outline are given. */
function fakes() {
  const seen = { dateTexts: [] as string[], outlineMentions: [] as EntityMention[][], recognized: [] as string[] };
  const components: AnalysisComponents = {
    maskMarkup,
    recognizeEntities(text) {
      seen.recognized.push(text);
      const out: EntityMention[] = [];
      const taken = new Uint8Array(text.length);
      for (const name of Object.keys(NAMES).sort((a, b) => b.length - a.length)) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
          if (/[\w-]/.test(text.charAt(at - 1)) || /\w/.test(text.charAt(at + name.length)) || taken[at]) continue;
          taken.fill(1, at, at + name.length);
          out.push({ start: at, end: at + name.length, type: NAMES[name], text: name, source: 'model', confidence: 0.99 });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
    recognizeDates(text) {
      seen.dateTexts.push(text);
      const at = text.indexOf('2007');
      return at < 0 ? [] : [{ start: at, end: at + 4, text: '2007', value: '2007', type: 'date', relative: false } satisfies DateMention];
    },
    analyzeArgument(input) {
      seen.outlineMentions.push(input.mentions);
      return { outline: [], quotes: [] };
    },
  };
  return { components, seen };
}

const ARTICLE = [
  '---',
  'title: "Maliki Issues Plea for Help at Iraq Talks in 2007"',
  'author: James Cogan, Peter Symonds',
  'publisher: The Heritage Foundation',
  'url: https://example.org/a',
  'date: 2007-03-12',
  '---',
  '',
  'Nouri al-Maliki made a plea in Baghdad. Maliki said Iraq needs help at the talks.',
].join('\n');

test('names of the title, authors and publisher are mentions at their offsets, linked with the body', () => {
  const { components } = fakes();
  const a = analyzeArticle(ARTICLE, components);
  const front = a.mentions.filter((m) => m.start < a.bodyStart);
  assert.deepEqual(
    front.map((m) => [m.text, m.type, m.source]),
    [['Maliki', 'person', 'model'], ['Iraq', 'place', 'model'], ['James Cogan', 'person', 'rule'], ['Peter Symonds', 'person', 'rule'], ['Heritage Foundation', 'organization', 'rule']],
  );
  for (const m of a.mentions) assert.equal(ARTICLE.slice(m.start, m.end), m.text);
  const i = a.mentions.indexOf(front[0]);
  const full = a.mentions.findIndex((m) => m.text === 'Nouri al-Maliki');
  assert.equal(a.clusterOf[i], a.clusterOf[full], 'title "Maliki" joins "Nouri al-Maliki"');
  assert.ok(a.mentions.every((m) => !/example\.org|2007-03-12/.test(m.text)));
});

test('dates and the outline read the body only', () => {
  const { components, seen } = fakes();
  const a = analyzeArticle(ARTICLE, components);
  assert.deepEqual(a.dates, [], 'the 2007 of the title is not a date mention');
  assert.ok(!seen.dateTexts[0].includes('Plea'));
  assert.ok(seen.outlineMentions[0].length > 0);
  assert.ok(seen.outlineMentions[0].every((m) => m.start >= a.bodyStart));
  assert.equal(a.meta.date, '2007-03-12');
});

test('plain text (the CLI --jsonl-in path) reads no front matter', () => {
  const { components, seen } = fakes();
  const text = 'title: Maliki Issues Plea\nauthor: James Cogan\n\nMaliki spoke in Iraq.';
  const a = analyzeArticle(text, components, { frontMatter: false });
  assert.equal(seen.recognized.length, 1, 'the recognizer runs once, on the text');
  assert.ok(!a.mentions.some((m) => m.source === 'rule'));
});

test('malformed front matter keeps its diagnostic and gives no front-matter mentions', () => {
  const { components } = fakes();
  const text = '---\ntitle: [Maliki in Iraq\n  : :\nauthor: James Cogan\n---\nMaliki spoke in Iraq.';
  const a = analyzeArticle(text, components);
  assert.equal(a.problems[0].code, 'frontmatter-invalid');
  assert.deepEqual(a.mentions.filter((m) => m.start < a.bodyStart), []);
  assert.ok(a.mentions.length > 0, 'the body is still read');
});

test('CRLF front matter: names at their offsets', () => {
  const { components } = fakes();
  const text = ARTICLE.replace(/\n/g, '\r\n');
  const a = analyzeArticle(text, components);
  const front = a.mentions.filter((m) => m.start < a.bodyStart);
  assert.equal(front.length, 5);
  for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test("the reader's ignore list applies to front-matter names", () => {
  const { components } = fakes();
  const a = analyzeArticle(ARTICLE, components, { decisions: { ignored: new Set(['heritage foundation']), types: new Map() } });
  assert.ok(!a.mentions.some((m) => m.text === 'Heritage Foundation'));
});
