/**
 * The content build's per-document results on disk (src/lib/per-document.ts): one JSON file per
 * result under <dir>/<code version>/. The content build owns the folder (documentStore: it removes
 * other versions' results, and at the end those this build did not use); its extraction workers
 * (scripts/lib/extract-worker.ts) only read and write results (resultFiles).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentStore } from '../../src/lib/per-document.ts';

/** Results as files, each written under a name of its own and renamed into place, so that a reader never sees half of one. */
export function resultFiles(dir: string, version: string): Required<DocumentStore> & { hits(): number } {
  const file = (key: string) => join(dir, version, `${key}.json`);
  let hits = 0;
  return {
    get(key) {
      try {
        const value: unknown = JSON.parse(readFileSync(file(key), 'utf8'));
        hits++;
        return value;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      const partial = `${file(key)}.${process.pid}-${Math.random().toString(36).slice(2)}.partial`;
      writeFileSync(partial, JSON.stringify(value));
      renameSync(partial, file(key));
    },
    has: (key) => existsSync(file(key)),
    digest(key) {
      try {
        return createHash('sha256').update(readFileSync(file(key))).digest('hex');
      } catch {
        return undefined;
      }
    },
    hits: () => hits,
  };
}

/**
 * The folder of per-document results for this code version. Results of another version are
 * removed when it opens, results this build did not ask for (nor a worker thread, `keep`) when it closes.
 */
export async function documentStore(dir: string, version: string): Promise<Required<DocumentStore> & { keep(keys: Iterable<string>): void; close(): Promise<number> }> {
  await mkdir(join(dir, version), { recursive: true });
  for (const other of await readdir(dir)) if (other !== version) await rm(join(dir, other), { recursive: true, force: true });
  const files = resultFiles(dir, version);
  const used = new Set<string>();
  return {
    get(key) {
      used.add(key);
      return files.get(key);
    },
    set(key, value) {
      used.add(key);
      files.set(key, value);
    },
    has: (key) => files.has(key),
    digest(key) {
      used.add(key);
      return files.digest(key);
    },
    /** Results a worker thread used (they stay too). */
    keep(keys) {
      for (const key of keys) used.add(key);
    },
    async close() {
      for (const f of await readdir(join(dir, version))) if (!used.has(f.slice(0, -'.json'.length))) await rm(join(dir, version, f), { force: true });
      return files.hits();
    },
  };
}
