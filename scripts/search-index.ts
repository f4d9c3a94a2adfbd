/**
 * Build the search index (src/search/index-format.ts) into dist/kb-search/: for each document its
 * units (title and paragraphs, what the engine checks) and its tokens, kept in the corpus's cache
 * folder (search/docs/) under the key its files were made under (the content build's
 * documents.json), so that a rebuild works out only the documents that changed, and the units files
 * (PACK documents each) as their documents are read; then the buckets (the tokens' documents), the
 * meta (counts and the fold table) and the search page's two scripts: a module over fetch (search-page.js) and a classic
 * script for a site opened from disk (offline-search.js), over the same files.
 *
 * The buckets are made in passes over the documents' tokens, each pass for a range of buckets, so
 * that no more than PASS_POSTINGS (key, document) pairs are held at once, at any corpus size. A
 * file whose bytes are those already there is not written again.
 *
 * `npm run build` (scripts/build.ts) runs this as soon as the content build has written the
 * documents, beside Astro (which leaves dist/kb-search/ alone: astro.config.mjs).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { corpusConfig } from '../src/corpus/config.ts';
import { characterTable } from '../src/pipeline/script.ts';
import { packTable } from '../src/search/fold.ts';
import { bucketCount, bucketName, bucketOf, BucketWriter, indexFileText, PACK, unitsName, type IndexMeta } from '../src/search/index-format.ts';
import { documentTokens, indexedDocument } from '../src/search/records.ts';
import { codeVersion } from './lib/code-version.ts';

const ROOT = join(import.meta.dirname, '..');
const generated = join(ROOT, 'src', 'generated', 'documents');
const out = join(ROOT, 'dist', 'kb-search');
const config = corpusConfig();
const cacheDir = join(config.cacheDir, 'search', 'docs');
const started = performance.now();
const table = characterTable();

/**
 * Documents per bucket: a bucket file holds the tokens of about this many documents' worth of the
 * index (measured: about 90 KB for documents of 24,000 characters, whatever the corpus's size), and
 * a query loads one per pair of characters it has. More buckets would make a query lighter and the
 * site's file count larger (a static host counts files): eight makes the buckets a tenth of the files.
 */
const DOCS_PER_BUCKET = 8;
/** (key, document) pairs held at once while the buckets are made. */
const PASS_POSTINGS = 16_000_000;

/** What the index keeps of a document between builds. */
interface Kept {
  key: string;
  /** Its units file's payload (deflated JSON, base64). */
  units: string;
  all: Uint32Array;
  titles: Uint32Array;
}
/** What the buckets are made from: each document's tokens (its units are written as they are read, not held: 400 MB at 10,000 documents). */
type Tokens = Pick<Kept, 'all' | 'titles'>;

/**
 * Each bucket's fingerprint: its (key, document) pairs and its title pairs, each pair mixed into two
 * 32-bit numbers and summed, and counted (three numbers a bucket, the same whatever order the pairs
 * come in). A bucket whose fingerprint, corpus size and code are those of the last build is the file
 * it was: a rebuild after one changed document makes again only the buckets of the pairs it changed
 * (encoding the 128 buckets of 1,000 documents took 3 of a rebuild's 7 s). Two different sets of
 * pairs share a fingerprint by chance about once in 2^64.
 */
function bucketPrints(docs: readonly Tokens[], buckets: number): Uint32Array {
  const prints = new Uint32Array(buckets * 3);
  const add = (key: number, doc: number, salt: number) => {
    const b = bucketOf(key, buckets) * 3;
    let x = Math.imul(key ^ salt, 0x85ebca6b) ^ Math.imul(doc + 0x632be5ab, 0xc2b2ae35);
    x = Math.imul(x ^ (x >>> 15), 0x27d4eb2f);
    let y = Math.imul(key + salt, 0xcc9e2d51) ^ Math.imul(doc ^ 0x1b873593, 0x5bd1e995);
    y = Math.imul(y ^ (y >>> 13), 0x85ebca6b);
    prints[b] = (prints[b]! + (x ^ (x >>> 16))) >>> 0;
    prints[b + 1] = (prints[b + 1]! + (y ^ (y >>> 16))) >>> 0;
    prints[b + 2]!++;
  };
  docs.forEach((d, doc) => {
    for (let i = 0; i < d.all.length; i++) add(d.all[i]!, doc, 0x9e3779b9);
    for (let i = 0; i < d.titles.length; i++) add(d.titles[i]!, doc, 0x7f4a7c15);
  });
  return prints;
}

