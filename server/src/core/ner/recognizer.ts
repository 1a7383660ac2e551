/**
 * The learned named-entity recognizer: tokenize, compute hashed features, tag each sentence with
 * the averaged-perceptron model (Viterbi), turn the labels into mentions, repair their boundaries
 * and types from the words around them (spanRepair.ts, contextRules.ts), then apply the gazetteer
 * (groups, groupCoordination.ts), organizations named after "the" (definiteGroupNames.ts), title
 * detection and document-level consistency.
 *
 *   const rec = createEntityRecognizer(decodeNerModel(bytes));
 *   rec.recognize(text) // EntityMention[] (person / organization / place / group)
 *
 * Never throws on odd input: anything unexpected yields fewer mentions, not an exception.
 */
import { EntityMention, EntityType } from '../types';
import { tokenize, TokenList, TOKEN_SENTENCE_START, TOKEN_WORD } from '../text/tokenize';
import { applyDocumentConsistency, TokenSpan } from './consistency';
import { allocTokenHashes, B_UPPER, completeTokenHashes, hashToken, PRIOR_ABSENT, TokenHashes } from './tokenHashes';
import { setPriorFromLabels } from './documentPrior';
import { GAZ_CATEGORIES, gazState, GAZ_BEGIN, GAZ_INSIDE } from './gazetteer';
import { decodeSpansIn } from './labels';
import { NerModel } from './model';
import { addWeightRow, allocViterbiWork, fixViterbiTransitions, maxMarginalMargins, scoreEmissionsWithTypes, viterbi } from './tagger';
import { allocEmissionWork } from './contextScores';
import { createPriorRowCache } from './priorRows';
import { createTokenTypeCache, ROW_BITS, ROW_CLUSTER, ROW_GAZ_FIRST, ROW_LOWER, ROW_LOWER_ID, ROW_SHAPE, ROW_WORD, TYPE_ROW } from './tokenTypes';
import { articlePrefixLength, repairSpans } from './spanRepair';
import { applyContextRules } from './contextRules';
import { repairGroupCoordination } from './groupCoordination';
import { isDemonymCompound } from './demonymCompounds';
import { findDefiniteGroupNames } from './definiteGroupNames';
import { MAX_TITLE_TOKENS, REPORTING_ROLES, titleAt, TITLE_WORDS } from './titles';
import { hashLower } from './hashing';

export { decodeNerModel } from './model';
export type { NerModel } from './model';

export interface EntityRecognizer {
  recognize(text: string): EntityMention[];
}

/** Tokens per decoding chunk: long sentences are decoded in pieces of this size. */
const CHUNK = 512;
/** Work buffers sized for a longer document than this are dropped after it. */
const MAX_RETAINED_TOKENS = 1 << 16;
/** See RecognizerOptions.contextWindow. */
const DEFAULT_WINDOW = 1;
const GROUP_CAT = GAZ_CATEGORIES.indexOf('group');
const DEMONYM_CAT = GAZ_CATEGORIES.indexOf('demonym');
const TYPE_GROUP = 100;
/** Margin (perceptron score units; best sequence minus best sequence with another label) mapping to
 * confidence 0.73; a zero margin is 0.5. Calibrated on CoNLL dev: spans at 0.8-0.9 are right ~90% of the time. */
const MARGIN_SCALE = 40;

export interface TaggedText {
  tokens: TokenList;
  hashes: TokenHashes;
  spans: TokenSpan[];
}

export interface RecognizerOptions {
  /** Apply document-level consistency (majority type per name, tag repetitions). Default true. */
  documentConsistency?: boolean;
  /** Report plural demonyms and religious/ethnic communities as 'group'. Default true. */
  groups?: boolean;
  /** Decode only tokens within this many tokens of a word with an uppercase letter (the others are O);
   * negative: decode whole sentences. Default DEFAULT_WINDOW. */
  contextWindow?: number;
  /** Boundary repairs (spanRepair.ts). Default true. */
  repairBoundaries?: boolean;
}

