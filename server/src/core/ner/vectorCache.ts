/**
 * A direct-mapped cache of label-score vectors keyed by four int32: the tagger keeps the summed
 * weights of a group of contextual features under the values those features are computed from
 * (e.g. the word types of a token and of the one before it), so a repeated context costs one probe
 * instead of a hash and a model-table lookup per feature. A slot holds the last key stored there;
 * a different key in the same slot simply replaces it.
 *
 *   let s = probeVector(c, a, b, d, e);
 *   if (s < 0) { s = ~s; storeKey(c, s, a, b, d, e); ...write c.vectors[s * c.L ..] }
 */
export interface VectorCache {
  /** 4 int32 per slot. */
  keys: Int32Array;
  /** 1 when the slot holds a key. */
  filled: Uint8Array;
  /** L int32 per slot. */
  vectors: Int32Array;
  shift: number;
  L: number;
}

export function allocVectorCache(bits: number, L: number): VectorCache {
  const size = 1 << bits;
  return { keys: new Int32Array(size * 4), filled: new Uint8Array(size), vectors: new Int32Array(size * L), shift: 32 - bits, L };
}

/** The slot holding the key (>= 0), or the complement (~slot, negative) of the slot to store it in. */
export function probeVector(c: VectorCache, k0: number, k1: number, k2: number, k3: number): number {
  const h = Math.imul(k0 ^ Math.imul(k1, 0x85ebca6b) ^ Math.imul(k2, 0xc2b2ae35) ^ Math.imul(k3, 0x27d4eb2f), 0x9e3779b1);
  const slot = (h ^ (h >>> 15)) >>> c.shift;
  const o = slot * 4;
  const keys = c.keys;
  if (c.filled[slot] === 1 && keys[o] === k0 && keys[o + 1] === k1 && keys[o + 2] === k2 && keys[o + 3] === k3) return slot;
  return ~slot;
}

/** Claims `slot` for the key and zeroes its vector (the caller then adds the weights). */
export function storeKey(c: VectorCache, slot: number, k0: number, k1: number, k2: number, k3: number): void {
  const o = slot * 4;
  c.keys[o] = k0;
  c.keys[o + 1] = k1;
  c.keys[o + 2] = k2;
  c.keys[o + 3] = k3;
  c.filled[slot] = 1;
  c.vectors.fill(0, slot * c.L, slot * c.L + c.L);
}

/** Forgets every key (e.g. when the word-type ids in the keys are reused for other words). */
export function clearVectorCache(c: VectorCache): void {
  c.filled.fill(0);
}
