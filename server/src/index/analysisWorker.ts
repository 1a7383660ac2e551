/**
 * A worker thread that analyses articles, so cold indexing uses every core and the server's event
 * loop stays free for requests. Receives {id, text, decisions, discard?}; answers {id, analysis} or
 * {id, error}, or only {id} for a warm-up (`discard`: the analysis trains the worker and is dropped).
 */
import { parentPort } from 'worker_threads';
import { analyzeArticle, type ReaderDecisions } from '../core/analyzeArticle';
import { productionComponents } from '../components';

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
    parentPort!.postMessage(job.discard ? { id: job.id } : { id: job.id, analysis });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
