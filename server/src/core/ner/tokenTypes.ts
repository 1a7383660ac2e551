/**
 * The tagger's word-type cache: every distinct token string (exact characters) is hashed once, and
 * scored once when a token of it is first scored (most words far from any capital never are), and
 * its tokens reuse the result. For a type it keeps the character hashes (word, lowercase,
 * shape, bits, length bucket), the first step of a gazetteer match from it, and five weight vectors
 * (integer sums over the model's int16 weights): the token's own SELF_FEATURES, and what it adds to
 * the token one and two places after it and one and two places before it. The emission score of a
 * token is then five vector additions plus the contextual features (only for tokens with an
 * uppercase letter); see scoreEmissionsWithTypes in tagger.ts. The result is exactly the reference
 * path's (computeTokenHashes + extractFeatures + scoreEmissions); tokenTypes.test.ts checks it.
 *
 * Types are keyed by two independent 32-bit hashes of the characters (a 64-bit key, so a collision
 * is about as likely as a cosmic-ray bit flip). The cache is cleared between documents once it
 * holds more than `softCapacity` types, so memory stays bounded; within a document it grows.
 */
import { Gazetteer, clusterOf, gazetteerFirstStep } from './gazetteer';
import { nextTokenFeatures, PAD_HASHES, previousTokenFeatures, secondNextTokenFeature, secondPreviousTokenFeature, SELF_FEATURES, writeSelfFeatures } from './features';
import { CharHashes, hashToken } from './tokenHashes';
import { NerModel } from './model';
import { addFeatureInt } from './contextScores';

/** Vector slots of a type, each L int32: */
export const VEC_SELF = 0;
/** what the type adds when it is the token before (at -1 of) the scored token */
export const VEC_AS_PREVIOUS = 1;
/** ... the token after (+1) */
export const VEC_AS_NEXT = 2;
/** ... two before (-2) */
export const VEC_AS_SECOND_PREVIOUS = 3;
/** ... two after (+2) */
export const VEC_AS_SECOND_NEXT = 4;
export const VEC_SLOTS = 5;
/** int32 per type in `rows`: the character hashes a token copies, together (one cache line for a token). */
export const TYPE_ROW = 8;
export const ROW_WORD = 0;
export const ROW_LOWER = 1;
export const ROW_SHAPE = 2;
export const ROW_BITS = 3;
export const ROW_LENGTH_BUCKET = 4;
export const ROW_CLUSTER = 5;
export const ROW_GAZ_FIRST = 6;
/** The type's lowercase form as a small dense id (equal ids, equal lowercase hashes; see lowerIdCount). */
export const ROW_LOWER_ID = 7;
const INITIAL_CAPACITY = 1024;
/** int32 per slot of the type table. */
const SLOT = 4;

export interface TokenTypeCache {
  /** Type id of text[s, e), hashing and scoring it if new. */
  intern(text: string, s: number, e: number): number;
  /** Call before each document: clears the cache when it has grown past its soft capacity. */
  beginDocument(): void;
  /** Character hashes of each type (index = type id; prefix/suffix 4 a type). */
  readonly chars: CharHashes;
  /** VEC_SLOTS * L int32 per type: filled when first needed (see vectorsReady, ensureVectors). */
  readonly vectors: Int32Array;
  /** 1 when the type's vectors are filled. */
  readonly vectorsReady: Uint8Array;
  /** Fills the vectors of type `id` if they are not yet (a word far from any capital is never scored, so its are never made). */
  ensureVectors(id: number): void;
  /** gazetteerFirstStep of the type's lowercase form (0: no gazetteer entry begins with it). */
  readonly gazFirst: Int32Array;
  /** TYPE_ROW int32 per type: word, lowercase, shape, bits, length bucket, word class, gazFirst (ROW_*). */
  readonly rows: Int32Array;
  /** The vectors standing for "no token" at -1, +1, -2, +2 (L int32 each, in that order). */
  readonly padVectors: Int32Array;
  readonly size: number;
  /** Distinct lowercase forms among the types (ROW_LOWER_ID is below this); numbered anew when the cache is cleared. */
  readonly lowerIdCount: number;
}

