/**
 * npm run bench: the date and figure extractors' accuracy on dev-web, the pipeline's throughput
 * (MB/s of text, without Astro), one 8 MB document through the pipeline (time and peak memory),
 * the whole build of the seeds, Lighthouse scores of the built pages, and the build at corpus
 * sizes (synthetic corpora of BENCH_SIZES documents, default 100 and 1000: each stage's time and
 * peak memory, pages per second, sizes, and one document changed, added, removed). Prints a table
 * and writes it to BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { describe as describeScore, extractionAccuracy } from './bench/extraction-accuracy.ts';
import { DEV_WEB, expectedDocument, expectedDocuments, LONG_TERM_CARE } from './bench/labelled-corpus.ts';
import { documentEvents } from '../src/extract/events.ts';
import { termEvidence } from '../src/extract/term-evidence.ts';
import { reading } from '../src/extract/reading.ts';
import type { DocumentText } from '../src/pipeline/types.ts';

/** A document's events worked out again (a reading of its own: its dates read anew). */
function readEventsAgain(d: DocumentText) {
  return documentEvents(reading(d));
}
import { scaleMarkdown, type ScaleResult } from './bench/scale.ts';
import { cleanBenchCorpora, cleanBenchTotals } from './lib/clean-bench.ts';
import { scoreCorpus } from './lib/clean-score.ts';
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

// 0. Dates and figures against the expected ones (extraction-accuracy.ts): dev-web, whole and without
// its HTML, Markdown and Word files (read crudely until the pipeline reads them), and long-term-care.
const accuracy = extractionAccuracy();
const plainText = extractionAccuracy((file) => file.endsWith('.txt'));
const longTermCare = extractionAccuracy(() => true, LONG_TERM_CARE);
// The found glossary's per-document evidence, against the timeline's reading of the same documents (CPU time per character of text).
{
  const docs = [DEV_WEB, LONG_TERM_CARE].flatMap((dir) => expectedDocuments(dir).map((e) => expectedDocument(e, dir)));
  const chars = docs.reduce((n, d) => n + d.blocks.reduce((m, b) => m + ('text' in b ? b.text.length : 'items' in b ? b.items.join('').length : b.rows.flat().join('').length), 0), 0);
  const cpu = (f: () => void) => {
    f();
    const t0 = process.cpuUsage();
    for (let i = 0; i < 10; i++) f();
    const u = process.cpuUsage(t0);
    return (u.user + u.system) / 10 / chars;
  };
  const evidence = cpu(() => docs.forEach(termEvidence));
  const events = cpu(() => docs.forEach((d) => readEventsAgain(d)));
  rows.push(['found glossary: evidence per character', `${evidence.toFixed(2)} µs`, `CPU, ${chars} characters of dev-web and long-term-care; the timeline's events of the same documents: ${events.toFixed(2)} µs`]);
}
for (const [name, s, t, l] of [['dates', accuracy.dates, plainText.dates, longTermCare.dates], ['figures', accuracy.figures, plainText.figures, longTermCare.figures]] as const) {
  rows.push([`dev-web ${name}: accuracy`, `${(100 * s.accuracy).toFixed(1)}%`, `${describeScore(name, s)}; the 10 plain-text files alone: ${(100 * t.accuracy).toFixed(1)}%`]);
  rows.push([`long-term-care ${name}: accuracy`, `${(100 * l.accuracy).toFixed(1)}%`, describeScore(name, l)]);
}
// 0. Cleaning on labelled pages (npm run bench:clean prints it per kind of site, and every miss).
for (const [name, { all, plainText }] of Object.entries(cleanBenchTotals(await Promise.all(cleanBenchCorpora(root).map(scoreCorpus))))) {
  const t = plainText;
  rows.push([`cleaning: ${name} (${t.documents} plain-text documents)`, `${((100 * t.boilerplateRemoved) / t.boilerplate).toFixed(1)}% boilerplate removed`, `${t.boilerplateRemoved}/${t.boilerplate} boilerplate lines, ${t.contentLost}/${t.content} content lines lost; titles ${t.titlesRight}/${t.titles} (all formats ${all.titlesRight}/${all.titles}), dates ${t.publishedRight}/${t.published}, publishers ${t.publishersRight}/${t.publishers}`]);
}
const corpus0 = () => JSON.parse(readFileSync(join(root, 'dist', 'data', 'corpus.json'), 'utf8')) as { documents: { id: string; source: string }[] };

