/**
 * Feature extraction for the sequence tagger. For every token it writes FEATURES_PER_TOKEN integer
 * feature hashes (template id mixed with token-level hashes) into a flat Int32Array; the caller maps
 * them to weight rows. Token-level hashes (word, lowercase, shape, affixes, gazetteer state, document
 * statistics) are computed once per token in a single pass over its characters.
 * Shared by the runtime recognizer and by scripts/train-ner.js, so training and decoding see
 * exactly the same features.
 */
import { TokenList, TOKEN_SENTENCE_START, TOKEN_WORD } from '../text/tokenize';
import { Gazetteer, matchGazetteer, GAZ_COUNT } from './gazetteer';
import { FNV_OFFSET, fmix, lowerCode, mix2, mix3 } from './hashing';

/** Bump when the feature set changes (stored in the model; a mismatch refuses the model). */
export const FEATURE_VERSION = 8;

export interface TokenHashes {
  n: number;
  word: Int32Array;
  lower: Int32Array;
  shape: Int32Array;
  prefix: Int32Array; // 4 per token (lengths 1..4)
  suffix: Int32Array; // 4 per token
  /** Bit set: 1 initial capital, 2 all caps, 4 has digit, 8 has lower, 16 sentence start, 32 in all-caps sentence,
   * 64 lowercase form also seen lowercase in the document, 128 seen capitalized off sentence start in the document. */
  bits: Int32Array;
  /** Position in sentence (0,1,2,3 = 3+) */
  position: Int32Array;
  lengthBucket: Int32Array;
  gaz: Uint32Array;
  /** Context aggregation: the lowercase hashes of the words around two other occurrences of the same
   * capitalised word in the document (prev1, next1, prev2, next2 per token; a constant when none). */
  other: Int32Array;
  /** Capitalised run containing the token: (length bucket * 8 + index bucket), first word, last word. */
  run: Int32Array;
  /** Second pass only: what a first pass said about the other occurrences of the same word in the
   * document (see setPriorFromLabels); PRIOR_ABSENT during the first pass. */
  prior: Int32Array;
}

export const PRIOR_ABSENT = 99;

const B_INITCAP = 1;
const B_ALLCAPS = 2;
const B_DIGIT = 4;
const B_LOWER = 8;
const B_SENT = 16;
const B_CAPS_SENT = 32;
const B_DOC_LOWER = 64;
const B_DOC_CAP = 128;

export function allocTokenHashes(n: number): TokenHashes {
  return {
    n,
    word: new Int32Array(n),
    lower: new Int32Array(n),
    shape: new Int32Array(n),
    prefix: new Int32Array(n * 4),
    suffix: new Int32Array(n * 4),
    bits: new Int32Array(n),
    position: new Int32Array(n),
    lengthBucket: new Int32Array(n),
    gaz: new Uint32Array(n),
    other: new Int32Array(n * 4),
    run: new Int32Array(n * 3),
    prior: new Int32Array(n).fill(PRIOR_ABSENT),
  };
}

/** Curly quotes hash like the straight ones the training data uses. */
function normalizeQuote(c: number): number {
  if (c < 0x2018 || c > 0x201f) return c;
  return c <= 0x201b ? 39 : 34;
}

function shapeClass(c: number): number {
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 48 && c <= 57) return 100; // d
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return 88;
  if (c >= 0xdf && c <= 0x24f) return 120;
  if (c >= 0x370 && c < 0x2000) return 97; // other letters
  if (c >= 0x2000) return c >= 0x3000 ? 97 : c;
  return c;
}

