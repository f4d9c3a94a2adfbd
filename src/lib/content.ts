/** Build-time access to the generated content (src/generated, written by scripts/build-content.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusEntry } from '../generate/data.ts';
import type { Block, CleaningReport, SkippedFile } from '../pipeline/types.ts';

const GENERATED = join(process.cwd(), 'src', 'generated');

export interface CorpusData {
  documents: CorpusEntry[];
  skipped: SkippedFile[];
}

export interface DocumentData extends Omit<CorpusEntry, 'cleaning'> {
  blocks: (Block & { text: string; url: string })[];
  cleaning: CleaningReport;
  sourceLines: string[];
}

let corpus: CorpusData | undefined;

/** The corpus index, sorted by date (undated last), then title. */
export function loadCorpus(): CorpusData {
  corpus ??= JSON.parse(readFileSync(join(GENERATED, 'corpus.json'), 'utf8')) as CorpusData;
  return corpus;
}

/** One document's full data. */
export function loadDocument(id: string): DocumentData {
  return JSON.parse(readFileSync(join(GENERATED, 'documents', `${id}.json`), 'utf8')) as DocumentData;
}

/** Whether a traditional document has a simplified rendering. */
export function hasSimplified(id: string): boolean {
  return existsSync(join(GENERATED, 'mdx', `${id}.simplified.mdx`));
}
