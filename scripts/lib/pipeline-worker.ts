/**
 * A worker thread of the content build's pipeline (pipeline-workers.ts): summarises its share of the
 * corpus's files (decoding, normalising and repairing those not summarised before) and sends the
 * summaries, then, given each one's context, cleans and structures them (or takes the result from
 * the per-document store) and sends the results. What it does to a file is what processCorpus does in one thread (src/pipeline/corpus.ts).
 * Given the documents' files' setup, it also does each document's work after the pipeline
 * (document-work.ts: its extraction results and its files) before it sends the document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { documentOutcome, prepareAgain, summariseFile, type FileSummary, type Outcome, type Plan } from '../../src/pipeline/corpus.ts';
import type { Prepared } from '../../src/pipeline/document.ts';
import type { SkippedFile } from '../../src/pipeline/types.ts';
import { useDocumentStore } from '../../src/lib/per-document.ts';
import { trackedResults } from './document-store.ts';
import type { DocumentFilesSetup } from './document-files.ts';
import { documentWork, type WorkDone } from './document-work.ts';

export interface PipelineShare {
  dir: string;
  names: string[];
  cacheDir: string;
  version: string;
  /** Each document's work after the pipeline: its extraction results and its files, written with this. */
  files?: DocumentFilesSetup;
}
export type PipelineMessage =
  | { prepared: string; item: FileSummary | SkippedFile }
  | { processed: string; outcome: Outcome; done?: WorkDone }
  | { done: true; used: string[]; hits: number };

const share = workerData as PipelineShare;
const { store, used, hits } = trackedResults(share.cacheDir, share.version);
const post = (m: PipelineMessage) => parentPort!.postMessage(m);
// The extraction results go into this thread's store too (the content build keeps what it used).
if (share.files) useDocumentStore(store);
const work = share.files ? documentWork(share.files, store) : undefined;

// The files prepared to summarise them (a file whose summary was kept is read again only if its result was not).
const prepared = new Map<string, Prepared>();
const summaries = new Map<string, FileSummary>();
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(share.dir, name))) });
for (const name of share.names) {
  const s = await summariseFile(read(name), store);
  if ('reason' in s) post({ prepared: name, item: s });
  else {
    if (s.prepared) prepared.set(name, s.prepared);
    summaries.set(name, s.summary);
    post({ prepared: name, item: s.summary });
  }
}
parentPort!.once('message', async (plans: Plan[]) => {
  for (const plan of plans) {
    if ('context' in plan) {
      const outcome = await documentOutcome(summaries.get(plan.source)!, plan.context, () => prepared.get(plan.source) ?? prepareAgain(read(plan.source)), store);
      const done = work && 'result' in outcome && outcome.result.document ? await work(outcome.result.document, outcome.digest) : undefined;
      post({ processed: plan.source, outcome, done });
    }
    prepared.delete(plan.source);
  }
  post({ done: true, used: [...used], hits: hits() });
});
