/**
 * The content build's per-document results on disk (src/lib/per-document.ts): one file per result
 * under <dir>/<code version>/: a digest of its data (of a document's extraction result, setResult;
 * all zeros for any other value, whose digest no one compares), then the data in V8's serialisation format
 * (written and read in about 60% of the time JSON takes, in 80% of the bytes: Chinese text is kept
 * as UTF-16, not re-encoded; the code version includes V8's). The content build owns the folder
 * (documentStore: it removes other versions' results, and at the end those this build did not
 * use, nor its worker threads told it of); the worker threads only read and write results
 * (resultFiles, trackedResults). Beside the results, the digests of those a build used
 * (DIGESTS), so that the next build knows them without opening every file.
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

/**
 * The digests of the results the last build used, by key (JSON), in the version's folder. A build
 * asks for every result's digest (a merge's inputs are its documents' results' digests), which took
 * opening, reading and closing each file: 1,000 documents, 7,000 files in a rebuild's main thread
 * (0.3 s), and again in each thread that runs a merge. A key names what its result was worked out
 * from, so its digest, once known, stays true while its file is there (a file gone is checked for).
 */
const DIGESTS = 'digests.json';

/** The digests the last build kept (none when there is no such file, or it cannot be read). */
function keptDigests(dir: string, version: string): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(join(dir, version, DIGESTS), 'utf8')) as Record<string, string>));
  } catch {
    return new Map();
  }
}

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
export function resultFiles(dir: string, version: string): Required<DocumentStore> & { hits(): number; knownDigest(key: string): string | undefined } {
  const file = (key: string) => join(dir, version, `${key}${EXTENSION}`);
  // Each result's digest as read or written: a result's key names what it was worked out from (its
  // document's digest, the code's version), so its data, once written, is what any write of it holds.
  // (A build asks for every document's digests once per merge that could run: 10,000 files opened
  // and read at 1,000 documents, 0.4 s.) Those the last build kept (DIGESTS) are taken once their file is found.
  const digests = new Map<string, string>();
  const kept = keptDigests(dir, version);
  const write = (key: string, digest: Buffer, value: unknown) => {
    const partial = `${file(key)}.${process.pid}-${Math.random().toString(36).slice(2)}.partial`;
    writeFileSync(partial, Buffer.concat([digest, serialize(value)]));
    renameSync(partial, file(key));
    digests.set(key, digest.toString('hex'));
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
      const last = kept.get(key);
      kept.delete(key);
      if (last !== undefined && existsSync(file(key))) {
        digests.set(key, last);
        return last;
      }
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
    /** A digest this store has read or written (no file is opened). */
    knownDigest: (key) => digests.get(key),
  };
}

/** The results as files, with the keys asked for or written (a worker thread tells the content build which it used, so that they are kept), and the digests it knows of them. */
export function trackedResults(dir: string, version: string): { store: Required<DocumentStore>; used: Set<string>; hits(): number; usedDigests(): Array<[key: string, digest: string]> } {
  const files = resultFiles(dir, version);
  const used = new Set<string>();
  const store: Required<DocumentStore> = {
    get: (key) => (used.add(key), files.get(key)),
    set: (key, value) => (used.add(key), files.set(key, value)),
    setResult: (key, value) => (used.add(key), files.setResult(key, value)),
    has: (key) => files.has(key),
    digest: (key) => (used.add(key), files.digest(key)),
  };
  const usedDigests = () =>
    [...used].flatMap((key): Array<[string, string]> => {
      const digest = files.knownDigest(key);
      return digest === undefined ? [] : [[key, digest]];
    });
  return { store, used, hits: files.hits, usedDigests };
}

/**
 * The folder of per-document results for this code version. Results of another version are
 * removed when it opens, results this build did not ask for (nor a worker thread, `keep`) when it closes.
 */
export async function documentStore(
  dir: string,
  version: string,
): Promise<Required<DocumentStore> & { keep(keys: Iterable<string>, digests?: Iterable<[key: string, digest: string]>): void; close(): Promise<number> }> {
  await mkdir(join(dir, version), { recursive: true });
  for (const other of await readdir(dir)) if (other !== version) await rm(join(dir, other), { recursive: true, force: true });
  const { store, used, hits, usedDigests } = trackedResults(dir, version);
  const reported = new Map<string, string>();
  return {
    ...store,
    /** Results a worker thread used (they stay too), and the digests it knew of them. */
    keep(keys, digests = []) {
      for (const key of keys) used.add(key);
      for (const [key, digest] of digests) reported.set(key, digest);
    },
    async close() {
      // The digests first: every key they name is one that stays.
      const known = new Map([...reported, ...usedDigests()]);
      const index = join(dir, version, DIGESTS);
      writeFileSync(`${index}.partial`, JSON.stringify(Object.fromEntries([...known].sort(([a], [b]) => (a < b ? -1 : 1)))));
      renameSync(`${index}.partial`, index);
      for (const f of await readdir(join(dir, version))) if (f !== DIGESTS && !used.has(f.slice(0, -EXTENSION.length))) await rm(join(dir, version, f), { force: true });
      return hits();
    },
  };
}
