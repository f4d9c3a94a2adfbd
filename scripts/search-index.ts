/**
 * Build the search index after `astro build`: one Pagefind record per paragraph (and one per
 * document title), holding the folded text one character per word, so that a quoted query is an
 * exact substring match. The fold table (traditional -> simplified) is written beside the index.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import * as OpenCC from 'opencc-js/t2cn';
import { fold, phraseText, type FoldTable } from '../src/search/fold.ts';

const ROOT = join(import.meta.dirname, '..');
const generated = join(ROOT, 'src', 'generated', 'documents');
const out = join(ROOT, 'dist', 'pagefind');
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/** Every CJK character that OpenCC's tw -> cn conversion changes, as a one-to-one table. */
function foldTable(): FoldTable {
  const convert: (s: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const table: FoldTable = {};
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const c = String.fromCodePoint(cp);
    const s = convert(c);
    if (s !== c && Array.from(s).length === 1) table[c] = s;
  }
  return table;
}

const started = performance.now();
const table = foldTable();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
let records = 0;
const files = (await readdir(generated)).filter((f) => f.endsWith('.json')).sort();
for (const file of files) {
  const d = JSON.parse(await readFile(join(generated, file), 'utf8'));
  const url = `${base}docs/${d.id}/`;
  const year = d.published ? [String(d.published).slice(0, 4)] : [];
  const common = { doc: [d.id], ...(year.length ? { year } : {}) };
  await index.addCustomRecord({ url, content: phraseText(fold(d.title, table)), language: 'zh', meta: { title: d.title, doc: d.id, text: d.title, where: 'title' }, filters: { ...common, kind: ['title'] }, sort: { rank: '0' } });
  records++;
  let heading = '';
  for (const b of d.blocks) {
    if (b.type === 'heading') heading = b.text;
    await index.addCustomRecord({
      url: `${url}#p-${b.id}`,
      content: phraseText(fold(b.text, table)),
      language: 'zh',
      meta: { title: d.title, doc: d.id, text: b.text, where: b.type === 'heading' ? 'heading' : 'body', ...(heading && b.type !== 'heading' ? { section: heading } : {}) },
      filters: { ...common, kind: [b.type === 'heading' ? 'heading' : 'body'] },
      // Titles, then headings, then body text: the engine loads fragments in this order.
      sort: { rank: b.type === 'heading' ? '1' : '2' },
    });
    records++;
  }
  if (files.length > 20 && records % 5000 < d.blocks.length + 1) console.log(`[search] ${records} records`);
}
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
await mkdir(out, { recursive: true });
await writeFile(join(out, 'fold.json'), JSON.stringify(table));
console.log(`[search] ${records} records from ${files.length} documents indexed in ${((performance.now() - started) / 1000).toFixed(2)} s`);