export function createEntityRecognizer(model: NerModel, options: RecognizerOptions = {}): EntityRecognizer {
  const useConsistency = options.documentConsistency !== false;
  const useGroups = options.groups !== false;
  const repair = options.repairBoundaries !== false;
  const types = model.header.types;
  const mapType: Array<EntityType | null> = types.map((t) => (t === 'PER' ? 'person' : t === 'ORG' ? 'organization' : t === 'LOC' ? 'place' : null));
  const personType = types.indexOf('PER');
  const miscType = types.indexOf('MISC');
  const orgType = types.indexOf('ORG');
  const locType = types.indexOf('LOC');
  /** Lowercase hashes of the last word of every title phrase: a cheap test before findTitle. */
  const titleEnds = new Set<number>();
  for (const title of [...TITLE_WORDS, ...REPORTING_ROLES]) {
    const tt = tokenize(title);
    if (tt.count > 0) titleEnds.add(hashLower(title, tt.start[tt.count - 1], tt.end[tt.count - 1]));
  }
  const countryCodes = new Set(Array.isArray(model.gazetteer.lists.countrycode) ? model.gazetteer.lists.countrycode : []);
  const scored = types.filter((t) => t !== 'MISC').length;
  const L = model.labels.count;
  const wordTypes = createTokenTypeCache(model, model.gazetteer);
  const emissionWork = allocEmissionWork(model);
  const twoPass = model.header.passes === 2;
  const typeCount = model.labels.types.length;
  // document-sized work buffers, grown on demand and reused
  let capacity = 0;
  let work = allocViterbiWork(1, L);
  let typeIds = new Int32Array(0);
  let gazFirst = new Int32Array(0);
  /** Per token the type cache's id of its lowercase form (ROW_LOWER_ID). */
  let lowerIdBuf = new Int32Array(0);
  let hashesBuf = allocTokenHashes(0, false);
  let labelsBuf = new Int32Array(0);
  let marginsBuf = new Float32Array(0);
  let emisBuf = new Float32Array(0);
  let typeOfBuf = new Int8Array(0);
  let inMultiBuf = new Uint8Array(0);
  let changedBuf = new Uint8Array(0);
  let capitalizedBuf = new Uint8Array(0);
  let coveredBuf = new Uint8Array(0);
  let articleFreeBuf = new Int32Array(0);
  /** The document's tokens with an uppercase letter (B_UPPER), ascending; upperCount of them. */
  let upperBuf = new Int32Array(0);
  let upperCount = 0;
  /** The last document's tokens, whose arrays tokenize writes again (see tokenize's `reuse`). */
  let tokensBuf: TokenList | undefined;
  const radius = options.contextWindow ?? DEFAULT_WINDOW;
  const priorRows = createPriorRowCache(model);

  function ensureCapacity(n: number): void {
    if (n <= capacity) return;
    capacity = Math.max(n, capacity * 2, 1024);
    work = allocViterbiWork(capacity, L);
    fixViterbiTransitions(work, model.labels, model.transitions);
    typeIds = new Int32Array(capacity);
    gazFirst = new Int32Array(capacity);
    lowerIdBuf = new Int32Array(capacity);
    hashesBuf = allocTokenHashes(capacity, false);
    labelsBuf = new Int32Array(capacity);
    marginsBuf = new Float32Array(capacity);
    emisBuf = new Float32Array(capacity * L);
    typeOfBuf = new Int8Array(capacity);
    inMultiBuf = new Uint8Array(capacity);
    changedBuf = new Uint8Array(capacity);
    capitalizedBuf = new Uint8Array(capacity);
    coveredBuf = new Uint8Array(capacity);
    articleFreeBuf = new Int32Array(capacity);
    upperBuf = new Int32Array(capacity);
  }

  /**
   * Decoding windows: [start, end, flags] triples. A sentence (long ones cut every CHUNK tokens) is
   * decoded where it has tokens within `radius` of a token with an uppercase letter; the tokens in
   * between are O (no name lies that far from any capital). flags: 1 = preceded by such an O token,
   * 2 = followed by one. radius < 0 decodes whole sentences.
   */
  function windowsOf(tokens: TokenList): number[] {
    const n = tokens.count;
    const flags = tokens.flags;
    const out: number[] = [];
    let s = 0;
    let u = 0; // the next of the document's tokens with an uppercase letter (upperBuf, ascending)
    while (s < n) {
      let e = s + 1;
      while (e < n && e - s < CHUNK && !(flags[e] & TOKEN_SENTENCE_START)) e++;
      if (radius < 0) out.push(s, e, 0);
      else {
        // the union of [i - radius, i + radius] over the chunk's tokens i with an uppercase letter,
        // clipped to the chunk: overlapping or touching intervals make one window
        let ws = -1;
        let we = -1;
        while (u < upperCount && upperBuf[u] < e) {
          const i = upperBuf[u++];
          const a = Math.max(s, i - radius);
          const b = Math.min(e, i + radius + 1);
          if (ws >= 0 && a <= we) {
            if (b > we) we = b;
            continue;
          }
          if (ws >= 0) out.push(ws, we, (ws > s ? 1 : 0) | (we < e ? 2 : 0));
          ws = a;
          we = b;
        }
        if (ws >= 0) out.push(ws, we, (ws > s ? 1 : 0) | (we < e ? 2 : 0));
      }
      s = e;
    }
    return out;
  }

  /**
   * decodeSpans of the document's labels, read only inside the decoding windows (every other token
   * is O): adjacent windows are read as one range, so a span is cut nowhere decodeSpans would not cut it.
   */
  function windowSpans(windows: number[], labels: Int32Array): Array<{ first: number; last: number; type: number }> {
    const spans: Array<{ first: number; last: number; type: number }> = [];
    let k = 0;
    while (k < windows.length) {
      const from = windows[k];
      let to = windows[k + 1];
      k += 3;
      while (k < windows.length && windows[k] === to) {
        to = windows[k + 1];
        k += 3;
      }
      decodeSpansIn(model.labels, labels, from, to, spans);
    }
    return spans;
  }

  /** Token hashes of the document from the type cache (character part) plus the document-level part. */
  function hashDocument(text: string, tokens: TokenList): TokenHashes {
    const n = tokens.count;
    ensureCapacity(n);
    wordTypes.beginDocument();
    const { start, end } = tokens;
    // reused buffers: only [0, n) is meaningful (every array below is written there before it is read;
    // lengthBucket is not: only the type's own features read it, from the type cache)
    const hashes = hashesBuf;
    hashes.n = n;
    hashes.prior.fill(PRIOR_ABSENT, 0, n);
    const { word, lower, shape, bits, cluster } = hashes;
    // one pass: each token's type, its row copied, and the list of tokens with an uppercase letter
    upperCount = 0;
    for (let t = 0; t < n; t++) {
      const id = wordTypes.intern(text, start[t], end[t]);
      typeIds[t] = id;
      const rows = wordTypes.rows; // (replaced when the cache grows)
      const r = id * TYPE_ROW;
      word[t] = rows[r + ROW_WORD];
      lower[t] = rows[r + ROW_LOWER];
      shape[t] = rows[r + ROW_SHAPE];
      const b = rows[r + ROW_BITS];
      bits[t] = b;
      cluster[t] = rows[r + ROW_CLUSTER];
      gazFirst[t] = rows[r + ROW_GAZ_FIRST];
      lowerIdBuf[t] = rows[r + ROW_LOWER_ID];
      if (b & B_UPPER) upperBuf[upperCount++] = t;
    }
    completeTokenHashes(tokens, model.gazetteer, hashes, gazFirst, upperBuf, upperCount, lowerIdBuf, wordTypes.lowerIdCount);
    return hashes;
  }

  function tag(text: string): TaggedText {
    const tokens = (tokensBuf = tokenize(text, tokensBuf));
    const n = tokens.count;
    const hashes = hashDocument(text, tokens);
    const labels = labelsBuf.fill(0, 0, n);
    const margins = marginsBuf.fill(0, 0, n);
    const docEmis = emisBuf;
    const windows = windowsOf(tokens);
    const decode = (k: number): void => {
      const f = windows[k + 2];
      viterbi(model.labels, model.transitions, model.start, docEmis, windows[k], windows[k + 1], work, labels, (f & 1) !== 0, (f & 2) !== 0);
    };
    for (let k = 0; k < windows.length; k += 3) {
      scoreEmissionsWithTypes(model, hashes, typeIds, wordTypes, windows[k], windows[k + 1], emissionWork, docEmis);
      decode(k);
    }
    if (twoPass) {
      const typeOf = typeOfBuf.fill(-1, 0, n);
      const inMulti = inMultiBuf.fill(0, 0, n);
      for (const sp of windowSpans(windows, labels)) {
        for (let k = sp.first; k <= sp.last; k++) {
          typeOf[k] = sp.type;
          inMulti[k] = sp.last > sp.first ? 1 : 0;
        }
      }
      setPriorFromLabels(hashes, typeOf, inMulti, typeCount, upperBuf, upperCount, lowerIdBuf, wordTypes.lowerIdCount);
      const { prior, shape } = hashes;
      // only the two prior features change, and only on tokens with contextual features (all inside
      // windows); only the windows holding such a token are decoded again
      const changed = changedBuf.fill(0, 0, n);
      for (let u = 0; u < upperCount; u++) {
        const i = upperBuf[u];
        // the first pass had PRIOR_ABSENT everywhere
        if (prior[i] === PRIOR_ABSENT) continue;
        changed[i] = 1;
        const o = i * L;
        // (the four features' weight rows from the cache: the same rows added in the same order)
        addWeightRow(model, priorRows.row0(PRIOR_ABSENT), docEmis, o, -1);
        addWeightRow(model, priorRows.row1(PRIOR_ABSENT, shape[i]), docEmis, o, -1);
        addWeightRow(model, priorRows.row0(prior[i]), docEmis, o, 1);
        addWeightRow(model, priorRows.row1(prior[i], shape[i]), docEmis, o, 1);
      }
      for (let k = 0; k < windows.length; k += 3) {
        let any = false;
        for (let i = windows[k]; i < windows[k + 1] && !any; i++) any = changed[i] === 1;
        if (any) decode(k);
      }
    }
    // margins (confidence) only where there is an entity; work.score still holds each window's forward scores
    const spansRaw = windowSpans(windows, labels);
    // (per window, only the margins of its span tokens are read: from the first of them, or the
    // window's start when a span of an earlier window runs into it, to the last of them)
    let si = 0;
    let reach = -1; // the last token of the spans before window k
    for (let k = 0; k < windows.length && si < spansRaw.length; k += 3) {
      const s = windows[k];
      const e = windows[k + 1];
      while (si < spansRaw.length && spansRaw[si].first < s) {
        if (spansRaw[si].last > reach) reach = spansRaw[si].last;
        si++;
      }
      if (si < spansRaw.length && spansRaw[si].first < e) {
        const first = reach >= s ? s : spansRaw[si].first;
        let last = reach;
        for (let j = si; j < spansRaw.length && spansRaw[j].first < e; j++) if (spansRaw[j].last > last) last = spansRaw[j].last;
        maxMarginalMargins(model.labels, model.transitions, docEmis, s, e, work, labels, margins, (windows[k + 2] & 2) !== 0, first, Math.min(last, e - 1));
      }
    }
    const spans: TokenSpan[] = [];
    for (const sp of spansRaw) {
      let minMargin = Infinity;
      for (let k = sp.first; k <= sp.last; k++) minMargin = Math.min(minMargin, margins[k]);
      spans.push({ first: sp.first, last: sp.last, type: sp.type, confidence: 1 / (1 + Math.exp(-minMargin / MARGIN_SCALE)), source: 'model' });
    }
    return { tokens, hashes, spans };
  }

  function recognize(text: string): EntityMention[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    try {
      return recognizeUnsafe(text);
    } catch {
      return [];
    } finally {
      // a very long document's buffers are not kept (the decoder's are ~20 bytes per token and label)
      if (capacity > MAX_RETAINED_TOKENS) {
        capacity = 0;
        ensureCapacity(1024);
      }
      if (tokensBuf !== undefined && tokensBuf.start.length > MAX_RETAINED_TOKENS) tokensBuf = undefined;
    }
  }

  function recognizeUnsafe(text: string): EntityMention[] {
    const { tokens, hashes, spans: raw } = tag(text);
    const n = tokens.count;
    // (an initial capital is an uppercase letter: only the listed tokens can be capitalised)
    const capitalized = capitalizedBuf.subarray(0, n).fill(0);
    for (let u = 0; u < upperCount; u++) {
      const k = upperBuf[u];
      if (hashes.bits[k] & 1 && tokens.flags[k] & TOKEN_WORD) capitalized[k] = 1;
    }
    // clean spans: drop possessives and punctuation at the edges
    let spans: TokenSpan[] = [];
    for (const sp of raw) {
      let { first, last } = sp;
      while (last >= first && (isPossessive(text, tokens, last) || !(tokens.flags[last] & TOKEN_WORD))) last--;
      while (first <= last && !(tokens.flags[first] & TOKEN_WORD)) first++;
      if (last < first) continue;
      // a lone demonym or community adjective ("Shiite", "Iraqi") is not a person/organization/place name
      if (useGroups && first === last && sp.type !== miscType && isLoneDemonym(hashes, first, n)) continue;
      // nor a compound of peoples' adjectives ("Sunni-Shia", "Israeli-Palestinian")
      if (repair && first === last && sp.type !== miscType && isDemonymCompound(model.gazetteer, text, tokens.start[first], tokens.end[first])) continue;
      // a country code written as a word ("US", "UK") tagged as an organization is the country
      if (first === last && sp.type === orgType && countryCodes.size > 0 && countryCodes.has(text.slice(tokens.start[first], tokens.end[first]))) {
        spans.push({ first, last, type: locType, confidence: sp.confidence, source: 'gazetteer' });
        continue;
      }
      spans.push({ first, last, type: sp.type, confidence: sp.confidence, source: sp.source });
    }
    const ctx = { text, tokens, hashes, personType, miscType, orgType, locType };
    if (repair) spans = applyContextRules(repairSpans(spans, ctx), ctx, model.gazetteer, countryCodes);
    // groups: spans (or untagged capitalised tokens) that are exactly a group gazetteer match
    const covered = coveredBuf.subarray(0, n).fill(0);
    for (const sp of spans) {
      if (useGroups && isGroupMatch(hashes, sp.first, sp.last, n)) {
        sp.type = TYPE_GROUP;
        sp.source = 'gazetteer';
      }
      for (let k = sp.first; k <= sp.last; k++) covered[k] = 1;
    }
    let after = -1; // (tokens up to here are inside a group found below)
    for (let u = 0; u < upperCount && useGroups; u++) {
      const i = upperBuf[u];
      if (i <= after || covered[i] || !capitalized[i] || gazState(hashes.gaz[i], GROUP_CAT) !== GAZ_BEGIN) continue;
      let j = i;
      while (j + 1 < n && gazState(hashes.gaz[j + 1], GROUP_CAT) === GAZ_INSIDE) j++;
      let free = true;
      for (let k = i; k <= j; k++) if (covered[k]) free = false;
      if (!free) continue;
      spans.push({ first: i, last: j, type: TYPE_GROUP, confidence: 0.7, source: 'gazetteer' });
      after = j;
    }
    spans.sort((a, b) => a.first - b.first);
    if (useGroups && repair) repairGroupCoordination(spans, ctx, TYPE_GROUP);
    if (repair) {
      for (const sp of spans) for (let k = sp.first; k <= sp.last; k++) covered[k] = 1;
      // "the Taliban said": organizations named after "the" that the tagger left untagged
      const found = findDefiniteGroupNames(spans, ctx, covered, model.gazetteer);
      if (found.length > 0) spans = spans.concat(found).sort((a, b) => a.first - b.first);
    }
    if (useConsistency) spans = applyDocumentConsistency(spans, n, hashes.word, capitalized, scored, personType, false, articleFreeWords(text, tokens, articleFreeBuf.subarray(0, n).fill(0), spans, personType));
    const out: EntityMention[] = [];
    for (const sp of spans) {
      const type: EntityType | null = sp.type === TYPE_GROUP ? 'group' : (mapType[sp.type] ?? null);
      if (!type) continue;
      const start = tokens.start[sp.first];
      const end = tokens.end[sp.last];
      const m: EntityMention = { start, end, type, text: text.slice(start, end), source: sp.source, confidence: round(sp.confidence) };
      if (type === 'person') {
        const title = sp.first > 0 && titleEnds.has(hashes.lower[sp.first - 1]) ? findTitle(text, tokens, sp.first) : undefined;
        if (title) m.title = title;
      }
      out.push(m);
    }
    return out;
  }

  return { recognize };
}