// 1. Throughput: 40 documents made from the seeds. Copy k of a seed is 1.3^k times as long (filled
// with the other seeds' text), so no two are near-identical and none deduplicates away.
const many = mkdtempSync(join(tmpdir(), 'kb-bench-'));
const texts = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort().map((name) => readFileSync(join(seeds, name), 'utf8'));
texts.forEach((text, s) => {
  for (let k = 0; k < 8; k++) {
    let doc = text;
    for (let j = 1; doc.length < text.length * 1.3 ** k; j++) doc += `\n\n${texts[(s + j) % texts.length]}`;
    writeFileSync(join(many, `${s}-${k}.txt`), doc.slice(0, Math.ceil(text.length * 1.3 ** k)));
  }
});
const t = pipelineOnce(many);
rows.push([`pipeline throughput (${t.documents} docs, decode..identify)`, `${((t.bytes / 1e6) / (t.pipelineMs / 1000)).toFixed(2)} MB/s`, `${(t.bytes / 1e6).toFixed(1)} MB in ${(t.pipelineMs / 1000).toFixed(2)} s`]);
rows.push(['  + HTML bodies', `${((t.bytes / 1e6) / ((t.pipelineMs + t.renderMs) / 1000)).toFixed(2)} MB/s`, `render ${(t.renderMs / 1000).toFixed(2)} s, peak ${t.maxRssMB.toFixed(0)} MB`]);
rmSync(many, { recursive: true, force: true });

// 2. One 8 MB document.
const big = mkdtempSync(join(tmpdir(), 'kb-bench-big-'));
const paragraph = readFileSync(join(seeds, '001_22c9feea7e663964.txt'), 'utf8');
let text = '';
for (let i = 0; Buffer.byteLength(text) < 8 * 1024 * 1024; i++) text += paragraph.replaceAll('。', `。(${i})`);
writeFileSync(join(big, 'big.txt'), text);
const b = pipelineOnce(big);
rows.push(['8 MB document: pipeline', `${(b.pipelineMs / 1000).toFixed(2)} s`, '']);
rows.push(['8 MB document: pipeline + HTML', `${((b.pipelineMs + b.renderMs) / 1000).toFixed(2)} s`, `peak ${b.maxRssMB.toFixed(0)} MB (targets: < 10 s, < 1 GB)`]);
rmSync(big, { recursive: true, force: true });

// 2b. Time per format (scripts/bench/formats.ts): a 50-page PDF, a 2 MB HTML page, a 1 MB Markdown note, a Word file of 1 MB of XML.
const formats = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'formats.ts')], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1)!) as { name: string; bytes: number; readMs: number; pipelineMs: number; blocks: number; pages: number }[];
for (const f of formats) {
  const what = f.name.endsWith('.pdf') ? `a ${f.pages}-page PDF` : f.name.endsWith('.html') ? `a ${(f.bytes / 2 ** 20).toFixed(1)} MB HTML page` : f.name.endsWith('.md') ? `a ${(f.bytes / 2 ** 20).toFixed(1)} MB Markdown note` : 'a Word file of 1 MB of XML';
  rows.push([`format: ${what}`, `${(f.pipelineMs / 1000).toFixed(2)} s`, `read and pipeline, ${f.blocks} blocks; the first read ${(f.readMs / 1000).toFixed(2)} s${f.name.endsWith('.pdf') ? ' (loads pdf.js and its CJK maps)' : ''}`]);
}

