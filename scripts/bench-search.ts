/**
 * npm run bench:search: precision and recall of our search against plain Pagefind (out of the box,
 * over the same reading pages) on the query set, and latency and bytes in Chromium.
 * Needs a built site (npm run build) and Chromium for the latency part.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { search } from '../src/search/engine.ts';
import { fold, queryParts } from '../src/search/fold.ts';
import { serve } from './lib/serve.ts';
import { firstQuery, laterQueries } from './bench/first-query.ts';
import { openIndex } from './search.ts';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

interface PlainPagefind {
  search(term: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

/** Plain Pagefind's browser API in Node (for the comparison): it fetches its index files, so it gets a file-reading fetch. */
async function plainPagefind(dir: string): Promise<PlainPagefind> {
  const nativeFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'file:') return nativeFetch(input, init);
    return new Response(await readFile(url));
  }) as typeof fetch;
  const pf = (await import(pathToFileURL(join(dir, 'pagefind.js')).href)) as PlainPagefind & { options(o: object): Promise<void>; init(): Promise<void> };
  await pf.options({ basePath: pathToFileURL(`${dir}/`).href, baseUrl: '/' });
  await pf.init();
  return pf;
}

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const queries = readFileSync(join(root, 'test', 'fixtures', 'search-queries.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));

// Expected: documents with a title or paragraph that contains every part of the query.
const docs = readdirSync(join(root, 'src', 'generated', 'documents')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(root, 'src', 'generated', 'documents', f), 'utf8')) as { id: string; title: string; blocks: { text: string }[] });
const ours = await openIndex(join(dist, 'kb-search'));
const expectedDocs = (q: string) => {
  const parts = queryParts(q, ours.table);
  return new Set(docs.filter((d) => [d.title, ...d.blocks.map((b) => b.text)].some((t) => parts.every((p) => fold(t, ours.table).includes(p)))).map((d) => d.id));
};

// Plain Pagefind: its CLI over the reading pages, default settings, in a separate output folder.
const plainDir = mkdtempSync(join(tmpdir(), 'kb-plain-pagefind-'));
execFileSync('npx', ['pagefind', '--site', dist, '--glob', 'docs/*/index.html', '--output-path', plainDir], { cwd: root, stdio: 'ignore' });
const plain = { pf: await plainPagefind(plainDir) };

const row = (name: string, got: Set<string>, want: Set<string>) => {
  const hit = [...got].filter((x) => want.has(x)).length;
  return { name, p: got.size ? hit / got.size : 1, r: want.size ? hit / want.size : 1, hit, got: got.size, want: want.size };
};
const totals = { ours: { hit: 0, got: 0, want: 0 }, plain: { hit: 0, got: 0, want: 0 } };
console.log(`${'query'.padEnd(22)} expected  ours P/R     plain Pagefind P/R`);
for (const q of queries) {
  const want = expectedDocs(q);
  const mine = new Set((await search(ours.index, ours.table, q)).map((r) => /\/docs\/(\w+)\//.exec(r.url)![1]!));
  const theirsRaw = await plain.pf.search(q);
  const theirs = new Set((await Promise.all(theirsRaw.results.map((r) => r.data()))).map((d) => /\/docs\/(\w+)\//.exec(d.url)?.[1] ?? d.url));
  const a = row(q, mine, want);
  const b = row(q, theirs, want);
  for (const [k, v] of [['ours', a], ['plain', b]] as const) {
    totals[k].hit += v.hit;
    totals[k].got += v.got;
    totals[k].want += v.want;
  }
  console.log(`${q.padEnd(22)} ${String(want.size).padStart(8)}  ${a.p.toFixed(2)}/${a.r.toFixed(2)}    ${b.p.toFixed(2)}/${b.r.toFixed(2)}`);
}
const pr = (t: { hit: number; got: number; want: number }) => `${(t.hit / t.got).toFixed(3)}/${(t.hit / t.want).toFixed(3)}`;
console.log(`overall (micro, documents)      ours ${pr(totals.ours)}   plain Pagefind ${pr(totals.plain)}   (${queries.length} queries)`);

// Latency and bytes in Chromium on a local server.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromiumPath)) {
  const { url: base, server } = await serve(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  // First query: the reader opens /search/?q=… in a fresh browser context; eleven runs, the median.
  const first = await firstQuery(browser, base, '医联体', 11);
  const cold = first.ms;
  // Later queries, typed into the same page once it has answered a first one (the first-query bench's measure).
  const warm = await laterQueries(browser, base, '医联体', ['华西医院', '县域医共体', '醫聯體', '双向转诊', 'HMO', '医联体 HMO', '分級診療']);
  console.log(`latency in Chromium: first query ${cold.toFixed(0)} ms from opening /search/?q= (target < 400); later queries median ${warm[Math.floor(warm.length / 2)]!.toFixed(0)} ms, slowest ${warm.at(-1)!.toFixed(0)} ms (target < 50)`);
  console.log(`downloaded for the first query, page included: ${(first.raw / 1024).toFixed(1)} KB in ${first.requests} requests as served here, ${(first.gzip / 1024).toFixed(1)} KB from a host that compresses text (target < 250 KB)`);
  await browser.close();
  server.close();
}
