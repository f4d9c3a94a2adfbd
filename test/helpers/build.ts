/** Build a site from a corpus folder, in the project or in a throw-away copy of it. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnv, copyProject } from '../../scripts/lib/project.ts';
import { ROOT, SEEDS } from './seeds.ts';

export { cleanEnv, copyProject };

export interface BuildOutput {
  dir: string;
  log: string;
}

function run(cwd: string, env: NodeJS.ProcessEnv): string {
  const opts = { cwd, env: cleanEnv(env), encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024 };
  // As `npm run build` does it (scripts/build.ts: the content build, then Astro beside the search index).
  return execFileSync('npx', ['tsx', 'scripts/build.ts'], opts);
}

/** Build the project itself (into ROOT/dist). */
export function buildProject(env: NodeJS.ProcessEnv = {}): BuildOutput {
  return { dir: ROOT, log: run(ROOT, env) };
}

/** Copy the project's sources to a temporary folder and build a given corpus there. */
export function buildCopy(corpusDir: string, env: NodeJS.ProcessEnv = {}): BuildOutput {
  return buildIn(copyProject(), corpusDir, env);
}

/** Build a corpus in a project folder (a copy made by copyProject); the bundled corpus is the copy's own (its registry is written there). */
export function buildIn(dir: string, corpusDir: string, env: NodeJS.ProcessEnv = {}): BuildOutput {
  return { dir, log: run(dir, { CORPUS_DIR: corpusDir === SEEDS ? join(dir, 'seeds') : corpusDir, ...env }) };
}
