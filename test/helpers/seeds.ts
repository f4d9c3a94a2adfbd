/** The bundled seed corpus, run through the pipeline once per test file. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processCorpus } from '../../src/pipeline/corpus.ts';
import { parseErrata } from '../../src/pipeline/errata.ts';
import { parseRegistry } from '../../src/pipeline/identify.ts';
import type { SourceFile } from '../../src/pipeline/types.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SEEDS = join(ROOT, 'seeds');

/** The bundled corpus's documents (its kb.json is not one). */
export function seedFiles(): SourceFile[] {
  return readdirSync(SEEDS)
    .filter((name) => name !== 'kb.json')
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

/**
 * A copy of the bundled corpus to change or build on its own: its documents and kb.json in
 * `<tmp>/seeds`, its curation beside them in `<tmp>/content`, as in the project (kb.json points
 * there). `without` leaves curation files out (charts.json, models.json, the pages that show them …). Returns the corpus folder.
 */
export function copySeeds(options: { without?: string[] } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'kb-corpus-'));
  cpSync(SEEDS, join(root, 'seeds'), { recursive: true });
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  for (const f of options.without ?? []) rmSync(join(root, 'content', f), { recursive: true });
  return join(root, 'seeds');
}
