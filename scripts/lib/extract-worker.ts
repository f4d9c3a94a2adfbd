/**
 * A worker thread of the content build: works out documents' extraction results (events, figures,
 * terms, policies, organisations, places) and keeps them in the per-document store, so that the
 * content build's corpus-wide stages, which ask for the same results, find them there. Several run
 * side by side (scripts/lib/extraction.ts); what they compute is exactly what the stages would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { documentEvents } from '../../src/extract/events.ts';
import { documentFigures } from '../../src/extract/figures.ts';
import { documentOrganisations, documentPlaces, documentPolicies } from '../../src/extract/indexes.ts';
import { documentTerms, type TermSpec } from '../../src/extract/terms.ts';
import { forgetReadings, setDocumentDigest, useDocumentStore } from '../../src/lib/per-document.ts';
import type { DocumentText } from '../../src/pipeline/types.ts';
import { resultFiles } from './document-store.ts';

export interface ExtractionSetup {
  cacheDir: string;
  version: string;
  terms: TermSpec[];
}
/** One document to work on, with the digest the content build knows it by. */
export interface ExtractionJob {
  digest: string;
  doc: DocumentText;
}

const setup = workerData as ExtractionSetup;
useDocumentStore(resultFiles(setup.cacheDir, setup.version));
const termsOf = documentTerms(setup.terms);

parentPort!.on('message', ({ digest, doc }: ExtractionJob) => {
  setDocumentDigest(doc, digest);
  documentEvents(doc);
  documentFigures(doc);
  termsOf(doc);
  documentPolicies(doc);
  documentOrganisations(doc);
  documentPlaces(doc);
  // The dates and sentences the extractors share, kept per document: forgotten with it.
  forgetReadings();
  parentPort!.postMessage(doc.id);
});
