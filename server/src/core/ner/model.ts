/**
 * The tagger's weights file: encoding (used by scripts/train-ner.js) and decoding (pure, no fs).
 *
 * Layout (little endian):
 *   "SLNER001"                      8 bytes magic
 *   u32 headerLength, header JSON   (labels, hashing, provenance, feature version)
 *   u32 gazLength, gazetteer JSON   ({category: [entries]})
 *   padding to 4
 *   u32 keys[rows]                  feature bucket of each stored row (sorted)
 *   f32 scales[rows]                per-row dequantisation scale
 *   f32 transitions[L*L], f32 start[L]
 *   i8  weights[rows*L]             quantised weights
 *   padding to 4, u32 clusterCount, u32 clusterKeys[count] (ascending lowercase hashes),
 *   u16 clusterCodes[count]         word classes (feature version >= 10)
 */
import { buildGazetteer, Gazetteer } from './gazetteer';
import { FEATURE_VERSION } from './features';
import { LabelSet, makeLabelSet, TagScheme } from './labels';
import { buildWeightIndex } from './weightIndex';

const MAGIC = 'SLNER001';

export interface NerModelHeader {
  featureVersion: number;
  scheme: TagScheme;
  types: string[];
  hashBits: number;
  rows: number;
  /** 2 when the model is applied twice, the second time with document-level first-pass evidence. */
  passes?: number;
  /** Free-form provenance: data origin, gazetteer packages and versions, training settings, dev scores. */
  meta: Record<string, unknown>;
}

export interface NerModel {
  header: NerModelHeader;
  labels: LabelSet;
  gazetteer: Gazetteer;
  /** Where each feature bucket's row is (weightIndex.ts weightRowOf; -1: no row). */
  rowIndex: Int32Array;
  /** L int16 per row: the weights divided by `weightScale`; row `zeroRow` is all zeros. */
  rowWeights: Int16Array;
  /** The number of the all-zero row (weightIndex.ts weightRowOrZero). */
  zeroRow: number;
  /** Multiply summed int16 weights by this to get scores. */
  weightScale: number;
  transitions: Float32Array;
  start: Float32Array;
}

export interface NerModelParts {
  header: Omit<NerModelHeader, 'rows' | 'featureVersion'>;
  gazetteerLists: Record<string, string[]>;
  /** bucket index of each row */
  keys: Uint32Array;
  /** rows * L float weights */
  weights: Float32Array;
  transitions: Float32Array;
  start: Float32Array;
  /** Word classes (ascending keys). */
  clusters?: { keys: Uint32Array; codes: Uint16Array };
}

export function encodeNerModel(parts: NerModelParts): Uint8Array {
  const L = makeLabelSet(parts.header.scheme, parts.header.types).count;
  const rows = parts.keys.length;
  const header: NerModelHeader = { ...parts.header, featureVersion: FEATURE_VERSION, rows };
  const enc = new TextEncoder();
  const headerBytes = enc.encode(JSON.stringify(header));
  const gazBytes = enc.encode(JSON.stringify(parts.gazetteerLists));
  let size = 8 + 4 + headerBytes.length + 4 + gazBytes.length;
  size = (size + 3) & ~3;
  const keysOff = size;
  size += rows * 4;
  const scalesOff = size;
  size += rows * 4;
  const transOff = size;
  size += (L * L + L) * 4;
  const weightsOff = size;
  size += rows * L;
  size = (size + 3) & ~3;
  const clustersOff = size;
  const clusterCount = parts.clusters?.keys.length ?? 0;
  size += 4 + clusterCount * 6;
  const buf = new Uint8Array(size);
  const dv = new DataView(buf.buffer);
  for (let i = 0; i < 8; i++) buf[i] = MAGIC.charCodeAt(i);
  let o = 8;
  dv.setUint32(o, headerBytes.length, true);
  buf.set(headerBytes, o + 4);
  o += 4 + headerBytes.length;
  dv.setUint32(o, gazBytes.length, true);
  buf.set(gazBytes, o + 4);
  for (let r = 0; r < rows; r++) {
    dv.setUint32(keysOff + r * 4, parts.keys[r], true);
    let max = 0;
    for (let l = 0; l < L; l++) max = Math.max(max, Math.abs(parts.weights[r * L + l]));
    const scale = max > 0 ? max / 127 : 1;
    dv.setFloat32(scalesOff + r * 4, scale, true);
    for (let l = 0; l < L; l++) {
      const q = Math.max(-127, Math.min(127, Math.round(parts.weights[r * L + l] / scale)));
      dv.setInt8(weightsOff + r * L + l, q);
    }
  }
  dv.setUint32(clustersOff, clusterCount, true);
  for (let i = 0; i < clusterCount; i++) {
    dv.setUint32(clustersOff + 4 + i * 4, (parts.clusters as { keys: Uint32Array }).keys[i], true);
    dv.setUint16(clustersOff + 4 + clusterCount * 4 + i * 2, (parts.clusters as { codes: Uint16Array }).codes[i], true);
  }
  for (let i = 0; i < L * L; i++) dv.setFloat32(transOff + i * 4, parts.transitions[i], true);
  for (let i = 0; i < L; i++) dv.setFloat32(transOff + (L * L + i) * 4, parts.start[i], true);
  return buf;
}

