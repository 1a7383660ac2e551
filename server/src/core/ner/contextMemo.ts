/**
 * A bounded map from fixed-length int32 keys to int32 vectors (open addressing, linear probing), for
 * the tagger's summed contextual weights of a token under everything they are computed from (see
 * contextScores.ts). Keys are compared in full, so a hit is exact. When three quarters of the slots
 * are taken the map is emptied (in O(slots / 1), once per that many new keys), so memory stays fixed.
 * A slot is one run of `stride` int32: a filled flag, the key, then the vector.
 *
 *   const m = allocContextMemo(14, 20, 9);
 *   let s = findContext(m, key);                // key: Int32Array of 20
 *   if (s < 0) { s = claimContext(m, ~s, key); ...write m.data[contextVectorAt(m, s) .. + 9] }
 */
export interface ContextMemo {
  data: Int32Array;
  keyLength: number;
  L: number;
  stride: number;
  mask: number;
  shift: number;
  /** Keys held, and how many make it empty itself on the next claim. */
  count: number;
  limit: number;
}

export function allocContextMemo(bits: number, keyLength: number, L: number): ContextMemo {
  const size = 1 << bits;
  const stride = (1 + keyLength + L + 15) & ~15;
  return { data: new Int32Array(size * stride), keyLength, L, stride, mask: size - 1, shift: 32 - bits, count: 0, limit: (size * 3) >> 2 };
}

function hashKey(key: Int32Array, n: number): number {
  let h = 0x2545f491;
  for (let k = 0; k < n; k++) h = Math.imul(((h << 5) | (h >>> 27)) ^ key[k], 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** The slot holding `key` (>= 0), or the complement (~slot) of the empty slot where it would go. */
export function findContext(m: ContextMemo, key: Int32Array): number {
  const { data, stride, mask, keyLength } = m;
  let slot = hashKey(key, keyLength) >>> m.shift;
  for (;;) {
    const o = slot * stride;
    if (data[o] === 0) return ~slot;
    let k = 0;
    while (k < keyLength && data[o + 1 + k] === key[k]) k++;
    if (k === keyLength) return slot;
    slot = (slot + 1) & mask;
  }
}

/**
 * Stores `key` in the empty slot findContext named and zeroes its vector; returns the slot, which
 * differs from `slot` when the map was full and has been emptied first.
 */
export function claimContext(m: ContextMemo, slot: number, key: Int32Array): number {
  const { data, stride, keyLength } = m;
  if (m.count >= m.limit) {
    for (let o = 0; o < data.length; o += stride) data[o] = 0;
    m.count = 0;
    slot = ~findContext(m, key);
  }
  m.count++;
  const o = slot * stride;
  data[o] = 1;
  for (let k = 0; k < keyLength; k++) data[o + 1 + k] = key[k];
  data.fill(0, o + 1 + keyLength, o + 1 + keyLength + m.L);
  return slot;
}

/** Where the vector of `slot` starts in m.data. */
export function contextVectorAt(m: ContextMemo, slot: number): number {
  return slot * m.stride + 1 + m.keyLength;
}
