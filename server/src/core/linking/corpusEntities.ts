/**
 * Corpus-level linking: turns every article's clusters into corpus-wide entities.
 * Entity notes pin names first; then full names meet across articles (exactly, or as a
 * transliteration: "Nuri"/"Nouri al-Maliki", or with and without middle initials: "George Casey"/
 * "George W. Casey"); then lone surnames, acronyms and likely misspellings
 * join an entity only when the evidence is strong ("Mailiki" → Maliki, never "Jalil Nouri" →
 * Nouri al-Maliki), and a lone given name ("Saddam") the one person who has it. Deterministic: the result depends only on the order of the documents given.
 */
import type { EntityType } from '../types';
import type { DocCluster } from './documentEntities';
import { boundedEditDistance, consonantSkeleton, isVariantName, misspellingBudget } from './editDistance';
import { groupKey, initialsAgree, initialsKey, keyTokens, nameKey, slugify, splitInitials, stripArticle, surnameKey } from './nameKey';
import { GOVERNMENT_BUILDINGS } from './governmentSeats';

export interface EntityNote {
  /** Stable id (from the note's file name). */
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  role?: string;
  links: string[];
  /** The note's Markdown body (untrusted text: escape before showing). */
  body: string;
}

export interface CorpusEntity {
  id: string;
  name: string;
  type: EntityType;
  /** Every spelling seen in the corpus, with counts. */
  spellings: Map<string, number>;
  /** Normal forms that resolve to this entity. */
  keys: Set<string>;
  roles: Map<string, number>;
  note?: EntityNote;
  mentionCount: number;
  /** Indexes of the documents it appears in (into the input order). */
  documents: Set<number>;
}

export interface CorpusLinking {
  entities: CorpusEntity[];
  byId: Map<string, CorpusEntity>;
  /** assignment[doc][cluster] = entity id. */
  assignment: string[][];
  /** Per document, the clusters that are a capital standing for its government (DocCluster.governmentSeat). */
  governmentSeats?: Array<Set<number>>;
}

interface Builder {
  entity: CorpusEntity;
  typeVotes: Map<EntityType, number>;
  fullNameVotes: Map<string, number>;
  /** The words of each of `entity.keys`, in the same order (compared by `transliterationOf`). */
  keyTokens: string[][];
}

class DeletionIndex {
  private readonly map = new Map<string, Set<string>>();
  private readonly added = new Set<string>();
  add(key: string): void {
    // a surname recurs for every full name that has it: its variants are made once
    if (this.added.has(key)) return;
    this.added.add(key);
    for (const v of this.variants(key)) {
      let set = this.map.get(v);
      if (!set) this.map.set(v, (set = new Set()));
      set.add(key);
    }
  }
  candidates(key: string): Set<string> {
    const out = new Set<string>();
    for (const v of this.variants(key)) for (const k of this.map.get(v) ?? []) out.add(k);
    return out;
  }
  private variants(key: string): string[] {
    const out = [key];
    for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
    return out;
  }
}

