#!/usr/bin/env node
// Deterministic synthetic news corpus for the benchmark: N articles of about 1,000 words, Markdown
// with YAML front matter, actors drawn from a fixed Zipf-distributed universe (tens of thousands of
// people, organizations with acronyms, places, groups), absolute and relative dates, quotations
// with "said X", headings and numbered lists. It records where it placed each name (a sample for
// hovers, positions of the most frequent actors for references, the edit target) in manifest.json.
//
//   node bench/generateCorpus.js --articles 10000 [--seed 42] [--out DIR]
// Output: DIR (default .cache/bench/corpus-N-sSEED-vVERSION)/{corpus/**.md, manifest.json}; reused if present.
'use strict';
const fs = require('fs');
const path = require('path');
const L = require('./corpusLexicon');
const { createRandom, createUniverse } = require('./entityUniverse');

const GENERATOR_VERSION = 2;
const ROOT = path.join(__dirname, '..');
const HOVER_SAMPLE = 4000;
const TRACKED_RANKS = 60; // per type: positions kept for references of the most frequent actors
const POSITIONS_PER_ENTITY = 8;

/** Builds one article's text while tracking offsets, lines and words, and recording name spans. */
class ArticleWriter {
  constructor() {
    this.parts = [];
    this.length = 0;
    this.line = 0;
    this.lineStart = 0;
    this.words = 0;
    this.marks = [];
  }
  push(s) {
    let i = s.indexOf('\n');
    while (i >= 0) {
      this.line++;
      this.lineStart = this.length + i + 1;
      i = s.indexOf('\n', i + 1);
    }
    this.parts.push(s);
    this.length += s.length;
  }
  /** Appends a name and records its span. */
  mark(text, entity, form) {
    this.marks.push({ id: entity.id, type: entity.type, form, start: this.length, end: this.length + text.length, line: this.line, character: this.length - this.lineStart });
    this.push(text);
  }
  text() {
    return this.parts.join('');
  }
}

