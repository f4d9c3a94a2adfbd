/** Build a site from a corpus folder, in the project or in a throw-away copy of it. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './seeds.ts';

export interface BuildOutput {
  dir: string;
  log: string;
}

/** The environment a maintainer's shell would have: without what Vitest sets (BASE_URL, MODE, NODE_ENV …), which Astro would read. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|VITE_.*)$/.test(k)) delete env[k];
  return { ...env, ...extra };
}

function run(cwd: string, env: NodeJS.ProcessEnv): string {
  const opts = { cwd, env: cleanEnv(env), encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024 };
  const a = execFileSync('npx', ['tsx', 'scripts/build-content.ts'], opts);
  const b = execFileSync('npx', ['astro', 'build'], opts);
  const c = execFileSync('npx', ['tsx', 'scripts/search-index.ts'], opts);
  return a + b + c;
}

/** Build the project itself (into ROOT/dist). */
export function buildProject(env: NodeJS.ProcessEnv = {}): BuildOutput {
  return { dir: ROOT, log: run(ROOT, env) };
}

/** Copy the project's sources to a temporary folder and build a given corpus there. */
export function buildCopy(corpusDir: string, env: NodeJS.ProcessEnv = {}, options: CopyOptions = {}): BuildOutput {
  const dir = copyProject(options);
  return buildIn(dir, corpusDir, env);
}

/** Build a corpus in a project folder (a copy made by copyProject). */
export function buildIn(dir: string, corpusDir: string, env: NodeJS.ProcessEnv = {}): BuildOutput {
  return { dir, log: run(dir, { CORPUS_DIR: corpusDir, ...env }) };
}

export interface CopyOptions {
  /** Keep what content/ says about the seeds in particular (charts.json names their figures, models.json quotes them); another corpus builds without it. */
  seedsContent?: boolean;
}

/** A throw-away copy of the project's sources, sharing node_modules. */
export function copyProject(options: CopyOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-site-'));
  for (const entry of ['src', 'scripts', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes(join('src', 'generated')) });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  if (options.seedsContent === false) for (const f of ['charts.json', 'models.json']) rmSync(join(dir, 'content', f));
  return dir;
}
