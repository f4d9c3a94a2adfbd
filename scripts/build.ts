/**
 * `npm run build`: the content build (src/generated), then Astro's pages and the search index's
 * shards side by side (the index is made from src/generated, not from the pages: on two cores the
 * two take about the time of the longer instead of their sum), then the index put into dist/.
 * Prints each stage's time. `--stage content` or `--stage site` runs one half (the benchmark
 * measures them apart).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const node = (args: string[]) => [process.execPath, ...args];
const STAGES = {
  // A larger young generation: less time collecting garbage (~8% of a rebuild at 1,000 documents).
  content: node(['--max-semi-space-size=64', '--import', 'tsx', 'scripts/build-content.ts']),
  astro: node([join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build']),
  shards: node(['--import', 'tsx', 'scripts/search-index.ts', '--shards']),
  index: node(['--import', 'tsx', 'scripts/search-index.ts']),
};

const running = new Set<ChildProcess>();

/** Run a stage with the terminal's output; resolves with its seconds, rejects if it fails. */
function run(name: keyof typeof STAGES): Promise<number> {
  const [command, ...args] = STAGES[name];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { cwd: ROOT, stdio: 'inherit' });
    running.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      const seconds = (performance.now() - started) / 1000;
      console.log(`[build] ${name} ${code === 0 ? 'done' : 'FAILED'} in ${seconds.toFixed(2)} s`);
      if (code === 0) resolve(seconds);
      else reject(new Error(`${name} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

const stage = process.argv.includes('--stage') ? process.argv[process.argv.indexOf('--stage') + 1] : 'all';
const started = performance.now();
try {
  if (stage === 'all' || stage === 'content') await run('content');
  if (stage === 'all' || stage === 'site') {
    await Promise.all([run('astro'), run('shards')]);
    await run('index');
  }
  console.log(`[build] ${stage === 'all' ? 'site built' : `${stage} done`} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (err) {
  console.error(`[build] ${(err as Error).message}`);
  // The stage beside the one that failed stops too.
  for (const child of running) child.kill();
  process.exit(1);
}
