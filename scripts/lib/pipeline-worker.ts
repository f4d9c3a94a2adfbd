/**
 * A worker thread of the content build's pipeline (pipeline-workers.ts): prepares its share of the
 * corpus's files (decode, normalise, repair) and sends their summaries, then, given each one's
 * context, cleans and structures them (or takes the result from the per-document store) and sends
 * the results. What it does to a file is what processCorpus does in one thread (src/pipeline/corpus.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { documentOutcome, prepareFile, summarise, type FileSummary, type Outcome, type Plan } from '../../src/pipeline/corpus.ts';
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

const prepared = new Map<string, Prepared>();
for (const name of share.names) {
  const p = prepareFile({ name, bytes: new Uint8Array(readFileSync(join(share.dir, name))) });
  if (!('reason' in p)) prepared.set(name, p);
  post({ prepared: name, item: 'reason' in p ? p : summarise(p, store) });
}
parentPort!.once('message', (plans: Plan[]) => {
  for (const plan of plans) {
    if ('context' in plan) post({ processed: plan.source, outcome: documentOutcome(prepared.get(plan.source)!, plan.context, store) });
    prepared.delete(plan.source);
  }
  post({ done: true, used: [...used], hits: hits() });
});
