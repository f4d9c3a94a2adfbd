/**
 * The content build: the corpus folder in, src/generated out (each document's files, the data
 * files, what the pages read). Its work runs through one pool (lib/pool.ts: worker threads for a
 * large corpus, this thread for a small one, the same code): each file summarised, then the
 * corpus-wide pass that gives ids (here), then each document processed into the store, then the
 * near-copies found among them (here, on compact sketches), then each listed document's extraction
 * results and files, then each extractor's merge (lib/extraction.ts). The threads send this one
 * what the corpus's list and registry need of each document, never the document: its memory stays
 * small at any corpus size. Reading and writing files, caching and threads are here and in lib/;
 * the stages they run are pure (src/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Curation } from '../src/corpus/curation.ts';
import { EXTRACTORS } from '../src/extractors/index.ts';
import { corpusJson, type SiteLocation } from '../src/generate/data.ts';
import { inIdOrder } from '../src/extract/units.ts';
import { digestOf } from '../src/lib/digest.ts';
import { collectCorpus, nearCopiesAmong, planCorpus, today, type FileSummary, type Outcome, type Plan } from '../src/pipeline/corpus.ts';
import { copyShingles, type DocumentResult } from '../src/pipeline/document.ts';
import { byShingles } from '../src/pipeline/near-copies.ts';
import { parseRegistry, registryDocumentPieces, registryEntryPieces } from '../src/pipeline/identify.ts';
import type { SkippedFile } from '../src/pipeline/types.ts';
import type { BuildSetup, ListedDocument, makeTask, Written } from './lib/build-task.ts';
import { readJson, replaceFile } from './lib/data-files.ts';
import { filesKey, type DocumentFilesSetup } from './lib/document-files.ts';
import { writeDocumentParts } from './lib/document-parts.ts';
import { documentStore } from './lib/document-store.ts';
import { mergeIsCurrent, mergeWaves, type MergeDone, type MergeSetup, type Store } from './lib/extraction.ts';
import { codeVersion } from './lib/code-version.ts';
import { pool, type Pool } from './lib/pool.ts';
import { keepEntryPages } from './lib/entry-pages.ts';
import { copyAuthoredPages } from './lib/authored-pages.ts';
import { fileThen, stageRegistry, writePieces, type StagedRegistry } from './lib/registry-file.ts';
import { stopwatch } from './lib/stopwatch.ts';

export interface ContentBuildOptions {
  corpusDir: string;
  /** Names the corpus (config.ts): what src/generated holds of another corpus is made afresh. */
  corpusKey?: string;
  /** Files of the corpus folder that are not documents (its configuration, curation, pages), relative to it. */
  ignore?: (path: string) => boolean;
  /** Where results are kept between builds (.cache/…/documents). */
  cacheDir: string;
  /** Fail instead of writing when the committed registry is not what this corpus gives (CI). */
  checkRegistry?: boolean;
  outDir: string;
  registryPath: string;
  curation: Curation;
  location: SiteLocation;
  /** The corpus's authored pages (pages/<slug>.mdx), if it has any. */
  pagesDir?: string;
  /** Stale curation fails the build (before the registry is written): the corpus's kb.json "strict". */
  strict?: boolean;
  /** Worker threads for the pipeline and the merges (default: one per core for 60 documents or more, none below). */
  threads?: number;
  /** From this many documents, the merges of Extractor.largeMerge run one at a time (default MERGES_APART_FROM). */
  mergesApartFrom?: number;
  log: (line: string) => void;
  /** Told when what Astro bundles (the authored pages) is written, and how many files the corpus has (npm run build may start Astro then). */
  onReadyToBundle?: (files: number) => void;
  /** Told when every document's files are written, and how many documents there are (npm run build starts the search index then). */
  onDocumentsWritten?: (documents: number) => void;
}

/** The registry's documents, written before the merges (readCorpus), in the build's folder until the registry is staged. */
const DOCUMENTS_PART = 'registry-documents.part';

/** Below this many files, starting worker threads (~0.3 s each) costs more than they save. */
const MIN_FILES_FOR_THREADS = 60;

/**
 * From this many documents, the merges that hold something of every document (Extractor.largeMerge)
 * do not run side by side: at 10,000 the timeline's and the glossary's took 1.35 and 2.5 GB each,
 * alone. Below it, side by side they are done sooner, and hold a few hundred megabytes.
 */
const MERGES_APART_FROM = 3000;

