/**
 * Names in the front matter, at their offsets in the article:
 * - the `title` is read by the name recognizer like a sentence of the body (a headline-cased title
 *   first takes the body's casing, see headlineCase.ts);
 * - `author` / `authors` values are people, `publisher` / `source` values organizations (source
 *   'rule'), when they look like names: capitalised words, not a URL or an e-mail address.
 * Only values placed with certainty are read (frontMatterValues.ts). Pure: text in, mentions out.
 */
import { frontMatterValues, type FrontMatterBlock, type FrontMatterValue } from './frontMatterValues';
import { sentenceCaseTitle } from './headlineCase';
import type { EntityMention, EntityType, Span } from './types';

/** Confidence of a name read from an author or publisher field. */
export const FIELD_NAME_CONFIDENCE = 0.95;

const PERSON_KEYS = new Set(['author', 'authors']);
const ORGANIZATION_KEYS = new Set(['publisher', 'source']);
const TITLE_KEY = 'title';
/** A longer "title" is not a headline: its names are not read (the reading is per word of the title). */
export const MAX_TITLE_LENGTH = 1000;

/** Lower-case words inside a person's name ("Ibn", "van", "al-" are also written capitalised). */
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'du', 'des', 'al', 'el', 'bin', 'bint', 'ibn', 'ben', 'ter', 'ten', 'y', 'e', 'zu']);
/** Lower-case words inside an organization's name ("Council on Foreign Relations"). */
const ORG_CONNECTORS = new Set(['of', 'on', 'for', 'and', 'the', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'el', 'al', 'y', 'et', 'für', '&', 'und']);
/** An author field naming a desk or an outlet rather than a person. */
const NOT_A_PERSON = /^(?:staff|desk|team|editors?|editorial|board|reporters?|correspondents?|wire|wires|admin|administrator|guest|contributors?|anonymous|unknown)$/i;
const ORGANIZATION_WORD = /^(?:press|news|agency|institute|foundation|council|committee|center|centre|network|group|times|post|journal|service|university|association|society|media|magazine|review|tribune|herald|gazette|daily|weekly|broadcasting|corporation|company|inc\.?|ltd\.?)$/i;

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
const HYPHEN_PARTICLE = /^(?:al|el|ad|ar|as|at|an|ash|az|ul|ibn|bin|abu|abd)-\p{Lu}[\p{L}\p{M}'’-]*$/u;
const DOMAIN_NAME = /^\p{Lu}[\p{L}\p{M}\d-]*(?:\.[a-z]{2,10})+$/u;

function looksLikeAddress(s: string): boolean {
  return /:\/\/|^www\.|@|\/|\\|^mailto:/i.test(s);
}

/** Whether `words` (split on single blanks) read as a person's name: two to six capitalised words, particles inside. */
function personShape(words: string[]): boolean {
  if (words.length < 2 || words.length > 6) return false;
  const named = (w: string) => (CAPITALISED.test(w) || INITIALS.test(w) || HYPHEN_PARTICLE.test(w)) && !/\d/.test(w);
  if (!named(words[0]) || !named(words[words.length - 1])) return false;
  return words.every((w) => named(w) || NAME_PARTICLES.has(w));
}

/** An organization's name: capitalised words (connectors inside), or a site name ("Antiwar.com"). */
function organizationShape(words: string[]): boolean {
  if (words.length === 0 || words.length > 10) return false;
  if (words.length === 1 && DOMAIN_NAME.test(words[0])) return true;
  const named = (w: string) => CAPITALISED.test(w) || /^\p{Lu}[\p{L}\p{M}\d'’.&-]*$/u.test(w) || /^\d+$/.test(w);
  if (!/^\p{Lu}/u.test(words[0]) || !named(words[words.length - 1])) return false;
  return words.every((w) => named(w) || ORG_CONNECTORS.has(w.toLowerCase()));
}

/** Pieces of a field value at offsets relative to it: trimmed, a leading "By " or "the " dropped, trailing punctuation dropped. */
function trimmedPiece(value: string, start: number, end: number, dropThe: boolean): Span | null {
  while (start < end && /[\s,;]/.test(value.charAt(start))) start++;
  while (end > start && /[\s,;:]/.test(value.charAt(end - 1))) end--;
  const lead = /^(?:by|the)\s+/i.exec(value.slice(start, end));
  if (lead && (lead[0].toLowerCase().startsWith('by') || dropThe)) start += lead[0].length;
  // a final full stop belongs to the name only after an initial or an abbreviation
  if (value.charAt(end - 1) === '.' && !/(?:\b\p{Lu}|\b(?:Inc|Jr|Sr|Co|Corp|Ltd|St))\.$/u.test(value.slice(start, end))) end--;
  return end > start ? { start, end } : null;
}

/** Splits a person field on commas, semicolons, "&" and "and"; an organization field on semicolons only. */
function fieldPieces(readable: string, person: boolean): Span[] {
  const out: Span[] = [];
  // (blanks around a separator are trimmed off each piece later)
  const separator = person ? /[,;&]|\band\b/gi : /;/g;
  let last = 0;
  for (let m = separator.exec(readable); m; m = separator.exec(readable)) {
    if (m[0].length === 0) {
      separator.lastIndex++;
      continue;
    }
    out.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  out.push({ start: last, end: readable.length });
  return out;
}

function fieldMentions(field: FrontMatterValue, source: string): EntityMention[] {
  const person = PERSON_KEYS.has(field.key);
  const out: EntityMention[] = [];
  if (looksLikeAddress(field.readable)) return out;
  for (const piece of fieldPieces(field.readable, person)) {
    const span = trimmedPiece(field.readable, piece.start, piece.end, !person);
    if (!span) continue;
    const surface = field.readable.slice(span.start, span.end);
    if (looksLikeAddress(surface) || /[\r\n\t]/.test(surface)) continue;
    const words = surface.split(' ');
    if (words.some((w) => w === '')) continue;
    let type: EntityType;
    if (person) {
      if (words.some((w) => NOT_A_PERSON.test(w))) continue;
      if (words.some((w) => ORGANIZATION_WORD.test(w)) && organizationShape(words)) type = 'organization';
      else if (personShape(words)) type = 'person';
      else continue;
    } else if (organizationShape(words)) type = 'organization';
    else continue;
    const start = field.start + span.start;
    const end = field.start + span.end;
    // the readable copy blanks quoting escapes: a name must stand in the source as it reads
    if (source.slice(start, end) !== surface) continue;
    out.push({ start, end, type, text: surface, source: 'rule', confidence: FIELD_NAME_CONFIDENCE });
  }
  return out;
}

function titleMentions(field: FrontMatterValue, source: string, readable: string, recognize: (text: string) => EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of recognize(readable)) {
    if (!(m.start >= 0 && m.end <= readable.length && m.end > m.start)) continue;
    const start = field.start + m.start;
    const end = field.start + m.end;
    const surface = source.slice(start, end);
    // a name across a blanked escape is not as the source writes it
    if (surface !== field.readable.slice(m.start, m.end)) continue;
    out.push({ ...m, start, end, text: surface });
  }
  return out;
}

const NAME_CHAR = /[\p{L}\p{M}'’.-]/u;

/** Start of the capitalised word that ends in blanks right before `at`, or -1 (a scan back, no regex). */
function capitalisedWordBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && (text.charAt(i - 1) === ' ' || text.charAt(i - 1) === '\t')) i--;
  if (i === at) return -1;
  let start = i;
  while (start > 0 && NAME_CHAR.test(text.charAt(start - 1))) start--;
  return start < i && /\p{Lu}/u.test(text.charAt(start)) ? start : -1;
}

/**
 * Most frequent type of each name the body recognised (possessive dropped), names of 3+ characters
 * that `title` contains (no other can be found in it; each written form is looked for once).
 */
function bodyNameTypes(bodyMentions: readonly EntityMention[], title: string): Map<string, EntityType> {
  const counts = new Map<string, Map<EntityType, number>>();
  const inTitle = new Map<string, string | null>(); // written form → its name when the title has it
  for (const m of bodyMentions) {
    let name = inTitle.get(m.text);
    if (name === undefined) {
      const bare = m.text.replace(/['’]s$/, '');
      name = bare.length >= 3 && bare.length <= title.length && /^\p{Lu}/u.test(bare) && title.includes(bare) ? bare : null;
      inTitle.set(m.text, name);
    }
    if (name === null) continue;
    let c = counts.get(name);
    if (!c) counts.set(name, (c = new Map()));
    c.set(m.type, (c.get(m.type) ?? 0) + 1);
  }
  const types = new Map<string, EntityType>();
  for (const [name, c] of counts) types.set(name, [...c].sort((a, b) => b[1] - a[1])[0][0]);
  return types;
}

/**
 * Names the body recognised, where the title writes them and the recognizer left them untagged
 * (a headline's first word has no context: "Maliki issues plea…"), source 'consistency'.
 */
function bodyNamesInTitle(field: FrontMatterValue, readable: string, found: EntityMention[], bodyMentions: readonly EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  const taken = (a: number, b: number) => found.some((m) => m.start < b && a < m.end) || out.some((m) => m.start < b && a < m.end);
  const names = [...bodyNameTypes(bodyMentions, readable)].sort((a, b) => b[0].length - a[0].length);
  for (const [name, type] of names) {
    for (let at = readable.indexOf(name); at >= 0; at = readable.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (/[\p{L}\p{N}-]/u.test(readable.charAt(at - 1)) || /[\p{L}\p{N}]/u.test(readable.charAt(end))) continue;
      // next to another capitalised word the name is likely part of a longer one ("Iraq Study Group");
      // the title's first word is capitalised for its place
      const before = capitalisedWordBefore(readable, at);
      if (before >= 0 && readable.slice(0, before).trim() !== '') continue;
      if (/^[ \t]+\p{Lu}/u.test(readable.slice(end, end + 3))) continue;
      const start = field.start + at;
      if (taken(start, field.start + end)) continue;
      out.push({ start, end: field.start + end, type, text: name, source: 'consistency', confidence: 0.6 });
    }
  }
  return out;
}

export interface FrontMatterNames {
  /** Sorted by start. */
  mentions: EntityMention[];
  /**
   * The title as the recognizer read it (body casing, escapes blanked; same length as its span):
   * the front-matter text linking may read too, to find the body's names in it.
   */
  readable: (Span & { text: string })[];
}

/**
 * Names in the front matter of `source`. `block` is what `parseFrontMatter` gave; `masked` the
 * article with front matter and markup blanked (the body's casing is read from it); `recognize` the
 * name recognizer; `bodyMentions` the names it found in the body (found in the title too).
 */
export function frontMatterNames(
  source: string,
  block: FrontMatterBlock,
  masked: string,
  bodyStart: number,
  recognize: (text: string) => EntityMention[],
  bodyMentions: readonly EntityMention[] = [],
): FrontMatterNames {
  const mentions: EntityMention[] = [];
  const readable: FrontMatterNames['readable'] = [];
  const fields = frontMatterValues(source, block, [TITLE_KEY, ...PERSON_KEYS, ...ORGANIZATION_KEYS]);
  for (const field of fields) {
    if (field.key === TITLE_KEY) {
      if (field.readable.length > MAX_TITLE_LENGTH) continue;
      const title = sentenceCaseTitle(field.readable, source, masked, bodyStart);
      const found = titleMentions(field, source, title, recognize);
      mentions.push(...found, ...bodyNamesInTitle(field, title, found, bodyMentions));
      readable.push({ start: field.start, end: field.end, text: title });
    } else mentions.push(...fieldMentions(field, source));
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, readable };
}
