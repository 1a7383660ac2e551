/**
 * Measures, in V8 itself, how a regex's matching time grows with its input: the input is built
 * from pumps (prefix + pump×k …, suffix), k grows until one run takes long enough to time, then
 * the time at 4k is compared with the time at k. Linear code gives a ratio near 4, quadratic near
 * 16. Runs in a worker thread with a deadline, so an exponential pattern cannot hang the suite.
 */
import { Worker } from 'worker_threads';

export interface Pump {
  prefix: string;
  pump: string;
}

export interface Growth {
  /** Input length at the measured sizes (k and 4k pumps). */
  sizes: number[];
  /** Milliseconds (best of three; once when slow) at those sizes. */
  ms: number[];
  /** Time at 4k over time at k: about 4 when linear, 16 when quadratic. */
  ratio: number;
  /** The ratio passed the limit (8) twice. */
  superLinear: boolean;
  /** The worker ran past its deadline: treat as catastrophic. */
  timedOut: boolean;
  /** The input shape that grew worst. */
  shape: string;
}

const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const { source, flags, shapes, minMs, maxLength, limit } = workerData;
const re = new RegExp(source, flags);
const once = (s) => { re.lastIndex = 0; const t = process.hrtime.bigint(); s.replace(re, ''); return Number(process.hrtime.bigint() - t) / 1e6; };
const best = (s) => Math.min(once(s), once(s), once(s));
for (const { pumps, suffix } of shapes) {
  const shape = JSON.stringify(pumps) + ' + ' + JSON.stringify(suffix);
  parentPort.postMessage({ running: shape });
  const build = (k) => pumps.map((p) => p.prefix + p.pump.repeat(k)).join('') + suffix;
  let k = 64;
  let s = build(k);
  let t = best(s);
  while (t < minMs && s.length * 4 < maxLength) { k *= 2; s = build(k); t = best(s); }
  const big = build(4 * k);
  let t4 = t > 30 ? once(big) : best(big);
  // Still fast at the length cap: nothing grows here. Otherwise confirm a high ratio once more
  // (a one-off jump from garbage collection or stack growth does not repeat).
  let ratio = t < minMs ? Math.min(t4 / minMs, 4) : t4 / t;
  if (ratio > limit) {
    const again = t4 > 30 ? once(big) / Math.max(best(s), 0.05) : best(big) / Math.max(best(s), 0.05);
    ratio = Math.min(ratio, again);
  }
  parentPort.postMessage({ sizes: [s.length, big.length], ms: [t, t4], ratio, superLinear: ratio > limit, shape });
}
parentPort.postMessage({ done: true });
`;

export interface Shape {
  pumps: Pump[];
  suffix: string;
}

/**
 * The worst growth over the given input shapes (each must finish within `deadlineMs`). The input
 * grows until one run takes `minMs` (20 ms) or the 4k input would pass 100,000 characters (then it
 * is linear: a quadratic pattern is far slower at that length), then is timed at 4k pumps.
 * Super-linear when the ratio passes `limit` (8, between linear 4 and quadratic 16) twice.
 */
export function measureGrowth(source: string, flags: string, shapes: Shape[], deadlineMs = 8000): Promise<Growth> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { source, flags, shapes, minMs: 20, maxLength: 100_000, limit: 8 } });
    let worst: Growth = { sizes: [], ms: [], ratio: 0, superLinear: false, timedOut: false, shape: '(no shape)' };
    let running = '';
    const expire = () => {
      void worker.terminate();
      resolve({ sizes: [], ms: [], ratio: Infinity, superLinear: true, timedOut: true, shape: running });
    };
    let timer = setTimeout(expire, deadlineMs);
    worker.on('message', (m: { running?: string; done?: boolean } & Omit<Growth, 'timedOut'>) => {
      if (m.running !== undefined) {
        // The deadline is per input shape.
        running = m.running;
        clearTimeout(timer);
        timer = setTimeout(expire, deadlineMs);
      }
      else if (m.done) {
        clearTimeout(timer);
        void worker.terminate();
        resolve(worst);
      } else if ((m.superLinear && !worst.superLinear) || (m.superLinear === worst.superLinear && m.ratio > worst.ratio)) worst = { ...m, timedOut: false };
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Generic attack shapes for a pattern recheck could not decide: runs of the characters and words backtracking feeds on. */
export function genericShapes(source: string): Shape[] {
  const all = [...new Set(source.replace(/\\[a-zA-Z]/g, ' ').match(/[A-Za-z']{2,}/g) ?? [])];
  const words = all.slice(0, 8);
  const chars = [' ', '\t', ' \n', 'a', 'A', '0.', '-', '-\n', '"', 'Aa '];
  const shapes: Shape[] = [];
  for (const c of chars) shapes.push({ pumps: [{ prefix: '', pump: c }], suffix: '\u0000' });
  for (const w of words) {
    shapes.push({ pumps: [{ prefix: '', pump: `${w} ` }], suffix: '\u0000' });
    shapes.push({ pumps: [{ prefix: `${w} `, pump: ' ' }], suffix: '\u0000' });
  }
  // A word of the leading alternation followed by a word of the pattern's end ("demands that ").
  for (const a of all.slice(0, 4)) for (const b of all.slice(-3)) if (a !== b) shapes.push({ pumps: [{ prefix: '', pump: `${a} ${b} ` }], suffix: '\u0000' });
  return shapes;
}
