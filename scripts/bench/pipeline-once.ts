/** Run the pipeline (no Astro) once over a folder and print time and peak memory as JSON. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processCorpus } from '../../src/pipeline/corpus.ts';

const dir = process.argv[2]!;
const files = readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
const start = performance.now();
const result = processCorpus(files, { documents: [] }, { documents: {} });
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, bytes, documents: result.documents.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
