/**
 * Integer hashing used by the tagger's feature extraction: strings (slices of the text) are hashed
 * once per token by walking their char codes, and every feature is an integer mix of a template id
 * with those token hashes. No strings are built in the hot path.
 */

export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Lowercase a UTF-16 code unit (ASCII and Latin-1 letters; other scripts unchanged). Consistent everywhere. */
export function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}

export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** Hash of text[start,end) lowercased. */
export function hashLower(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ lowerCode(text.charCodeAt(k)), FNV_PRIME);
  return h;
}

/** Hash of a whole lowercase-normalised string. */
export function hashLowerString(s: string): number {
  return hashLower(s, 0, s.length);
}

/** A strong 32-bit finaliser (murmur3 fmix). */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Combine two 32-bit values into one hash. */
export function mix2(a: number, b: number): number {
  return fmix(Math.imul(a, 0x9e3779b1) ^ (b + 0x7f4a7c15 + (a << 6) + (a >>> 2)));
}

export function mix3(a: number, b: number, c: number): number {
  return mix2(mix2(a, b), c);
}
