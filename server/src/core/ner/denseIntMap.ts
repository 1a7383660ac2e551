/**
 * A map from small dense int keys (0 .. capacity-1: word ids numbered by the recognizer's type
 * cache, tokenTypes.ts) to int32 values, with IntMap's interface: a key is an array index, so a
 * lookup is one load with no hashing or probing, and a generation stamp empties it in O(1). The
 * caller names, at each clear, how many keys may be used until the next one.
 *
 *   const m = new DenseIntMap();
 *   m.clear(ids); m.set(7, 3); m.get(7, -1) // 3
 */
/** Arrays grown past this many keys by a long document are given back on the next clear. */
const MAX_RETAINED_KEYS = 1 << 17;

export class DenseIntMap {
  /** The generation that last set each key (equal to `gen`: the key is in the map). */
  private stamp: Int32Array;
  private value: Int32Array;
  private gen = 1;
  private count = 0;

  constructor(capacity = 1024) {
    this.stamp = new Int32Array(capacity);
    this.value = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Removes every key; keys 0 .. capacity-1 may be used until the next clear. */
  clear(capacity: number): void {
    this.count = 0;
    const len = this.stamp.length;
    if (capacity > len || (len > MAX_RETAINED_KEYS && capacity <= MAX_RETAINED_KEYS)) {
      // (grown to twice the need: the ids of a type cache grow a little with each new document)
      const size = Math.max(2 * capacity, 1024);
      this.stamp = new Int32Array(size);
      this.value = new Int32Array(size);
      this.gen = 1;
    } else if (this.gen === 0x7fffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    } else this.gen++;
  }

  has(key: number): boolean {
    return this.stamp[key] === this.gen;
  }

  get(key: number, missing: number): number {
    return this.stamp[key] === this.gen ? this.value[key] : missing;
  }

  set(key: number, value: number): void {
    if (this.stamp[key] !== this.gen) {
      this.stamp[key] = this.gen;
      this.count++;
    }
    this.value[key] = value;
  }

  /** Adds `key` (value 0 when new); true when it was not there. */
  add(key: number): boolean {
    if (this.stamp[key] === this.gen) return false;
    this.set(key, 0);
    return true;
  }
}
