/**
 * The content build's per-document results on disk (src/lib/per-document.ts): one file per result
 * under <dir>/<code version>/: a digest of its data (of a document's extraction result, setResult;
 * all zeros for any other value, whose digest no one compares), then the data in V8's serialisation format
 * (written and read in about 60% of the time JSON takes, in 80% of the bytes: Chinese text is kept
 * as UTF-16, not re-encoded; the code version includes V8's). The content build owns the folder
 * (documentStore: it removes other versions' results, and at the end those this build did not
 * use, nor its worker threads told it of); the worker threads only read and write results
 * (resultFiles, trackedResults).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import type { DocumentStore } from '../../src/lib/store.ts';

/** A result's file name: its key and this. */
const EXTENSION = '.v8';

/** A file begins with this many bytes: the SHA-256 of the result's data (canonicalData), then V8's serialisation of it. */
const HEADER = 32;

/** Whether a value holds a Map, a Set or typed array anywhere (results are plain data: they almost never do). */
function holdsCollections(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (holdsCollections(v[i])) return true;
    return false;
  }
  if (v instanceof Map || v instanceof Set || ArrayBuffer.isView(v)) return true;
  for (const k in v) if (holdsCollections((v as Record<string, unknown>)[k])) return true;
  return false;
}

/**
 * The result's data as text, the same for the same data however it was made. (V8's serialisation
 * is not: it writes a string as it is held, one byte or two a character, and a whole number as an
 * integer or a double, so a result worked out in another thread or read back from a file can give
 * other bytes for the same data.) Plain data goes through JSON.stringify without a replacer, which
 * V8 does several times faster than calling one for every value.
 */
const canonicalData = (value: unknown) =>
  holdsCollections(value)
    ? JSON.stringify(value, (_, v: unknown) => (v instanceof Map ? { '\u0000map': [...v] } : v instanceof Set ? { '\u0000set': [...v] } : ArrayBuffer.isView(v) ? { '\u0000bytes': [...(v as Uint8Array)] } : v))
    : JSON.stringify(value);

/** Results as files, each written under a name of its own and renamed into place, so that a reader never sees half of one. */
export function resultFiles(dir: string, version: string): Required<DocumentStore> & { hits(): number } {
  const file = (key: string) => join(dir, version, `${key}${EXTENSION}`);
  // Each result's digest as read: a result's key names what it was worked out from (its document's
  // digest, the code's version), so its data, once written, is what any write of it holds. (A build
  // asks for every document's digests once per merge that could run: 10,000 files opened and read
  // at 1,000 documents, 0.4 s.)
  const digests = new Map<string, string>();
  const write = (key: string, digest: Buffer, value: unknown) => {
    digests.delete(key);
    const partial = `${file(key)}.${process.pid}-${Math.random().toString(36).slice(2)}.partial`;
    writeFileSync(partial, Buffer.concat([digest, serialize(value)]));
    renameSync(partial, file(key));
  };
  let hits = 0;
  return {
    get(key) {
      try {
        const value: unknown = deserialize(readFileSync(file(key)).subarray(HEADER));
        hits++;
        return value;
      } catch {
        return undefined;
      }
    },
    // (Its digest is all zeros.)
    set: (key, value) => write(key, Buffer.alloc(HEADER), value),
    setResult(key, value) {
      // Hashed as UTF-16, as the text is held (encoding Chinese text as UTF-8 first took as long as hashing it).
      write(key, createHash('sha256').update(canonicalData(value) ?? '', 'utf16le').digest(), value);
    },
    has: (key) => existsSync(file(key)),
    digest(key) {
      const known = digests.get(key);
      if (known !== undefined) return known;
      let fd: number | undefined;
      try {
        fd = openSync(file(key), 'r');
        const header = Buffer.alloc(HEADER);
        const digest = readSync(fd, header, 0, HEADER, 0) === HEADER ? header.toString('hex') : undefined;
        if (digest !== undefined) digests.set(key, digest);
        return digest;
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    },
    hits: () => hits,
  };
}

/** The results as files, with the keys asked for or written (a worker thread tells the content build which it used, so that they are kept). */
export function trackedResults(dir: string, version: string): { store: Required<DocumentStore>; used: Set<string>; hits(): number } {
  const files = resultFiles(dir, version);
  const used = new Set<string>();
  const store: Required<DocumentStore> = {
    get: (key) => (used.add(key), files.get(key)),
    set: (key, value) => (used.add(key), files.set(key, value)),
    setResult: (key, value) => (used.add(key), files.setResult(key, value)),
    has: (key) => files.has(key),
    digest: (key) => (used.add(key), files.digest(key)),
  };
  return { store, used, hits: files.hits };
}

/**
 * The folder of per-document results for this code version. Results of another version are
 * removed when it opens, results this build did not ask for (nor a worker thread, `keep`) when it closes.
 */
export async function documentStore(dir: string, version: string): Promise<Required<DocumentStore> & { keep(keys: Iterable<string>): void; close(): Promise<number> }> {
  await mkdir(join(dir, version), { recursive: true });
  for (const other of await readdir(dir)) if (other !== version) await rm(join(dir, other), { recursive: true, force: true });
  const { store, used, hits } = trackedResults(dir, version);
  return {
    ...store,
    /** Results a worker thread used (they stay too). */
    keep(keys) {
      for (const key of keys) used.add(key);
    },
    async close() {
      for (const f of await readdir(join(dir, version))) if (!used.has(f.slice(0, -EXTENSION.length))) await rm(join(dir, version, f), { force: true });
      return hits();
    },
  };
}
