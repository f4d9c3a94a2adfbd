/**
 * npm run bench: the pipeline's throughput (MB/s of text, without Astro), one 8 MB document
 * through the pipeline (time and peak memory), and the whole build of the seeds. Prints a table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const seeds = join(root, 'seeds');

function pipelineOnce(dir: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'pipeline-once.ts'), dir], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { pipelineMs: number; renderMs: number; bytes: number; documents: number; maxRssMB: number };
}

function timed(cmd: string, args: string[]): number {
  const start = performance.now();
  execFileSync(cmd, args, { cwd: root, stdio: 'ignore' });
  return performance.now() - start;
}

const rows: [string, string, string][] = [];

// 1. Throughput: the seeds, copied 40 times with a numbered line so none deduplicates away.
const many = mkdtempSync(join(tmpdir(), 'kb-bench-'));
for (let i = 0; i < 40; i++) {
  for (const name of readdirSync(seeds)) writeFileSync(join(many, `${i}-${name}`), `${readFileSync(join(seeds, name), 'utf8')}\n第${i}份副本。\n`);
}
const t = pipelineOnce(many);
rows.push(['pipeline throughput (200 docs, decode..identify)', `${((t.bytes / 1e6) / (t.pipelineMs / 1000)).toFixed(2)} MB/s`, `${(t.bytes / 1e6).toFixed(1)} MB in ${(t.pipelineMs / 1000).toFixed(2)} s`]);
rows.push(['  + MDX generation and rendering', `${((t.bytes / 1e6) / ((t.pipelineMs + t.renderMs) / 1000)).toFixed(2)} MB/s`, `render ${(t.renderMs / 1000).toFixed(2)} s, peak ${t.maxRssMB.toFixed(0)} MB`]);
rmSync(many, { recursive: true, force: true });

// 2. One 8 MB document.
const big = mkdtempSync(join(tmpdir(), 'kb-bench-big-'));
const paragraph = readFileSync(join(seeds, '001_22c9feea7e663964.txt'), 'utf8');
let text = '';
for (let i = 0; Buffer.byteLength(text) < 8 * 1024 * 1024; i++) text += paragraph.replaceAll('。', `。(${i})`);
writeFileSync(join(big, 'big.txt'), text);
const b = pipelineOnce(big);
rows.push(['8 MB document: pipeline', `${(b.pipelineMs / 1000).toFixed(2)} s`, '']);
rows.push(['8 MB document: pipeline + MDX + render', `${((b.pipelineMs + b.renderMs) / 1000).toFixed(2)} s`, `peak ${b.maxRssMB.toFixed(0)} MB (targets: < 10 s, < 1 GB)`]);
rmSync(big, { recursive: true, force: true });

// 3. The whole build of the seeds (content + Astro), twice; the second is the one reported.
timed('npx', ['tsx', 'scripts/build-content.ts']);
const content = timed('npx', ['tsx', 'scripts/build-content.ts']);
const astro = timed('npx', ['astro', 'build']);
rows.push(['seeds: content build (tsx start-up included)', `${(content / 1000).toFixed(2)} s`, '']);
rows.push(['seeds: astro build', `${(astro / 1000).toFixed(2)} s`, '']);
rows.push(['seeds: full build', `${((content + astro) / 1000).toFixed(2)} s`, 'target: < 15 s']);

const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`${'measure'.padEnd(w[0]!)}  ${'result'.padEnd(w[1]!)}  notes`);
for (const r of rows) console.log(`${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2]}`);