/** One article's prose: a cast of actors, referred to in full first and briefly afterwards. */
class ArticleComposer {
  constructor(rnd, universe, w) {
    this.rnd = rnd;
    this.u = universe;
    this.w = w;
    this.seen = new Set();
  }
  cast(type, min, max, required) {
    const n = min + this.rnd.int(max - min + 1);
    const picked = required ? [...required] : [];
    const surnames = new Set(picked.map((e) => e.surname));
    for (let guard = 0; picked.length < n && guard < n * 10; guard++) {
      const e = this.u.sample(type);
      if (picked.includes(e) || (e.surname && surnames.has(e.surname))) continue;
      surnames.add(e.surname);
      picked.push(e);
    }
    return picked;
  }
  person(p) {
    const { rnd, w } = this;
    if (!this.seen.has(p.id)) {
      this.seen.add(p.id);
      if (p.role && rnd.chance(0.7)) w.push(p.role + ' ');
      w.mark(p.name, p, 'full');
      return;
    }
    const r = rnd.next();
    if (r < 0.15) w.push(p.gender === 'f' ? 'Ms. ' : 'Mr. ');
    else if (r < 0.3 && p.role) w.push(p.role + ' ');
    w.mark(p.surname, p, 'short');
  }
  org(o, capital = false) {
    const { w } = this;
    const the = capital ? 'The ' : 'the ';
    if (!this.seen.has(o.id)) {
      this.seen.add(o.id);
      if (!/ (Corp\.|Inc\.|Ltd\.|Co\.|Holdings|Group|Partners|Industries)$/.test(o.name)) w.push(the);
      w.mark(o.name, o, 'full');
      if (o.acronym) w.push(` (${o.acronym})`);
      return;
    }
    if (o.acronym || / Ministry$/.test(o.short)) w.push(the);
    w.mark(o.short, o, 'short');
  }
  simple(e) {
    this.w.mark(e.name, e, this.seen.has(e.id) ? 'short' : 'full');
    this.seen.add(e.id);
  }
  np() {
    const { rnd } = this;
    return `the ${rnd.chance(0.6) ? rnd.pick(L.adjectives) + ' ' : ''}${rnd.pick(L.nouns)}`;
  }
  date() {
    const { rnd } = this;
    const r = rnd.next();
    if (r < 0.3) return `on ${rnd.pick(L.weekdays)}`;
    if (r < 0.55) return `on ${rnd.pick(L.monthsAp)} ${1 + rnd.int(28)}`;
    if (r < 0.65) return `on ${rnd.pick(L.monthsFull)} ${1 + rnd.int(28)}, ${1995 + rnd.int(30)}`;
    if (r < 0.75) return `in ${rnd.pick(L.monthsFull)}`;
    if (r < 0.82) return `in ${1990 + rnd.int(35)}`;
    return rnd.pick(L.relativeDates);
  }
  quote() {
    const { rnd } = this;
    return `${rnd.pick(L.quoteOpeners)} ${this.np()} ${rnd.pick(L.quoteClosers)}`;
  }
  /** One sentence (ends with a space). */
  sentence(c) {
    const { rnd, w } = this;
    const v = rnd.pick(L.verbs);
    const k = rnd.next();
    if (k < 0.2) {
      this.person(rnd.pick(c.people));
      if (rnd.chance(0.3)) {
        w.push(`, ${rnd.pick(L.descriptors)} `);
        this.org(rnd.pick(c.orgs));
        w.push(',');
      }
      w.push(` ${rnd.pick(L.sayVerbs)} ${this.date()} that ${this.np()} would ${v[0]} ${this.np()} ${rnd.pick(L.prepPhrases)}. `);
    } else if (k < 0.36) {
      const open = rnd.chance(0.5) ? ['“', '”'] : ['"', '"'];
      w.push(`${open[0]}${this.quote()},${open[1]} `);
      if (rnd.chance(0.5)) {
        w.push('said ');
        this.person(rnd.pick(c.people));
      } else {
        this.person(rnd.pick(c.people));
        w.push(' said');
      }
      w.push(rnd.chance(0.3) ? ` ${this.date()}. ` : '. ');
    } else if (k < 0.5) {
      const connective = rnd.chance(0.3);
      if (connective) w.push(`${rnd.pick(L.connectives)} `);
      this.org(rnd.pick(c.orgs), !connective);
      w.push(` ${v[1]} ${this.np()} ${this.date()}, ${rnd.pick(L.prepPhrases)}. `);
    } else if (k < 0.62) {
      w.push('In ');
      this.simple(rnd.pick(c.places));
      w.push(`, ${this.np()} was ${v[3]} ${rnd.pick(L.prepPhrases)}, and officials in `);
      this.simple(rnd.pick(c.places));
      w.push(` said ${this.np()} could follow ${this.date()}. `);
    } else if (k < 0.7 && c.groups.length) {
      w.push('Many ');
      this.simple(rnd.pick(c.groups));
      w.push(` ${v[0]} ${this.np()}, according to `);
      this.org(rnd.pick(c.orgs));
      w.push('. ');
    } else if (k < 0.78) {
      w.push(`${capitalizeFirst(this.date())}, `);
      this.person(rnd.pick(c.people));
      w.push(` met officials from `);
      this.simple(rnd.pick(c.places));
      w.push(` to discuss ${this.np()} and ${this.np()}. `);
    } else {
      w.push(`${rnd.chance(0.25) ? rnd.pick(L.connectives) + ' t' : 'T'}he ${rnd.chance(0.5) ? rnd.pick(L.adjectives) + ' ' : ''}${rnd.pick(L.nouns)} ${v[2]} ${this.np()} ${rnd.pick(L.prepPhrases)}, and ${this.np()} is expected to ${v[0]} ${this.np()} by ${rnd.int(2) ? 'the end of the year' : 'next spring'}. `);
    }
  }
}

const capitalizeFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function isoDate(rnd) {
  const d = new Date(Date.UTC(2000, 0, 1) + rnd.int(365 * 25) * 86400000);
  return d.toISOString().slice(0, 10);
}

/** Writes one article; returns { relativePath, text, marks, words }. */
function composeArticle(rnd, universe, index, targetWords, required = {}) {
  const w = new ArticleWriter();
  const c = new ArticleComposer(rnd, universe, w);
  const cast = {
    people: c.cast('person', 4, 10, required.people),
    orgs: c.cast('organization', 2, 5),
    places: c.cast('place', 2, 5),
    groups: c.cast('group', 0, 3),
  };
  const date = isoDate(rnd);
  const lead = cast.people[0];
  const title = `${lead.surname} ${rnd.pick(L.verbs)[2]} ${rnd.pick(L.adjectives)} ${rnd.pick(L.nouns)} as ${cast.places[0].name} weighs ${rnd.pick(L.nouns)}`;
  const author = universe.byType.person[500 + rnd.int(2000)].name;
  w.push(`---\ntitle: "${title}"\nauthor: ${author}\npublisher: ${rnd.pick(L.publications)}\ndate: ${date}\n---\n\n`);
  let words = 0;
  let paragraphs = 0;
  const listAt = rnd.chance(0.3) ? 2 + rnd.int(4) : -1;
  while (words < targetWords) {
    if (paragraphs > 0 && paragraphs % (3 + (index % 3)) === 0) w.push(`## ${capitalizeFirst(c.np().slice(4))} and ${rnd.pick(L.nouns)} in ${cast.places[rnd.int(cast.places.length)].name}\n\n`);
    const before = w.length;
    if (paragraphs === listAt) {
      w.push('The proposal includes:\n\n');
      const items = 3 + rnd.int(3);
      for (let i = 1; i <= items; i++) {
        w.push(`${i}. `);
        c.sentence(cast);
        trimTrailingSpace(w);
        w.push('\n');
      }
      w.push('\n');
    } else {
      const sentences = 3 + rnd.int(4);
      for (let s = 0; s < sentences; s++) c.sentence(cast);
      trimTrailingSpace(w);
      w.push('\n\n');
    }
    words += countWords(w.parts, before, w.length);
    paragraphs++;
  }
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  const folder = String(Math.floor(index / 1000)).padStart(3, '0');
  return { relativePath: `corpus/${folder}/${date}-${slug}-${index}.md`, text: w.text(), marks: w.marks, words, date };
}

function trimTrailingSpace(w) {
  const last = w.parts[w.parts.length - 1];
  if (last.endsWith(' ')) {
    w.parts[w.parts.length - 1] = last.slice(0, -1);
    w.length--;
  }
}

function countWords(parts, fromLength, toLength) {
  // Words in the text appended since `fromLength` (approximate by scanning the last parts).
  let n = 0;
  let len = toLength;
  for (let i = parts.length - 1; i >= 0 && len > fromLength; i--) {
    const m = parts[i].match(/[A-Za-z0-9][^\s]*/g);
    if (m) n += m.length;
    len -= parts[i].length;
  }
  return n;
}

function defaultOut(articles, seed) {
  return path.join(ROOT, '.cache', 'bench', `corpus-${articles}-s${seed}-v${GENERATOR_VERSION}`);
}

