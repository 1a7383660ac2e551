/**
 * Document-level consistency for the tagger's output: the untagged repetitions of a name (exact
 * token sequence) tagged elsewhere in the same document are added with the document's majority type
 * (source 'consistency'); optionally, tagged mentions are also relabelled to the majority type. A
 * person's last name alone ("Simmons" after "Phil Simmons", "Maliki" after "Nouri al-Maliki") counts as a
 * repetition of the person.
 * (With the two-pass model, relabelling measured slightly worse on CoNLL dev, so it is off by default:
 * the second pass already sees the document's first-pass labels.)
 * A type a rule gave from the sentence around a name (source 'rule', typeRepair.ts) is strong
 * evidence: the name's other tagged mentions take it unless the tagger was sure of them.
 */
import { FNV_OFFSET, mix2 } from './hashing';
import { IntMap } from './intMap';

export interface TokenSpan {
  first: number;
  last: number;
  /** index into the tagger's types (0 PER, 1 ORG, 2 LOC, 3 MISC) or a caller-defined type id */
  type: number;
  confidence: number;
  /** 'rule': a type repair from the sentence around the span (typeRepair.ts), given to the name's other mentions. */
  source: 'model' | 'gazetteer' | 'consistency' | 'rule';
}

const MAX_NAME_TOKENS = 8;
/** A tagged mention at or above this confidence keeps its type against a rule's type for its name. */
const MAX_RULE_RELABEL_CONFIDENCE = 0.9;

/** Scratch tables of applyDocumentConsistency (not reentrant): name hash -> offset of its votes in
 * `voteSums` (typeCount doubles each), and the hashes of the proper prefixes of tagged names. An
 * IntMap allocates nothing per key, where a Map or Set of hashes boxes half of them as heap numbers. */
const VOTE_AT = new IntMap();
const PREFIXES = new IntMap();
let voteSums = new Float64Array(256);
let coveredScratch = new Uint8Array(1024);
/** Scratch arrays grown past this by a long document are given back after it. */
const MAX_RETAINED = 1 << 16;

function seqHash(word: Int32Array, first: number, last: number): number {
  let h = FNV_OFFSET;
  for (let k = first; k <= last; k++) h = mix2(h, word[k]);
  return h;
}

/**
 * Applies majority types per name and tags untagged repetitions, also of names that start with a
 * lower-case particle ("al Qaeda"), which take in the particle where the tagger left it out.
 * `word` holds exact-case token hashes; `capitalized[i]` says token i starts with an uppercase letter;
 * `typeCount` is the number of types that vote (types >= typeCount are left alone).
 */