// 2c. Main content of HTML pages: ours against Mozilla Readability on dev-web's labelled pages (scripts/bench/readability.ts).
const compared = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'readability.ts')], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1)!) as { file: string; mustShow: number; mustNotShow: number; ours: { shown: number; leaked: number; characters: number }; readability: { shown: number; leaked: number; characters: number } }[];
for (const c of compared) {
  rows.push([`HTML main content: ${c.file}`, `${c.ours.shown}/${c.mustShow} shown, ${c.ours.leaked}/${c.mustNotShow} leaked`, `Readability (100-character threshold): ${c.readability.shown}/${c.mustShow} shown, ${c.readability.leaked}/${c.mustNotShow} leaked; ${c.ours.characters} vs ${c.readability.characters} characters`]);
}

// 3. The build of the seeds stage by stage (the content build twice; the second is the one reported), then as npm run build runs it.
timed('npx', ['tsx', 'scripts/build-content.ts']);
const content = timed('npx', ['tsx', 'scripts/build-content.ts']);
const astro = timed('npx', ['astro', 'build']);
const searchIndex = timed('npx', ['tsx', 'scripts/search-index.ts']);
rows.push(['seeds: content build (tsx start-up included)', `${(content / 1000).toFixed(2)} s`, '']);
rows.push(['seeds: astro build', `${(astro / 1000).toFixed(2)} s`, '']);
rows.push(['seeds: search index', `${(searchIndex / 1000).toFixed(2)} s`, '']);
rows.push(['seeds: the three one after another', `${((content + astro + searchIndex) / 1000).toFixed(2)} s`, '']);
const full = timed('npx', ['tsx', 'scripts/build.ts']);
rows.push(['seeds: full build (npm run build)', `${(full / 1000).toFixed(2)} s`, 'Astro beside the search index; target: < 15 s']);
const indexBytes = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? indexBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
rows.push(['the stylesheet (one for the site, linked by every page)', `${(readdirSync(join(root, 'dist', '_astro')).filter((f) => f.endsWith('.css')).reduce((n, f) => n + statSync(join(root, 'dist', '_astro', f)).size, 0) / 1024).toFixed(1)} KB`, 'cached by the browser after the first page']);
rows.push(['seeds: search index size', `${(indexBytes(join(root, 'dist', 'kb-search')) / 1024).toFixed(0)} KB`, 'all of dist/kb-search: the index (with the fold table) and the search page scripts, for http and file:// alike']);

// 4. Page weight: bytes a reader downloads per page kind (HTML with its inline CSS; no other files).
const size = (p: string) => statSync(join(root, 'dist', p)).size;
const trad = corpus0().documents.find((d) => d.source.startsWith('003'))?.id;
for (const [kind, path] of [
  ['home', 'index.html'],
  ['document list', 'docs/index.html'],
  ['reading page (000, 9,100 characters)', `docs/${corpus0().documents.find((d) => d.source.startsWith('000'))?.id}/index.html`],
  ...(trad ? [['reading page (003, traditional)', `docs/${trad}/index.html`]] : []),
  ['source page (000)', `docs/${corpus0().documents.find((d) => d.source.startsWith('000'))?.id}/source/index.html`],
] as [string, string][]) {
  rows.push([`page weight: ${kind}`, `${(size(path) / 1024).toFixed(1)} KB`, 'HTML, uncompressed (the one stylesheet, linked by every page, is counted once below); no script file']);
}

// 5. Lighthouse on the built pages: a reading page, a source page, the list, the search page with a query.
const corpus = corpus0();
const readingPage = corpus.documents.find((d) => d.source.startsWith('000'))?.id ?? corpus.documents[0]!.id;
const lh = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'lighthouse.ts'), `docs/${readingPage}/`, `docs/${readingPage}/source/`, 'docs/', 'search/?q=%E5%8C%BB%E8%81%94%E4%BD%93'], { cwd: root, encoding: 'utf8' });
const scores = JSON.parse(lh.trim().split('\n').at(-1)!) as Record<string, Record<string, number>>;
for (const [page, s] of Object.entries(scores)) {
  rows.push([`lighthouse /${page}`, `${s.performance}/${s.accessibility}/${s['best-practices']}/${s.seo}`, 'performance/accessibility/best practices/SEO (targets 98/100/100/100)']);
}

