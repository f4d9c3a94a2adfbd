/**
 * corpus: run the pipeline over every file. Pass one decodes, normalises and repairs each file;
 * pass two finds lines repeated at the edges of several documents (site-wide chrome), then
 * cleans and structures each document. A file that fails never stops the others.
 */
import { isRefusal, read } from '../read/index.ts';
import type { Reading, Refusal } from '../read/types.ts';
import { copyShingles, processDocument, type DocumentContext, type DocumentResult, type Prepared } from './document.ts';
import { digestOf } from '../lib/digest.ts';
import type { DocumentStore } from '../lib/store.ts';
import type { ErrataFile } from './errata.ts';
import { edgeLines } from './clean.ts';
import { assignDocumentIds, listCopiesOnce, sha256, type ParagraphLine, type Registry, type RegistryChange, type RegistryEntry } from './identify.ts';
import { byShingles, candidatePairs, estimatedJaccard, findNearCopies, NEAR_COPY, sketch } from './near-copies.ts';
import { signature } from './similarity.ts';
import { normalise } from './normalise.ts';
import { repair } from './repair.ts';
import type { BlockId, ProcessedDocument, SkippedFile, SourceFile } from './types.ts';

export interface CorpusResult<D = ProcessedDocument> {
  documents: D[];
  /** Each document's digest (by id): the hash of everything it is made from, which names its results in the content build's cache. */
  digests: Map<string, string>;
  /** Documents that left the corpus, and copies merged into another: their old URLs must keep working. */
  retiredDocuments: RegistryEntry[];
  skipped: SkippedFile[];
  registry: Registry;
  changes: RegistryChange[];
  /** Errata that no longer match the corpus (`<file>: <item>: <problem>`): stale curation. */
  stale: string[];
  /** What the readers said about files they read (`<file>: <what>`: an extension that lies about the content). */
  notices: string[];
}

export interface Progress {
  (stage: string, done: number, total: number, source?: string): void;
}

/** Prepare one file (read, normalise, repair), or say why it cannot be read. */
export async function prepare(file: SourceFile): Promise<Prepared | SkippedFile> {
  return prepareReading(file, await read(file));
}

/** Prepare one file from its reading (normalise, repair), or say why it cannot be read: the synchronous, pure part of prepare. */
export function prepareReading(file: SourceFile, reading: Reading | Refusal): Prepared | SkippedFile {
  if (isRefusal(reading)) return { source: file.name, reason: reading.reason, kind: reading.kind };
  const normalised = normalise(reading.text);
  if (normalised.lines.every((l) => l.text === '')) {
    return { source: file.name, reason: 'the file holds only whitespace', kind: 'empty' };
  }
  return {
    source: file.name,
    sha256: sha256(file.bytes),
    bytes: file.bytes.length,
    encoding: reading.encoding,
    normalised,
    // Plain text and a PDF's lines may be hard-wrapped, with page furniture between pages (unwrap.ts); other formats' lines are paragraphs.
    repaired: repair(normalised.lines, reading.format === 'text' || reading.format === 'pdf' ? { pageStarts: reading.parts.map((p) => p.line) } : { wrapped: false }),
    ...(reading.notes.length > 0 ? { notes: reading.notes } : {}),
    ...(reading.format === 'text'
      ? {}
      : {
          reading: {
            hints: reading.hints,
            meta: reading.meta,
            report: {
              format: reading.format,
              ...(reading.meta.url ? { url: reading.meta.url } : {}),
              ...(reading.meta.description ? { description: reading.meta.description } : {}),
              dropped: reading.dropped,
              parts: reading.parts,
            },
          },
        }),
  };
}

/** Today's date for newly registered documents: SOURCE_DATE_EPOCH when set, for reproducible builds. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  return (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
}

export interface CorpusOptions {
  progress?: Progress;
  /** Where each document's processing is kept between builds (src/lib/digest.ts), under the hash of everything it is made from. */
  store?: DocumentStore;
  /** Date recorded for documents seen for the first time (YYYY-MM-DD). */
  today?: string;
}

/** Where a document's result is kept: what it is made from, and its paragraph records in the registry (as processCorpus keeps them). */
function pipelineKey(made: string, paragraphs: ParagraphLine[] | undefined, retired: Record<string, BlockId | null> | undefined): string {
  return `pipeline-${digestOf([made, paragraphs ?? null, retired && Object.keys(retired).length > 0 ? retired : null])}`;
}

