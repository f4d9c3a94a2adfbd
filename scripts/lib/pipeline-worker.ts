/**
 * A worker thread of the content build's pipeline (pipeline-workers.ts): summarises its share of the
 * corpus's files (decoding, normalising and repairing those not summarised before) and sends the
 * summaries, then, given each one's context, cleans and structures them (or takes the result from
 * the per-document store) and sends the results. What it does to a file is what processCorpus does in one thread (src/pipeline/corpus.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { documentOutcome, prepareAgain, summariseFile, type FileSummary, type Outcome, type Plan } from '../../src/pipeline/corpus.ts';
import type { Prepared } from '../../src/pipeline/document.ts';
import type { SkippedFile } from '../../src/pipeline/types.ts';
import { trackedResults } from './document-store.ts';

export interface PipelineShare {
  dir: string;
  names: string[];
  cacheDir: string;
  version: string;
}
export type PipelineMessage =
  | { prepared: string; item: FileSummary | SkippedFile }
  | { processed: string; outcome: Outcome }
  | { done: true; used: string[]; hits: number };

const share = workerData as PipelineShare;
const { store, used, hits } = trackedResults(share.cacheDir, share.version);
const post = (m: PipelineMessage) => parentPort!.postMessage(m);

// The files prepared to summarise them (a file whose summary was kept is read again only if its result was not).
const prepared = new Map<string, Prepared>();
const summaries = new Map<string, FileSummary>();
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(share.dir, name))) });
for (const name of share.names) {
  const s = summariseFile(read(name), store);
  if ('reason' in s) post({ prepared: name, item: s });
  else {
    if (s.prepared) prepared.set(name, s.prepared);
    summaries.set(name, s.summary);
    post({ prepared: name, item: s.summary });
  }
}
parentPort!.once('message', (plans: Plan[]) => {
  for (const plan of plans) {
    if ('context' in plan) post({ processed: plan.source, outcome: documentOutcome(summaries.get(plan.source)!, plan.context, () => prepared.get(plan.source) ?? prepareAgain(read(plan.source)), store) });
    prepared.delete(plan.source);
  }
  post({ done: true, used: [...used], hits: hits() });
});
