/**
 * The second pass's input: what a first pass said about the other occurrences of each capitalised
 * word in the document (TokenHashes.prior), written from the first pass's labels.
 */
import type { TokenHashes, KeyTable } from './tokenHashes';
import { B_ALLCAPS, B_INITCAP, B_LOWER, PRIOR_ABSENT } from './tokenHashes';
import { IntMap } from './intMap';
import { DenseIntMap } from './denseIntMap';

/** Per-document scratch tables (lowercase word hash, or lowercase id, -> slot), reused: not reentrant. */
const PRIOR_INDEX = new IntMap();
const PRIOR_INDEX_BY_ID = new DenseIntMap();
let priorCounts = new Int32Array(1024);

/**
 * Second-pass input: for every capitalised word, the majority first-pass type of the OTHER
 * occurrences of the same word in the document (0 = no other occurrence; 1 + type, or 1 + types
 * for "outside any entity"), plus 16 when another occurrence sits inside a multi-token entity.
 * `typeOf[i]` is the first-pass entity type of token i (-1 outside), `inMulti[i]` 1 when its entity
 * has several tokens; `upper`/`upperCount` optionally the tokens with B_UPPER (see the code).
 */
export function setPriorFromLabels(
  th: TokenHashes,
  typeOf: Int8Array,
  inMulti: Uint8Array,
  types: number,
  upper?: Int32Array,
  upperCount = 0,
  lowerIds?: Int32Array,
  lowerIdCount = 0,
): void {
  // with `upper` (the tokens with an uppercase letter, ascending: every name is one) only those are
  // visited; the caller has set every other token's prior to 0 already; `lowerIds`: as in completeTokenHashes
  const n = upper ? upperCount : th.n;
  const { bits, prior } = th;
  const lower = lowerIds ?? th.lower;
  const slots = types + 2; // per word: counts for none + each type, then a multi-token count
  let index: KeyTable;
  if (lowerIds) {
    PRIOR_INDEX_BY_ID.clear(lowerIdCount);
    index = PRIOR_INDEX_BY_ID;
  } else {
    PRIOR_INDEX.clear();
    index = PRIOR_INDEX;
  }
  let used = 0;
  const isName = (i: number): boolean => (bits[i] & B_INITCAP) !== 0 && (bits[i] & (B_LOWER | B_ALLCAPS)) !== 0;
  for (let k = 0; k < n; k++) {
    const i = upper ? upper[k] : k;
    if (!isName(i)) continue;
    let at = index.get(lower[i], -1);
    if (at < 0) {
      at = used;
      used += slots;
      if (used > priorCounts.length) {
        const grown = new Int32Array(Math.max(used, priorCounts.length * 2));
        grown.set(priorCounts);
        priorCounts = grown;
      }
      priorCounts.fill(0, at, used);
      index.set(lower[i], at);
    }
    const counts = priorCounts;
    counts[at + typeOf[i] + 1]++;
    if (inMulti[i]) counts[at + types + 1]++;
  }
  for (let k = 0; k < n; k++) {
    const i = upper ? upper[k] : k;
    if (!isName(i)) {
      prior[i] = 0;
      continue;
    }
    const at = index.get(lower[i], -1);
    const counts = priorCounts;
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
  if (priorCounts.length > 1 << 16) priorCounts = new Int32Array(1024); // (grown by a very long document)
}

/** Resets the second-pass input (first pass). */
export function clearPrior(th: TokenHashes): void {
  th.prior.fill(PRIOR_ABSENT, 0, th.n);
}
