/**
 * The build at corpus sizes: a synthetic corpus (synthetic.ts) of each size is built in a copy of
 * the project with `npm run build` (scripts/build.ts, which prints each stage's time and peak
 * memory; stages overlap), timed with the peak memory of all its processes; then one document is
 * changed, one added and one removed, and each rebuild is timed. Then the same documents are built
 * with Starlight and ours again, one after the other (BENCH_PAIRS times each, ours in a new copy
 * each time): a machine whose speed drifts from one minute to the next slows both alike, and the
 * medians are compared.
 * Prints one JSON line per size. Usage: tsx scripts/bench/scale.ts 100 1000 5000
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure as measureCommand } from '../lib/measure.ts';
import { setAside } from '../lib/leftovers.ts';
import { cleanEnv, copyProject } from '../lib/project.ts';
import { chromium } from 'playwright-core';
import { serve } from '../lib/serve.ts';
import { firstQuery, laterQueries, type FirstQuery } from './first-query.ts';
import { prepareStarlight, type StarlightBuild } from './starlight.ts';
import { writeSyntheticCorpus } from './synthetic.ts';

export interface StageTime {
  seconds: number;
  peakMB: number;
}

/** Run one build stage in `dir`: wall seconds, peak memory of all its processes together. */
function stage(dir: string, env: NodeJS.ProcessEnv, [command, ...args]: string[]): Promise<StageTime & { log: string }> {
  return measureCommand(command!, args, { cwd: dir, env: cleanEnv(env) });
}

/** The largest corpus also built with Starlight and rebuilt after a change, an addition and a removal. */
const SIDE_BY_SIDE = Number(process.env.BENCH_SIDE_BY_SIDE) || 1000;
/** How many times each build of the side by side runs (Starlight's, and ours counting the first). */
const PAIRS = process.env.BENCH_PAIRS === '0' ? 0 : Math.max(1, Number(process.env.BENCH_PAIRS) || 3);

/** The middle value (the mean of the middle two for an even count). */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round(((s[mid - 1]! + s[mid]!) / 2) * 100) / 100;
}

/** `npm run build` (scripts/build.ts): the content build, the search index's shards beside it, Astro, then the index into dist/. */
const BUILD = [process.execPath, '--import', 'tsx', 'scripts/build.ts'];

/** One stage's seconds and peak memory, as scripts/build.ts printed them. */
function stageOf(log: string, name: string): StageTime {
  // Not anchored to a line's start: the stages' output is interleaved, and a line of Astro's may still be open.
  const m = new RegExp(`\\[build\\] ${name} done in ([\\d.]+) s, peak (\\d+) MB`).exec(log);
  if (!m) throw new Error(`no time for ${name} in the build's output`);
  return { seconds: Number(m[1]), peakMB: Number(m[2]) };
}

async function build(dir: string, env: NodeJS.ProcessEnv) {
  const all = await stage(dir, env, [...BUILD]);
  const stages = {
    content: stageOf(all.log, 'content'),
    astro: stageOf(all.log, 'astro'),
    search: stageOf(all.log, 'search'),
  };
  return { stages, seconds: all.seconds, peakMB: all.peakMB, log: all.log };
}

function bytes(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((n, f) => n + bytes(join(path, f)), 0) : s.size;
}

/** How many files dist/ holds, and its largest. */
function distFiles(dist: string): { files: number; largest: string; largestMB: number } {
  let files = 0;
  let largest = { path: '', size: 0 };
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else {
        files++;
        const size = statSync(path).size;
        if (size > largest.size) largest = { path: path.slice(dist.length + 1), size };
      }
    }
  };
  walk(dist);
  return { files, largest: largest.path, largestMB: Math.round(largest.size / 1e5) / 10 };
}

function count(path: string, test: (name: string) => boolean): number {
  return readdirSync(path, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(path, e.name), test) : test(e.name) ? 1 : 0), 0);
}

/** Queries typed after the first (as bench:search types them on the seeds). */
const LATER = ['华西医院', '县域医共体', '醫聯體', '双向转诊', 'HMO', '医联体 HMO', '分級診療'];

/** How long a reader looks at a query's results before typing the next one, in the second measure of later queries. */
const GLANCE_MS = 1000;

/**
 * A reader's first search on the built site (three runs, the median time), then later queries typed
 * into one page (ms each): at once, and GLANCE_MS after the last results; or nothing without Chromium.
 */
async function firstSearch(dist: string): Promise<(FirstQuery & { later: number[]; laterAfterGlance: number[] }) | undefined> {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) return undefined;
  const { url, server } = await serve(dist);
  const browser = await chromium.launch({ executablePath: path, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const first = await firstQuery(browser, url, '医联体', 3);
    return { ...first, later: await laterQueries(browser, url, '医联体', LATER), laterAfterGlance: await laterQueries(browser, url, '医联体', LATER, GLANCE_MS) };
  } finally {
    await browser.close();
    server.close();
  }
}

