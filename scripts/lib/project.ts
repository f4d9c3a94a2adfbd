/** A throw-away copy of the project, to build another corpus in it (tests and benchmarks). */
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The environment a maintainer's shell would have: without what Vitest sets (BASE_URL, MODE, NODE_ENV …), which Astro would read. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|VITE_.*)$/.test(k)) delete env[k];
  return { ...env, ...extra };
}

/** Copy the project's sources (and its bundled corpus with its curation) to a temporary folder, sharing node_modules. */
export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-site-'));
  for (const entry of ['src', 'scripts', 'content', 'seeds', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes(join('src', 'generated')) });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