/** Computes the token-level hashes of `tokens` over `text`. */
export function computeTokenHashes(text: string, tokens: TokenList, gaz: Gazetteer | null, th: TokenHashes): void {
  const n = tokens.count;
  const { start, end, flags } = tokens;
  let pos = 0;
  for (let t = 0; t < n; t++) {
    const s = start[t];
    const e = end[t];
    let hw = FNV_OFFSET;
    let hl = FNV_OFFSET;
    let hs = FNV_OFFSET;
    let lastShape = -1;
    let shapeRun = 0;
    let upper = 0;
    let lower = 0;
    let digit = 0;
    const p = t * 4;
    const letterFirst = shapeClass(text.charCodeAt(s)) === 88 || shapeClass(text.charCodeAt(s)) === 120;
    for (let k = s; k < e; k++) {
      const c = normalizeQuote(text.charCodeAt(k));
      const lc = lowerCode(c);
      // the exact-word hash ignores periods in words ("U.S." and "US", "Gen." and "Gen" share it)
      if (c !== 46 || !letterFirst) hw = Math.imul(hw ^ c, 16777619);
      hl = Math.imul(hl ^ lc, 16777619);
      const i = k - s;
      if (i < 4) th.prefix[p + i] = hl;
      const sc = shapeClass(c);
      if (sc === 88) upper++;
      else if (sc === 120) lower++;
      else if (sc === 100) digit++;
      if (sc !== lastShape) {
        hs = Math.imul(hs ^ sc, 16777619);
        lastShape = sc;
        shapeRun = 1;
      } else if (shapeRun < 2) {
        hs = Math.imul(hs ^ sc, 16777619);
        shapeRun++;
      }
    }
    const len = e - s;
    for (let i = len; i < 4; i++) th.prefix[p + i] = hl ^ (0x55 + i);
    for (let i = 0; i < 4; i++) {
      const from = e - (i + 1);
      if (from < s) {
        th.suffix[p + i] = hl ^ (0x99 + i);
        continue;
      }
      let h = FNV_OFFSET;
      for (let k = from; k < e; k++) h = Math.imul(h ^ lowerCode(normalizeQuote(text.charCodeAt(k))), 16777619);
      th.suffix[p + i] = h;
    }
    th.word[t] = hw;
    th.lower[t] = hl;
    th.shape[t] = hs;
    const first = text.charCodeAt(s);
    let bits = 0;
    if (shapeClass(first) === 88) bits |= B_INITCAP;
    if (upper > 0 && lower === 0) bits |= B_ALLCAPS;
    if (digit > 0) bits |= B_DIGIT;
    if (lower > 0) bits |= B_LOWER;
    if (flags[t] & TOKEN_SENTENCE_START) {
      bits |= B_SENT;
      pos = 0;
    }
    th.bits[t] = bits;
    th.position[t] = pos < 3 ? pos : 3;
    pos++;
    th.lengthBucket[t] = len <= 1 ? 1 : len <= 3 ? 2 : len <= 5 ? 3 : len <= 8 ? 4 : 5;
  }
  // all-caps sentences (headlines) and document statistics
  const lowerSeen = new Set<number>();
  const capSeen = new Set<number>();
  let sStart = 0;
  for (let t = 0; t <= n; t++) {
    if (t === n || (t > sStart && flags[t] & TOKEN_SENTENCE_START)) {
      let letters = 0;
      let caps = 0;
      for (let k = sStart; k < t; k++) {
        const b = th.bits[k];
        if (b & (B_LOWER | B_ALLCAPS)) {
          letters++;
          if (b & B_ALLCAPS && !(b & B_LOWER)) caps++;
        }
      }
      if (letters >= 3 && caps === letters) for (let k = sStart; k < t; k++) th.bits[k] |= B_CAPS_SENT;
      sStart = t;
    }
  }
  for (let t = 0; t < n; t++) {
    const b = th.bits[t];
    if (!(flags[t] & TOKEN_WORD) || b & B_CAPS_SENT) continue;
    if (!(b & B_INITCAP) && b & B_LOWER) lowerSeen.add(th.lower[t]);
    else if (b & B_INITCAP && b & B_LOWER && !(b & B_SENT)) capSeen.add(th.lower[t]);
  }
  for (let t = 0; t < n; t++) {
    if (lowerSeen.has(th.lower[t])) th.bits[t] |= B_DOC_LOWER;
    if (capSeen.has(th.lower[t])) th.bits[t] |= B_DOC_CAP;
  }
  if (gaz) matchGazetteer(gaz, tokens, th.lower, th.gaz);
  else th.gaz.fill(0, 0, n);
  computeOtherOccurrences(th, n);
  computeRuns(th, tokens, n);
}

const NO_RUN = 0x5a5a5a5;

/** Runs of consecutive capitalised words (a whole name): shape of the run and its first/last words. */
function computeRuns(th: TokenHashes, tokens: TokenList, n: number): void {
  const { bits, lower, run } = th;
  let i = 0;
  while (i < n) {
    const capital = tokens.flags[i] & TOKEN_WORD && bits[i] & B_INITCAP;
    if (!capital) {
      run[i * 3] = NO_RUN;
      run[i * 3 + 1] = NO_RUN;
      run[i * 3 + 2] = NO_RUN;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && tokens.flags[j] & TOKEN_WORD && bits[j] & B_INITCAP && !(tokens.flags[j] & TOKEN_SENTENCE_START)) j++;
    const len = j - i;
    const lenBucket = len < 5 ? len : 5;
    for (let k = i; k < j; k++) {
      const idx = k - i;
      run[k * 3] = lenBucket * 8 + (idx === len - 1 ? 7 : idx < 3 ? idx : 3);
      run[k * 3 + 1] = lower[i];
      run[k * 3 + 2] = lower[j - 1];
    }
    i = j;
  }
}