/** Deflated at zlib's default level: level 9 took 65% longer for files 0.03% smaller (the documents' text at 1,000 documents: 2.4 s of the index's 20). */
const deflated = (bytes: Uint8Array | string) => deflateRawSync(bytes, { level: 6 }).toString('base64');

/** Write a file unless it holds these bytes already (the built site's files keep their dates, and a host's upload skips them). */
async function writeIfChanged(file: string, text: string): Promise<boolean> {
  if ((await readFile(file, 'utf8').catch(() => null)) === text) return false;
  await writeFile(file, text);
  return true;
}

const version = codeVersion(['scripts/search-index.ts']);
const ids = (await readdir(generated)).filter((f) => f.endsWith('.json')).sort().map((f) => f.slice(0, -'.json'.length));
// Each document's key from the content build's list (the digest of what its files are made from), or its file's contents.
const made = JSON.parse(await readFile(join(ROOT, 'src', 'generated', 'documents.json'), 'utf8').catch(() => '{}')) as Record<string, string>;
await mkdir(cacheDir, { recursive: true });

// 1. Each document's units and tokens, from the cache or worked out; each units file (PACK documents) written once its documents are read.
const docs: Tokens[] = [];
let worked = 0;
let written = 0;
await mkdir(join(out, 'u'), { recursive: true });
let pack: string[] = [];
const writePack = async () => {
  const name = unitsName(docs.length - pack.length, PACK);
  if (await writeIfChanged(join(out, `${name}.js`), indexFileText(name, pack))) written++;
  pack = [];
};
for (const id of ids) {
  const file = join(cacheDir, `${id}.v8`);
  const key = `${version}-${made[id] ?? createHash('sha256').update(await readFile(join(generated, `${id}.json`))).digest('hex')}`;
  let kept = existsSync(file) ? (deserialize(await readFile(file)) as Kept) : undefined;
  if (kept?.key !== key) {
    const d = indexedDocument(JSON.parse(await readFile(join(generated, `${id}.json`), 'utf8')));
    kept = { key, units: deflated(JSON.stringify(d)), ...documentTokens(d, table) };
    await writeFile(file, serialize(kept));
    worked++;
  }
  docs.push({ all: kept.all, titles: kept.titles });
  pack.push(kept.units);
  if (pack.length === PACK) await writePack();
}
if (pack.length) await writePack();
// Documents no longer in the corpus leave the cache.
const wanted = new Set(ids.map((id) => `${id}.v8`));
for (const f of await readdir(cacheDir)) if (!wanted.has(f)) await rm(join(cacheDir, f), { force: true });

