/** Reading and writing for the content build, kept apart so tests can run it on any folder. */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { corpusJson, type SiteLocation } from '../src/generate/data.ts';
import { timelineEntry } from '../src/generate/timeline.ts';
import { inIdOrder } from '../src/extract/units.ts';
import type { TermSpec } from '../src/extract/terms.ts';
import { processCorpus } from '../src/pipeline/corpus.ts';
import { parseErrata } from '../src/pipeline/errata.ts';
import { parseRegistry, serializeRegistry } from '../src/pipeline/identify.ts';
import type { DocumentText, SourceFile } from '../src/pipeline/types.ts';
import { digestOf, documentDigest, forgetReadings, setDocumentDigest, useDocumentStore } from '../src/lib/per-document.ts';
import { documentStore } from './lib/document-store.ts';
import { documentFileNames, documentFiles, filesKey, type DocumentFilesSetup } from './lib/document-files.ts';
import { processCorpusInWorkers, workerThreads } from './lib/pipeline-workers.ts';
import { besideTheTimeline, besideTheTimelineInWorker, policiesStage, timelineStage, type StagePaths } from './lib/corpus-stages.ts';
import { readJson, replaceFile } from './lib/data-files.ts';
import { stopwatch } from './lib/stopwatch.ts';

type ContentStore = Awaited<ReturnType<typeof documentStore>>;

export interface ContentBuildOptions {
  corpusDir: string;
  /** Where per-document results are kept between builds (.cache/documents); none: work everything out. */
  cacheDir?: string;
  /** Fail instead of writing when the committed registry is not what this corpus gives (CI). */
  checkRegistry?: boolean;
  outDir: string;
  registryPath: string;
  errataPath: string;
  /** Chart specifications (content/charts.json); a missing file means no charts. */
  chartsPath: string;
  /** The glossary's terms (content/terms.json) and the model comparison (content/models.json); missing files mean none. */
  termsPath: string;
  modelsPath: string;
  location: SiteLocation;
  log: (line: string) => void;
}

/** The site's absolute URL ('' when none is configured: links are then site-relative) and base path, from the environment. */
export function siteLocation(env: NodeJS.ProcessEnv = process.env): SiteLocation {
  return { site: env.SITE_URL ?? '', base: env.BASE_PATH ?? '/' };
}

/** Every regular file under a folder, as paths relative to it (sorted, hidden files skipped). */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** What the per-document results (and the corpus-wide stages' files, whose inputs the store keeps too) depend on besides the documents: the code that makes them and its libraries. */
async function codeVersion(): Promise<string> {
  const h = createHash('sha256');
  const root = join(import.meta.dirname, '..');
  for (const dir of ['src/pipeline', 'src/extract', 'src/generate', 'src/lib', 'src/i18n', 'src/charts']) {
    for (const f of (await listFiles(join(root, dir))).filter((x) => x.endsWith('.ts'))) h.update(f).update(await readFile(join(root, dir, f)));
  }
  for (const f of ['scripts/content-build.ts', 'scripts/lib/corpus-stages.ts', 'scripts/lib/data-files.ts', 'scripts/lib/document-files.ts', 'scripts/lib/document-store.ts', 'package-lock.json']) h.update(await readFile(join(root, f)).catch(() => ''));
  // The store's format is V8's (document-store.ts).
  h.update(process.versions.v8);
  return h.digest('hex').slice(0, 16);
}

/** The corpus folder's files. */
async function readCorpus(dir: string, names: readonly string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const name of names) files.push({ name, bytes: new Uint8Array(await readFile(join(dir, name))) });
  return files;
}

/**
 * Run the pipeline over the corpus folder and write everything Astro needs. Each stage is a
 * function of its own, so that what it holds (the files' bytes, the source views, every figure,
 * every mention with its URL) is freed when it is done: a 5,000-document corpus needs that.
 */