export function linkCorpus(documents: readonly DocCluster[][], notes: readonly EntityNote[] = []): CorpusLinking {
  const builders = new Map<string, Builder>();
  const aliasIndex = new Map<string, string[]>();
  const surnameIndex = new Map<string, string[]>();
  const initialsIndex = new Map<string, string[]>();
  const fuzzySurnames = new DeletionIndex();
  /** A person's key without initials → [entity id, initials] of the persons with it. */
  const bareIndex = new Map<string, Array<[string, string]>>();
  /** A person's given name (first word of a name of two or more words) → the persons with it. */
  const givenNameIndex = new Map<string, string[]>();
  const usedIds = new Set<string>();
  const memo = new NameMemo();
  const skeleton = (token: string): string => memo.skeletonOf(token);

  const newEntity = (id: string, name: string, type: EntityType, note?: EntityNote): Builder => {
    let unique = id;
    for (let n = 2; usedIds.has(unique); n++) unique = `${id}-${n}`;
    usedIds.add(unique);
    const b: Builder = {
      entity: { id: unique, name, type, spellings: new Map(), keys: new Set(), roles: new Map(), note, mentionCount: 0, documents: new Set() },
      typeVotes: new Map(),
      fullNameVotes: new Map(),
      keyTokens: [],
    };
    builders.set(unique, b);
    return b;
  };
  /** The ids of a long index list, as a set (a common surname is shared by hundreds of entities). */
  const longLists = new WeakMap<string[], Set<string>>();
  const push = (index: Map<string, string[]>, key: string, id: string): void => {
    if (!key) return;
    const list = index.get(key);
    if (!list) index.set(key, [id]);
    else if (list.length < 16) {
      if (!list.includes(id)) list.push(id);
    } else {
      let ids = longLists.get(list);
      if (!ids) longLists.set(list, (ids = new Set(list)));
      if (!ids.has(id)) {
        ids.add(id);
        list.push(id);
      }
    }
  };
  const register = (b: Builder, key: string): void => {
    // Each key is indexed once per entity (attach calls this for every cluster of every article).
    if (!key || b.entity.keys.has(key)) return;
    b.entity.keys.add(key);
    const tokens = memo.tokensOf(key);
    b.keyTokens.push(tokens);
    push(aliasIndex, key, b.entity.id);
    if (tokens.length > 1) {
      const sur = surnameKey(key);
      push(surnameIndex, sur, b.entity.id);
      if (b.entity.type === 'person' && sur.length >= 5) fuzzySurnames.add(sur);
      if (b.entity.type === 'person') {
        const given = tokens[0];
        if (given.length >= 3) push(givenNameIndex, given, b.entity.id);
        const { bare, initials } = splitInitials(key);
        if (bare) {
          const list = bareIndex.get(bare);
          if (!list) bareIndex.set(bare, [[b.entity.id, initials]]);
          else if (!list.some(([id, i]) => id === b.entity.id && i === initials)) list.push([b.entity.id, initials]);
        }
      }
      if (b.entity.type !== 'person') push(initialsIndex, initialsKey(key), b.entity.id);
    } else if (b.entity.type === 'person' && key.length >= 5) {
      push(surnameIndex, stripArticle(key), b.entity.id);
      fuzzySurnames.add(stripArticle(key));
    }
  };

  for (const note of notes) {
    const b = newEntity(note.id, note.name, note.type, note);
    for (const form of [note.name, ...note.aliases]) {
      const key = note.type === 'group' ? groupKey(nameKey(form)) : nameKey(form);
      register(b, key);
    }
  }

  const assignment: string[][] = documents.map((clusters) => new Array<string>(clusters.length).fill(''));
  // Clusters in document order, as (document, cluster) pairs: names of several words first, then
  // one-word persons, then the other one-word names (a one-word organization or place meets a person
  // only by a lone surname already typed a person somewhere in the corpus: personSurnameOf).
  const multi: number[] = [];
  const singlePersons: number[] = [];
  const singleOthers: number[] = [];
  documents.forEach((clusters, d) =>
    clusters.forEach((cluster, c) => {
      const list = memo.tokensOf(cluster.key).length > 1 ? multi : cluster.type === 'person' ? singlePersons : singleOthers;
      list.push(d, c);
    }),
  );
  const single = singlePersons.concat(singleOthers);

  /** The entity a name already resolves to, if its type is compatible (people apart from the rest). */
  const byAlias = (key: string, type: EntityType): string | undefined => {
    // A plural or singular spelling of a group ("Shias"/"Shia") meets the group's key.
    const ids = aliasIndex.get(key) ?? aliasIndex.get(groupKey(key));
    if (!ids) return undefined;
    const person = type === 'person';
    return ids.find((id) => (builders.get(id)!.entity.type === 'person') === person || builders.get(id)!.entity.note !== undefined);
  };

  const pick = (ids: string[] | undefined, type: EntityType, personOnly: boolean): string | undefined => {
    if (!ids) return undefined;
    let best: Builder | undefined;
    for (const id of ids) {
      const b = builders.get(id)!;
      if (personOnly && b.entity.type !== 'person') continue;
      if (!personOnly && b.entity.type !== type) continue;
      if (!best || b.entity.mentionCount > best.entity.mentionCount) best = b;
    }
    return best?.entity.id;
  };

  const attach = (d: number, c: number, id: string): void => {
    const cluster = documents[d][c];
    const b = builders.get(id)!;
    assignment[d][c] = id;
    const e = b.entity;
    e.mentionCount += cluster.mentions.length;
    e.documents.add(d);
    for (const [s, n] of cluster.spellings) e.spellings.set(s, (e.spellings.get(s) ?? 0) + n);
    for (const r of cluster.roles) e.roles.set(r, (e.roles.get(r) ?? 0) + 1);
    b.typeVotes.set(cluster.type, (b.typeVotes.get(cluster.type) ?? 0) + cluster.mentions.length);
    for (const key of cluster.keys) register(b, key);
    if (cluster.acronym) register(b, cluster.acronym);
    if (memo.tokensOf(cluster.key).length > 1) {
      const display = longestSpelling(cluster);
      b.fullNameVotes.set(display, (b.fullNameVotes.get(display) ?? 0) + cluster.mentions.length);
    }
  };

  for (let p = 0; p < multi.length; p += 2) {
    const d = multi[p];
    const c = multi[p + 1];
    const cluster = documents[d][c];
    let id = byAlias(cluster.key, cluster.type);
    // (a person's surname alone is no evidence: "Bill Clinton" and "Hillary Clinton" both go by "Clinton")
    for (const k of cluster.keys) if (!id && (cluster.type !== 'person' || memo.tokensOf(k).length > 1)) id = byAlias(k, cluster.type);
    if (!id && cluster.type === 'person') id = initialsVariantOf(cluster.key, bareIndex);
    if (!id) id = transliterationOf(cluster, surnameIndex, builders, memo, skeleton);
    if (!id) id = newEntity(slugify(cluster.key), longestSpelling(cluster), cluster.type).entity.id;
    attach(d, c, id);
  }

  for (let p = 0; p < single.length; p += 2) {
    const d = single[p];
    const c = single[p + 1];
    const cluster = documents[d][c];
    const key = cluster.key;
    let id = byAlias(key, cluster.type);
    if (!id && /^[a-z]{2,6}$/.test(key) && [...cluster.spellings.keys()].every((s) => s.replace(/\./g, '') === s.replace(/\./g, '').toUpperCase())) {
      const ids = initialsIndex.get(key);
      if (ids && ids.length === 1) id = ids[0];
    }
    if (!id && cluster.type === 'person') id = pick(surnameIndex.get(stripArticle(key)), cluster.type, true);
    if (!id && (cluster.type === 'organization' || cluster.type === 'place')) id = personSurnameOf(cluster, surnameIndex, builders);
    if (!id && cluster.type === 'person') id = misspelledSurname(stripArticle(key), fuzzySurnames, surnameIndex, builders);
    // "Saddam" alone: the one person whose given name it is, when no person goes by it as a surname
    if (!id && cluster.type === 'person') {
      const ids = givenNameIndex.get(key);
      if (ids && ids.length === 1) id = ids[0];
    }
    if (!id) id = newEntity(slugify(key), longestSpelling(cluster), cluster.type).entity.id;
    attach(d, c, id);
  }

  const entities: CorpusEntity[] = [];
  for (const b of builders.values()) {
    const e = b.entity;
    if (!e.note) {
      e.type = topOf(b.typeVotes) ?? e.type;
      e.name = topOf(b.fullNameVotes) ?? topOf(e.spellings) ?? e.name;
      e.name = e.name.replace(/['’]s$/, '');
    }
    if (e.mentionCount > 0 || e.note) entities.push(e);
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  const governmentSeats = documents.map((clusters) => {
    const seats = new Set<number>();
    clusters.forEach((c, i) => {
      if (c.governmentSeat) seats.add(i);
    });
    return seats;
  });
  return { entities, byId, assignment, governmentSeats };
}

function longestSpelling(cluster: DocCluster): string {
  let best = '';
  let bestWords = 1; // ''.split(/\s+/).length
  for (const s of cluster.spellings.keys()) {
    const clean = s.replace(/['’]s$/, '');
    const words = clean.split(/\s+/).length;
    if (words > bestWords || (words === bestWords && clean.length > best.length)) {
      best = clean;
      bestWords = words;
    }
  }
  return best;
}

function topOf<K>(votes: Map<K, number>): K | undefined {
  let best: K | undefined;
  let n = -1;
  for (const [k, v] of votes) {
    if (v > n) {
      best = k;
      n = v;
    }
  }
  return best;
}

/** Memoised token splits and skeletons for one linking run (names recur thousands of times). */
class NameMemo {
  private readonly tokens = new Map<string, string[]>();
  private readonly skeletons = new Map<string, string>();
  tokensOf(key: string): string[] {
    let t = this.tokens.get(key);
    if (!t) this.tokens.set(key, (t = keyTokens(key)));
    return t;
  }
  skeletonOf(token: string): string {
    let s = this.skeletons.get(token);
    if (s === undefined) this.skeletons.set(token, (s = consonantSkeleton(token)));
    return s;
  }
}

/** At most this many same-surname entities are compared (common surnames in big corpora). */
const MAX_SURNAME_CANDIDATES = 64;

/**
 * "Nuri al-Maliki" ~ "Nouri al-Maliki": same surname and token count, and exactly one token that
 * differs as a transliteration (same first letter and consonant skeleton) or a one-letter typo.
 */
function transliterationOf(cluster: DocCluster, surnameIndex: Map<string, string[]>, builders: Map<string, Builder>, memo: NameMemo, skeleton: (token: string) => string): string | undefined {
  const tokens = memo.tokensOf(cluster.key);
  const ids = surnameIndex.get(surnameKey(cluster.key));
  if (!ids) return undefined;
  for (let n = 0; n < ids.length && n < MAX_SURNAME_CANDIDATES; n++) {
    const b = builders.get(ids[n])!;
    if (b.entity.type !== cluster.type) continue;
    for (const other of b.keyTokens) if (other.length === tokens.length && isVariantName(tokens, other, skeleton)) return b.entity.id;
  }
  return undefined;
}

/**
 * "George Casey" ~ "George W. Casey": the one person entity whose name without initials is the
 * cluster's, with initials that agree (none on one side, or the same). Two such entities (George
 * Bush beside George H. W. Bush and George W. Bush): none.
 */
function initialsVariantOf(key: string, bareIndex: Map<string, Array<[string, string]>>): string | undefined {
  const { bare, initials } = splitInitials(key);
  if (!bare) return undefined;
  let found: string | undefined;
  for (const [id, other] of bareIndex.get(bare) ?? []) {
    if (!initialsAgree(initials, other)) continue;
    if (found !== undefined && found !== id) return undefined;
    found = id;
  }
  return found;
}

/** A one-word organization or place joins a person only when the recognizer was below this confidence in every mention typed so. */
export const MAX_SURNAME_JOIN_CONFIDENCE = 0.8;

/**
 * The person a one-word organization or place of an article is, by its surname: only on strong
 * evidence, since many countries, cities and companies are also surnames ("Jordan" the country and
 * "Michael Jordan"): the recognizer was unsure of the name as typed (a cluster without a known
 * confidence counts as sure), and exactly one person entity has that surname and was already
 * mentioned by it alone, typed a person (a key of the entity). In the same article the document
 * linker joins a mistyped surname to its person on its own evidence (surnameTypes.ts).
 */
function personSurnameOf(cluster: DocCluster, surnameIndex: Map<string, string[]>, builders: Map<string, Builder>): string | undefined {
  if (cluster.confidence === undefined || cluster.confidence >= MAX_SURNAME_JOIN_CONFIDENCE) return undefined;
  const bare = stripArticle(cluster.key);
  let found: string | undefined;
  for (const id of surnameIndex.get(bare) ?? []) {
    const e = builders.get(id)!.entity;
    if (e.type !== 'person' || !(e.keys.has(bare) || e.keys.has(cluster.key))) continue;
    if (found !== undefined) return undefined;
    found = id;
  }
  return found;
}

/** A lone surname one edit away from a well-attested person's surname ("Mailiki" → Maliki). */
function misspelledSurname(key: string, fuzzy: DeletionIndex, surnameIndex: Map<string, string[]>, builders: Map<string, Builder>): string | undefined {
  const budget = misspellingBudget(key.length);
  if (budget === 0) return undefined;
  let best: Builder | undefined;
  for (const candidate of fuzzy.candidates(key)) {
    if (candidate === key || candidate.charAt(0) !== key.charAt(0)) continue;
    if (boundedEditDistance(key, candidate, 1) > 1) continue;
    for (const id of surnameIndex.get(candidate) ?? []) {
      const b = builders.get(id)!;
      if (b.entity.type !== 'person' || b.entity.mentionCount < 3) continue;
      if (!best || b.entity.mentionCount > best.entity.mentionCount) best = b;
    }
  }
  return best?.entity.id;
}

/** The entity is a building that names a government ("Capitol Hill"), by one of its spellings. */
function isGovernmentBuilding(entity: CorpusEntity): boolean {
  for (const spelling of entity.spellings.keys()) if (GOVERNMENT_BUILDINGS.has(spelling)) return true;
  return GOVERNMENT_BUILDINGS.has(entity.name);
}

/**
 * The type a document cluster's mentions should report once linked: the type of the entity's note
 * when it has one (the reader's decision: "White House" is an organization, "Capitol Hill" an alias
 * of Congress), else the cluster's own type. Not the corpus entity's voted type: giving every
 * mention that type measured worse on CoNLL dev (93.83 -> 92.22).
 */
export function reportedType(linking: CorpusLinking, doc: number, cluster: number, ownType: EntityType): EntityType {
  const id = linking.assignment[doc]?.[cluster];
  return typeAsReported(id ? linking.byId.get(id) : undefined, ownType, !!linking.governmentSeats?.[doc]?.has(cluster));
}

/**
 * The rule of `reportedType` for a mention of `entity` (if linked) whose own type is `ownType`;
 * `governmentSeat`: its document cluster is a capital or building standing for a government
 * (DocCluster.governmentSeat).
 */
export function typeAsReported(entity: CorpusEntity | undefined, ownType: EntityType, governmentSeat: boolean): EntityType {
  const note = entity?.note;
  if (governmentSeat) {
    // A capital standing for its government is an organization, whatever the city's note says; a
    // building ("Capitol Hill") is what the reader's note says it is.
    if (!note || !isGovernmentBuilding(entity!)) return 'organization';
  }
  return note ? note.type : ownType;
}
