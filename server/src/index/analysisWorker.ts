/**
 * A worker thread that analyses articles, so cold indexing uses every core and the server's event
 * loop stays free for requests. Receives {id, text, decisions, discard?}; answers {id, line} or
 * {id, error}, or only {id} for a warm-up (`discard`: the analysis trains the worker and is dropped).
 * `line` is the analysis packed as a snapshot line (snapshotCodec.ts), UTF-8 bytes whose buffer is
 * transferred: the main thread copies a few byte arrays out of it instead of rebuilding thousands
 * of mention objects from a structured clone and packing them again.
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
    // Its own buffer (not a slice of Node's shared pool), so it can be transferred.
    const bytes = new Uint8Array(Buffer.byteLength(line, 'utf8'));
    Buffer.from(bytes.buffer, 0, bytes.length).write(line, 'utf8');
    parentPort!.postMessage({ id: job.id, line: bytes }, [bytes.buffer]);
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
