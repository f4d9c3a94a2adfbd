/**
 * `npm run build`: the content build (src/generated); the search index as soon as the content build
 * has written the documents (the index is made from their data files, not from the pages), at a
 * lower priority, so that it takes only what the content build and Astro leave of the cores; Astro
 * then too below ASTRO_EARLY_BELOW documents (rendering once the content build is done), else when
 * the content build is done (dist/ kept from the last build, and tidied by astro.config.mjs).
 * Prints each stage's time and peak memory (all its processes together).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { corpusConfig } from '../src/corpus/config.ts';
import { treeMemory } from './lib/process-memory.ts';

const ROOT = join(import.meta.dirname, '..');
const node = (args: string[]) => [process.execPath, ...args];
/**
 * The content build and the search index run on Node's own type stripping, not tsx: tsx keeps the
 * files it compiles in a cache keyed by their path, so a first build in a new folder (a fresh clone,
 * the bench's copy of the project) compiled every file again, in each of the content build's worker
 * threads too (they take its flags). The content build of the seeds: 3.3 s with tsx's cache empty,
 * 0.9 s with it full, 0.9 s on Node's own. (So their files hold no TypeScript only tsx runs: no
 * parameter properties, enums or namespaces.)
 */
const STAGES = {
  // A larger young generation: less time collecting garbage (~8% of a rebuild at 1,000 documents).
  content: node(['--max-semi-space-size=64', 'scripts/build-content.ts']),
  // The same for the search index: 14.6–16.4 → 12.8–12.9 CPU-s at 1,000 documents (alternated), at the same peak.
  search: node(['--max-semi-space-size=64', 'scripts/search-index.ts']),
  // Astro turns each page into bytes outside the JavaScript heap (1.2 GB at 1,000 documents, with
  // its cache's copy), and V8 marked the whole heap again after every 64 MB of them (40 full
  // collections, 14 CPU-s of its helper threads); counted with the heap's own limit, 4 collections
  // and 4 CPU-s, for 0.6 GB more memory at the peak.
  astro: node(['--external-memory-accounted-in-global-limit', join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build']),
};
/**
 * Astro rendering in one thread (a corpus of ASTRO_EARLY_BELOW files or more, built or rebuilt) lets
 * its heap grow to 1.5 times what was in use after the last full collection, not V8's up to 4
 * times: what it holds between pages is the corpus's data and its own code, and the rest is each
 * page's garbage. 1,000 documents rendered in one thread: peak 1,564 → 955 MB, 24.9 → 23.4 s. In
 * two threads (a smaller corpus built from nothing) it cost 2–5 s for 0.4 GB, so not there.
 */
const ASTRO_ONE_THREAD = ['--heap-growing-percent=50'];
/**
 * A rebuild of a smaller corpus (Astro started early, with a kept dist/) renders a few hundred pages
 * at most: there a young generation of 64 MB, not the heap's slow growth, spares it most of its
 * collections, and the CPU they took from the content build beside it. 1,000 documents, alternated
 * (two runs before, four after): one changed 9.7, 9.7 → 9.0–9.7 s, one removed 19.2, 19.9 →
 * 16.2–16.7 s, one added 20.3, 20.8 → 17.0–18.4 s (those two: 35.5–37.9 → 30.0–33.3 CPU-s); its peak stays
 * well under the content build's. A full build renders in threads that start from V8's own sizes: 64 MB
 * there changed nothing (61.7, 61.3 → 60.7, 62.5 s).
 */
const ASTRO_REBUILD = ['--max-semi-space-size=64'];
type Stage = keyof typeof STAGES;

const running = new Map<ChildProcess, { name: Stage; peakKB: number }>();

/** Resident memory of every running stage, its child processes included (Pagefind runs two levels down). */
function sample(): void {
  const tree = treeMemory();
  for (const [child, stage] of running) stage.peakKB = Math.max(stage.peakKB, tree(child.pid!));
}

/** Run a stage, its output passed on (and its messages to `onMessage`); resolves with its seconds, rejects if it fails. */
function run(name: Stage, options: { env?: NodeJS.ProcessEnv; onMessage?: (m: unknown) => void; onStart?: (child: ChildProcess) => void; niceness?: number; flags?: string[] } = {}): Promise<number> {
  const [command, ...args] = STAGES[name];
  args.unshift(...(options.flags ?? []));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    // Before it starts its own processes (Pagefind), which have its priority.
    if (options.niceness && child.pid) setPriority(child.pid, options.niceness);
    const stage = { name, peakKB: 0 };
    running.set(child, stage);
    options.onStart?.(child);
    child.stdout!.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    child.on('message', (m) => options.onMessage?.(m));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      const seconds = (performance.now() - started) / 1000;
      // On a line of its own (another stage's line may still be open).
      console.log(`\n[build] ${name} ${code === 0 ? 'done' : 'FAILED'} in ${seconds.toFixed(2)} s, peak ${Math.round(stage.peakKB / 1024)} MB`);
      if (code === 0) resolve(seconds);
      else reject(new Error(`${name} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/**
 * Below this many files Astro starts as soon as what it bundles is written (the authored pages, at
 * the start of the content build), and starts and bundles the site's code while the content build
 * runs; it renders the pages when the content build is done (astro.config.mjs waits to be told). A
 * rebuild after one changed document at 1,000 documents: 16.5 → 14.6 s, alternated, when it started
 * with the search index instead of after the content build; 11.9 → 11.5 s (three runs each,
 * alternated) when it starts at the content build's beginning instead of with the index: it is then
 * ready to render before the content build is done.
 * From this size on it starts after the content build, as before: beside the merges and the search
 * index, its memory would raise the peak (10,000 documents: 4 GB with the three apart).
 *
 * Below it too, a site built from nothing (no dist/ kept) is rendered in RENDER_THREADS worker
 * threads (astro.config.mjs), each holding its own copy of the corpus's data (1,000 documents: 1.3
 * → 1.8–2.1 GB at the peak): its rendering alone, at 1,000 documents, 16.0 → 12.7 s. A rebuild
 * renders few pages, and starting the threads costs more than they save (one changed document at
 * 1,000 documents: 10.2 s in one thread, 11.0 s in two, alternated three times).
 */
const ASTRO_EARLY_BELOW = 3000;
const RENDER_THREADS = 2;

const started = performance.now();
// dist/ is kept from one build to the next (astro.config.mjs), for the same corpus only: a page of
// another corpus's site at the same path must not pass for this one's.
const corpus = corpusConfig();
const distCorpus = join(ROOT, '.cache', 'dist-corpus');
if (existsSync(join(ROOT, 'dist')) && (existsSync(distCorpus) ? readFileSync(distCorpus, 'utf8') : '') !== corpus.key) rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
mkdirSync(dirname(distCorpus), { recursive: true });
writeFileSync(distCorpus, corpus.key);
const renderThreads = existsSync(join(ROOT, 'dist', 'index.html')) ? 0 : RENDER_THREADS;
const sampler = setInterval(sample, 300);
try {
  let search: Promise<number> | undefined;
  // Beside the content build and Astro, at a lower priority: the index takes what the content
  // build's threads and Astro leave of the cores, and never slows them down. It writes into
  // dist/kb-search/, which Astro leaves alone (astro.config.mjs).
  const startSearch = () => (search ??= run('search', { niceness: 10 }));
  // Astro started early, at the index's priority (its start and bundling take what the merges leave
  // of the cores), waits to be told that the content build is done before it renders a page.
  let astro: Promise<number> | undefined;
  let tellAstro: (() => void) | undefined;
  const startAstroEarly = () => {
    astro = run('astro', { env: { KB_WAIT_FOR_CONTENT: '1', KB_RENDER_THREADS: String(renderThreads) }, flags: renderThreads ? [] : ASTRO_REBUILD, niceness: 10, onStart: (child) => (tellAstro = () => void (child.connected && child.send({ contentDone: true }))) });
    // (Its failure is reported where it is awaited.)
    astro.catch(() => {});
  };
  // The content build says when Astro may start bundling, and when every document's files are written (scripts/build-content.ts): the index is made from them.
  await run('content', {
    onMessage: (m) => {
      const { readyToBundle, files = Infinity, documentsWritten } = m as { readyToBundle?: boolean; files?: number; documentsWritten?: boolean };
      if (readyToBundle && files < ASTRO_EARLY_BELOW) startAstroEarly();
      if (documentsWritten) void startSearch().catch(() => {});
    },
  });
  tellAstro?.();
  await Promise.all([astro ?? run('astro', { flags: ASTRO_ONE_THREAD }), startSearch()]);
  console.log(`[build] site built in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (err) {
  console.error(`[build] ${(err as Error).message}`);
  // The stages beside the one that failed stop too.
  for (const child of running.keys()) child.kill();
  process.exit(1);
} finally {
  clearInterval(sampler);
}