const NO_OTHER = 0x3c3c3c3;

/** Fills th.other from the first and the next occurrences of each capitalised word. */
function computeOtherOccurrences(th: TokenHashes, n: number): void {
  const { lower, bits, other } = th;
  other.fill(NO_OTHER, 0, n * 4);
  const first = new Map<number, number>();
  const next = new Int32Array(n).fill(-1);
  const last = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if ((bits[i] & (B_INITCAP | B_LOWER)) !== (B_INITCAP | B_LOWER) && (bits[i] & B_ALLCAPS) === 0) continue;
    const h = lower[i];
    const prev = last.get(h);
    if (prev === undefined) first.set(h, i);
    else next[prev] = i;
    last.set(h, i);
  }
  for (let i = 0; i < n; i++) {
    const f = first.get(lower[i]);
    if (f === undefined) continue;
    let o1 = f !== i ? f : next[i];
    let o2 = o1 >= 0 ? next[o1] : -1;
    if (o2 === i) o2 = next[i];
    if (o1 === i) o1 = -1;
    if (o1 >= 0) {
      other[i * 4] = o1 > 0 ? lower[o1 - 1] : NO_OTHER + 1;
      other[i * 4 + 1] = o1 + 1 < n ? lower[o1 + 1] : NO_OTHER + 2;
    }
    if (o2 >= 0 && o2 !== i) {
      other[i * 4 + 2] = o2 > 0 ? lower[o2 - 1] : NO_OTHER + 1;
      other[i * 4 + 3] = o2 + 1 < n ? lower[o2 + 1] : NO_OTHER + 2;
    }
  }
}

export const FEATURES_PER_TOKEN = 50 + GAZ_COUNT;

const PAD_BEFORE = 0x1234567;
const PAD_AFTER = 0x7654321;

/**
 * Writes FEATURES_PER_TOKEN feature hashes for every token of [from, to) into `out` at (i - from) * F.
 */
export function extractFeatures(th: TokenHashes, out: Int32Array, from = 0, to = th.n): void {
  const n = th.n;
  const { lower, shape, word, bits, gaz } = th;
  const F = FEATURES_PER_TOKEN;
  for (let i = from; i < to; i++) {
    const o = (i - from) * F;
    const l0 = lower[i];
    const s0 = shape[i];
    const b0 = bits[i];
    const sent = b0 & B_SENT ? 1 : 0;
    const lm1 = i > 0 ? lower[i - 1] : PAD_BEFORE;
    const lm2 = i > 1 ? lower[i - 2] : PAD_BEFORE;
    const lp1 = i + 1 < n ? lower[i + 1] : PAD_AFTER;
    const lp2 = i + 2 < n ? lower[i + 2] : PAD_AFTER;
    const sm1 = i > 0 ? shape[i - 1] : PAD_BEFORE;
    const sp1 = i + 1 < n ? shape[i + 1] : PAD_AFTER;
    const sm2 = i > 1 ? shape[i - 2] : PAD_BEFORE;
    const sp2 = i + 2 < n ? shape[i + 2] : PAD_AFTER;
    const gm1 = i > 0 ? gaz[i - 1] : 0xfffff;
    const gp1 = i + 1 < n ? gaz[i + 1] : 0xeeeee;
    const g0 = gaz[i];
    const caps = b0 & B_CAPS_SENT ? 1 : 0;
    const docb = (b0 >>> 6) & 3;
    const pos = th.position[i];
    let k = o;
    out[k++] = fmix(1);
    out[k++] = mix2(2, word[i]);
    out[k++] = mix2(3, l0);
    out[k++] = mix2(4, s0);
    const p = i * 4;
    out[k++] = mix2(5, th.prefix[p]);
    out[k++] = mix2(6, th.prefix[p + 1]);
    out[k++] = mix2(7, th.prefix[p + 2]);
    out[k++] = mix2(8, th.prefix[p + 3]);
    out[k++] = mix2(9, th.suffix[p]);
    out[k++] = mix2(10, th.suffix[p + 1]);
    out[k++] = mix2(11, th.suffix[p + 2]);
    out[k++] = mix2(12, th.suffix[p + 3]);
    out[k++] = mix2(13, lm1);
    out[k++] = mix2(14, lp1);
    out[k++] = mix2(15, lm2);
    out[k++] = mix2(16, lp2);
    out[k++] = mix2(17, sm1);
    out[k++] = mix2(18, sp1);
    out[k++] = mix3(19, sm1, s0);
    out[k++] = mix3(20, s0, sp1);
    out[k++] = mix3(21, lm1, l0);
    out[k++] = mix3(22, l0, lp1);
    out[k++] = mix3(23, sent, s0);
    out[k++] = mix3(24, sent, l0);
    out[k++] = mix3(25, caps, l0);
    out[k++] = mix3(26, caps * 8 + pos, s0);
    out[k++] = mix2(27, g0);
    out[k++] = mix2(28, gm1);
    out[k++] = mix2(29, gp1);
    out[k++] = mix3(30, g0, s0);
    out[k++] = mix3(31, docb * 2 + sent, s0);
    out[k++] = mix3(32, lm1, s0);
    out[k++] = mix3(33, s0, lp1);
    out[k++] = mix3(34, th.lengthBucket[i], s0);
    out[k++] = mix3(35, mix2(sm2, sm1), s0);
    out[k++] = mix3(36, s0, mix2(sp1, sp2));
    out[k++] = mix3(37, caps, mix2(lm1, l0));
    out[k++] = mix3(38, docb, l0);
    out[k++] = mix3(39, th.suffix[p + 2], s0);
    out[k++] = mix3(40, pos, lm1);
    out[k++] = mix2(41, th.other[p]);
    out[k++] = mix2(42, th.other[p + 1]);
    out[k++] = mix2(41, th.other[p + 2]);
    out[k++] = mix2(42, th.other[p + 3]);
    const r = i * 3;
    out[k++] = mix3(43, th.run[r], s0);
    out[k++] = mix3(44, th.run[r], th.run[r + 1] === l0 ? NO_RUN : th.run[r + 1]);
    out[k++] = mix3(45, th.run[r], th.run[r + 2] === l0 ? NO_RUN : th.run[r + 2]);
    out[k++] = mix3(46, th.run[r], g0);
    out[k++] = priorFeature0(th.prior[i]);
    out[k++] = priorFeature1(th.prior[i], s0);
    for (let c = 0; c < GAZ_COUNT; c++) out[k++] = mix3(50 + c, (g0 >>> (2 * c)) & 3, mix2((gm1 >>> (2 * c)) & 3, (gp1 >>> (2 * c)) & 3));
  }
}