export async function measure(size: number) {
  const corpus = mkdtempSync(join(tmpdir(), `kb-scale-${size}-`));
  await writeSyntheticCorpus(corpus, size);
  const dir = copyProject();
  const env = { CORPUS_DIR: corpus };
  const corpusBytes = bytes(corpus);
  const full = await build(dir, env);
  const dist = join(dir, 'dist');
  const pages = count(dist, (n) => n.endsWith('.html'));
  const result = {
    documents: size,
    corpusMB: Math.round(corpusBytes / 1e5) / 10,
    full: { seconds: full.seconds, peakMB: full.peakMB, stages: full.stages },
    pages,
    pagesPerSecond: Math.round(pages / full.seconds),
    distMB: Math.round(bytes(dist) / 1e5) / 10,
    distFiles: distFiles(dist),
    searchIndexMB: Math.round(bytes(join(dist, 'kb-search')) / 1e5) / 10,
    incremental: {} as Record<string, { seconds: number; peakMB: number; stages: object }>,
  };
  Object.assign(result, { firstQuery: await firstSearch(dist) });
  // Our bytes for one reading page: its HTML (CSS inline, no script).
  const firstDoc = readdirSync(join(dist, 'docs')).filter((f) => statSync(join(dist, 'docs', f)).isDirectory()).sort()[0]!;
  Object.assign(result, { ours: { pageBytes: statSync(join(dist, 'docs', firstDoc, 'index.html')).size } });
  // Beyond SIDE_BY_SIDE documents only the full build is measured (Starlight and the three rebuilds would take hours).
  if (size > SIDE_BY_SIDE) {
    if (process.env.BENCH_KEEP) console.error(`[scale] kept ${dir} (corpus ${corpus})`);
    else {
      setAside(corpus);
      setAside(dir);
    }
    return result;
  }
  // The same cleaned documents as a Starlight site, written now and built after our rebuilds, which
  // follow our full build as a maintainer's do; the corpus as it was, for our builds beside Starlight's.
  const starlight = PAIRS > 0 ? prepareStarlight(join(dir, 'src', 'generated')) : undefined;
  const unchanged = mkdtempSync(join(tmpdir(), `kb-scale-${size}-again-`));
  cpSync(corpus, unchanged, { recursive: true });
  // One document changed, one added, one removed: each rebuilt in the same project copy.
  // The documents only: the build keeps the corpus's registry in it (curation/).
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  // A paragraph added in the middle (at the end, cleaning would remove it as footer and only the report would change).
  const lines = readFileSync(join(corpus, files[0]!), 'utf8').split('\n');
  writeFileSync(join(corpus, files[0]!), [...lines.slice(0, 20), '', '这一段是后来加上的,用来测量只改一篇文献时重建要多久。', '', ...lines.slice(20)].join('\n'));
  result.incremental.changed = strip(await build(dir, env));
  await writeSyntheticCorpus(corpus, 1, undefined, size);
  result.incremental.added = strip(await build(dir, env));
  unlinkSync(join(corpus, files[2]!));
  result.incremental.removed = strip(await build(dir, env));
  if (process.env.BENCH_KEEP) console.error(`[scale] kept ${dir} (corpus ${corpus})`);
  else {
    setAside(corpus);
    setAside(dir);
  }
  // Starlight's build, then ours again from nothing in a new copy, and so on: PAIRS of each, ours counting the first.
  const theirs: StarlightBuild[] = [];
  const ours = [full.seconds];
  for (let i = 0; i < PAIRS; i++) {
    theirs.push(await starlight!.build());
    if (ours.length === PAIRS) break;
    const again = copyProject();
    ours.push((await build(again, { CORPUS_DIR: unchanged })).seconds);
    setAside(again);
  }
  starlight?.done();
  setAside(unchanged);
  if (PAIRS === 0) return result;
  const runs = theirs.map((t) => t.seconds);
  Object.assign(result, {
    starlight: { ...theirs[0]!, seconds: median(runs), peakMB: Math.max(...theirs.map((t) => t.peakMB)), runs },
    fullRuns: ours,
  });
  return result;
}

const strip = ({ seconds, peakMB, stages }: Awaited<ReturnType<typeof build>>) => ({ seconds, peakMB, stages });

export type ScaleResult = Awaited<ReturnType<typeof measure>> & { starlight?: StarlightBuild & { runs: number[] }; fullRuns?: number[]; ours?: { pageBytes: number }; firstQuery?: FirstQuery & { later?: number[]; laterAfterGlance?: number[] } };

