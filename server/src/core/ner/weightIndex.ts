/**
 * The tagger's weight rows, found by feature bucket with one bit test and a rank: a bitmap over all
 * 2^hashBits buckets (bit set = the model has a row for it) interleaved with, per 32-bit word, the
 * number of rows in the words before it. A bucket's row is that count plus the set bits below it in
 * its word, and the rows are stored densely in bucket order (L int16 each). The whole index is
 * 2^hashBits / 4 bytes (512 KB at 21 bits) and the rows 2L bytes each, so the lookups of the hot
 * loop stay in the CPU's second-level cache, where an open-addressing table of 32-byte slots (8 MB)
 * did not; an unknown feature (about 40% of the contextual ones) costs one bit test.
 *
 *   const ix = buildWeightIndex(21, 9, buckets, (row, out, o) => ...write 9 int16 at out[o..]);
 *   const row = weightRowOf(ix.index, bucket); // -1: no row; else weights at ix.weights[row * 9 ..]
 *   weightRowOrZero(ix.index, bucket, ix.rows) // the same, but an all-zero row (number ix.rows) when none
 */

export interface WeightIndex {
  /** Per 32 buckets two int32: the bitmap word, then the number of rows in all words before it. */
  index: Int32Array;
  /** L int16 per row, rows in ascending bucket order, then one row of zeros (row number `rows`). */
  weights: Int16Array;
  /** Distinct buckets with a row (and the number of the zero row after them). */
  rows: number;
}

/** Largest hashBits the index supports (its size is 2^hashBits / 4 bytes). */
export const MAX_INDEX_BITS = 28;

/**
 * Builds the index of `buckets` (each < 2^hashBits, any order). `writeRow(i, out, o)` writes the L
 * weights of buckets[i] at out[o..]. A bucket listed twice keeps its first row.
 */
export function buildWeightIndex(
  hashBits: number,
  L: number,
  buckets: ArrayLike<number>,
  writeRow: (i: number, out: Int16Array, o: number) => void,
): WeightIndex {
  if (!(hashBits >= 5 && hashBits <= MAX_INDEX_BITS)) throw new Error(`NER model: hash bits ${hashBits} outside 5..${MAX_INDEX_BITS}`);
  const words = 1 << (hashBits - 5);
  const index = new Int32Array(words * 2);
  let rows = 0;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    if (!(b >= 0 && b < words * 32)) throw new Error(`NER model: feature bucket ${b} outside ${hashBits} bits`);
    const w = (b >>> 5) << 1;
    const bit = 1 << (b & 31);
    if (index[w] & bit) continue;
    index[w] |= bit;
    rows++;
  }
  let before = 0;
  for (let w = 0; w < words; w++) {
    index[2 * w + 1] = before;
    before += popcount(index[2 * w]);
  }
  const weights = new Int16Array((rows + 1) * L);
  const written = new Uint8Array(rows);
  for (let i = 0; i < buckets.length; i++) {
    const row = weightRowOf(index, buckets[i]);
    if (written[row]) continue;
    written[row] = 1;
    writeRow(i, weights, row * L);
  }
  return { index, weights, rows };
}

/** The row of `bucket` (its weights start at row * L), or -1 when the model has none. Small, so V8 inlines it. */
export function weightRowOf(index: Int32Array, bucket: number): number {
  const w = (bucket >>> 5) << 1;
  const word = index[w];
  const bit = 1 << (bucket & 31);
  if ((word & bit) === 0) return -1;
  return index[w + 1] + popcount(word & (bit - 1));
}

/**
 * weightRowOf without a branch on the answer: `zeroRow` (the index's all-zero row) when the model has
 * no row for `bucket`, so a caller can add the row's weights unconditionally. In a loop over several
 * features the lookups then do not wait for each other (an unknown feature is not a mispredicted
 * branch that throws away the loads started after it).
 */
export function weightRowOrZero(index: Int32Array, bucket: number, zeroRow: number): number {
  const w = (bucket >>> 5) << 1;
  const word = index[w];
  const b = bucket & 31;
  const present = -((word >>> b) & 1); // -1 or 0
  const rank = index[w + 1] + popcount(word & ((1 << b) - 1));
  return zeroRow + ((rank - zeroRow) & present);
}

/** Number of set bits of a 32-bit integer. */
export function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