export { B_INITCAP, B_ALLCAPS, B_SENT, B_CAPS_SENT, B_LOWER };

/**
 * Second-pass input: for every capitalised word, the majority first-pass type of the OTHER
 * occurrences of the same word in the document (0 = no other occurrence; 1 + type, or 1 + types
 * for "outside any entity"), plus 16 when another occurrence sits inside a multi-token entity.
 * `typeOf[i]` is the first-pass entity type of token i (-1 outside), `inMulti[i]` 1 when its entity
 * has several tokens.
 */
export function setPriorFromLabels(th: TokenHashes, typeOf: Int8Array, inMulti: Uint8Array, types: number): void {
  const n = th.n;
  const { lower, bits, prior } = th;
  const slots = types + 2; // per word: counts for none + each type, then a multi-token count
  const index = new Map<number, number>();
  const counts: number[] = [];
  const isName = (i: number): boolean => (bits[i] & B_INITCAP) !== 0 && (bits[i] & (B_LOWER | B_ALLCAPS)) !== 0;
  for (let i = 0; i < n; i++) {
    if (!isName(i)) continue;
    let at = index.get(lower[i]);
    if (at === undefined) {
      at = counts.length;
      index.set(lower[i], at);
      for (let k = 0; k < slots; k++) counts.push(0);
    }
    counts[at + typeOf[i] + 1]++;
    if (inMulti[i]) counts[at + types + 1]++;
  }
  for (let i = 0; i < n; i++) {
    if (!isName(i)) {
      prior[i] = 0;
      continue;
    }
    const at = index.get(lower[i]) as number;
    let best = -1;
    let bestCount = 0;
    let others = 0;
    for (let t = 0; t <= types; t++) {
      const c = counts[at + t] - (t === typeOf[i] + 1 ? 1 : 0);
      others += c;
      if (c > bestCount) {
        bestCount = c;
        best = t;
      }
    }
    const multi = counts[at + types + 1] - (inMulti[i] ? 1 : 0) > 0 ? 16 : 0;
    prior[i] = others === 0 ? 0 : 1 + best + multi;
  }
}

/** The two features that depend on the second-pass input (also used to update first-pass scores). */
export function priorFeature0(prior: number): number {
  return mix2(47, prior);
}

export function priorFeature1(prior: number, shape: number): number {
  return mix3(48, prior, shape);
}

/** Resets the second-pass input (first pass). */
export function clearPrior(th: TokenHashes): void {
  th.prior.fill(PRIOR_ABSENT, 0, th.n);
}