/**
 * Per token, the exact-word hash (as hashToken computes it) of the name after a joined Arabic article
 * ("al-Maliki" → hash of "Maliki"), or 0, written to `out` (zeroed, one per token): only for the
 * last tokens of the person spans, the only ones document consistency reads (others stay 0).
 */
function articleFreeWords(text: string, tokens: TokenList, out: Int32Array, spans: readonly TokenSpan[], personType: number): Int32Array {
  for (const sp of spans) {
    if (sp.type !== personType) continue;
    const t = sp.last;
    const s = tokens.start[t];
    const e = tokens.end[t];
    const c = text.charCodeAt(s);
    if (e - s < 5 || (c !== 97 && c !== 101 && c !== 65 && c !== 69)) continue;
    // (a joined article has its hyphen third or fourth: most words are not sliced and matched)
    if (!isArticleHyphen(text.charCodeAt(s + 2)) && !isArticleHyphen(text.charCodeAt(s + 3))) continue;
    const n = articlePrefixLength(text.slice(s, Math.min(e, s + 5)));
    if (n === 0) continue;
    hashToken(text, s + n, e, ARTICLE_SCRATCH, 0);
    out[t] = ARTICLE_SCRATCH.word[0];
  }
  return out;
}

/** A hyphen that joins an Arabic article to a name (spanRepair.ts ARABIC_ARTICLE). */
function isArticleHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** Scratch hashes for articleFreeWords (one token). */
const ARTICLE_SCRATCH = allocTokenHashes(1);

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}