/** How many worker threads to use when `files` files are to be worked out: CONTENT_WORKERS, or one per core for many. */
export function workerThreads(files: number, env: NodeJS.ProcessEnv = process.env): number {
  if (env.CONTENT_WORKERS !== undefined) return Math.max(0, Number(env.CONTENT_WORKERS) || 0);
  return files >= MIN_FILES_FOR_THREADS ? availableParallelism() : 0;
}

/** Where the store keeps whether each candidate pair of documents were near-copies, by their results' digests. */
const NEAR_COPY_PAIRS = 'near-copy-pairs';

/** Where the store keeps each corpus file's stamp at the last build and the SHA-256 its bytes had then, by name. */
const FILE_STAMPS = 'corpus-file-stamps';
type FileStamps = Record<string, [stamp: string, sha256: string]>;

/**
 * Each file's stamp, by name: its size, its times of modification and of change (in nanoseconds) and
 * its inode. A file written, replaced, or given another modification time has another: the time
 * of change is the system's, which no copy or `touch` sets. ('' for a file that cannot be read.)
 */
async function fileStamps(dir: string, names: readonly string[]): Promise<Record<string, string>> {
  const stamps = await Promise.all(names.map(async (n) => stat(join(dir, n), { bigint: true }).then((s) => `${s.size} ${s.mtimeNs} ${s.ctimeNs} ${s.ino}`, () => '')));
  return Object.fromEntries(names.map((n, i) => [n, stamps[i]!]));
}

/**
 * Since the last build: how many files are new or have another stamp, and the SHA-256 each file
 * whose stamp is what it was had then (a file that could not be read has none: it is read again).
 */
function sinceLastBuild(last: unknown, now: Record<string, string>): { changed: number; unchanged: Map<string, string> } {
  const before = (last ?? {}) as FileStamps;
  const unchanged = new Map<string, string>();
  let changed = 0;
  for (const [name, stamp] of Object.entries(now)) {
    const was = before[name];
    if (stamp === '' || !Array.isArray(was) || was[0] !== stamp) changed++;
    else if (typeof was[1] === 'string' && was[1] !== '') unchanged.set(name, was[1]);
  }
  return { changed, unchanged };
}