export async function runContentBuild(o: ContentBuildOptions) {
  // Seconds and heap in use per stage, printed at the end.
  const clock = stopwatch();
  const lap = clock.lap;
  const version = await codeVersion();
  const store = o.cacheDir ? await documentStore(o.cacheDir, version) : undefined;
  useDocumentStore(store);
  const terms = (await readJson<{ terms: TermSpec[] }>(o.termsPath, { terms: [] })).terms;
  const workers = (n: number) => (o.cacheDir && store ? workerThreads(n) : 0);
  const corpus = await documentsStage(o, version, terms, store, lap, workers);
  const { docs } = corpus;
  // For a large corpus, what needs nothing from the timeline runs beside it and the indexes in a worker thread; else between them.
  const paths: StagePaths = { outDir: o.outDir, chartsPath: o.chartsPath, modelsPath: o.modelsPath, location: o.location };
  const beside =
    workers(docs.length) > 0 ? besideTheTimelineInWorker({ paths, cacheDir: o.cacheDir!, version, terms, docs: docs.map((d) => [documentDigest(d), d]) }, o.log) : undefined;
  // (Its failure is the build's, when it is awaited below; not an unhandled rejection before that.)
  beside?.catch(() => {});
  const events = await timelineStage(o, docs);
  lap('timeline');
  const charts = beside ? undefined : await besideTheTimeline(o, terms, docs, clock);
  await policiesStage(o, docs, events);
  forgetReadings();
  lap('policies');
  const fromWorker = await beside;
  if (fromWorker) {
    store!.keep(fromWorker.used);
    lap('waiting for the worker thread');
  }
  // Each document's page key: its files' key, and its events and charts, each hashed once (an event told by many documents is on all their pages).
  const own = new Map<string, string[]>();
  const add = (doc: string, digest: string) => {
    const list = own.get(doc);
    if (list) list.push(digest);
    else own.set(doc, [digest]);
  };
  for (const e of events) {
    const d = digestOf(timelineEntry(e, o.location));
    for (const doc of new Set([e.doc, ...e.sources.map((x) => x.doc)])) add(doc, d);
  }
  for (const c of charts ?? fromWorker!.charts) add(c.doc, digestOf(c));
  const keys: Record<string, string> = {};
  for (const d of docs) keys[d.id] = createHash('sha256').update(corpus.made[d.id]!).update((own.get(d.id) ?? []).join('')).digest('hex').slice(0, 16);
  await writeFile(join(o.outDir, 'keys.json'), JSON.stringify(keys));
  lap('page keys');
  if (corpus.committed !== corpus.registryText) await writeFile(o.registryPath, corpus.registryText);
  if (store) o.log(`[cache] ${(await store.close()) + corpus.reused + (fromWorker?.hits ?? 0)} per-document results reused from ${o.cacheDir}`);
  useDocumentStore(undefined);
  lap('registry and cache');
  for (const line of clock.report()) o.log(line);
  return { documents: docs.length, skipped: corpus.skipped, changes: corpus.changes, warnings: corpus.warnings };
}

/**
 * The pipeline over the corpus, and each document's files (its data file, MDX and HTML), written
 * again only when what they are made from changed. For a large corpus the pipeline's threads do
 * each document's files and extraction too, as soon as it is processed. Returns what the later
 * stages read of the documents: their text and metadata (the source lines and cleaning reports are
 * in the files now).
 */
