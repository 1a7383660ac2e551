/**
 * An open-addressing map from int32 keys to int32 values for the tagger's per-document tables (the
 * word hashes seen capitalised, the first occurrence of each word, ...). Unlike a Map or Set of
 * numbers it allocates nothing per key (a hash outside the small-integer range is a heap number in
 * a Map) and is emptied in O(1) by a generation stamp, so one instance serves every document.
 *
 *   const m = new IntMap();
 *   m.clear(); m.set(h, 3); m.get(h, -1) // 3
 */
const DEFAULT_BITS = 10;
/** Tables grown past this many slots by a long document are given back on the next clear. */
const MAX_RETAINED_SLOTS = 1 << 17;

export class IntMap {
  private keys: Int32Array;
  private vals: Int32Array;
  private stamps: Uint32Array;
  private gen = 1;
  private bits: number;
  private count = 0;

  constructor(bits = DEFAULT_BITS) {
    this.bits = bits;
    this.keys = new Int32Array(1 << bits);
    this.vals = new Int32Array(1 << bits);
    this.stamps = new Uint32Array(1 << bits);
  }

  get size(): number {
    return this.count;
  }

  /** Removes every key. */
  clear(): void {
    this.count = 0;
    if (this.keys.length > MAX_RETAINED_SLOTS) this.allocate(DEFAULT_BITS);
    else if (this.gen === 0xffffffff) {
      this.stamps.fill(0);
      this.gen = 1;
    } else this.gen++;
  }

  /** The slot of `key`, or the empty slot where it would go. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    const { keys, stamps } = this;
    const gen = this.gen;
    let s = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
    while (stamps[s] === gen && keys[s] !== key) s = (s + 1) & mask;
    return s;
  }

  has(key: number): boolean {
    return this.stamps[this.slotOf(key)] === this.gen;
  }

  get(key: number, missing: number): number {
    const s = this.slotOf(key);
    return this.stamps[s] === this.gen ? this.vals[s] : missing;
  }

  set(key: number, value: number): void {
    let s = this.slotOf(key);
    if (this.stamps[s] !== this.gen) {
      if ((this.count + 1) * 2 > this.keys.length) {
        this.grow();
        s = this.slotOf(key);
      }
      this.stamps[s] = this.gen;
      this.keys[s] = key;
      this.count++;
    }
    this.vals[s] = value;
  }

  /** Adds `key` (value 0 when new); true when it was not there. */
  add(key: number): boolean {
    if (this.has(key)) return false;
    this.set(key, 0);
    return true;
  }

  private allocate(bits: number): void {
    this.bits = bits;
    this.keys = new Int32Array(1 << bits);
    this.vals = new Int32Array(1 << bits);
    this.stamps = new Uint32Array(1 << bits);
    this.gen = 1;
  }

  private grow(): void {
    const { keys, vals, stamps, gen } = this;
    this.allocate(this.bits + 1);
    for (let s = 0; s < keys.length; s++) {
      if (stamps[s] !== gen) continue;
      const t = this.slotOf(keys[s]);
      this.stamps[t] = this.gen;
      this.keys[t] = keys[s];
      this.vals[t] = vals[s];
    }
  }
}