/** What the corpus-wide steps need of a prepared file (identifying it, finding the lines repeated at documents' edges). */
export interface FileSummary {
  source: string;
  sha256: string;
  /** MinHash signature of its text (similarity.ts). */
  sig: string;
  chars: number;
  /** Its first and last lines (clean.ts edgeLines). */
  edges: string[];
  /** The sketch of its text before cleaning (near-copies.ts): files that are likely copies of one another do not make their shared lines site chrome. */
  sketch: string;
}

/** A prepared file's summary. */
export function summarise(p: Prepared): FileSummary {
  const text = p.repaired.lines.map((l) => l.text).join('');
  return { source: p.source, sha256: p.sha256, sig: signature(text), chars: text.length, edges: edgeLines(p.repaired.lines), sketch: sketch(text) };
}

/** Files this similar before cleaning (estimated from their sketches) are likely copies of one another: their shared lines are not another site's chrome. */
const LIKELY_COPIES = 0.5;

/**
 * The lines at the edges of several documents (site chrome), counted once per set of likely copies:
 * a page saved twice repeats its own title, not a site's.
 */
function repeatedEdgeLines(summaries: readonly FileSummary[]): Set<string> {
  const group = summaries.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  for (const [i, j] of candidatePairs(summaries.map((f) => f.sketch))) {
    if (estimatedJaccard(summaries[i]!.sketch, summaries[j]!.sketch) >= LIKELY_COPIES) group[root(j)] = root(i);
  }
  const seenIn = new Map<string, Set<number>>();
  summaries.forEach((f, i) => {
    for (const line of f.edges) {
      const groups = seenIn.get(line);
      if (groups) groups.add(root(i));
      else seenIn.set(line, new Set([root(i)]));
    }
  });
  return new Set([...seenIn].filter(([, groups]) => groups.size >= 2).map(([line]) => line));
}

/** A readable file's summary, and the file prepared when the summary had to be worked out. */
export type Summarised = { summary: FileSummary; prepared?: Prepared };

/** Where the store keeps the summary of a file with these bytes (by their SHA-256). */
const summaryKey = (sha: string) => `summary-${sha}`;

/** What the store keeps of a file with these bytes (its summary, or why it cannot be read), named as this file. */
function storedSummary(name: string, sha: string, store?: DocumentStore): Summarised | SkippedFile | undefined {
  const k = store?.get(summaryKey(sha)) as Omit<FileSummary, 'source'> | Omit<SkippedFile, 'source'> | undefined;
  if (!k) return undefined;
  return 'reason' in k ? { source: name, ...k } : { summary: { source: name, ...k } };
}

/** The summary the store keeps of a file whose bytes had this SHA-256 (a file unchanged since the last build is then not read), if it does. */
export function keptSummary(name: string, sha: string, store: DocumentStore): Summarised | undefined {
  const k = storedSummary(name, sha, store);
  return k && 'summary' in k && k.summary.sha256 === sha ? k : undefined;
}

/**
 * A file's summary, or why it cannot be read. Either is kept in the store under the hash of the
 * file's bytes (what the code the store's keys name makes of them): a file seen before is not
 * decoded again unless its document's result has to be worked out again too (documentOutcome).
 */
export async function summariseFile(file: SourceFile, store?: DocumentStore): Promise<Summarised | SkippedFile> {
  const sha = sha256(file.bytes);
  const key = summaryKey(sha);
  const known = storedSummary(file.name, sha, store);
  if (known) return known;
  const prepared = await prepareFile(file);
  if ('reason' in prepared) {
    const { source: _, ...skipped } = prepared;
    store?.set(key, skipped);
    return prepared;
  }
  const { source: _, ...summary } = summarise(prepared);
  store?.set(key, summary);
  return { summary: { source: file.name, ...summary }, prepared };
}

/** What a document is processed with, or that it is a copy of another. */
export type Plan = { source: string; duplicate: string } | { source: string; context: DocumentContext };

/** What a document's processing gave (its document whole, or what the build keeps of it), or the error it stopped on. */
export type Outcome<D = ProcessedDocument> = { result: DocumentResult<D>; digest: string } | { error: string };

/**
 * The corpus-wide pass between the two per-file ones: the documents' ids (from the registry, or
 * new), the lines repeated at the edges of several documents, and so each document's context.
 */