// 6. The build at corpus sizes, each in its own process (scale.ts), one JSON line per size. The
// folders of a size are removed when all are done, not before the next size's build (lib/leftovers.ts).
const sizes = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number).filter((n) => n > 0);
const leftovers = mkdtempSync(join(tmpdir(), 'kb-bench-leftovers-'));
process.env.BENCH_LEFTOVERS = leftovers;
// A size that fails is reported with its error, after the others (a failure must not lose the rest).
const failed: string[] = [];
const scale = sizes.flatMap((n) => {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'scale.ts'), String(n)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const line = out.trim().split('\n').at(-1)!;
    console.log(`[scale] ${line}`);
    return [JSON.parse(line) as ScaleResult];
  } catch (err) {
    const message = String((err as { stderr?: string }).stderr || (err as Error).message);
    failed.push(`${n} documents: the build failed: ${message.match(/\w*Error: [^\n]*/)?.[0] ?? message.slice(-300)}`);
    return [];
  }
});
rmSync(leftovers, { recursive: true, force: true });

const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`machine: ${machine}`);
console.log(`${'measure'.padEnd(w[0]!)}  ${'result'.padEnd(w[1]!)}  notes`);
for (const r of rows) console.log(`${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2]}`);
const scaleTable = `${scaleMarkdown(scale)}${failed.map((f) => `\n\n${f}`).join('')}`;
console.log(`\n${scaleTable}`);
writeFileSync(
  join(root, 'BENCHMARKS.md'),
  `# Benchmarks\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${machine}.\nReproduce: \`npm install\`, then \`npm run bench\` (\`BENCH_SIZES=100,1000,5000 npm run bench\` for other corpus sizes).\n\n## The seeds and the pipeline\n\n| measure | result | notes |\n| --- | --- | --- |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n## At corpus sizes\n\nSynthetic corpora (\`scripts/bench/synthetic.ts\`): documents of about 24,000 characters (some 30 pages) made from the seeds' paragraphs, each with a third of its kinds of characters swapped so that none is a near-duplicate of another. Times are wall seconds on the 2 cores. The build runs as \`npm run build\` does (\`scripts/build.ts\`): the content build (for 60 documents or more with worker threads, one per core: each takes its share of the files through the pipeline, then each of its documents' extraction and files; then the extractors' merges, side by side in the two threads, those another merge needs first, and from 3,000 documents the timeline's and the glossary's one after the other); the search index (\`scripts/search-index.ts\`, its own format: one process at a lower priority) as soon as the documents' data is written, beside the content build's corpus-wide merges and Astro; Astro (four pages at a time, \`dist/\` kept from the build before) below 3,000 files started as the content build begins (once it has copied the authored pages, all Astro bundles of the corpus), at the index's priority, bundling while the content build runs and rendering once it is done (its time counts from its start), and from 3,000 files when the content build is done. The machine's two cores are shared with other engineers' work (tests, builds), so every time here is noisy: compare figures of one run with each other, and expect ±10% or more from one run to the next. Each stage's time and peak memory (all its processes together, sampled every 0.3 s) is as \`scripts/build.ts\` prints it; stages overlap, so they add up to more than the whole, whose peak is of all processes together (sampled every 0.2 s). Each build starts from nothing (no caches); the rebuilds then run in the same folder, with the caches of the build before. Then Starlight builds the same documents (from nothing each time) and ours builds them again in a new copy of the project, one after the other, until each has built them ${process.env.BENCH_PAIRS ?? 3} times (ours counting its first build): the machine's speed drifts from one minute to the next, so the two are compared by their medians. Above 1,000 documents only the full build is measured (\`BENCH_SIDE_BY_SIDE\` raises that limit).\n\n${scaleTable}\n`,
);
