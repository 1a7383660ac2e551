/**
 * A worker thread that analyses articles, so cold indexing uses every core and the server's event
 * loop stays free for requests. Receives {id, text, decisions, discard?}; answers {id, line} or
 * {id, error}, or only {id} for a warm-up (`discard`: the analysis trains the worker and is dropped).
 * `line` is the analysis packed as a snapshot line (snapshotCodec.ts), UTF-8 bytes: the main thread
 * copies a few byte arrays out of it instead of rebuilding thousands of mention objects from a
 * structured clone and packing them again.
 *
 * The bytes are copied into the message, never transferred: transferring detaches an ArrayBuffer,
 * and the first detach in an isolate invalidates V8's "no buffer was ever detached" protector, which
 * throws away every optimized function that reads a typed array (the recognizer's are nearly all
 * of them: 116 at once). A worker trained by warm-ups (which send nothing back) did that on the
 * reader's first edit, and compiled the analysis again during the next edits (~20 ms of compiler
 * CPU per edit over the first 20 edits of the benchmark's article). Copying ~15 KB costs microseconds.
 */
import { parentPort } from 'worker_threads';
import { analyzeArticle, type ReaderDecisions } from '../core/analyzeArticle';
import { productionComponents } from '../components';
import { encodeArticleLine } from './snapshotCodec';

interface Job {
  id: number;
  text: string;
  decisions: ReaderDecisions;
  discard?: boolean;
}

const components = productionComponents();

parentPort?.on('message', (job: Job) => {
  try {
    const analysis = analyzeArticle(job.text, components, { decisions: job.decisions });
    if (job.discard) {
      parentPort!.postMessage({ id: job.id });
      return;
    }
    const line = encodeArticleLine(analysis, () => job.text);
    // Its own buffer, not a slice of Node's shared pool: a clone copies a view's whole buffer.
    const bytes = new Uint8Array(Buffer.byteLength(line, 'utf8'));
    Buffer.from(bytes.buffer, 0, bytes.length).write(line, 'utf8');
    // No transfer list (see above): a transfer would detach the buffer.
    parentPort!.postMessage({ id: job.id, line: bytes });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
