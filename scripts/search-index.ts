/**
 * Build the search index after `astro build`: one Pagefind record per document, holding its folded
 * text one character per word (so that a quoted query is an exact substring match) and, as
 * metadata, its title and paragraphs with their ids (so one fragment gives every matching
 * paragraph). The fold table (traditional -> simplified) is written beside the index, and so is
 * the search page's scripts: over Pagefind (search-page.js, a module), and for a site opened from
 * disk (file://) the same units in a classic script (offline-data.js) with the same engine bundled
 * as a classic script (offline-search.js).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import * as pagefind from 'pagefind';
import { characterTable } from '../src/pipeline/script.ts';
import type { SearchUnit } from '../src/search/engine.ts';
import type { OfflineRecord } from '../src/search/offline.ts';
import { recordText, type FoldTable } from '../src/search/fold.ts';

const ROOT = join(import.meta.dirname, '..');
const generated = join(ROOT, 'src', 'generated', 'documents');
const out = join(ROOT, 'dist', 'pagefind');
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

const started = performance.now();
const table: FoldTable = characterTable();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
let records = 0;
const offline: OfflineRecord[] = [];
const files = (await readdir(generated)).filter((f) => f.endsWith('.json')).sort();
for (const file of files) {
  const d = JSON.parse(await readFile(join(generated, file), 'utf8'));
  const units: SearchUnit[] = [['', 'title', d.title], ...d.blocks.map((b: { id: string; type: string; text: string }) => [b.id, b.type === 'heading' ? 'heading' : 'body', b.text] as SearchUnit)];
  await index.addCustomRecord({
    url: `${base}docs/${d.id}/`,
    content: recordText(units.map((u) => u[2]), table),
    language: 'zh',
    meta: { title: d.title, doc: d.id, units: JSON.stringify(units) },
    filters: { doc: [d.id], ...(d.published ? { year: [String(d.published).slice(0, 4)] } : {}) },
  });
  offline.push({ path: `docs/${d.id}/`, title: d.title, doc: d.id, units });
  records++;
  if (files.length > 20 && records % 500 === 0) console.log(`[search] ${records}/${files.length} documents`);
}
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
await mkdir(out, { recursive: true });
await writeFile(join(out, 'fold.json'), JSON.stringify(table));
await writeFile(join(out, 'offline-data.js'), `window.KB_SEARCH=${JSON.stringify({ table, records: offline })};\n`);
// The search page's two scripts: a module over Pagefind (http) and a classic script over offline-data.js (file://).
const bundle = { bundle: true, minify: true, target: 'es2020', logLevel: 'warning', legalComments: 'none' } as const;
await build({ ...bundle, entryPoints: [join(ROOT, 'src', 'search', 'client.ts')], format: 'esm', outfile: join(out, 'search-page.js') });
await build({ ...bundle, entryPoints: [join(ROOT, 'src', 'search', 'offline.ts')], format: 'iife', outfile: join(out, 'offline-search.js') });
console.log(`[search] ${records} documents indexed in ${((performance.now() - started) / 1000).toFixed(2)} s`);