/** Every regular file under a folder, as paths relative to it (sorted, hidden files and folders skipped). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => !f.split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort();
}

/** Run the pipeline and the extractors over the corpus folder, and write everything Astro needs. */
export async function runContentBuild(o: ContentBuildOptions) {
  const clock = stopwatch();
  // The store's format is V8's (document-store.ts); the libraries are the lockfile's.
  const lockfile = join(import.meta.dirname, '..', 'package-lock.json');
  const version = codeVersion(['scripts/lib/build-task.ts', 'scripts/content-build.ts'], [process.versions.v8, existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : '']);
  const store = await documentStore(o.cacheDir, version);
  const names = (await listFiles(o.corpusDir)).filter((n) => !o.ignore?.(n));
  // Threads for the documents when many are to be worked out (the content build of one changed document of 1,000: 9.6 s without them, 12.0 s with).
  const stamps = await fileStamps(o.corpusDir, names);
  // (Only the threads and which files are read are chosen so: what is worked out again is chosen by each file's digest.)
  const { changed, unchanged } = sinceLastBuild(store.get(FILE_STAMPS), stamps);
  const threads = o.threads ?? workerThreads(changed);
  o.log(`[content] corpus ${o.corpusDir}: ${names.length} files, ${changed} new or changed since the last build${threads > 0 ? ` (${threads} threads)` : ''}`);
  const files = await prepareOutDir(o, version);
  // The authored pages copied first (checked against what the merges made, below): all that Astro
  // bundles is then written, and it may start (it reads the rest when it renders the pages).
  const authored = o.pagesDir ? await copyAuthoredPages(o.pagesDir, o.outDir, EXTRACTORS.filter((ex) => ex.listing).map((ex) => ex.name)) : { pages: [], stale: [], check: () => [] };
  o.onReadyToBundle?.(names.length);
  const setup: BuildSetup = { corpusDir: o.corpusDir, cacheDir: o.cacheDir, version, curation: o.curation, files };
  const task = new URL('./lib/build-task.ts', import.meta.url);
  const work = await pool(task, setup, threads);
  // The merges' pool: the documents' own, or threads started for the merges alone (below).
  let mergeWork = work;
  type Task = Awaited<ReturnType<typeof makeTask>>;
  try {
    const progress = reporter(o.log);
    // 1–3. Every file read, summarised, planned and processed; the registry's documents staged.
    const documentsPart = join(o.cacheDir, DOCUMENTS_PART);
    const { result, entries: registeredEntries, shas } = await readCorpus(work, store, o, names, unchanged, documentsPart, progress, clock);
    clock.lap('pipeline');
    for (const s of result.skipped) o.log(`[skipped] ${s.source}: ${s.reason}`);
    for (const n of result.notices) o.log(`[warning] ${n}`);
    for (const c of result.changes) o.log(`[registry] ${c.kind} ${c.id} ${'source' in c ? c.source : `${c.from} -> ${c.to}`}${c.kind === 'duplicate' ? ` (same as ${c.of})` : ''}`);
    const docs = inIdOrder(result.documents);
    // 4. Each listed document's extraction results and files, where the last build's are not kept.
    const toWrite = docs.map((d) => ({ source: d.entry.source, digest: result.digests.get(d.id)!, listed: d }));
    let wrote = 0;
    const writes = await work.map<(typeof toWrite)[number], Written>('write', toWrite, { onResult: (d) => progress('generate', ++wrote, toWrite.length, d.source) });
    for (const w of writes.flatMap((x) => x.failures)) o.log(`[warning] ${w}`);
    const extracted = writes.filter((d) => d.extracted).length;
    const written = writes.filter((d) => d.written).length;
    o.log(`[extract] ${extracted} of ${docs.length} documents worked out${threads > 0 ? ` in ${threads} threads` : ''} (the rest kept from the last build)`);
    await replaceFile(join(o.outDir, 'data', 'corpus.json'), JSON.stringify(corpusJson(docs.map((d) => d.entry), result.skipped, result.retiredDocuments), null, 1));
    // Files of documents that are gone, or whose simplified rendering is gone.
    const wanted = new Set(docs.flatMap((d) => d.files));
    // (The parts of /data/documents/ and their index are written below.)
    const isPart = (dir: string, f: string) => dir === 'data/documents' && (/^part-[0-9a-f]+\.json\.gz$/.test(f) || f === 'index.json');
    for (const dir of DOCUMENT_FOLDERS) for (const f of await readdir(join(o.outDir, dir))) if (!wanted.has(`${dir}/${f}`) && !isPart(dir, f)) await rm(join(o.outDir, dir, f));
    const made = Object.fromEntries(docs.map((d) => [d.id, filesKey(files, result.digests.get(d.id)!)]));
    await writeFile(join(o.outDir, 'documents.json'), JSON.stringify(made));
    o.log(`[generate] HTML and JSON of ${docs.length} documents in ${o.outDir} (${written} written, ${docs.length - written} unchanged)`);
    o.onDocumentsWritten?.(docs.length);
    // The parts of /data/documents/, compressed here while the threads run the merges (this thread waits for them).
    const partsWritten = writeDocumentParts(o.outDir, made);
    // (Its failure is reported when it is awaited, below, not as an unhandled rejection meanwhile.)
    partsWritten.catch(() => {});
    clock.lap('pages');

    // 5. Each extractor's merge, those that need another's after it.
    const mergeSetup: MergeSetup = { docs: docs.map((d) => [d.id, result.digests.get(d.id)!] as const), location: o.location, curation: o.curation, outDir: o.outDir };
    const merges: MergeDone[] = [];
    // In a large corpus the merges that hold something of every document run one at a time (the rest beside them).
    const apart = docs.length >= (o.mergesApartFrom ?? MERGES_APART_FROM) ? new Set(EXTRACTORS.filter((ex) => ex.largeMerge).map((ex) => ex.name)) : new Set<string>();
    // Few documents worked out but merges to run side by side (one added to a large corpus): threads for them.
    const mergeThreads = threads === 0 && o.threads === undefined ? workerThreads(docs.length) : 0;
    if (mergeThreads > 0 && mergeWaves().some((wave) => wave.filter((name) => !mergeIsCurrent(store, name, mergeSetup)).length > 1)) {
      o.log(`[merge] merges to run side by side: in ${mergeThreads} threads`);
      mergeWork = await pool(task, setup, mergeThreads);
    }
    for (const wave of mergeWaves()) merges.push(...(await mergeWork.map<string, MergeDone>('merge', wave, { shared: mergeSetup, apart: (name) => apart.has(name) })));
    o.log(`[generate] ${await partsWritten} part(s) of /data/documents/ written`);
    for (const line of merges.flatMap((m) => m.log)) o.log(line);
    // The threads' work is done: the results this build used stay in the store, and the threads'
    // memory goes before the registry is written (at 10,000 documents their heaps held 2 GB then).
    for (const p of new Set([work, mergeWork])) {
      for (const { used, digests } of await p.everywhere<ReturnType<Task['finish']>>('finish')) store.keep(used, digests);
      await p.close();
    }
    if (authored.pages.length > 0) o.log(`[pages] ${authored.pages.length} authored page(s): ${authored.pages.map((p) => `/${p}/`).join(' ')}`);
    // (What they name, checked against what the merges made.)
    const stale = [...result.stale, ...merges.flatMap((m) => m.stale), ...authored.stale, ...authored.check()];
    // Entry pages the registry keeps: those no document names any more keep a page saying so.
    const entryPages = keepEntryPages(registeredEntries, merges.flatMap((m) => (m.entryPages ? [m.entryPages] : [])));
    await mkdir(join(o.outDir, 'pages'), { recursive: true });
    await writeFile(join(o.outDir, 'pages', 'retired-entries.json'), JSON.stringify(entryPages.retired));
    // (Written a document at a time beside the build, and compared with the committed file by digest: scripts/lib/registry-file.ts.)
    const registryFile = await stageRegistry(fileThen(documentsPart, registryEntryPieces(entryPages.entries)), join(o.cacheDir, 'registry.json'), o.registryPath);
    if (o.checkRegistry && registryFile.changed) {
      await registryFile.discard();
      throw new Error(`${o.registryPath} is stale: build the corpus and commit it (changes: ${result.changes.map((c) => `${c.kind} ${c.id}`).join(', ') || 'paragraph ids or entries'})`);
    }
    // Files no extractor wrote this time (an index that is gone).
    const outputs = new Set(['data/corpus.json', 'pages/retired-entries.json', ...merges.flatMap((m) => m.files)]);
    for (const dir of ['data', 'pages', 'listings']) {
      for (const f of await readdir(join(o.outDir, dir), { withFileTypes: true })) if (f.isFile() && !outputs.has(`${dir}/${f.name}`)) await rm(join(o.outDir, dir, f.name));
    }
    clock.lap('merges');

    // Each document's page key: its files' key and what its page shows of the merged results.
    const shown = new Map<string, string[]>();
    for (const [doc, digest] of merges.flatMap((m) => m.shown)) shown.set(doc, [...(shown.get(doc) ?? []), digest]);
    const keys = Object.fromEntries(docs.map((d) => [d.id, digestOf([made[d.id], shown.get(d.id) ?? []])]));
    await writeFile(join(o.outDir, 'keys.json'), JSON.stringify(keys));
    for (const s of stale) o.log(`[stale] ${s}`);
    if (o.strict && stale.length > 0) {
      await registryFile.discard();
      throw new StaleCuration(stale.length);
    }
    await (registryFile.changed ? writeRegistry(o, registryFile) : registryFile.discard());
    store.set(FILE_STAMPS, Object.fromEntries(names.map((n): [string, [string, string]] => [n, [stamps[n]!, shas.get(n) ?? '']])) satisfies FileStamps);
    // The results this build did not use go.
    await store.close();
    clock.lap('registry and cache');
    for (const line of clock.report()) o.log(line);
    return { documents: docs.length, skipped: result.skipped.length, changes: result.changes, stale };
  } finally {
    await Promise.all([work.close(), mergeWork.close()]);
    await rm(join(o.cacheDir, DOCUMENTS_PART), { force: true });
  }
}

