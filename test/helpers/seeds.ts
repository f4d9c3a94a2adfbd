/** The bundled seed corpus, run through the pipeline once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processCorpus } from '../../src/pipeline/corpus.ts';
import { parseErrata } from '../../src/pipeline/errata.ts';
import { parseRegistry } from '../../src/pipeline/identify.ts';
import type { SourceFile } from '../../src/pipeline/types.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SEEDS = join(ROOT, 'seeds');

export function seedFiles(): SourceFile[] {
  return readdirSync(SEEDS)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) }));
}

export function seedCorpus() {
  const registry = parseRegistry(JSON.parse(readFileSync(join(ROOT, 'content', 'registry.json'), 'utf8')));
  const errata = parseErrata(JSON.parse(readFileSync(join(ROOT, 'content', 'errata.json'), 'utf8')));
  return processCorpus(seedFiles(), registry, errata);
}

/** The processed seed whose file name starts with the given prefix (`000`). */
export function seed(result: Awaited<ReturnType<typeof seedCorpus>>, prefix: string) {
  const d = result.documents.find((x) => x.source.startsWith(prefix));
  if (!d) throw new Error(`no seed ${prefix}`);
  return d;
}
