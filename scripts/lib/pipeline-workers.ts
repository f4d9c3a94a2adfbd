/**
 * The content build's pipeline on every core: the corpus's files shared among worker threads
 * (pipeline-worker.ts), which prepare them, then, once the corpus-wide pass (ids, lines repeated at
 * documents' edges: planCorpus) has run here, clean and structure them. The same steps as
 * processCorpus (src/pipeline/corpus.ts) in one thread, and the same result. Given the documents'
 * files' setup, each thread also works out its documents' extraction results and writes their
 * files (document-work.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { collectCorpus, planCorpus, today, type CorpusOptions, type CorpusResult, type FileSummary, type Outcome } from '../../src/pipeline/corpus.ts';
import type { ErrataFile } from '../../src/pipeline/errata.ts';
import type { Registry } from '../../src/pipeline/identify.ts';
import type { SkippedFile } from '../../src/pipeline/types.ts';
import type { DocumentFilesSetup } from './document-files.ts';
import type { PipelineMessage, PipelineShare } from './pipeline-worker.ts';

/** Below this many documents, starting the threads (~0.3 s each) costs more than they save. */
const MIN_DOCUMENTS = 60;

/** How many worker threads the content build uses for a corpus (its pipeline, its stages beside the timeline): CONTENT_WORKERS, or one per core for a large corpus. */
export function workerThreads(documents: number, env: NodeJS.ProcessEnv = process.env): number {
  if (env.CONTENT_WORKERS !== undefined) return Math.max(0, Number(env.CONTENT_WORKERS) || 0);
  return documents >= MIN_DOCUMENTS ? availableParallelism() : 0;
}

export interface PipelineWorkersOptions extends Omit<CorpusOptions, 'store'> {
  cacheDir: string;
  version: string;
  workers: number;
  /** Each document's extraction results and files too, written with this. */
  files?: DocumentFilesSetup;
}

/**
 * processCorpus over the files `names` of `dir`, in `workers` threads; with the per-document results
 * they used and found kept, and for how many documents they worked out the extraction results and
 * wrote the files.
 */
export async function processCorpusInWorkers(dir: string, names: readonly string[], registry: Registry, errata: ErrataFile, o: PipelineWorkersOptions): Promise<CorpusResult & { used: string[]; hits: number; extracted: number; written: number }> {
  const progress = o.progress ?? (() => {});
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const shares = Array.from({ length: Math.max(1, Math.min(o.workers, sorted.length)) }, (_, w) => sorted.filter((_, i) => i % o.workers === w));
  const items = new Map<string, FileSummary | SkippedFile>();
  const outcomes = new Map<string, Outcome>();
  const used: string[] = [];
  let hits = 0;
  let extracted = 0;
  let written = 0;
  let processedCount = 0;
  let toProcess = 0;
  const planned = Promise.withResolvers<ReturnType<typeof planCorpus>>();
  // The corpus-wide pass, once every file is prepared: in the files' order, as in one thread.
  const skipped: SkippedFile[] = [];
  const plan = () => {
    try {
      const summaries: FileSummary[] = [];
      for (const name of sorted) {
        const item = items.get(name)!;
        if ('reason' in item) skipped.push(item);
        else summaries.push(item);
      }
      const p = planCorpus(summaries, registry, errata, o.today ?? today());
      toProcess = p.plans.filter((x) => 'context' in x).length;
      planned.resolve(p);
    } catch (err) {
      planned.reject(err);
    }
  };
  const workers = shares.map(
    (share) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./pipeline-worker.ts', import.meta.url), { workerData: { dir, names: share, cacheDir: o.cacheDir, version: o.version, files: o.files } satisfies PipelineShare });
        worker.on('message', (m: PipelineMessage) => {
          if ('prepared' in m) {
            items.set(m.prepared, m.item);
            progress('decode', items.size, sorted.length, m.prepared);
            if (items.size === sorted.length) plan();
          } else if ('processed' in m) {
            outcomes.set(m.processed, m.outcome);
            if (m.done?.extracted) extracted++;
            if (m.done?.written) written++;
            progress('clean', ++processedCount, toProcess, m.processed);
          } else {
            used.push(...m.used);
            hits += m.hits;
            resolve();
            void worker.terminate();
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`a pipeline worker stopped (exit code ${code})`)));
        // Each worker gets the plans of its own files (or stops, if planning failed).
        const mine = new Set(share);
        planned.promise.then(
          (p) => worker.postMessage(p.plans.filter((x) => mine.has(x.source))),
          (err: unknown) => {
            reject(err);
            void worker.terminate();
          },
        );
      }),
  );
  if (sorted.length === 0) plan();
  await Promise.all(workers);
  const p = await planned.promise;
  return { ...collectCorpus(p.plans, outcomes, p, errata, skipped), used, hits, extracted, written };
}