/** A rebuild's time, its stages, and its share of the full build's time. */
function rebuilt(r: ScaleResult, kind: string): string {
  const x = r.incremental[kind];
  if (!x) return '—';
  const st = x.stages as Record<string, StageTime>;
  return `${x.seconds} s (${Math.round((x.seconds / r.full.seconds) * 100)}% of the full build; content ${st.content!.seconds}, Astro ${st.astro!.seconds}, search ${st.search!.seconds}, partly side by side)`;
}

/** Milliseconds sorted: their median and slowest. */
const spread = (ms: readonly number[] | undefined) => (ms?.length ? `${ms[Math.floor(ms.length / 2)]!.toFixed(0)} ms, ${ms.at(-1)!.toFixed(0)} ms` : '—');

/** The sizes side by side, as a Markdown table. */
export function scaleMarkdown(results: readonly ScaleResult[]): string {
  const stage = (r: ScaleResult, k: string) => (r.full.stages as Record<string, StageTime>)[k]!;
  const lines: Array<[string, (r: ScaleResult) => string]> = [
    ['corpus', (r) => `${r.corpusMB} MB`],
    ['full build', (r) => `${r.full.seconds} s, peak ${r.full.peakMB} MB`],
    ['  content (pipeline, extraction, pages)', (r) => `${stage(r, 'content').seconds} s, ${stage(r, 'content').peakMB} MB`],
    ['  search index (beside Astro)', (r) => `${stage(r, 'search').seconds} s, ${stage(r, 'search').peakMB} MB`],
    ['  Astro', (r) => `${stage(r, 'astro').seconds} s, ${stage(r, 'astro').peakMB} MB`],
    ['pages, pages per second', (r) => `${r.pages}, ${r.pagesPerSecond}/s`],
    ['dist/, of it the search index', (r) => `${r.distMB} MB, ${r.searchIndexMB} MB`],
    ['dist/ ÷ the corpus\'s text (target ≤ 8×)', (r) => `${(r.distMB / r.corpusMB).toFixed(2)}×`],
    ['dist/: files, per document (target ≤ 4), the largest (target ≤ 20 MB)', (r) => `${r.distFiles.files}, ${(r.distFiles.files / r.documents).toFixed(2)} per document; ${r.distFiles.largest} ${r.distFiles.largestMB} MB`],
    [
      'a first search (医联体, fresh browser): downloaded, time to results',
      (r) => (r.firstQuery ? `${(r.firstQuery.gzip / 1024).toFixed(0)} KB from a host that compresses text (${(r.firstQuery.raw / 1024).toFixed(0)} KB as served, ${r.firstQuery.requests} requests), ${r.firstQuery.ms.toFixed(0)} ms` : '—'),
    ],
    ['later queries, typed into the page at once after the last results (median, slowest of 7; target ≤ 100 ms)', (r) => spread(r.firstQuery?.later)],
    [`later queries, typed ${GLANCE_MS / 1000} s after the last results (median, slowest of 7)`, (r) => spread(r.firstQuery?.laterAfterGlance)],
    ['one document changed', (r) => rebuilt(r, 'changed')],
    ['one document added', (r) => rebuilt(r, 'added')],
    ['one document removed', (r) => rebuilt(r, 'removed')],
    ['full build, each time (ours, one after each of Starlight\'s but the first)', (r) => (r.fullRuns ? `${r.fullRuns.map((x) => `${x} s`).join(', ')}; median ${median(r.fullRuns)} s` : '—')],
    ['Starlight, same documents: build, each time', (r) => (r.starlight ? `${r.starlight.runs.map((x) => `${x} s`).join(', ')}; median ${r.starlight.seconds} s, peak ${r.starlight.peakMB} MB` : '—')],
    ['ours ÷ Starlight (medians; each pair)', (r) => (r.starlight && r.fullRuns ? `${(median(r.fullRuns) / r.starlight.seconds).toFixed(2)}× its time (${r.fullRuns.map((x, i) => `${(x / r.starlight!.runs[i]!).toFixed(2)}`).join(', ')})` : '—')],
    ['Starlight: dist/, of it the search index', (r) => (r.starlight ? `${r.starlight.distMB} MB, ${r.starlight.pagefindMB} MB` : '—')],
    ['bytes for one reading page (HTML+CSS+JS)', (r) => (r.starlight && r.ours ? `ours ${(r.ours.pageBytes / 1024).toFixed(0)} KB, Starlight ${(r.starlight.pageBytes / 1024).toFixed(0)} KB` : '—')],
  ];
  return [`| measure | ${results.map((r) => `${r.documents} documents`).join(' | ')} |`, `| --- |${results.map(() => ' --- |').join('')}`, ...lines.map(([name, f]) => `| ${name} | ${results.map(f).join(' | ')} |`)].join('\n');
}

const isMain = process.argv[1]?.endsWith('scale.ts');
if (isMain) for (const size of process.argv.slice(2).map(Number)) console.log(JSON.stringify(await measure(size)));
// The browser's and the server's handles must not keep the process alive.
if (isMain) process.exit(0);