/** Decodes a weights file. Throws a descriptive Error on a malformed or incompatible file. */
export function decodeNerModel(bytes: Uint8Array): NerModel {
  if (bytes.length < 16) throw new Error('NER model: file too short');
  for (let i = 0; i < 8; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) throw new Error('NER model: bad magic');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dec = new TextDecoder();
  let o = 8;
  const hl = dv.getUint32(o, true);
  const header = JSON.parse(dec.decode(bytes.subarray(o + 4, o + 4 + hl))) as NerModelHeader;
  o += 4 + hl;
  const gl = dv.getUint32(o, true);
  const lists = JSON.parse(dec.decode(bytes.subarray(o + 4, o + 4 + gl))) as Record<string, string[]>;
  o += 4 + gl;
  o = (o + 3) & ~3;
  if (header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`NER model: feature version ${header.featureVersion}, code expects ${FEATURE_VERSION}`);
  }
  const labels = makeLabelSet(header.scheme, header.types);
  const L = labels.count;
  const rows = header.rows;
  const expected = o + rows * 8 + (L * L + L) * 4 + rows * L;
  if (bytes.length < expected) throw new Error('NER model: truncated');
  const keysOff = o;
  const scalesOff = keysOff + rows * 4;
  const transOff = scalesOff + rows * 4;
  const weightsOff = transOff + (L * L + L) * 4;
  let maxAbs = 0;
  for (let r = 0; r < rows; r++) {
    const scale = dv.getFloat32(scalesOff + r * 4, true);
    maxAbs = Math.max(maxAbs, Math.abs(scale * 127));
  }
  const weightScale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const keys = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) keys[r] = dv.getUint32(keysOff + r * 4, true);
  const { index, weights, rows: zeroRow } = buildWeightIndex(header.hashBits, L, keys, (r, out, o) => {
    const scale = dv.getFloat32(scalesOff + r * 4, true);
    for (let l = 0; l < L; l++) out[o + l] = Math.round((dv.getInt8(weightsOff + r * L + l) * scale) / weightScale);
  });
  let clustersOff = (weightsOff + rows * L + 3) & ~3;
  const clusterCount = clustersOff + 4 <= bytes.length ? dv.getUint32(clustersOff, true) : 0;
  if (clustersOff + 4 + clusterCount * 6 > bytes.length) throw new Error('NER model: truncated word classes');
  clustersOff += 4;
  const clusterKeys = new Uint32Array(clusterCount);
  const clusterCodes = new Uint16Array(clusterCount);
  for (let i = 0; i < clusterCount; i++) {
    clusterKeys[i] = dv.getUint32(clustersOff + i * 4, true);
    clusterCodes[i] = dv.getUint16(clustersOff + clusterCount * 4 + i * 2, true);
  }
  const transitions = new Float32Array(L * L);
  const start = new Float32Array(L);
  for (let i = 0; i < L * L; i++) transitions[i] = dv.getFloat32(transOff + i * 4, true);
  for (let i = 0; i < L; i++) start[i] = dv.getFloat32(transOff + (L * L + i) * 4, true);
  return {
    header,
    labels,
    gazetteer: buildGazetteer(lists, { keys: clusterKeys, codes: clusterCodes }),
    rowIndex: index,
    rowWeights: weights,
    zeroRow,
    weightScale,
    transitions,
    start,
  };
}