async function documentsStage(o: ContentBuildOptions, version: string, terms: TermSpec[], store: ContentStore | undefined, lap: (name: string) => void, workers: (documents: number) => number) {
  const registry = parseRegistry(await readJson<unknown>(o.registryPath, { documents: [] }));
  const errata = parseErrata(await readJson(o.errataPath, { documents: {} }));
  let lastReport = 0;
  const progress = (stage: string, done: number, total: number, source?: string) => {
    const now = performance.now();
    if (total <= 20 || done === total || now - lastReport > 1000) {
      o.log(`[${stage}] ${done}/${total} ${source ?? ''}`);
      lastReport = now;
    }
  };
  const names = await listFiles(o.corpusDir);
  const threads = workers(names.length);
  o.log(`[content] corpus ${o.corpusDir}: ${names.length} files${threads > 0 ? ` (${threads} threads)` : ''}`);

  // The documents' files of the last build stay, listed with the key they were made under (written
  // last, so an interrupted build leaves none); the rest of the folder is made afresh, before the
  // pipeline's threads write into it.
  // The site's data files (/data/…) are made in data/, and copied into dist/ as they are (astro.config.mjs).
  const data = join(o.outDir, 'data');
  const documentsDir = join(data, 'documents');
  const manifestFile = join(o.outDir, 'documents.json');
  const previous = await readJson<Record<string, string>>(manifestFile, {});
  // What a reading page reads of its document (its data file without the text's blocks and source lines).
  const readingDir = join(o.outDir, 'reading');
  // (and the files of the corpus-wide stages, which a stage whose inputs did not change keeps: scripts/lib/corpus-stages.ts).
  const stageFiles = ['corpus.json', 'timeline.json', 'timeline.csv', 'figures.json', 'figures.csv', 'terms.json', 'models.json', 'policies.json', 'organisations.json', 'places.json'];
  for (const [dir, keep] of [[o.outDir, ['data', 'mdx', 'html', 'reading', 'pages', 'charts.json']], [data, ['documents', ...stageFiles]]] as const) {
    for (const entry of await readdir(dir).catch(() => [] as string[])) if (!(keep as readonly string[]).includes(entry)) await rm(join(dir, entry), { recursive: true, force: true });
  }
  for (const dir of [documentsDir, join(o.outDir, 'mdx'), join(o.outDir, 'html'), readingDir, join(o.outDir, 'pages')]) await mkdir(dir, { recursive: true });
  // A document's files depend on it, on where the site lives, on the terms it links and on the code: written
  // again only when that changed. Astro's incremental build skips a page whose key (this, and the
  // document's events and charts) is unchanged.
  const files: DocumentFilesSetup = { outDir: o.outDir, location: o.location, terms, pagesName: `pages-${digestOf([version, o.location, terms])}`, previous };

  // A large corpus in worker threads, which tell which kept results they used (they stay in the store).
  const pooled = threads > 0 ? await processCorpusInWorkers(o.corpusDir, names, registry, errata, { cacheDir: o.cacheDir!, version, workers: threads, progress, files }) : undefined;
  if (pooled) {
    store!.keep(pooled.used);
    o.log(`[extract] ${pooled.extracted} of ${pooled.documents.length} documents worked out in the pipeline's ${threads} threads (the rest kept from the last build)`);
  }
  const result = pooled ?? processCorpus(await readCorpus(o.corpusDir, names), registry, errata, { store, progress });
  lap('pipeline');
  for (const s of result.skipped) o.log(`[skipped] ${s.source}: ${s.reason}`);
  for (const w of result.warnings) o.log(`[warning] ${w}`);
  for (const c of result.changes) {
    o.log(`[registry] ${c.kind} ${c.id} ${'source' in c ? c.source : `${c.from} -> ${c.to}`}${c.kind === 'duplicate' ? ` (same as ${c.of})` : ''}`);
  }

  const docs = inIdOrder(result.documents);
  // What the later stages read of each document, known to the per-document caches by the document's digest.
  const texts = docs.map((d) => {
    const text: DocumentText = { id: d.id, blocks: d.blocks, meta: d.meta, datesTrusted: d.datesTrusted };
    setDocumentDigest(text, documentDigest(d));
    return text;
  });
  const registryText = serializeRegistry(result.registry);
  const committed = await readFile(o.registryPath, 'utf8').catch(() => '');
  if (o.checkRegistry && committed !== registryText) {
    throw new Error(`${o.registryPath} is stale: run npm run prepare-content and commit it (changes: ${result.changes.map((c) => `${c.kind} ${c.id}`).join(', ') || 'paragraph ids'})`);
  }
  await replaceFile(join(data, 'corpus.json'), JSON.stringify(corpusJson(docs, result.skipped, result.retiredDocuments, o.location), null, 1));
  // Each document's files: written by the pipeline's threads already, or now.
  const write = pooled ? undefined : documentFiles(files);
  const made: Record<string, string> = {};
  let rewritten = pooled?.written ?? 0;
  for (const [i, d] of docs.entries()) {
    made[d.id] = filesKey(files, documentDigest(d));
    if (!write) continue;
    if (await write(d, documentDigest(d))) rewritten++;
    if (docs.length > 20 && (i + 1) % 100 === 0) o.log(`[generate] ${i + 1}/${docs.length}`);
  }
  // Files of documents that are gone, or whose simplified rendering is gone.
  const wanted = new Set(docs.flatMap(documentFileNames));
  for (const dir of [documentsDir, readingDir, join(o.outDir, 'mdx'), join(o.outDir, 'html')]) for (const f of await readdir(dir)) if (!wanted.has(f)) await rm(join(dir, f));
  await writeFile(manifestFile, JSON.stringify(made));
  lap('pages');
  // npm run build starts the search index's shards on this line (scripts/build.ts): they are made from these files.
  o.log(`[generate] MDX, HTML and JSON of ${docs.length} documents in ${o.outDir} (${rewritten} written, ${docs.length - rewritten} unchanged)`);
  // Kept results the pipeline's threads used (the store counts its own).
  const reused = pooled?.hits ?? 0;
  return { docs: texts, made, registryText, committed, reused, skipped: result.skipped.length, changes: result.changes, warnings: result.warnings };
}
