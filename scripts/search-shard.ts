/**
 * Index one shard of the corpus with Pagefind (a process of its own, so that shards can be built
 * side by side and each gives its memory back when it ends); scripts/search-index.ts runs it.
 * Writes the shard's Pagefind files, with its documents' units files in place of Pagefind's fragments
 * (scripts/lib/search-units.ts), and its documents' records for the file:// search (comma-separated JSON).
 * Usage: tsx scripts/search-shard.ts <output folder> <records file> <document id>...
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { characterTable } from '../src/pipeline/script.ts';
import type { SearchDocument } from '../src/search/engine.ts';
import { INDEX_LANGUAGE, offlineRecord, pagefindRecord, searchDocument } from '../src/search/records.ts';
import { writeUnits } from './lib/search-units.ts';

const ROOT = join(import.meta.dirname, '..');
const generated = join(ROOT, 'src', 'generated', 'data', 'documents');
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
/** Pagefind's files for its own UIs: this site has its own search page and never loads them. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** Records sent to Pagefind before waiting for its answers. */
const IN_FLIGHT = 16;

const [outputPath, recordsPath, ...ids] = process.argv.slice(2);
if (!outputPath || !recordsPath) throw new Error('usage: tsx scripts/search-shard.ts <output folder> <records file> <document id>...');
const table = characterTable();
const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
let pending: Promise<unknown>[] = [];
const offline: string[] = [];
const byUrl = new Map<string, SearchDocument>();
for (const id of ids) {
  const d = JSON.parse(await readFile(join(generated, `${id}.json`), 'utf8'));
  const doc = searchDocument(d, base);
  offline.push(JSON.stringify(offlineRecord(doc, base)));
  byUrl.set(doc.url, doc);
  pending.push(
    index.addCustomRecord(pagefindRecord(doc, d.published, table)).then((r) => {
      if (r.errors.length) throw new Error(`pagefind, document ${id}: ${r.errors.join('; ')}`);
    }),
  );
  if (pending.length >= IN_FLIGHT) {
    await Promise.all(pending);
    pending = [];
  }
}
await Promise.all(pending);
const written = await index.writeFiles({ outputPath });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
for (const f of await readdir(outputPath)) if (UNUSED.test(f)) await rm(join(outputPath, f));
await writeUnits(outputPath, byUrl);
await writeFile(recordsPath, offline.join(','));