function isPossessive(text: string, tokens: TokenList, k: number): boolean {
  const s = tokens.start[k];
  const e = tokens.end[k];
  if (e - s === 1) return text.charCodeAt(s) === 39 || text.charCodeAt(s) === 0x2019;
  if (e - s !== 2) return false;
  const a = text.charCodeAt(s);
  return (a === 39 || a === 0x2019) && (text.charCodeAt(s + 1) | 32) === 115;
}

function isLoneDemonym(h: TokenHashes, i: number, n: number): boolean {
  if (gazState(h.gaz[i], DEMONYM_CAT) !== GAZ_BEGIN) return false;
  return i + 1 >= n || gazState(h.gaz[i + 1], DEMONYM_CAT) !== GAZ_INSIDE;
}

function isGroupMatch(h: TokenHashes, first: number, last: number, n: number): boolean {
  if (gazState(h.gaz[first], GROUP_CAT) !== GAZ_BEGIN) return false;
  for (let k = first + 1; k <= last; k++) if (gazState(h.gaz[k], GROUP_CAT) !== GAZ_INSIDE) return false;
  return last + 1 >= n || gazState(h.gaz[last + 1], GROUP_CAT) !== GAZ_INSIDE;
}

/** The longest title phrase ending right before token `first` ("Prime Minister", "Gen."). */
function findTitle(text: string, tokens: TokenList, first: number): string | undefined {
  let found: string | undefined;
  for (let len = 1; len <= MAX_TITLE_TOKENS && first - len >= 0; len++) {
    const s = tokens.start[first - len];
    const e = tokens.end[first - 1];
    if (e - s > 40) break;
    if (titleAt(text, s, e) !== undefined) found = text.slice(s, e);
  }
  return found;
}
