import { readFileSync, readdirSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { documentToMdx } from './src/generate/mdx.ts';
const dir = '/tmp/kb-site-slffm7/.cache/documents/' + readdirSync('/tmp/kb-site-slffm7/.cache/documents')[0];
const docs = readdirSync(dir).filter((f) => f.startsWith('pipeline-')).slice(0, 300).map((f) => (deserialize(readFileSync(`${dir}/${f}`)) as any).document.blocks);
const t = performance.now(); let n = 0;
for (const b of docs) n += documentToMdx(b).length;
console.log(((performance.now() - t) / docs.length).toFixed(2), 'ms per document', n);