/**
 * The content build's steps 1 to 3: every file read and summarised (a file `unchanged` since the last
 * build, by its stamp, not read: its summary is kept under the SHA-256 given); the corpus-wide pass (ids, and the
 * lines repeated at documents' edges); each document processed (cleaned, structured, identified:
 * into the store). The registry's documents are written to `documentsPart` (registryDocumentPieces),
 * and their paragraph records go with this function's scope: at 10,000 documents they were a
 * gigabyte of this thread's memory, held through the merges. Returns the corpus's result, the
 * committed registry's entries and each summarised file's SHA-256.
 */
async function readCorpus(
  work: Pool,
  store: Pick<Store, 'get' | 'set'>,
  o: ContentBuildOptions,
  names: string[],
  unchanged: ReadonlyMap<string, string>,
  documentsPart: string,
  progress: ReturnType<typeof reporter>,
  clock: ReturnType<typeof stopwatch>,
) {
  type Task = Awaited<ReturnType<typeof makeTask>>;
  let read = 0;
  const files = names.map((name) => ({ name, ...(unchanged.has(name) ? { unchanged: unchanged.get(name)! } : {}) }));
  const summaries = await work.map<(typeof files)[number], Awaited<ReturnType<Task['summarise']>>>('summarise', files, { route: (f) => f.name, onResult: (f) => progress('decode', ++read, names.length, f.name) });
  clock.lap('decode');
  const registry = parseRegistry(await readJson<unknown>(o.registryPath, { documents: [] }));
  const skipped: SkippedFile[] = summaries.filter((s): s is SkippedFile => 'reason' in s);
  const planned = planCorpus(summaries.filter((s): s is FileSummary => !('reason' in s)), registry, o.curation.errata, today());
  const plans = planned.plans.filter((p): p is Extract<Plan, { context: unknown }> => 'context' in p);
  let processed = 0;
  const done = await work.map<(typeof plans)[number], Outcome<ListedDocument>>('process', plans, { route: (p) => p.source, onResult: (p) => progress('clean', ++processed, plans.length, p.source) });
  const outcomes = new Map(plans.map((p, i) => [p.source, done[i]!]));
  // Near-copies by their cleaned text: each candidate pair as the last build found it, or its two
  // documents read back from the store (185 pairs of 121 documents in the scale benchmark's 1,000).
  const last = (store.get(NEAR_COPY_PAIRS) ?? {}) as Record<string, boolean>;
  const decided: Record<string, boolean> = {};
  const byText = byShingles((digest: string) => copyShingles((store.get(digest) as DocumentResult).document!));
  const pair = (a: string, b: string) => `${a} ${b}`;
  const copies = nearCopiesAmong(planned.plans, outcomes, (a, b) => (decided[pair(a.digest, b.digest)] = last[pair(a.digest, b.digest)] ?? byText(a.digest, b.digest)));
  store.set(NEAR_COPY_PAIRS, decided);
  const { registry: next, ...result } = collectCorpus(planned.plans, outcomes, planned, o.curation.errata, skipped, copies);
  await writePieces(registryDocumentPieces(next.documents), documentsPart);
  const shas = new Map(summaries.flatMap((s) => ('reason' in s ? [] : [[s.source, s.sha256] as const])));
  return { result, entries: registry.entries, shas };
}

