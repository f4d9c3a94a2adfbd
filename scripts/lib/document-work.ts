/**
 * A large corpus's per-document work after the pipeline, in the worker thread that processed the
 * document (pipeline-worker.ts), while it is at hand: its extraction results (events, figures,
 * term mentions, index entries) put in the per-document store, where the corpus-wide stages find
 * them, then its files. Done here, a document is never copied to another thread to be read again.
 */
import { documentEvents, EVENTS_RESULT } from '../../src/extract/events.ts';
import { documentFigures } from '../../src/extract/figures.ts';
import { documentOrganisations, documentPlaces, documentPolicies } from '../../src/extract/indexes.ts';
import { documentTerms } from '../../src/extract/terms.ts';
import { forgetReadings, resultKey, setDocumentDigest, type DocumentStore } from '../../src/lib/per-document.ts';
import type { DocumentText, ProcessedDocument } from '../../src/pipeline/types.ts';
import { documentFiles, type DocumentFilesSetup } from './document-files.ts';

/** What a document's work did: worked out its extraction results (they were not kept), wrote its files. */
export interface WorkDone {
  extracted: boolean;
  written: boolean;
}

/**
 * Work out a processed document's extraction results into `store` (it must be the one perDocument
 * uses), unless they are kept already (a document with its events kept has the rest too), then
 * write its files (unless those of the last build are its own).
 */
export function documentWork(setup: DocumentFilesSetup, store: Pick<DocumentStore, 'has'>): (d: ProcessedDocument, digest: string) => Promise<WorkDone> {
  const termsOf = documentTerms(setup.terms);
  const files = documentFiles(setup);
  return async (d, digest) => {
    const text: DocumentText = { id: d.id, blocks: d.blocks, meta: d.meta, datesTrusted: d.datesTrusted };
    setDocumentDigest(text, digest);
    const extracted = !store.has?.(resultKey(EVENTS_RESULT, text));
    if (extracted) {
      try {
        documentEvents(text);
        documentFigures(text);
        termsOf(text);
        documentPolicies(text);
        documentOrganisations(text);
        documentPlaces(text);
      } catch {
        // The store is only filled ahead: the stages work out what is missing, and report what fails.
      } finally {
        // The dates and sentences the extractors share, kept per document: forgotten with it.
        forgetReadings();
      }
    }
    return { extracted, written: await files(d, digest) };
  };
}
