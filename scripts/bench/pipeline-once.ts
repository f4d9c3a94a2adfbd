/** Run the pipeline (no Astro) once over a folder, then write each document's HTML body, as the content build does; print JSON. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocksToHtml } from '../../src/generate/body.ts';
import { processCorpus } from '../../src/pipeline/corpus.ts';

const dir = process.argv[2]!;
const files = readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
let start = performance.now();
const result = await processCorpus(files, { documents: [] }, { documents: {} });
const pipelineMs = performance.now() - start;
start = performance.now();
for (const d of result.documents) {
  blocksToHtml(d.blocks);
}
const renderMs = performance.now() - start;
console.log(JSON.stringify({ pipelineMs, renderMs, bytes, documents: result.documents.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
