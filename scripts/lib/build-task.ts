/**
 * The content build's work in each of its threads (pool.ts), in three phases:
 *  - summarise: read a corpus file, prepare it (decode, normalise, repair) and summarise it for the
 *    corpus-wide pass (src/pipeline/corpus.ts), or say why it cannot be read;
 *  - process: given its plan (its id, the lines other documents repeat), clean, structure and
 *    identify it, then work out its extraction results (extraction.ts) and write its files
 *    (document-files.ts) while it is at hand;
 *  - merge: one extractor's corpus-wide merge and files (extraction.ts).
 * Everything it keeps between builds goes through the store; the prepared files between the first
 * two phases stay in this thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Curation } from '../../src/corpus/curation.ts';
import { documentOutcome, prepareAgain, summariseFile, type FileSummary, type Outcome, type Plan } from '../../src/pipeline/corpus.ts';
import type { Prepared } from '../../src/pipeline/document.ts';
import type { DocumentText, SkippedFile } from '../../src/pipeline/types.ts';
import { documentFiles, type DocumentFilesSetup } from './document-files.ts';
import { trackedResults } from './document-store.ts';
import { documentExtraction, runMerge, type MergeDone, type MergeSetup } from './extraction.ts';

export interface BuildSetup {
  corpusDir: string;
  cacheDir: string;
  version: string;
  curation: Curation;
  files: DocumentFilesSetup;
}

/** What processing a document gave: its outcome, and whether its results were worked out and its files written anew. */
export interface Processed {
  outcome: Outcome;
  extracted: boolean;
  written: boolean;
  failures: string[];
}

export async function makeTask(setup: BuildSetup) {
  const { store, used } = trackedResults(setup.cacheDir, setup.version);
  const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(setup.corpusDir, name))) });
  const extract = documentExtraction(store, setup.curation);
  const write = documentFiles(setup.files);
  // Files prepared to summarise them, until they are processed (a file whose summary was kept is read again only if its result was not).
  const prepared = new Map<string, Prepared>();
  const summaries = new Map<string, FileSummary>();
  return {
    async summarise(name: string): Promise<FileSummary | SkippedFile> {
      const s = await summariseFile(read(name), store);
      if ('reason' in s) return s;
      if (s.prepared) prepared.set(name, s.prepared);
      summaries.set(name, s.summary);
      return s.summary;
    },
    async process(plan: Extract<Plan, { context: unknown }>): Promise<Processed> {
      const outcome = await documentOutcome(summaries.get(plan.source)!, plan.context, () => prepared.get(plan.source) ?? prepareAgain(read(plan.source)), store);
      prepared.delete(plan.source);
      if (!('result' in outcome) || !outcome.result.document) return { outcome, extracted: false, written: false, failures: [] };
      const d = outcome.result.document;
      const text: DocumentText = { id: d.id, blocks: d.blocks, meta: d.meta, datesTrusted: d.datesTrusted };
      const { extracted, failures } = extract(text, outcome.digest);
      return { outcome, extracted, written: await write(d, outcome.digest), failures: failures.map((f) => `${plan.source}: ${f}`) };
    },
    merge: (name: string, s: MergeSetup): Promise<MergeDone> => runMerge(store, name, s),
    /** The results this thread asked for or wrote (the content build keeps them). */
    finish: (): { used: string[] } => ({ used: [...used] }),
  };
}
