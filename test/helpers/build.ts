/** Build a site from a corpus folder, in the project or in a throw-away copy of it. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './seeds.ts';

export interface BuildOutput {
  dir: string;
  log: string;
}

function run(cwd: string, env: NodeJS.ProcessEnv): string {
  const opts = { cwd, env: { ...process.env, ...env }, encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024 };
  const a = execFileSync('npx', ['tsx', 'scripts/build-content.ts'], opts);
  const b = execFileSync('npx', ['astro', 'build'], opts);
  return a + b;
}

/** Build the project itself (into ROOT/dist). */
export function buildProject(env: NodeJS.ProcessEnv = {}): BuildOutput {
  return { dir: ROOT, log: run(ROOT, env) };
}

/** Copy the project's sources to a temporary folder and build a given corpus there. */
export function buildCopy(corpusDir: string, env: NodeJS.ProcessEnv = {}): BuildOutput {
  const dir = mkdtempSync(join(tmpdir(), 'kb-site-'));
  for (const entry of ['src', 'scripts', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes(join('src', 'generated')) });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { dir, log: run(dir, { CORPUS_DIR: corpusDir, ...env }) };
}
