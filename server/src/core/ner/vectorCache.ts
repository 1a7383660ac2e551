/**
 * A direct-mapped cache of label-score vectors keyed by four int32: the tagger keeps the summed
 * weights of a group of contextual features under the values those features are computed from
 * (e.g. the lowercase forms of a token and of the one before it), so a repeated context costs one
 * probe instead of a hash and a weight lookup per feature. A slot holds the last key stored there;
 * a different key in the same slot simply replaces it. Each slot is one run of `stride` int32 (the
 * four keys, a filled flag, then the L-int32 vector: 64 bytes for L = 9), so a probe and the vector
 * it finds share a cache line.
 *
 *   let s = probeVector(c, a, b, d, e);
 *   if (s < 0) { s = ~s; storeKey(c, s, a, b, d, e); ...add to c.data[vectorAt(c, s) ..] }
 *   ...read c.data[vectorAt(c, s) .. + c.L]
 */
export interface VectorCache {
  /** `stride` int32 per slot: keys 0..3, 1 at 4 when the slot holds a key, the vector from VECTOR_AT. */
  data: Int32Array;
  stride: number;
  shift: number;
  L: number;
}

/** Where a slot's vector starts within the slot. */
const VECTOR_AT = 5;

export function allocVectorCache(bits: number, L: number): VectorCache {
  const size = 1 << bits;
  const stride = (VECTOR_AT + L + 15) & ~15;
  return { data: new Int32Array(size * stride), stride, shift: 32 - bits, L };
}

/** The slot holding the key (>= 0), or the complement (~slot, negative) of the slot to store it in. */
export function probeVector(c: VectorCache, k0: number, k1: number, k2: number, k3: number): number {
  const h = Math.imul(k0 ^ Math.imul(k1, 0x85ebca6b) ^ Math.imul(k2, 0xc2b2ae35) ^ Math.imul(k3, 0x27d4eb2f), 0x9e3779b1);
  const slot = (h ^ (h >>> 15)) >>> c.shift;
  const o = slot * c.stride;
  const d = c.data;
  if (d[o + 4] === 1 && d[o] === k0 && d[o + 1] === k1 && d[o + 2] === k2 && d[o + 3] === k3) return slot;
  return ~slot;
}

/** Where the vector of `slot` starts in c.data. */
export function vectorAt(c: VectorCache, slot: number): number {
  return slot * c.stride + VECTOR_AT;
}

/** Claims `slot` for the key and zeroes its vector (the caller then adds the weights). */
export function storeKey(c: VectorCache, slot: number, k0: number, k1: number, k2: number, k3: number): void {
  const o = slot * c.stride;
  const d = c.data;
  d[o] = k0;
  d[o + 1] = k1;
  d[o + 2] = k2;
  d[o + 3] = k3;
  d[o + 4] = 1;
  d.fill(0, o + VECTOR_AT, o + VECTOR_AT + c.L);
}