/** Stale curation in a corpus built strictly: the build stops (and its registry is not written). */
export class StaleCuration extends Error {
  constructor(count: number) {
    super(`${count} stale curation item(s), and this corpus is built strictly (kb.json "strict", or KB_STRICT=1): fix them, or build without strict mode to leave them out`);
  }
}

/** The corpus's registry written into its curation folder (made if need be); a folder the build may not write to is said, not fatal. */
async function writeRegistry(o: ContentBuildOptions, staged: StagedRegistry): Promise<void> {
  try {
    await staged.commit();
  } catch (err) {
    await staged.discard();
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EROFS' && code !== 'EPERM') throw err;
    o.log(`[warning] ${o.registryPath}: cannot write the registry (${code}): ids given in this build are not kept for the next`);
  }
}

/** The folders of each document's files under src/generated. */
const DOCUMENT_FOLDERS = ['documents', 'data/documents', 'reading', 'source', 'html'];

/**
 * The content build's folder, made ready: the documents' files of the last build stay (listed with
 * the key they were made under, written last, so an interrupted build leaves none) and so do the
 * extractors' files (a merge whose inputs did not change keeps them); the rest is made afresh.
 */
async function prepareOutDir(o: ContentBuildOptions, version: string): Promise<DocumentFilesSetup> {
  const marker = join(o.outDir, 'corpus-key');
  if ((await readFile(marker, 'utf8').catch(() => '')) !== (o.corpusKey ?? '')) await rm(o.outDir, { recursive: true, force: true });
  await mkdir(o.outDir, { recursive: true });
  await writeFile(marker, o.corpusKey ?? '');
  const previous = await readJson<Record<string, string>>(join(o.outDir, 'documents.json'), {});
  const kept = new Set(['corpus-key', 'data', 'documents', 'html', 'reading', 'source', 'pages', 'listings', 'charts.json', 'authored']);
  for (const entry of await readdir(o.outDir).catch(() => [] as string[])) if (!kept.has(entry)) await rm(join(o.outDir, entry), { recursive: true, force: true });
  for (const dir of [...DOCUMENT_FOLDERS, 'pages', 'listings']) await mkdir(join(o.outDir, dir), { recursive: true });
  return { outDir: o.outDir, location: o.location, terms: o.curation.terms, pagesName: `pages-${digestOf([version, o.location, o.curation.terms])}`, previous, corpusDir: o.corpusDir };
}

/** Progress lines: each of a small corpus's files, else about one a second. */
function reporter(log: (line: string) => void) {
  let last = 0;
  return (stage: string, done: number, total: number, source: string) => {
    const now = performance.now();
    if (total <= 20 || done === total || now - last > 1000) {
      log(`[${stage}] ${done}/${total} ${source}`);
      last = now;
    }
  };
}
