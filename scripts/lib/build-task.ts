/**
 * The content build's work in each of its threads (pool.ts), in four phases:
 *  - summarise: read a corpus file, prepare it (decode, normalise, repair) and summarise it for the
 *    corpus-wide pass (src/pipeline/corpus.ts), or say why it cannot be read (a file unchanged since
 *    the last build is not read: its summary is kept);
 *  - process: given its plan (its id, the lines other documents repeat), clean, structure and
 *    identify it; the document goes to the store, the main thread gets what the corpus's list and
 *    registry need of it (and its sketch, to find near-copies);
 *  - write: a document listed (not a near-copy of another): its extraction results (extraction.ts)
 *    and its files (document-files.ts), each worked out only when not kept from the last build;
 *  - merge: one extractor's corpus-wide merge and files (extraction.ts).
 * Everything it keeps between builds goes through the store; the prepared files between the first
 * two phases stay in this thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Curation } from '../../src/corpus/curation.ts';
import { corpusEntry, type CorpusEntry } from '../../src/generate/data.ts';
import { digestOf } from '../../src/lib/digest.ts';
import { documentOutcome, keptSummary, prepareAgain, storedResultKey, summariseFile, type FileSummary, type Outcome, type Plan } from '../../src/pipeline/corpus.ts';
import type { DocumentResult, Prepared } from '../../src/pipeline/document.ts';
import type { DocumentText, SkippedFile } from '../../src/pipeline/types.ts';
import { documentFilePaths, documentFiles, type DocumentFilesSetup } from './document-files.ts';
import { trackedResults } from './document-store.ts';
import { documentExtraction, runMerge, type MergeDone, type MergeSetup } from './extraction.ts';

/**
 * Bytes of files (as read) a thread keeps prepared between summarising and processing them: a
 * prepared file takes several times its bytes (its lines normalised and repaired, with their
 * records), so this keeps a thread's share near 300 MB; 48 MB holds 700 of the scale benchmark's
 * 69 KB documents, all of a 1,000-document corpus's share.
 */
const PREPARED_BYTES = 48 * 1024 * 1024;

export interface BuildSetup {
  corpusDir: string;
  cacheDir: string;
  version: string;
  curation: Curation;
  files: DocumentFilesSetup;
}

/** What the content build keeps of a processed document (the document itself stays in the store, under its digest). */
export interface ListedDocument {
  id: string;
  /** Its entry in /data/corpus.json. */
  entry: CorpusEntry;
  /** Its files, as paths under the content build's folder (document-files.ts documentFilePaths). */
  files: string[];
}

/** What writing a listed document did: whether its results were worked out and its files written anew. */
export interface Written {
  extracted: boolean;
  written: boolean;
  failures: string[];
}

export async function makeTask(setup: BuildSetup) {
  const { store, used, usedDigests } = trackedResults(setup.cacheDir, setup.version);
  const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(setup.corpusDir, name))) });
  const extraction = documentExtraction(store, setup.curation);
  const files = documentFiles(setup.files);
  // Files prepared to summarise them, until they are processed (a file whose summary was kept is read
  // again only if its result was not), up to PREPARED_BYTES of them: the rest are prepared again when
  // they are processed (a thread of a 10,000-document corpus would otherwise hold half the corpus, prepared).
  const prepared = new Map<string, Prepared>();
  let preparedBytes = 0;
  const summaries = new Map<string, FileSummary>();
  // (A listed document depends on the document and on these: its address and whether its original file is served.)
  const listedSettings = digestOf([setup.files.location, Boolean(setup.files.corpusDir)]);
  const listedKey = (digest: string) => `listed-${listedSettings}-${digest}`;
  return {
    /** A file summarised; `unchanged`: the SHA-256 its bytes had at the last build, when its size, times and inode say it has not changed since (its kept summary is taken without reading it). */
    async summarise({ name, unchanged }: { name: string; unchanged?: string }): Promise<FileSummary | SkippedFile> {
      const s = (unchanged !== undefined ? keptSummary(name, unchanged, store) : undefined) ?? (await summariseFile(read(name), store));
      if ('reason' in s) return s;
      if (s.prepared && preparedBytes + s.prepared.bytes <= PREPARED_BYTES) {
        prepared.set(name, s.prepared);
        preparedBytes += s.prepared.bytes;
      }
      summaries.set(name, s.summary);
      return s.summary;
    },
    async process(plan: Extract<Plan, { context: unknown }>): Promise<Outcome<ListedDocument>> {
      const summary = summaries.get(plan.source)!;
      const forget = () => {
        preparedBytes -= prepared.get(plan.source)?.bytes ?? 0;
        prepared.delete(plan.source);
        summaries.delete(plan.source);
      };
      // A document's outcome as this thread gives it (its document listed, not whole) is kept beside its
      // result, and read in place of it while the result is there: read whole, the results of 1,000
      // documents took a second of a rebuild after one changed. (Asking for the result's digest keeps
      // it.) Its paragraph records are not kept twice: found under this key, they are the registry's.
      const key = storedResultKey(summary, plan.context);
      const kept = store.get(listedKey(key)) as Extract<Outcome<ListedDocument>, { digest: string }> | undefined;
      if (kept && store.digest(key) !== undefined) {
        forget();
        return { ...kept, result: { ...kept.result, paragraphs: plan.context.previousParagraphs ?? [], retired: plan.context.retiredParagraphs ?? {} } };
      }
      const outcome = await documentOutcome(summary, plan.context, () => prepared.get(plan.source) ?? prepareAgain(read(plan.source)), store);
      forget();
      if (!('result' in outcome)) return outcome;
      const d = outcome.result.document;
      const listed: ListedDocument | null = d && { id: d.id, entry: corpusEntry(d, setup.files.location), files: documentFilePaths(setup.files, d) };
      const { paragraphs, retired, ...rest } = outcome.result;
      store.set(listedKey(outcome.digest), { ...outcome, result: { ...rest, document: listed } });
      return { ...outcome, result: { ...rest, paragraphs, retired, document: listed } };
    },
    async write({ source, digest, listed }: { source: string; digest: string; listed: ListedDocument }): Promise<Written> {
      const extract = extraction(digest);
      const write = files(listed.id, digest, listed.files);
      if (!extract.needed && !write.needed) return { extracted: false, written: false, failures: [] };
      // The document, from the store (where process put it).
      const d = (store.get(digest) as DocumentResult).document!;
      const text: DocumentText = { id: d.id, blocks: d.blocks, meta: d.meta, datesTrusted: d.datesTrusted };
      const failures = extract.needed ? extract.run(text).map((f) => `${source}: ${f}`) : [];
      if (write.needed) write.run(d);
      return { extracted: extract.needed, written: write.needed, failures };
    },
    merge: (name: string, s: MergeSetup): Promise<MergeDone> => runMerge(store, name, s),
    /** The results this thread asked for or wrote (the content build keeps them), and their digests it knows. */
    finish: (): { used: string[]; digests: Array<[string, string]> } => ({ used: [...used], digests: usedDigests() }),
  };
}