export function planCorpus(summaries: FileSummary[], registry: Registry, errata: ErrataFile, day: string) {
  const identified = assignDocumentIds(summaries, registry, day);
  const entries = new Map(identified.registry.documents.map((e) => [e.id, e]));
  // A byte-identical copy is not read again, and repeats nothing.
  const repeated = repeatedEdgeLines(summaries.filter((f) => !identified.duplicates.has(f.source)));
  const plans = summaries.map((f): Plan => {
    const id = identified.ids.get(f.source)!;
    const dup = identified.duplicates.get(f.source);
    if (dup) return { source: f.source, duplicate: `the same bytes as ${dup.of}; listed once, as ${id}` };
    const entry = entries.get(id)!;
    // Only the repeated lines at its own edges: the context is all its result depends on.
    const context: DocumentContext = {
      id,
      added: entry.added,
      errata: errata.documents[id],
      repeatedLines: new Set(f.edges.filter((l) => repeated.has(l))),
      previousParagraphs: entry.paragraphs,
      retiredParagraphs: entry.retired,
    };
    return { source: f.source, context };
  });
  return { identified, entries, plans };
}

/** What a document's result is made from, but its paragraph records. */
const madeOf = (f: FileSummary, context: DocumentContext) => digestOf([f.source, f.sha256, context.id, context.added, context.errata ?? null, f.edges.filter((l) => context.repeatedLines?.has(l))]);

/** Where documentOutcome looks for a document's result in the store (the digest of an outcome read from there). */
export const storedResultKey = (f: FileSummary, context: DocumentContext) => pipelineKey(madeOf(f, context), context.previousParagraphs, context.retiredParagraphs);

/**
 * A document's result: from the store, or worked out from the prepared file (`prepared`, called only
 * then). Everything it depends on (the file's name and bytes, the id and its records, the errata,
 * and which of its edge lines other documents repeat) names it in the store.
 */
