/**
 * Tag schemes of the sequence tagger: BIO or BILOU over entity types (CoNLL: PER, ORG, LOC, MISC).
 * Label 0 is always O. Also the transition constraints used by the decoder.
 */

export type TagScheme = 'BIO' | 'BILOU';

export const PART_O = 0;
export const PART_B = 1;
export const PART_I = 2;
export const PART_L = 3;
export const PART_U = 4;

export interface LabelSet {
  scheme: TagScheme;
  types: string[];
  count: number;
  /** per label: entity type index (-1 for O) */
  typeOf: Int8Array;
  /** per label: PART_* */
  partOf: Int8Array;
  /** allowed[prev * count + cur] */
  allowed: Uint8Array;
  /** labels allowed to start a sequence / end a sequence */
  canStart: Uint8Array;
  canEnd: Uint8Array;
  /** The allowed predecessors of each label, ascending (CSR: prevOf[prevStart[cur] .. prevStart[cur + 1])). */
  prevStart: Int32Array;
  prevOf: Int32Array;
  /** The allowed successors of each label, ascending (CSR, like prevOf). */
  nextStart: Int32Array;
  nextOf: Int32Array;
}

export function makeLabelSet(scheme: TagScheme, types: string[]): LabelSet {
  const parts = scheme === 'BIO' ? [PART_B, PART_I] : [PART_B, PART_I, PART_L, PART_U];
  const count = 1 + types.length * parts.length;
  const typeOf = new Int8Array(count).fill(-1);
  const partOf = new Int8Array(count);
  for (let t = 0; t < types.length; t++) {
    for (let p = 0; p < parts.length; p++) {
      const label = 1 + t * parts.length + p;
      typeOf[label] = t;
      partOf[label] = parts[p];
    }
  }
  const allowed = new Uint8Array(count * count);
  const canStart = new Uint8Array(count);
  const canEnd = new Uint8Array(count);
  for (let cur = 0; cur < count; cur++) {
    const cp = partOf[cur];
    canStart[cur] = cp === PART_O || cp === PART_B || cp === PART_U ? 1 : 0;
    canEnd[cur] = scheme === 'BIO' ? 1 : cp === PART_O || cp === PART_L || cp === PART_U ? 1 : 0;
    for (let prev = 0; prev < count; prev++) {
      const pp = partOf[prev];
      let ok: boolean;
      if (scheme === 'BIO') {
        ok = cp !== PART_I || ((pp === PART_B || pp === PART_I) && typeOf[prev] === typeOf[cur]);
      } else {
        const open = pp === PART_B || pp === PART_I;
        if (open) ok = (cp === PART_I || cp === PART_L) && typeOf[prev] === typeOf[cur];
        else ok = cp === PART_O || cp === PART_B || cp === PART_U;
      }
      allowed[prev * count + cur] = ok ? 1 : 0;
    }
  }
  const csr = (pairOk: (a: number, b: number) => boolean): [Int32Array, Int32Array] => {
    const startOf = new Int32Array(count + 1);
    const list: number[] = [];
    for (let a = 0; a < count; a++) {
      startOf[a] = list.length;
      for (let b = 0; b < count; b++) if (pairOk(a, b)) list.push(b);
    }
    startOf[count] = list.length;
    return [startOf, Int32Array.from(list)];
  };
  const [prevStart, prevOf] = csr((cur, prev) => allowed[prev * count + cur] === 1);
  const [nextStart, nextOf] = csr((cur, next) => allowed[cur * count + next] === 1);
  return { scheme, types, count, typeOf, partOf, allowed, canStart, canEnd, prevStart, prevOf, nextStart, nextOf };
}

/** Gold labels for tokens from entity token ranges [first, last] with a type index. */
export function encodeLabels(ls: LabelSet, n: number, spans: Array<{ first: number; last: number; type: number }>): Int32Array {
  const out = new Int32Array(n);
  const per = ls.scheme === 'BIO' ? 2 : 4;
  for (const sp of spans) {
    const base = 1 + sp.type * per;
    for (let k = sp.first; k <= sp.last; k++) {
      if (ls.scheme === 'BIO') out[k] = k === sp.first ? base : base + 1;
      else if (sp.first === sp.last) out[k] = base + 3;
      else out[k] = k === sp.first ? base : k === sp.last ? base + 2 : base + 1;
    }
  }
  return out;
}

/** Entity token ranges from a label sequence (tolerant of ill-formed sequences). */
export function decodeSpans(ls: LabelSet, labels: ArrayLike<number>, n: number): Array<{ first: number; last: number; type: number }> {
  const spans: Array<{ first: number; last: number; type: number }> = [];
  decodeSpansIn(ls, labels, 0, n, spans);
  return spans;
}

/**
 * decodeSpans of labels[from, to) as if the labels before and after were O (label 0), appended to
 * `spans`: over ranges separated by O labels, the same spans as decodeSpans of the whole sequence.
 */
export function decodeSpansIn(ls: LabelSet, labels: ArrayLike<number>, from: number, to: number, spans: Array<{ first: number; last: number; type: number }>): void {
  let open = -1;
  let openType = -1;
  for (let k = from; k <= to; k++) {
    const lab = k < to ? labels[k] : 0;
    const t = ls.typeOf[lab];
    const p = ls.partOf[lab];
    const continues = t >= 0 && t === openType && (p === PART_I || p === PART_L);
    if (open >= 0 && !continues) {
      spans.push({ first: open, last: k - 1, type: openType });
      open = -1;
      openType = -1;
    }
    if (t >= 0 && !continues) {
      open = k;
      openType = t;
    }
    if (open >= 0 && (p === PART_L || p === PART_U)) {
      spans.push({ first: open, last: k, type: openType });
      open = -1;
      openType = -1;
    }
  }
}
