/**
 * npm run search -- <query> [--json] [--limit N]: search the built index (dist/kb-search) from a
 * terminal, with the same engine, results and order as the browser.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { groupByDocument, search } from '../src/search/engine.ts';
import { parseIndexFile } from '../src/search/index-format.ts';
import { openSearchIndex } from '../src/search/index-reader.ts';

/** The index in a folder (dist/kb-search), its files read from disk; pages' URLs as the site at `/` gives them. */
export function openIndex(dir: string, base = '/') {
  return openSearchIndex(
    async (name) => {
      const [, ...payloads] = parseIndexFile(await readFile(join(dir, `${name}.js`), 'utf8'));
      return payloads.map((p) => new Uint8Array(inflateRawSync(Buffer.from(p, 'base64'))));
    },
    (doc) => `${base}docs/${doc}/`,
  );
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
  const { index, table } = await openIndex(join(import.meta.dirname, '..', 'dist', 'kb-search'));
  // Every result is found and counted; --limit bounds what is printed.
  const all = await search(index, table, query);
  const documents = groupByDocument(all).length;
  const results = all.slice(0, limit);
  if (json) console.log(JSON.stringify({ query, total: all.length, documents, results: results.map(({ url, title, excerpt, where, doc, section, text }) => ({ url, title, excerpt, where, doc, section, text })) }, null, 1));
  else {
    console.log(`${all.length} result(s) in ${documents} document(s) for ${query}${all.length > results.length ? ` (the first ${results.length} below)` : ''}`);
    for (const r of results) console.log(`${r.url}  ${r.title}\n  ${r.excerpt.replace(/<\/?mark>/g, '**')}`);
  }
}
