/**
 * corpus: run the pipeline over every file. Pass one decodes, normalises and repairs each file;
 * pass two finds lines repeated at the edges of several documents (site-wide chrome), then
 * cleans and structures each document. A file that fails never stops the others.
 */
import { decode } from './decode.ts';
import { processDocument, type Prepared } from './document.ts';
import type { ErrataFile } from './errata.ts';
import { edgeLines } from './clean.ts';
import { assignDocumentIds, sha256, type Registry, type RegistryChange } from './identify.ts';
import { normalise } from './normalise.ts';
import { repair } from './repair.ts';
import type { ProcessedDocument, SkippedFile, SourceFile } from './types.ts';

export interface CorpusResult {
  documents: ProcessedDocument[];
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

/** Run the whole pipeline over a corpus. */
export function processCorpus(files: SourceFile[], registry: Registry, errata: ErrataFile, progress: Progress = () => {}): CorpusResult {
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

  const identified = assignDocumentIds(prepared.map((p) => ({ source: p.source, sha256: p.sha256 })), registry);
  const repeated = repeatedEdgeLines(prepared);
  const documents: ProcessedDocument[] = [];
  const done = new Set<string>();
  prepared.forEach((p, i) => {
    progress('clean', i + 1, prepared.length, p.source);
    const id = identified.ids.get(p.source)!;
    if (done.has(id)) {
      skipped.push({ source: p.source, reason: `same bytes as another document (${id}); listed once`, kind: 'no-content' });
      return;
    }
    try {
      const r = processDocument(p, { id, errata: errata.documents[id], repeatedLines: repeated });
      warnings.push(...r.warnings);
      if (r.document) {
        documents.push(r.document);
        done.add(id);
      } else skipped.push({ source: p.source, reason: r.skipped!, kind: 'no-content' });
    } catch (err) {
      skipped.push({ source: p.source, reason: `unexpected error: ${(err as Error).message}`, kind: 'error' });
    }
  });
  for (const id of Object.keys(errata.documents)) {
    if (!identified.registry.documents.some((e) => e.id === id)) warnings.push(`content/errata.json: no document has the id ${id}`);
  }
  return { documents, skipped, registry: identified.registry, changes: identified.changes, warnings };
}