// 2. The buckets whose pairs changed since the last build, a range of them per pass.
const n = docs.length;
const postings = docs.reduce((sum, d) => sum + d.all.length, 0);
const buckets = bucketCount(n, DOCS_PER_BUCKET);
await mkdir(join(out, 'b'), { recursive: true });
const prints = bucketPrints(docs, buckets);
const printsFile = join(config.cacheDir, 'search', 'buckets.v8');
const last = existsSync(printsFile) ? (deserialize(await readFile(printsFile)) as { version: string; n: number; prints: Uint32Array }) : undefined;
/** Whether a bucket is made again: its pairs, the corpus's size or the code changed, or its file is gone. */
const again = Array.from(
  { length: buckets },
  (_, b) => !(last?.version === version && last.n === n && last.prints.length === prints.length && [0, 1, 2].every((k) => last.prints[b * 3 + k] === prints[b * 3 + k]) && existsSync(join(out, `${bucketName(b)}.js`))),
);
const changedPostings = docs.reduce((sum, d) => {
  for (let i = 0; i < d.all.length; i++) if (again[bucketOf(d.all[i]!, buckets)]) sum++;
  return sum;
}, 0);
const passes = Math.max(1, Math.ceil(changedPostings / PASS_POSTINGS));
const perPass = Math.ceil(buckets / passes);
for (let from = 0; from < buckets; from += perPass) {
  const to = Math.min(buckets, from + perPass);
  if (!again.slice(from, to).some(Boolean)) continue;
  const inPass = (key: number) => {
    const b = bucketOf(key, buckets);
    return b >= from && b < to && again[b]!;
  };
  // Each pair as one number, key × 2^20 + document (exact in a double up to 2^20 documents), sorted.
  let count = 0;
  for (const d of docs) for (let i = 0; i < d.all.length; i++) if (inPass(d.all[i]!)) count++;
  const pairs = new Float64Array(count);
  let at = 0;
  docs.forEach((d, doc) => {
    for (let i = 0; i < d.all.length; i++) if (inPass(d.all[i]!)) pairs[at++] = d.all[i]! * 0x100000 + doc;
  });
  pairs.sort();
  const titles = new Map<number, number[]>();
  docs.forEach((d, doc) => {
    for (let i = 0; i < d.titles.length; i++) if (inPass(d.titles[i]!)) (titles.get(d.titles[i]!) ?? titles.set(d.titles[i]!, []).get(d.titles[i]!)!).push(doc);
  });
  // Each key's run of pairs written straight into its bucket (the pairs are in key order, so each bucket's keys are too).
  const writers = new Map<number, BucketWriter>();
  let run = new Uint32Array(1024);
  for (let i = 0; i < pairs.length; ) {
    const key = Math.floor(pairs[i]! / 0x100000);
    const base = key * 0x100000;
    let j = i;
    for (; j < pairs.length && pairs[j]! < base + 0x100000; j++) {
      if (j - i === run.length) {
        const grown = new Uint32Array(run.length * 2);
        grown.set(run);
        run = grown;
      }
      run[j - i] = pairs[j]! - base;
    }
    const b = bucketOf(key, buckets);
    const w = writers.get(b) ?? writers.set(b, new BucketWriter(n, buckets)).get(b)!;
    w.add(key, run.subarray(0, j - i), titles.get(key) ?? []);
    i = j;
  }
  for (let b = from; b < to; b++) {
    if (!again[b]) continue;
    const name = bucketName(b);
    if (await writeIfChanged(join(out, `${name}.js`), indexFileText(name, [deflated((writers.get(b) ?? new BucketWriter(n, buckets)).result())]))) written++;
    writers.delete(b);
  }
}

await writeFile(printsFile, serialize({ version, n, prints }));

// 3. The meta.
const packs = Math.ceil(n / PACK);
const meta: IndexMeta = { n, buckets, pack: PACK, table: packTable(table) };
await writeIfChanged(join(out, 'meta.js'), indexFileText('meta', [deflated(JSON.stringify(meta))]));
// Files of a larger index than this one (fewer buckets or documents now).
const keep = new Set([...Array.from({ length: buckets }, (_, b) => `${bucketName(b)}.js`), ...Array.from({ length: packs }, (_, p) => `${unitsName(p * PACK, PACK)}.js`)]);
for (const dir of ['b', 'u']) for (const f of await readdir(join(out, dir))) if (!keep.has(`${dir}/${f}`)) await rm(join(out, dir, f));

// 4. The search page's two scripts: a module over fetch (http) and a classic script over script elements (file://).
const bundle = { bundle: true, minify: true, target: 'es2020', logLevel: 'warning', legalComments: 'none' } as const;
await build({ ...bundle, entryPoints: [join(ROOT, 'src', 'search', 'client.ts')], format: 'esm', outfile: join(out, 'search-page.js') });
await build({ ...bundle, entryPoints: [join(ROOT, 'src', 'search', 'offline.ts')], format: 'iife', outfile: join(out, 'offline-search.js') });
console.log(
  `[search] ${n} documents indexed (${worked} worked out, ${n - worked} kept): ${postings} tokens in ${buckets} buckets, ${packs} units files; ${written} files written, in ${((performance.now() - started) / 1000).toFixed(2)} s`,
);
