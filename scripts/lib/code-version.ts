/**
 * The version of the code a cache's results come from: a hash of every module the entry modules
 * import, directly or not (relative imports, followed through the source), so that a change to any
 * of them, and to nothing else, makes the cache's results stale. Derived, never a hand-kept list.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** `import … from './x.ts'`, `export … from '../y.ts'`, `import('./z.ts')`, `new URL('./w.ts', import.meta.url)`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)['"](\.{1,2}\/[^'"]+\.(?:ts|mjs|js|json|astro))['"]/g;

/** The modules a module imports by relative paths (absolute paths). */
export function importsOf(file: string): string[] {
  // (Comments stripped: an example in a comment is not an import.)
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  return [...new Set([...text.matchAll(SPECIFIER)].map((m) => resolve(dirname(file), m[1]!)))];
}

/** Every module the entries reach through relative imports, as absolute paths, sorted. */
export function moduleClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const f of importsOf(file)) visit(f);
  };
  for (const e of entries) visit(resolve(ROOT, e));
  return [...seen].sort();
}

/** A short hash of the modules the entries reach (by their paths in the project and their text), and of `extra` (libraries' versions …). */
export function codeVersion(entries: readonly string[], extra: readonly string[] = []): string {
  const h = createHash('sha256');
  for (const f of moduleClosure(entries)) h.update(relative(ROOT, f)).update(readFileSync(f));
  for (const x of extra) h.update(x);
  return h.digest('hex').slice(0, 16);
}
