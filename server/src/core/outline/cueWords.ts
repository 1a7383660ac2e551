/**
 * Where the words that the cue rules' regexes need stand in a document, found in one pass, so a
 * sentence without any of a rule's words is not searched by its regex at all (the regexes re-run
 * on every sentence were a good part of the outline's time).
 *
 * Each rule has a set of trigger words such that every match of its regex contains one of them as
 * a whole run of ASCII letters (in any case: the regexes are /i without /u, under which only ASCII
 * letters match ASCII letters). The regexes put \b or \s around these words, so inside a sentence
 * such a word is a maximal run of ASCII letters in the document too, unless the sentence's slice
 * cuts a run at either end; `mayMatch` answers true then. The answer is a necessary condition:
 * false means the regex cannot match the slice; true means it has to be run.
 */
import { firstAtLeast } from '../sortedSpans';

/** One rule's trigger words (lower case ASCII letters). */
export interface CueRule {
  readonly id: number;
  readonly words: readonly string[];
}

const rules: CueRule[] = [];

/** Registers a rule; call at module load, once per rule. */
export function cueRule(words: readonly string[]): CueRule {
  for (const w of words) if (!/^[a-z]{1,31}$/.test(w)) throw new Error(`cue word must be lower-case ASCII letters: ${w}`);
  const rule = { id: rules.length, words };
  rules.push(rule);
  table = undefined;
  return rule;
}

interface Entry {
  word: string;
  /** The rules (by id) this word triggers. */
  ids: number[];
}

/**
 * Words by first letter and length (index (letter − 'a') * 32 + length), and a filter of their
 * hashes (`foldHash`) that turns away almost every other run before the words are compared.
 */
interface Table {
  buckets: (Entry[] | undefined)[];
  filter: Uint8Array;
}
let table: Table | undefined;

const FILTER_MASK = 8191;

/** The hash of a lower-case word, as the scan computes it over a run in any case (each code | 32). */
function foldHash(w: string): number {
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + (w.charCodeAt(k) | 32)) | 0;
  return h;
}

function buildTable(): Table {
  const buckets: (Entry[] | undefined)[] = new Array(26 * 32).fill(undefined);
  const filter = new Uint8Array(FILTER_MASK + 1);
  for (const rule of rules) {
    for (const w of rule.words) {
      const list = (buckets[(w.charCodeAt(0) - 97) * 32 + w.length] ??= []);
      let e = list.find((x) => x.word === w);
      if (!e) list.push((e = { word: w, ids: [] }));
      if (!e.ids.includes(rule.id)) e.ids.push(rule.id);
      filter[foldHash(w) & FILTER_MASK] = 1;
    }
  }
  return { buckets, filter };
}

/** The character code is an ASCII letter. */
function isAsciiLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

/** text[i, j), a run of ASCII letters, equals `w` (lower case) ignoring case. */
function sameFolded(text: string, i: number, w: string): boolean {
  for (let k = 1; k < w.length; k++) if ((text.charCodeAt(i + k) | 32) !== w.charCodeAt(k)) return false;
  return true;
}

export class CueWords {
  /** Rule id → sorted start offsets of its trigger words. */
  private readonly at: number[][];

  constructor(private readonly text: string) {
    const { buckets, filter } = (table ??= buildTable());
    const at: number[][] = rules.map(() => []);
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!isAsciiLetter(c)) continue;
      let h = c | 32;
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (!isAsciiLetter(d)) break;
        h = (Math.imul(h, 31) + (d | 32)) | 0;
      }
      const len = j - i;
      if (len < 32 && filter[h & FILTER_MASK] === 1) {
        const list = buckets[((c | 32) - 97) * 32 + len];
        if (list !== undefined) {
          for (let e = 0; e < list.length; e++) {
            if (!sameFolded(text, i, list[e].word)) continue;
            const ids = list[e].ids;
            for (let k = 0; k < ids.length; k++) at[ids[k]].push(i);
            break;
          }
        }
      }
      i = j;
    }
    this.at = at;
  }

  /** This was built over `text`. */
  over(text: string): boolean {
    return text === this.text;
  }

  /** Sorted start offsets of the rule's words (whole runs of ASCII letters, any case); undefined for a rule registered after this was built. */
  positions(rule: CueRule): readonly number[] | undefined {
    return this.at[rule.id];
  }

  /**
   * Whether the rule's regex can match text.slice(a, b): false only when no trigger word lies
   * wholly inside and the slice cuts no run of letters at its ends.
   */
  mayMatch(rule: CueRule, a: number, b: number): boolean {
    const text = this.text;
    a = Math.max(0, a);
    b = Math.min(text.length, b);
    if (b <= a) return false;
    if (a > 0 && isAsciiLetter(text.charCodeAt(a - 1)) && isAsciiLetter(text.charCodeAt(a))) return true;
    if (b < text.length && isAsciiLetter(text.charCodeAt(b - 1)) && isAsciiLetter(text.charCodeAt(b))) return true;
    const list = this.at[rule.id];
    if (list === undefined) return true;
    const lo = firstAtLeast(list, a);
    return lo < list.length && list[lo] < b;
  }
}
