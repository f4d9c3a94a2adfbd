/**
 * The search index (index-format.ts) as the engine's SearchIndex, over whatever loads its files:
 * fetch over http, script elements from disk, the file system in the terminal (index-files.ts).
 * Each file is loaded once, when a query first needs it: the meta, the buckets of the query's
 * tokens, the units of the documents the engine checks.
 */
import type { SearchDocument, SearchIndex, SearchUnit } from './engine.ts';
import { bucketName, bucketOf, findInBucket, queryKeys, unitsName, type IndexMeta } from './index-format.ts';
import { phraseText, unpackTable, type FoldTable } from './fold.ts';

/** Loads an index file by name (`b/1f`, `u/12`, `meta`): its payloads, each inflated; it may stop loading once `signal` aborts. */
export type IndexFiles = (name: string, signal?: AbortSignal) => Promise<Uint8Array[]>;

/** A document as its units file holds it (its page's URL is the reader's to make: the site's base differs). */
export interface IndexedDocument {
  doc: string;
  title: string;
  units: SearchUnit[];
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/**
 * Each file (or key) loaded once, for every search that asks for it; a failed load is tried again
 * next time. A load is stopped (its signal aborts) once every search that asked for it with a signal
 * has been abandoned, and none asked without one: a reader who types on does not wait for the files
 * of the queries they passed (six requests at a time to a host, and each file decoded when it comes).
 */
function shared<K, T>(load: (name: K, signal: AbortSignal) => Promise<T>): (name: K, signal?: AbortSignal) => Promise<T> {
  const loading = new Map<K, { promise: Promise<T>; stop: AbortController; askers: number; settled: boolean }>();
  return (name, signal) => {
    let entry = loading.get(name);
    if (!entry) {
      const stop = new AbortController();
      const e = { promise: load(name, stop.signal), stop, askers: 0, settled: false };
      e.promise.then(
        () => (e.settled = true),
        () => loading.get(name) === e && loading.delete(name),
      );
      loading.set(name, (entry = e));
    }
    const e = entry;
    if (!signal) e.askers = Infinity;
    else if (!signal.aborted) {
      e.askers++;
      signal.addEventListener(
        'abort',
        () => {
          if (--e.askers > 0 || e.settled) return;
          if (loading.get(name) === e) loading.delete(name);
          e.stop.abort();
        },
        { once: true },
      );
    }
    return e.promise;
  };
}

/**
 * The index over its files: `urlOf` makes a document's page URL from its id. The fold table comes
 * with the meta (the first file any query loads).
 */
export async function openSearchIndex(files: IndexFiles, urlOf: (doc: string) => string): Promise<{ index: SearchIndex; table: FoldTable; documents: number }> {
  const meta = JSON.parse(text((await files('meta'))[0]!)) as IndexMeta;
  const bucket = shared(async (name: string, signal) => (await files(name, signal))[0]!);
  // Each key's documents read from its bucket once (a reader's queries share pairs of characters).
  const posting = shared(async (key: number, signal) => findInBucket(await bucket(bucketName(bucketOf(key, meta.buckets)), signal), key, meta.n, meta.buckets));
  let unitsBytes = 0;
  const made = new Map<number, SearchDocument>();
  const units = shared(async (name: string, signal) =>
    (await files(name, signal)).map((b) => {
      unitsBytes += b.length;
      return JSON.parse(text(b)) as IndexedDocument;
    }),
  );
  const index: SearchIndex = {
    async candidates(parts, signal) {
      const perPart = parts.map((part) => queryKeys(phraseText(part).replaceAll(' ', '')));
      // A part with no letter or digit (punctuation alone) is not in the index: nothing is found.
      if (perPart.some((keys) => keys.length === 0)) return [];
      const keys = [...new Set(perPart.flat())];
      // Every key's bucket requested at once: one round trip, not one per pair of characters.
      let all: Set<number> | null = null;
      let titles: Set<number> | null = null;
      for (const p of await Promise.all(keys.map((key) => posting(key, signal)))) {
        if (!p) return [];
        all = all ? new Set(p.docs.filter((d) => all!.has(d))) : new Set(p.docs);
        titles = titles ? new Set(p.titles.filter((d) => titles!.has(d))) : new Set(p.titles);
      }
      // Documents whose titles have every token first (a title match ranks first), then the rest, each in document order.
      const first = [...(titles ?? [])].filter((d) => all!.has(d)).sort((a, b) => a - b);
      const rest = [...(all ?? [])].filter((d) => !titles!.has(d)).sort((a, b) => a - b);
      return [...first, ...rest].map(String);
    },
    async documents(id, signal) {
      const n = Number(id);
      let doc = made.get(n);
      if (!doc) {
        const d = (await units(unitsName(n, meta.pack), signal))[n % meta.pack];
        if (!d) return [];
        // The same object each time: the engine keeps its folded text.
        doc = made.get(n) ?? { url: urlOf(d.doc), title: d.title, doc: d.doc, units: d.units };
        made.set(n, doc);
      }
      return [doc];
    },
    loaded: () => unitsBytes,
  };
  return { index, table: unpackTable(meta.table), documents: meta.n };
}

/** Bytes from base64 (atob: the browser's and Node's alike). */
export function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Inflate raw deflate with the platform's DecompressionStream (browsers; Node has it too), the bytes
 * written to it in one piece (through a Blob's stream, three buckets took 2-4 times as long in
 * Chromium, measured).
 */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Damaged bytes fail the reading below; the writer's promises fail with it.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}
