/**
 * An open-addressing map from int32 keys to int32 values for the tagger's per-document tables (the
 * word hashes seen capitalised, the first occurrence of each word, ...). Unlike a Map or Set of
 * numbers it allocates nothing per key (a hash outside the small-integer range is a heap number in
 * a Map) and is emptied in O(1) by a generation stamp, so one instance serves every document.
 * A slot is four int32 side by side (stamp, key, value, unused), so a probe reads one cache line.
 *
 *   const m = new IntMap();
 *   m.clear(); m.set(h, 3); m.get(h, -1) // 3
 */
const DEFAULT_BITS = 10;
/** Tables grown past this many slots by a long document are given back on the next clear. */
const MAX_RETAINED_SLOTS = 1 << 17;
/** int32 per slot. */
const SLOT = 4;

export class IntMap {
  /** SLOT int32 per slot: the generation that filled it, the key, the value. */
  private data: Int32Array;
  private gen = 1;
  private bits: number;
  private count = 0;

  constructor(bits = DEFAULT_BITS) {
    this.bits = bits;
    this.data = new Int32Array(SLOT << bits);
  }

  get size(): number {
    return this.count;
  }

  /** Removes every key. */
  clear(): void {
    this.count = 0;
    if (this.data.length > SLOT * MAX_RETAINED_SLOTS) this.allocate(DEFAULT_BITS);
    else if (this.gen === 0x7fffffff) {
      this.data.fill(0);
      this.gen = 1;
    } else this.gen++;
  }

  /** The offset in `data` of the slot of `key`, or of the empty slot where it would go. */
  private slotOf(key: number): number {
    const data = this.data;
    const mask = data.length - 1;
    const gen = this.gen;
    let o = (Math.imul(key, 0x9e3779b1) >>> (32 - this.bits)) * SLOT;
    while (data[o] === gen && data[o + 1] !== key) o = (o + SLOT) & mask;
    return o;
  }

  has(key: number): boolean {
    return this.data[this.slotOf(key)] === this.gen;
  }

  get(key: number, missing: number): number {
    const o = this.slotOf(key);
    return this.data[o] === this.gen ? this.data[o + 2] : missing;
  }

  set(key: number, value: number): void {
    let o = this.slotOf(key);
    if (this.data[o] !== this.gen) {
      if ((this.count + 1) * 2 > this.data.length / SLOT) {
        this.grow();
        o = this.slotOf(key);
      }
      this.data[o] = this.gen;
      this.data[o + 1] = key;
      this.count++;
    }
    this.data[o + 2] = value;
  }

  /** Adds `key` (value 0 when new); true when it was not there. */
  add(key: number): boolean {
    if (this.has(key)) return false;
    this.set(key, 0);
    return true;
  }

  private allocate(bits: number): void {
    this.bits = bits;
    this.data = new Int32Array(SLOT << bits);
    this.gen = 1;
  }

  private grow(): void {
    const { data, gen } = this;
    this.allocate(this.bits + 1);
    for (let o = 0; o < data.length; o += SLOT) {
      if (data[o] !== gen) continue;
      const t = this.slotOf(data[o + 1]);
      this.data[t] = this.gen;
      this.data[t + 1] = data[o + 1];
      this.data[t + 2] = data[o + 2];
    }
  }
}
