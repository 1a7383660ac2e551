/**
 * Small byte arrays the index keeps for as long as their article (an analysis's columns, packed
 * outline and clusters, a few KB each), copied into shared chunks instead of each getting its own
 * buffer. `Buffer.from(text, 'base64')` puts anything under 4 KB into Node's shared 8 KB pool,
 * which every other short-lived small buffer also uses, so one kept part held a whole pool slab of
 * garbage alive: after a cold index of 10,000 articles about 75 MB of slabs held about 50 MB of parts.
 * A chunk here holds only kept parts. A part replaced by an edit stays in its chunk until every part
 * in that chunk is gone (a few KB per edited article).
 */

/** Each part starts at a multiple of 8 bytes, so typed-array views over it (Int32, Float64) are aligned. */
const ALIGN = 8;

/** Decoded length of base64 text (standard alphabet, `=` padding optional). */
export function base64DecodedLength(text: string): number {
  let n = text.length;
  while (n > 0 && text.charCodeAt(n - 1) === 61 /* = */) n--;
  return Math.floor((n * 3) / 4);
}

export class ByteArena {
  private chunk: Buffer | undefined;
  private used = 0;

  /** `chunkSize`: bytes per chunk; parts larger than a quarter of it get their own buffer. */
  constructor(private readonly chunkSize = 256 * 1024) {}

  /** A kept copy of the bytes that base64 `text` encodes. */
  fromBase64(text: string): Buffer {
    const length = base64DecodedLength(text);
    if (length * 4 > this.chunkSize) return Buffer.from(text, 'base64');
    const out = this.take(length);
    const written = out.write(text, 'base64');
    // Invalid characters are skipped by the decoder, so fewer bytes can come out; the rest is never exposed.
    return written === length ? out : out.subarray(0, written);
  }

  private take(length: number): Buffer {
    if (!this.chunk || this.used + length > this.chunk.length) {
      this.chunk = Buffer.allocUnsafeSlow(this.chunkSize);
      this.used = 0;
    }
    const out = this.chunk.subarray(this.used, this.used + length);
    this.used = Math.ceil((this.used + length) / ALIGN) * ALIGN;
    return out;
  }
}

/** The arena for analysis parts decoded by the index (one per thread). */
export const analysisBytes = new ByteArena();