export function applyDocumentConsistency(
  spans: TokenSpan[],
  n: number,
  word: Int32Array,
  capitalized: Uint8Array,
  typeCount: number,
  personType: number,
  relabel = false,
  articleFree?: Int32Array,
): TokenSpan[] {
  if (spans.length === 0) return spans;
  const votes = VOTE_AT;
  const prefixes = PREFIXES;
  votes.clear();
  prefixes.clear();
  let used = 0;
  const vote = (h: number, type: number, w: number): void => {
    let at = votes.get(h, -1);
    if (at < 0) {
      at = used;
      used += typeCount;
      if (used > voteSums.length) {
        const grown = new Float64Array(Math.max(used, voteSums.length * 2));
        grown.set(voteSums);
        voteSums = grown;
      }
      voteSums.fill(0, at, used);
      votes.set(h, at);
    }
    voteSums[at + type] += w;
  };
  // exact-case first words of tagged names that start in lower case ("al Qaeda", "van Gogh"): their
  // other mentions may start there too (usually there are none, and then no token is looked up)
  let lowerStarts: Set<number> | undefined;
  for (const s of spans) {
    if (s.type >= typeCount) continue;
    const len = s.last - s.first + 1;
    if (len > MAX_NAME_TOKENS) continue;
    if (len >= 2 && !capitalized[s.first] && capitalized[s.last]) (lowerStarts ??= new Set()).add(word[s.first]);
    let h = FNV_OFFSET;
    for (let k = s.first; k <= s.last; k++) {
      if (k > s.first) prefixes.add(h);
      h = mix2(h, word[k]);
    }
    vote(h, s.type, 0.5 + s.confidence);
    // a person's last name alone
    if (s.type === personType && len >= 2 && capitalized[s.last]) vote(seqHash(word, s.last, s.last), personType, 0.25);
    // ... also without an Arabic article ("al-Maliki" → "Maliki"), given as a word hash per token (0: none)
    if (s.type === personType && articleFree && articleFree[s.last] !== 0) vote(mix2(FNV_OFFSET, articleFree[s.last]), personType, 0.25);
  }
  const majority = (h: number): number => {
    const at = votes.get(h, -1);
    if (at < 0) return -1;
    const v = voteSums;
    let best = -1;
    let bw = 0;
    let total = 0;
    for (let t = 0; t < typeCount; t++) {
      total += v[at + t];
      if (v[at + t] > bw) {
        bw = v[at + t];
        best = t;
      }
    }
    return bw >= 0.6 * total ? best : -1;
  };
  relabelByRules(spans, word, typeCount);
  if (coveredScratch.length < n || coveredScratch.length > Math.max(n, MAX_RETAINED)) coveredScratch = new Uint8Array(Math.max(n, 1024));
  const covered = coveredScratch.fill(0, 0, n);
  for (const s of spans) {
    for (let k = s.first; k <= s.last; k++) covered[k] = 1;
    if (relabel && s.type < typeCount && s.last - s.first + 1 <= MAX_NAME_TOKENS) {
      const m = majority(seqHash(word, s.first, s.last));
      if (m >= 0 && m !== s.type) {
        s.type = m;
        s.source = 'consistency';
      }
    }
  }
  // a name tagged without the lower-case particle it has elsewhere ("Qaeda" where "al Qaeda" is an
  // organization) takes it in, and that name's type when it was MISC
  if (lowerStarts !== undefined) {
    for (const s of spans) {
      const p = s.first - 1;
      if (p < 0 || covered[p] || !lowerStarts.has(word[p]) || s.last - p + 1 > MAX_NAME_TOKENS) continue;
      const m = majority(seqHash(word, p, s.last));
      if (m < 0 || (m !== s.type && s.type < typeCount)) continue;
      s.first = p;
      if (m !== s.type) {
        s.type = m;
        s.source = 'consistency';
      }
      covered[p] = 1;
    }
  }
  const added: TokenSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (covered[i] || (!capitalized[i] && !(lowerStarts !== undefined && lowerStarts.has(word[i])))) continue;
    let h = FNV_OFFSET;
    let bestLast = -1;
    let bestType = -1;
    for (let j = i; j < n && j < i + MAX_NAME_TOKENS && !covered[j]; j++) {
      h = mix2(h, word[j]);
      if (votes.has(h) && capitalized[j]) {
        const m = majority(h);
        if (m >= 0) {
          bestLast = j;
          bestType = m;
        }
      }
      if (!prefixes.has(h)) break;
    }
    if (bestLast >= 0) {
      // do not extend a name already tagged right before or after (would split a longer name)
      if ((i > 0 && covered[i - 1] && capitalized[i - 1]) || (bestLast + 1 < n && covered[bestLast + 1] && capitalized[bestLast + 1])) continue;
      // a lower-case particle starts a repetition only with the capitalised words after it
      if (!capitalized[i] && bestLast === i) continue;
      added.push({ first: i, last: bestLast, type: bestType, confidence: 0.6, source: 'consistency' });
      for (let k = i; k <= bestLast; k++) covered[k] = 1;
      i = bestLast;
    }
  }
  if (voteSums.length > MAX_RETAINED) voteSums = new Float64Array(256);
  if (added.length === 0) return spans;
  return spans.concat(added).sort((a, b) => a.first - b.first);
}

/** Gives the type a rule found for a name (source 'rule') to the name's other, less sure, tagged mentions. */
function relabelByRules(spans: TokenSpan[], word: Int32Array, typeCount: number): void {
  let ruled: Map<number, number> | undefined;
  for (const s of spans) {
    if (s.source !== 'rule' || s.type >= typeCount || s.last - s.first + 1 > MAX_NAME_TOKENS) continue;
    ruled ??= new Map();
    const h = seqHash(word, s.first, s.last);
    const t = ruled.get(h);
    ruled.set(h, t === undefined || t === s.type ? s.type : -1); // two rules disagreeing: neither
  }
  if (!ruled) return;
  for (const s of spans) {
    if (s.source === 'rule' || s.type >= typeCount || s.confidence >= MAX_RULE_RELABEL_CONFIDENCE || s.last - s.first + 1 > MAX_NAME_TOKENS) continue;
    const t = ruled.get(seqHash(word, s.first, s.last));
    if (t === undefined || t < 0 || t === s.type) continue;
    s.type = t;
    s.source = 'consistency';
  }
}