/** Generates (or reuses) the corpus; returns the manifest. */
function generateCorpus({ articles = 10000, seed = 42, out, wordsPerArticle = 1000, log = () => undefined } = {}) {
  const dir = out ?? defaultOut(articles, seed);
  const manifestPath = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifestPath)) {
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    if (m.generatorVersion === GENERATOR_VERSION && m.articles === articles && m.seed === seed) return { ...m, dir, reused: true };
  }
  const started = Date.now();
  fs.rmSync(path.join(dir, 'corpus'), { recursive: true, force: true });
  const universe = createUniverse(seed);
  const rnd = createRandom(seed);
  const counts = new Map();
  const files = [];
  const hoverSample = [];
  let marksSeen = 0;
  const tracked = new Map(); // id -> positions (for the most frequent ranks)
  for (const type of Object.keys(universe.byType)) for (let r = 0; r < TRACKED_RANKS && r < universe.byType[type].length; r++) tracked.set(universe.byType[type][r].id, []);
  let totalWords = 0;
  let bytes = 0;
  const made = new Set();
  const record = (a) => {
    const dirPath = path.join(dir, path.dirname(a.relativePath));
    if (!made.has(dirPath)) fs.mkdirSync(dirPath, { recursive: true }), made.add(dirPath);
    fs.writeFileSync(path.join(dir, a.relativePath), a.text);
    files.push(a.relativePath);
    totalWords += a.words;
    bytes += Buffer.byteLength(a.text);
    for (const m of a.marks) {
      counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
      const pos = { path: a.relativePath, line: m.line, character: m.character, start: m.start, end: m.end, id: m.id, type: m.type, form: m.form };
      const list = tracked.get(m.id);
      if (list && list.length < POSITIONS_PER_ENTITY && !list.some((p) => p.path === a.relativePath)) list.push(pos);
      // Reservoir sample of all mentions (uniform over the corpus).
      marksSeen++;
      if (hoverSample.length < HOVER_SAMPLE) hoverSample.push(pos);
      else {
        const j = rnd.int(marksSeen);
        if (j < HOVER_SAMPLE) hoverSample[j] = pos;
      }
    }
  };
  for (let i = 0; i < articles; i++) {
    record(composeArticle(rnd, universe, i, Math.round(wordsPerArticle * (0.85 + rnd.next() * 0.3))));
    if (i % 2000 === 1999) log(`  generated ${i + 1}/${articles} articles`);
  }
  // The edit target: a 1,500-word article featuring the most frequent person.
  const topPerson = universe.top('person', 0);
  const edit = composeArticle(rnd, universe, articles, 1500, { people: [topPerson] });
  edit.relativePath = 'corpus/edit/bench-edit-target.md';
  record(edit);
  const editMention = edit.marks.find((m) => m.id === topPerson.id);

  const entityOf = (id) => {
    const type = { p: 'person', o: 'organization', l: 'place', g: 'group' }[id[0]];
    return universe.byType[type][universe.byType[type].findIndex((e) => e.id === id)];
  };
  const frequent = [...tracked.entries()]
    .map(([id, positions]) => ({ id, count: counts.get(id) ?? 0, positions }))
    .filter((e) => e.positions.length)
    .sort((a, b) => b.count - a.count)
    .slice(0, 40)
    .map((e) => ({ ...e, name: entityOf(e.id).name, type: entityOf(e.id).type }));
  const distinct = { person: 0, organization: 0, place: 0, group: 0 };
  for (const id of counts.keys()) distinct[{ p: 'person', o: 'organization', l: 'place', g: 'group' }[id[0]]]++;
  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    articles,
    seed,
    files: files.length,
    words: totalWords,
    bytes,
    mentions: marksSeen,
    distinctActors: distinct,
    actorsWith1000Mentions: [...counts.values()].filter((n) => n >= 1000).length,
    frequent,
    hoverSample,
    edit: { path: edit.relativePath, words: edit.words, entity: { id: topPerson.id, name: topPerson.name, surname: topPerson.surname }, existing: editMention },
    generatedMs: Date.now() - started,
    fileList: files,
  };
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  return { ...manifest, dir, reused: false };
}

if (require.main === module) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : def;
  };
  const m = generateCorpus({ articles: Number(arg('articles', 10000)), seed: Number(arg('seed', 42)), out: arg('out'), log: console.log });
  const { hoverSample, fileList, frequent, ...summary } = m;
  console.log(JSON.stringify({ ...summary, frequent: frequent.slice(0, 10).map((f) => `${f.name} (${f.type}) ${f.count}`) }, null, 1));
}

module.exports = { generateCorpus, GENERATOR_VERSION };