export function createTokenTypeCache(model: NerModel, gaz: Gazetteer | null, softCapacity = 1 << 15): TokenTypeCache {
  const L = model.labels.count;
  let capacity = 0;
  let count = 0;
  let key1!: Int32Array;
  let key2!: Int32Array;
  let chars!: CharHashes;
  let vectors!: Int32Array;
  let vectorsReady!: Uint8Array;
  let gazFirst!: Int32Array;
  let rows!: Int32Array;
  let tableBits = 0;
  /** SLOT int32 per slot: type id + 1 (0 empty), then the type's two hashes (a probe reads one cache line). */
  let slots!: Int32Array;
  /** Lowercase ids: per slot of `lowerSlots` (as many as `slots`) the id + 1 (0 empty); per id its lowercase hash. */
  let lowerSlots!: Int32Array;
  let lowerKeys!: Int32Array;
  let lowerCount = 0;
  /** The object returned (its array and size properties follow the arrays and count here). */
  let view: { chars: CharHashes; vectors: Int32Array; vectorsReady: Uint8Array; gazFirst: Int32Array; rows: Int32Array; size: number; lowerIdCount: number } | null = null;
  allocate(INITIAL_CAPACITY, false);
  const feats = new Int32Array(SELF_FEATURES);
  const pair = new Int32Array(3);

  const padVectors = new Int32Array(4 * L);
  previousTokenFeatures(PAD_HASHES.before, PAD_HASHES.before, PAD_HASHES.cluster, pair, 0);
  for (let k = 0; k < 3; k++) addFeatureInt(model, pair[k], padVectors, 0);
  nextTokenFeatures(PAD_HASHES.after, PAD_HASHES.after, PAD_HASHES.cluster, pair, 0);
  for (let k = 0; k < 3; k++) addFeatureInt(model, pair[k], padVectors, L);
  addFeatureInt(model, secondPreviousTokenFeature(PAD_HASHES.before), padVectors, 2 * L);
  addFeatureInt(model, secondNextTokenFeature(PAD_HASHES.after), padVectors, 3 * L);

  /** New arrays for `size` types, keeping the `count` types there are (`keep`) or starting empty. */
  function allocate(size: number, keep: boolean): void {
    const k1 = new Int32Array(size);
    const k2 = new Int32Array(size);
    const c = allocChars(size);
    const v = new Int32Array(size * VEC_SLOTS * L);
    const ready = new Uint8Array(size);
    const g = new Int32Array(size);
    const r = new Int32Array(size * TYPE_ROW);
    const lk = new Int32Array(size);
    if (keep) {
      r.set(rows);
      lk.set(lowerKeys);
      k1.set(key1);
      k2.set(key2);
      for (const f of Object.keys(c) as Array<keyof CharHashes>) c[f].set(chars[f]);
      v.set(vectors);
      ready.set(vectorsReady);
      g.set(gazFirst);
    } else {
      count = 0;
      lowerCount = 0;
    }
    [key1, key2, chars, vectors, vectorsReady, gazFirst, rows, lowerKeys, capacity] = [k1, k2, c, v, ready, g, r, lk, size];
    if (view !== null) {
      view.chars = chars;
      view.vectors = vectors;
      view.vectorsReady = vectorsReady;
      view.gazFirst = gazFirst;
      view.rows = rows;
      view.size = count;
      view.lowerIdCount = lowerCount;
    }
    tableBits = 32 - Math.clz32(size); // twice the capacity, so the table is at most half full
    slots = new Int32Array((1 << tableBits) * SLOT);
    for (let id = 0; id < count; id++) fillSlot(findSlot(key1[id], key2[id]), id, key1[id], key2[id]);
    lowerSlots = new Int32Array(1 << tableBits); // (no more lowercase forms than types)
    for (let id = 0; id < lowerCount; id++) lowerSlots[findLowerSlot(lowerKeys[id])] = id + 1;
  }

  /** The slot of `lowerSlots` holding lowercase hash `h`, or the empty one where it would go. */
  function findLowerSlot(h: number): number {
    const mask = (1 << tableBits) - 1;
    let slot = Math.imul(h, 0x9e3779b1) >>> (32 - tableBits);
    while (lowerSlots[slot] !== 0 && lowerKeys[lowerSlots[slot] - 1] !== h) slot = (slot + 1) & mask;
    return slot;
  }

  /** The lowercase id of lowercase hash `h`, numbering it if new. */
  function lowerIdOf(h: number): number {
    const slot = findLowerSlot(h);
    if (lowerSlots[slot] !== 0) return lowerSlots[slot] - 1;
    const id = lowerCount++;
    lowerKeys[id] = h;
    lowerSlots[slot] = id + 1;
    if (view !== null) view.lowerIdCount = lowerCount;
    return id;
  }

  function fillSlot(slot: number, id: number, h1: number, h2: number): void {
    slots[slot * SLOT] = id + 1;
    slots[slot * SLOT + 1] = h1;
    slots[slot * SLOT + 2] = h2;
  }

  function findSlot(h1: number, h2: number): number {
    const mask = (1 << tableBits) - 1;
    let slot = Math.imul(h1, 0x9e3779b1) >>> (32 - tableBits);
    for (;;) {
      const o = slot * SLOT;
      if (slots[o] === 0 || (slots[o + 1] === h1 && slots[o + 2] === h2)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  function addType(text: string, s: number, e: number, h1: number, h2: number, slot: number): number {
    if (count === capacity) {
      allocate(capacity * 2, true);
      slot = findSlot(h1, h2);
    }
    const id = count++;
    if (view !== null) view.size = count;
    key1[id] = h1;
    key2[id] = h2;
    fillSlot(slot, id, h1, h2);
    hashToken(text, s, e, chars, id);
    chars.cluster[id] = clusterOf(gaz, chars.lower[id]);
    vectorsReady[id] = 0;
    const l = chars.lower[id];
    gazFirst[id] = gaz !== null ? gazetteerFirstStep(gaz, l) : 0;
    const r = id * TYPE_ROW;
    rows[r + ROW_WORD] = chars.word[id];
    rows[r + ROW_LOWER] = l;
    rows[r + ROW_SHAPE] = chars.shape[id];
    rows[r + ROW_BITS] = chars.bits[id];
    rows[r + ROW_LENGTH_BUCKET] = chars.lengthBucket[id];
    rows[r + ROW_CLUSTER] = chars.cluster[id];
    rows[r + ROW_GAZ_FIRST] = gazFirst[id];
    rows[r + ROW_LOWER_ID] = lowerIdOf(l);
    return id;
  }

  function ensureVectors(id: number): void {
    if (vectorsReady[id] === 1) return;
    vectorsReady[id] = 1;
    const base = id * VEC_SLOTS * L;
    vectors.fill(0, base, base + VEC_SLOTS * L);
    writeSelfFeatures(chars, id, feats, 0);
    for (let k = 0; k < SELF_FEATURES; k++) addFeatureInt(model, feats[k], vectors, base + VEC_SELF * L);
    const l = chars.lower[id];
    const sh = chars.shape[id];
    const cl = chars.cluster[id];
    previousTokenFeatures(l, sh, cl, pair, 0);
    for (let k = 0; k < 3; k++) addFeatureInt(model, pair[k], vectors, base + VEC_AS_PREVIOUS * L);
    nextTokenFeatures(l, sh, cl, pair, 0);
    for (let k = 0; k < 3; k++) addFeatureInt(model, pair[k], vectors, base + VEC_AS_NEXT * L);
    addFeatureInt(model, secondPreviousTokenFeature(l), vectors, base + VEC_AS_SECOND_PREVIOUS * L);
    addFeatureInt(model, secondNextTokenFeature(l), vectors, base + VEC_AS_SECOND_NEXT * L);
  }

  function intern(text: string, s: number, e: number): number {
    let h1 = 0x811c9dc5 | 0;
    let h2 = (e - s) | 0x5bd1e995;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ (c + 0x9e37), 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    const slot = findSlot(h1, h2);
    const v = slots[slot * SLOT];
    if (v !== 0) return v - 1;
    return addType(text, s, e, h1, h2, slot);
  }

  function beginDocument(): void {
    if (count <= softCapacity) return;
    if (capacity > 2 * softCapacity) {
      allocate(INITIAL_CAPACITY, false); // a huge document grew the arrays: give the memory back
      return;
    }
    count = 0;
    lowerCount = 0;
    if (view !== null) {
      view.size = 0;
      view.lowerIdCount = 0;
    }
    slots.fill(0);
    lowerSlots.fill(0);
  }

  // plain data properties, updated when the arrays are replaced (an object literal with getters is a
  // dictionary-mode object, and the tagger's reads of it, intern on every token, go through a generic IC)
  const api = {
    intern,
    beginDocument,
    ensureVectors,
    chars,
    vectors,
    vectorsReady,
    gazFirst,
    rows,
    padVectors,
    size: count,
    lowerIdCount: lowerCount,
  };
  view = api;
  return api;
}

function allocChars(n: number): CharHashes {
  return {
    word: new Int32Array(n),
    lower: new Int32Array(n),
    shape: new Int32Array(n),
    prefix: new Int32Array(n * 4),
    suffix: new Int32Array(n * 4),
    bits: new Int32Array(n),
    lengthBucket: new Int32Array(n),
    cluster: new Int32Array(n),
  };
}
