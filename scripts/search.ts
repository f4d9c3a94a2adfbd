/**
 * npm run search -- <query> [--json] [--limit N]: search the built index (dist/pagefind, with its shards) from a
 * terminal, with the same engine, results and order as the browser.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pagefindIndex } from '../src/search/documents.ts';
import { groupByDocument, search, type PagefindApi, type SearchIndex } from '../src/search/engine.ts';
import { unpackTable, type FoldTable } from '../src/search/fold.ts';

/**
 * Load Pagefind's browser API in Node: it fetches its index files (and the engine its units files),
 * so give it a file-reading fetch. `pf` is Pagefind itself (the benchmark also opens a plain
 * Pagefind index with it), `index` the engine's view of ours.
 */
export async function openIndex(dir: string, options: { fold?: boolean } = {}): Promise<{ pf: PagefindApi; index: SearchIndex; table: FoldTable }> {
  const nativeFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'file:') return nativeFetch(input, init);
    return new Response(await readFile(url));
  }) as typeof fetch;
  const pf = (await import(pathToFileURL(join(dir, 'pagefind.js')).href)) as PagefindApi & { options(o: object): Promise<void>; init(): Promise<void>; mergeIndex(path: string, o: object): Promise<void> };
  await pf.options({ basePath: pathToFileURL(`${dir}/`).href, baseUrl: '/' });
  await pf.init();
  // A large corpus's other shards (scripts/search-index.ts).
  const shards = JSON.parse(await readFile(join(dir, 'shards.json'), 'utf8').catch(() => '[]')) as string[];
  for (const shard of shards) await pf.mergeIndex(pathToFileURL(join(dir, shard, '/')).href, { baseUrl: '/' });
  const table = options.fold === false ? {} : unpackTable(JSON.parse(await readFile(join(dir, 'fold.json'), 'utf8')) as string);
  return { pf, index: pagefindIndex(pf, pathToFileURL(`${dir}/`).href), table };
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isMain) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 20;
  const query = args.filter((a, i) => a !== '--json' && !(limitAt >= 0 && (i === limitAt || i === limitAt + 1))).join(' ');
  if (!query) {
    console.error('usage: npm run search -- <query> [--json] [--limit N]');
    process.exit(2);
  }
  const { index, table } = await openIndex(join(import.meta.dirname, '..', 'dist', 'pagefind'));
  // Every result is found and counted (the browser's counts are these); --limit bounds what is printed.
  const all = await search(index, table, query);
  const documents = groupByDocument(all).length;
  const results = all.slice(0, limit);
  if (json) console.log(JSON.stringify({ query, total: all.length, documents, results: results.map(({ url, title, excerpt, where, doc, section, text }) => ({ url, title, excerpt, where, doc, section, text })) }, null, 1));
  else {
    console.log(`${all.length} result(s) in ${documents} document(s) for ${query}${all.length > results.length ? ` (the first ${results.length} below)` : ''}`);
    for (const r of results) console.log(`${r.url}  ${r.title}\n  ${r.excerpt.replace(/<\/?mark>/g, '**')}`);
  }
}
