/**
 * The content build's extraction on every core: worker threads (extract-worker.ts) work out each
 * document's results into the per-document store while the content build writes the documents'
 * pages; the corpus-wide stages then read them from the store instead of working them out one
 * document after another.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { documentDigest } from '../../src/lib/per-document.ts';
import type { DocumentText } from '../../src/pipeline/types.ts';
import type { ExtractionJob, ExtractionSetup } from './extract-worker.ts';

/** Below this many documents, starting the workers (~0.3 s each) costs more than they save. */
const MIN_DOCUMENTS = 60;

/** How many worker threads the content build uses for a corpus (its pipeline, its extraction, its stages beside the timeline): CONTENT_WORKERS, or one per core for a large corpus. */
export function workerThreads(documents: number, env: NodeJS.ProcessEnv = process.env): number {
  if (env.CONTENT_WORKERS !== undefined) return Math.max(0, Number(env.CONTENT_WORKERS) || 0);
  return documents >= MIN_DOCUMENTS ? availableParallelism() : 0;
}

/** Work out the documents' extraction results in `workers` threads; resolves when all are in the store. */
export async function extractInWorkers(docs: readonly DocumentText[], setup: ExtractionSetup, workers: number, log: (line: string) => void): Promise<void> {
  if (workers === 0 || docs.length === 0) return;
  const queue = [...docs];
  let done = 0;
  let lastReport = performance.now();
  const one = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { workerData: setup });
      const next = () => {
        const doc = queue.shift();
        if (!doc) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage({ digest: documentDigest(doc), doc } satisfies ExtractionJob);
      };
      worker.on('message', () => {
        done++;
        const now = performance.now();
        if (done === docs.length || now - lastReport > 2000) {
          log(`[extract] ${done}/${docs.length} documents (${workers} threads)`);
          lastReport = now;
        }
        next();
      });
      // The workers only fill a cache: if one stops, the stages work out what it did not.
      worker.on('error', (err: Error) => {
        log(`[extract] a worker stopped (${err.message}); the build works out its documents itself`);
        resolve();
      });
      worker.on('online', next);
    });
  await Promise.all(Array.from({ length: Math.min(workers, docs.length) }, one));
}
