/**
 * A worker thread of the content build for a large corpus: the corpus-wide stages that need nothing
 * from the timeline (corpus-stages.ts `besideTheTimeline`), while the content build's own thread
 * merges the timeline. It reads the documents' results from the per-document store (the extraction
 * threads have just filled it) and tells the content build which ones it used, so that the store
 * keeps them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TermSpec } from '../../src/extract/terms.ts';
import type { LinkedChart } from '../../src/generate/figures.ts';
import { setDocumentDigest, useDocumentStore } from '../../src/lib/per-document.ts';
import type { DocumentText } from '../../src/pipeline/types.ts';
import { besideTheTimeline, type StagePaths } from './corpus-stages.ts';
import { trackedResults } from './document-store.ts';
import { stopwatch } from './stopwatch.ts';

export interface StageJob {
  paths: StagePaths;
  cacheDir: string;
  version: string;
  terms: TermSpec[];
  /** The documents, each with the digest the content build knows it by. */
  docs: [string, DocumentText][];
}
export type StageMessage = { log: string } | { charts: LinkedChart[]; used: string[]; hits: number };

const job = workerData as StageJob;
const { store, used, hits } = trackedResults(job.cacheDir, job.version);
useDocumentStore(store);
const post = (message: StageMessage) => parentPort!.postMessage(message);
const docs = job.docs.map(([digest, doc]) => (setDocumentDigest(doc, digest), doc));
const clock = stopwatch();
const charts = await besideTheTimeline({ ...job.paths, log: (line) => post({ log: line }) }, job.terms, docs, clock);
for (const line of clock.report('beside the timeline (a worker thread): ')) post({ log: line });
post({ charts, used: [...used], hits: hits() });
