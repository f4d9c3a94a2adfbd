/**
 * Build the search index after `astro build`: one Pagefind record per document, holding its folded
 * text one character per word (so that a quoted query is an exact substring match) and, as
 * metadata, its title and paragraphs with their ids (so one fragment gives every matching
 * paragraph); see src/search/records.ts. The fold table (traditional -> simplified) is written
 * beside the index, and so are the search page's scripts: over Pagefind (search-page.js, a
 * module), and for a site opened from disk (file://) the same units in a classic script
 * (offline-data.js) with the same engine bundled as a classic script (offline-search.js).
 *
 * A large corpus is indexed in shards (src/search/shards.ts; dist/pagefind, then
 * dist/pagefind/shard-<n>/, merged in the browser with Pagefind's mergeIndex): Pagefind holds a
 * whole index in memory while it builds it, so shards bound the memory at any corpus size, and two
 * are built side by side (scripts/search-shard.ts: each of two processes builds one shard after
 * another). Each shard, with its documents' records for the file:// search, is kept in
 * the corpus's cache folder (search/) under the hash of its documents (their keys in the content build's list), so a
 * rebuild after one document changed indexes only that shard.
 *
 * With `--shards` it only builds the shards into the cache: the index is made from the documents'
 * data files, not from the pages, so `npm run build` (scripts/build.ts) runs that as soon as the
 * content build has written them, then this script again after Astro to put the index into dist/.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { corpusConfig } from '../src/corpus/config.ts';
import { characterTable } from '../src/pipeline/script.ts';
import { packTable, type FoldTable } from '../src/search/fold.ts';
import { SHARD_DOCS, shardDirs, shardOf } from '../src/search/shards.ts';
import { writeText } from './lib/data-files.ts';
import type { ShardDone, ShardJob } from './search-shard.ts';
import { codeVersion } from './lib/code-version.ts';
import { linkTree } from './lib/link-tree.ts';
import { installUnits } from './lib/search-units.ts';

// Asked for one more Pagefind at a time (SIGUSR2), before the shards are known or after they are done: nothing to do then.
let anotherJob = () => {};
process.on('SIGUSR2', () => anotherJob());

const ROOT = join(import.meta.dirname, '..');
const generated = join(ROOT, 'src', 'generated', 'data', 'documents');
const out = join(ROOT, 'dist', 'pagefind');
const config = corpusConfig();
const cacheDir = join(config.cacheDir, 'search');
const started = performance.now();
const table: FoldTable = characterTable();

const ids = (await readdir(generated)).filter((f) => f.endsWith('.json')).sort().map((f) => f.slice(0, -'.json'.length));
const count = Math.max(1, Math.ceil(ids.length / SHARD_DOCS));
const shards: string[][] = Array.from({ length: count }, () => []);
for (const id of ids) shards[shardOf(id, count)]!.push(id);
// Shards that got no document are left out (an empty corpus still gets its one, empty, index).
const filled = shards.map((docs, n) => ({ docs, n })).filter(({ docs }, n) => docs.length > 0 || (n === 0 && ids.length === 0));
const dirs = shardDirs(filled.map(({ n }) => n));

// A shard's key: its documents as generated, the base path its URLs carry, Pagefind's version and this code.
const pagefindVersion = JSON.parse(await readFile(join(ROOT, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version as string;
const version = codeVersion(['scripts/search-index.ts', 'scripts/search-shard.ts'], [config.base, pagefindVersion]);
// Each document's key from the content build's list (the digest of what its files are made from), or its file's hash.
const made = JSON.parse(await readFile(join(ROOT, 'src', 'generated', 'documents.json'), 'utf8').catch(() => '{}')) as Record<string, string>;
const keys: string[] = [];
for (const { docs } of filled) {
  const h = createHash('sha256').update(version);
  for (const id of docs) h.update(id).update(made[id] ?? (await readFile(join(generated, `${id}.json`))));
  keys.push(h.digest('hex').slice(0, 24));
}

// Build the shards not in the cache, two at a time.
await mkdir(cacheDir, { recursive: true });
const cached = new Set(await readdir(cacheDir));
for (const key of keys) if (!cached.has(`${key}.offline`)) cached.delete(key);
const todo = filled.map((s, i) => ({ ...s, key: keys[i]! })).filter((s) => !cached.has(s.key));
const built = todo.length;
let done = 0;
/** One Pagefind process (scripts/search-shard.ts), building the shards still to do one after another. */
const worker = async () => {
  // Pagefind on one thread: shards are already built side by side or beside the content build, and
  // its own threads only added overhead (a 120-document shard: 4.3 CPU-s on one thread, 5.0 on two).
  const env = { ...process.env, RAYON_NUM_THREADS: process.env.RAYON_NUM_THREADS ?? '1' };
  const child = fork(join(ROOT, 'scripts', 'search-shard.ts'), [], { cwd: ROOT, env, execArgv: ['--import', 'tsx'] });
  const exited = new Promise<never>((_, reject) => child.on('exit', (code, signal) => reject(new Error(`the search shard process stopped (${signal ?? `exit code ${code}`})`))));
  exited.catch(() => {});
  const build = (job: ShardJob) =>
    Promise.race([
      exited,
      new Promise<void>((resolve, reject) => {
        child.once('message', (m: ShardDone) => (m.ok ? resolve() : reject(new Error(m.error))));
        child.send(job);
      }),
    ]);
  try {
    for (let s = todo.shift(); s; s = todo.shift()) {
      const tmp = join(cacheDir, `${s.key}.tmp`);
      await rm(tmp, { recursive: true, force: true });
      await build({ outputPath: tmp, recordsPath: `${tmp}.offline`, ids: s.docs });
      await rm(join(cacheDir, s.key), { recursive: true, force: true });
      await rename(tmp, join(cacheDir, s.key));
      await rename(`${tmp}.offline`, join(cacheDir, `${s.key}.offline`));
      done++;
      if (filled.length > 1) console.log(`[search] ${done}/${built} shards built (${s.docs.length} documents)`);
    }
  } finally {
    child.disconnect();
  }
};
// Two Pagefind processes at a time, or SEARCH_JOBS (scripts/build.ts runs one beside the content
// build and Astro), and one more each time it is asked (SIGUSR2: scripts/build.ts, when Astro is done).
const running: Promise<void>[] = [];
const another = () => {
  if (todo.length > 0) running.push(worker());
};
for (let i = 0; i < Math.min(Number(process.env.SEARCH_JOBS) || 2, availableParallelism()); i++) another();
anotherJob = another;
for (let i = 0; i < running.length; i++) await running[i];
// `--shards`: only the shards, while Astro builds the pages (scripts/build.ts); a run without it then puts them in dist/.
if (process.argv.includes('--shards')) {
  console.log(`[search] ${filled.length} shard(s) of ${ids.length} documents ready (${built} built, ${filled.length - built} unchanged) in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  process.exit(0);
}

await rm(out, { recursive: true, force: true });
// Each shard's index in its folder; the units files of all in one (the search fetches them by page id).
// As hard links to the cached shards (whatever changes a file there replaces it: search-units.ts).
for (const [i, key] of keys.entries()) await linkTree(join(cacheDir, key), join(out, dirs[i]!), (path) => path === 'units');
let sharedIds = 0;
for (const key of keys) sharedIds += await installUnits(join(cacheDir, key), out);
// Only the shards of this build stay cached.
for (const entry of await readdir(cacheDir)) if (!keys.includes(entry.replace(/\.offline$/, ''))) await rm(join(cacheDir, entry), { recursive: true, force: true });

await writeFile(join(out, 'fold.json'), JSON.stringify(packTable(table)));
await writeFile(join(out, 'shards.json'), JSON.stringify(dirs.slice(1)));
// The file:// search's records, shard by shard as the shards wrote them.
const offline = (await Promise.all(keys.map((key) => readFile(join(cacheDir, `${key}.offline`), 'utf8')))).filter(Boolean);
await writeText(join(out, 'offline-data.js'), [`window.KB_SEARCH={"table":${JSON.stringify(packTable(table))},"records":[`, ...offline.flatMap((records, i) => (i ? [',', records] : [records])), ']};\n']);
// The search page's two scripts: a module over Pagefind (http) and a classic script over offline-data.js (file://).
const bundle = { bundle: true, minify: true, target: 'es2020', logLevel: 'warning', legalComments: 'none' } as const;
await build({ ...bundle, entryPoints: [join(ROOT, 'src', 'search', 'client.ts')], format: 'esm', outfile: join(out, 'search-page.js'), define: { KB_SHARDS: JSON.stringify(dirs.slice(1)) } });
await build({ ...bundle, entryPoints: [join(ROOT, 'src', 'search', 'offline.ts')], format: 'iife', outfile: join(out, 'offline-search.js') });
console.log(`[search] ${ids.length} documents indexed in ${filled.length} shard(s) (${built} built, ${filled.length - built} unchanged) in ${((performance.now() - started) / 1000).toFixed(2)} s${sharedIds ? ` (${sharedIds} page id(s) shared by two shards, their units files joined)` : ''}`);
