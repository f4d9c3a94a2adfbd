/**
 * corpus: run the pipeline over every file. Pass one decodes, normalises and repairs each file;
 * pass two finds lines repeated at the edges of several documents (site-wide chrome), then
 * cleans and structures each document. A file that fails never stops the others.
 */
import { decode } from './decode.ts';
import { processDocument, type DocumentResult, type Prepared } from './document.ts';
import { digestOf, setDocumentDigest, type DocumentStore } from '../lib/per-document.ts';
import type { ErrataFile } from './errata.ts';
import { edgeLines } from './clean.ts';
import { assignDocumentIds, sha256, type ParagraphRecord, type Registry, type RegistryChange, type RegistryEntry } from './identify.ts';
import { signature } from './similarity.ts';
import { normalise } from './normalise.ts';
import { repair } from './repair.ts';
import type { BlockId, ProcessedDocument, SkippedFile, SourceFile } from './types.ts';

export interface CorpusResult {
  documents: ProcessedDocument[];
  /** Documents that left the corpus, and copies merged into another: their old URLs must keep working. */
  retiredDocuments: RegistryEntry[];
  skipped: SkippedFile[];
  registry: Registry;
  changes: RegistryChange[];
  warnings: string[];
}

export interface Progress {
  (stage: string, done: number, total: number, source?: string): void;
}

/** Prepare one file (decode, normalise, repair), or say why it cannot be read. */
export function prepare(file: SourceFile): Prepared | SkippedFile {
  const decoded = decode(file.bytes);
  if (!decoded.ok) return { source: file.name, reason: decoded.reason, kind: decoded.kind };
  const normalised = normalise(decoded.text);
  if (normalised.lines.every((l) => l.text === '')) {
    return { source: file.name, reason: 'the file holds only whitespace', kind: 'empty' };
  }
  return {
    source: file.name,
    sha256: sha256(file.bytes),
    bytes: file.bytes.length,
    encoding: decoded.encoding,
    normalised,
    repaired: repair(normalised.lines),
  };
}

/** Lines found at the edges of at least two documents. */
export function repeatedEdgeLines(prepared: Prepared[]): Set<string> {
  const seenIn = new Map<string, number>();
  for (const p of prepared) for (const line of edgeLines(p.repaired.lines)) seenIn.set(line, (seenIn.get(line) ?? 0) + 1);
  return new Set([...seenIn].filter(([, n]) => n >= 2).map(([line]) => line));
}

/** Today's date for newly registered documents: SOURCE_DATE_EPOCH when set, for reproducible builds. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  return (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
}

export interface CorpusOptions {
  progress?: Progress;
  /** Where each document's processing is kept between builds (src/lib/per-document.ts), under the hash of everything it is made from. */
  store?: DocumentStore;
  /** Date recorded for documents seen for the first time (YYYY-MM-DD). */
  today?: string;
}

/** Where a document's result is kept: what it is made from, and its paragraph records in the registry (as processCorpus keeps them). */
function pipelineKey(made: string, paragraphs: ParagraphRecord[] | undefined, retired: Record<string, BlockId | null> | undefined): string {
  return `pipeline-${digestOf([made, paragraphs ?? null, retired && Object.keys(retired).length > 0 ? retired : null])}`;
}

/** Run the whole pipeline over a corpus. */
export function processCorpus(files: SourceFile[], registry: Registry, errata: ErrataFile, options: CorpusOptions = {}): CorpusResult {
  const progress = options.progress ?? (() => {});
  const skipped: SkippedFile[] = [];
  const prepared: Prepared[] = [];
  const warnings: string[] = [];
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  sorted.forEach((file, i) => {
    progress('decode', i + 1, sorted.length, file.name);
    try {
      const p = prepare(file);
      if ('reason' in p) skipped.push(p);
      else prepared.push(p);
    } catch (err) {
      skipped.push({ source: file.name, reason: `unexpected error: ${(err as Error).message}`, kind: 'error' });
    }
  });

  // A file's signature is kept under the hash of its bytes (its text is made from them by the code the store's keys name).
  const signatureOf = (p: Prepared, text: string) => {
    const key = `signature-${p.sha256}`;
    let sig = options.store?.get(key) as string | undefined;
    if (sig === undefined) {
      sig = signature(text);
      options.store?.set(key, sig);
    }
    return sig;
  };
  const identified = assignDocumentIds(
    prepared.map((p) => {
      const text = p.repaired.lines.map((l) => l.text).join('');
      return { source: p.source, sha256: p.sha256, sig: signatureOf(p, text), chars: text.length };
    }),
    registry,
    options.today ?? today(),
  );
  const entries = new Map(identified.registry.documents.map((e) => [e.id, e]));
  const repeated = repeatedEdgeLines(prepared);
  const documents: ProcessedDocument[] = [];
  const done = new Set<string>();
  prepared.forEach((p, i) => {
    progress('clean', i + 1, prepared.length, p.source);
    const id = identified.ids.get(p.source)!;
    const dup = identified.duplicates.get(p.source);
    if (dup) {
      const how = dup.near ? 'nearly the same text as' : 'the same bytes as';
      skipped.push({ source: p.source, reason: `${how} ${dup.of}; listed once, as ${id}`, kind: 'duplicate' });
      return;
    }
    const entry = entries.get(id)!;
    try {
      const context = { id, added: entry.added, errata: errata.documents[id], repeatedLines: repeated, previousParagraphs: entry.paragraphs, retiredParagraphs: entry.retired };
      // Everything the result depends on: the file (name and bytes), the id and its records, the errata, and which of its edge lines other documents repeat.
      const made = digestOf([p.source, p.sha256, id, entry.added, context.errata ?? null, edgeLines(p.repaired.lines).filter((l) => repeated.has(l))]);
      const key = pipelineKey(made, entry.paragraphs, entry.retired);
      let r = options.store?.get(key) as DocumentResult | undefined;
      if (r === undefined) {
        r = processDocument(p, context);
        options.store?.set(key, r);
      }
      // A document is known by what it is made from and the ids it got: its digest is the same whether
      // its records were in the registry already or were assigned now. Given the records it wrote, it
      // gets the same ids again (assigning paragraph ids is idempotent, identify.test.ts), so the result
      // is also the next build's, once the registry holds them.
      const own = pipelineKey(made, r.paragraphs, r.retired);
      if (own !== key) options.store?.set(own, r);
      if (r.document) setDocumentDigest(r.document, own);
      warnings.push(...r.warnings);
      if (r.document) {
        documents.push(r.document);
        entry.paragraphs = r.paragraphs;
        if (r.retired && Object.keys(r.retired).length > 0) entry.retired = r.retired;
        else delete entry.retired;
        done.add(id);
      } else skipped.push({ source: p.source, reason: r.skipped!, kind: 'no-content' });
    } catch (err) {
      skipped.push({ source: p.source, reason: `unexpected error: ${(err as Error).message}`, kind: 'error' });
    }
  });
  for (const id of Object.keys(errata.documents)) {
    if (!identified.registry.documents.some((e) => e.id === id)) warnings.push(`content/errata.json: no document has the id ${id}`);
  }
  const retiredDocuments = identified.registry.documents.filter((e) => e.removed || e.mergedInto);
  return { documents, retiredDocuments, skipped, registry: identified.registry, changes: identified.changes, warnings };
}