export async function documentOutcome(f: FileSummary, context: DocumentContext, prepared: () => Prepared | Promise<Prepared>, store?: DocumentStore): Promise<Outcome> {
  try {
    const made = madeOf(f, context);
    const key = pipelineKey(made, context.previousParagraphs, context.retiredParagraphs);
    const stored = store?.get(key) as DocumentResult | undefined;
    const r = stored ?? processDocument(await prepared(), context);
    // A document is known by what it is made from and the ids it got: its digest is the same whether
    // its records were in the registry already or were assigned now. Given the records it wrote, it
    // gets the same ids again (assigning paragraph ids is idempotent, identify.test.ts), so the result
    // is also the next build's, once the registry holds them: it is stored under that name only (a
    // new document's result is never looked up again under the name its missing records gave).
    const own = pipelineKey(made, r.paragraphs, r.retired);
    if (stored === undefined || own !== key) store?.set(own, r);
    return { result: r, digest: own };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** A file prepared again (its summary came from the store, its result did not): it was readable before, so it is now. */
export async function prepareAgain(file: SourceFile): Promise<Prepared> {
  const p = await prepare(file);
  if ('reason' in p) throw new Error(p.reason);
  return p;
}

/**
 * Which processed documents are near-copies of another (near-copies.ts), by their cleaned text:
 * copy's source -> the source of the document listed in its place (the first in the plans' order).
 * `isNearCopy` compares two documents' outcomes (byShingles over copyShingles), asked only for candidate pairs.
 */
export function nearCopiesAmong<D>(plans: readonly Plan[], outcomes: ReadonlyMap<string, Outcome<D>>, isNearCopy: (earlier: Extract<Outcome<D>, { digest: string }>, later: Extract<Outcome<D>, { digest: string }>) => boolean): Map<string, string> {
  const listed = plans.flatMap((p) => {
    const o = outcomes.get(p.source);
    return o && 'result' in o && o.result.document && o.result.sketch ? [{ source: p.source, outcome: o, sketch: o.result.sketch }] : [];
  });
  const copies = findNearCopies(listed.map((l) => l.sketch), (i, j) => isNearCopy(listed[i]!.outcome, listed[j]!.outcome));
  return new Map([...copies].map(([copy, of]) => [listed[copy]!.source, listed[of]!.source]));
}

/**
 * The corpus's result from each document's outcome (in the plans' order), the registry updated with
 * their records; `copies` (nearCopiesAmong) are listed once, as the document they copy.
 */
export function collectCorpus<D extends { id: string } = ProcessedDocument>(
  plans: readonly Plan[],
  outcomes: ReadonlyMap<string, Outcome<D>>,
  planned: ReturnType<typeof planCorpus>,
  errata: ErrataFile,
  skipped: SkippedFile[],
  copies: ReadonlyMap<string, string> = new Map(),
): CorpusResult<D> {
  const { entries } = planned;
  const identified = listCopiesOnce(planned.identified, copies);
  const documents: D[] = [];
  const digests = new Map<string, string>();
  const stale: string[] = [];
  const notices: string[] = [];
  for (const plan of plans) {
    if ('duplicate' in plan) {
      skipped.push({ source: plan.source, reason: plan.duplicate, kind: 'duplicate' });
      continue;
    }
    const copyOf = copies.get(plan.source);
    if (copyOf !== undefined) {
      skipped.push({ source: plan.source, reason: `nearly the same text as ${copyOf} (each holds ${Math.round(NEAR_COPY * 100)}% or more of the other's); listed once, as ${identified.ids.get(copyOf)}`, kind: 'duplicate' });
      continue;
    }
    const outcome = outcomes.get(plan.source)!;
    if ('error' in outcome) {
      skipped.push({ source: plan.source, reason: `unexpected error: ${outcome.error}`, kind: 'error' });
      continue;
    }
    const { result: r, digest } = outcome;
    stale.push(...(r.stale ?? []));
    notices.push(...(r.notices ?? []));
    if (!r.document) {
      skipped.push({ source: plan.source, reason: r.skipped!, kind: 'no-content' });
      continue;
    }
    digests.set(r.document.id, digest);
    documents.push(r.document);
    const entry = entries.get(plan.context.id)!;
    entry.paragraphs = r.paragraphs;
    if (r.retired && Object.keys(r.retired).length > 0) entry.retired = r.retired;
    else delete entry.retired;
  }
  for (const id of Object.keys(errata.documents)) {
    if (!identified.registry.documents.some((e) => e.id === id)) stale.push(`errata.json: document ${id}: no document of the corpus has this id`);
  }
  const retiredDocuments = identified.registry.documents.filter((e) => e.removed || e.mergedInto);
  return { documents, digests, retiredDocuments, skipped, registry: identified.registry, changes: identified.changes, notices, stale };
}

/** Prepare one file, or say why it cannot be read (an unexpected error included). */
export async function prepareFile(file: SourceFile): Promise<Prepared | SkippedFile> {
  try {
    return await prepare(file);
  } catch (err) {
    return { source: file.name, reason: `unexpected error: ${(err as Error).message}`, kind: 'error' };
  }
}

/** Run the whole pipeline over a corpus, in this thread (scripts/lib/pipeline-workers.ts runs the same steps in several). */
export async function processCorpus(files: SourceFile[], registry: Registry, errata: ErrataFile, options: CorpusOptions = {}): Promise<CorpusResult> {
  const progress = options.progress ?? (() => {});
  const skipped: SkippedFile[] = [];
  const summarised: Summarised[] = [];
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const [i, file] of sorted.entries()) {
    progress('decode', i + 1, sorted.length, file.name);
    const s = await summariseFile(file, options.store);
    if ('reason' in s) skipped.push(s);
    else summarised.push(s);
  }
  const planned = planCorpus(
    summarised.map((s) => s.summary),
    registry,
    errata,
    options.today ?? today(),
  );
  const bySource = new Map(summarised.map((s) => [s.summary.source, s]));
  const file = new Map(sorted.map((f) => [f.name, f]));
  const outcomes = new Map<string, Outcome>();
  for (const [i, plan] of planned.plans.entries()) {
    progress('clean', i + 1, planned.plans.length, plan.source);
    if (!('context' in plan)) continue;
    const s = bySource.get(plan.source)!;
    outcomes.set(plan.source, await documentOutcome(s.summary, plan.context, () => s.prepared ?? prepareAgain(file.get(plan.source)!), options.store));
  }
  const copies = nearCopiesAmong(planned.plans, outcomes, byShingles((o) => copyShingles(o.result.document!)));
  return collectCorpus(planned.plans, outcomes, planned, errata, skipped, copies);
}
