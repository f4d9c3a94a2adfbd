/**
 * Results worked out from one document alone (its events, figures, term mentions, index entries,
 * pages), kept between builds in a store the content build gives (.cache/documents), under the
 * document's digest. So a rebuild after one document changed works out again only that document's
 * results, then the corpus-wide steps (merging the timeline, counting, sorting) over everything.
 */
import { createHash, hash } from 'node:crypto';

/** Where results are kept between builds; the store's owner makes its keys specific to the code that computed them. */
export interface DocumentStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Whether a result is kept, without reading it. */
  has?(key: string): boolean;
  /** A digest of a kept result as it is stored, without parsing it; undefined when it is not kept. */
  digest?(key: string): string | undefined;
}

let store: DocumentStore | undefined;

/** Keep results between builds in this store (with none, every result is worked out when asked for). */
export function useDocumentStore(s: DocumentStore | undefined): void {
  store = s;
}

/** A short digest of any JSON data (what a result depends on besides its document: a term list …). */
export const digestOf = (data: unknown) => hash('sha256', JSON.stringify(data), 'hex').slice(0, 16);

const digests = new WeakMap<object, string>();

/** Give a document the digest it is known by (the pipeline's hash of everything it was made from). */
export function setDocumentDigest(d: object, digest: string): void {
  digests.set(d, digest);
}

/** A document's digest: the one it was given, or the hash of its data. */
export function documentDigest(d: object): string {
  let h = digests.get(d);
  if (h === undefined) digests.set(d, (h = digestOf(d)));
  return h;
}

const readings: Array<() => void> = [];

/**
 * `read` as a function that reads each document once: for a reading several extractions share (a
 * document's dates, its sentences), remembered until `forgetReadings()`.
 */
export function documentReading<D extends object, T>(read: (d: D) => T): (d: D) => T {
  let seen = new WeakMap<D, T>();
  readings.push(() => (seen = new WeakMap()));
  return (d) => {
    if (!seen.has(d)) seen.set(d, read(d));
    return seen.get(d)!;
  };
}

/** Forget every document reading: the content build calls this when the stages that share them are done. */
export function forgetReadings(): void {
  for (const forget of readings) forget();
}

/** Where a document's result of one kind is kept in the store. */
export const resultKey = (name: string, d: object) => `${name}-${documentDigest(d)}`;

/**
 * `compute()` for this document, or what it gave before: from the store, under `name` and the
 * document's digest. `name` names the result and everything else it depends on (a term list's
 * digest, the base path); the value must be plain data (what JSON can hold). Nothing is kept in memory: each result is
 * read once per build, and a corpus of thousands could not hold all of them.
 */
export function perDocument<T>(name: string, d: object, compute: () => T): T {
  const key = resultKey(name, d);
  let value = store?.get(key) as T | undefined;
  if (value === undefined) {
    value = compute();
    store?.set(key, value);
  }
  return value;
}

/**
 * A digest of every document's result `name` as the store keeps it, in the documents' order (a
 * result not kept yet is worked out first, by `compute`, which keeps it); undefined without a
 * store. A corpus-wide stage that reads only these results makes the same files when this digest
 * is the same.
 */
export function resultsDigest<D extends { id: string }>(name: string, docs: readonly D[], compute: (d: D) => unknown): string | undefined {
  if (!store?.digest) return undefined;
  const h = createHash('sha256');
  for (const d of docs) {
    const key = resultKey(name, d);
    let digest = store.digest(key);
    if (digest === undefined) {
      compute(d);
      digest = store.digest(key);
    }
    if (digest === undefined) return undefined;
    h.update(d.id).update(digest);
  }
  return h.digest('hex');
}

/**
 * A corpus-wide result (the merged timeline), kept in the store under `name` and a digest of its
 * inputs (resultsDigest): worked out again only when they change. Without inputs, always worked out.
 */
export function keptFor<T>(name: string, inputs: string | undefined, compute: () => T): T {
  if (inputs === undefined) return compute();
  const key = `${name}-${inputs}`;
  let value = store?.get(key) as T | undefined;
  if (value === undefined) {
    value = compute();
    store?.set(key, value);
  }
  return value;
}

/**
 * Whether a corpus-wide stage's inputs (a digest of everything it reads) are those it last ran
 * with, as kept in the store; `ran()` keeps them once it has run again. Without a store, or
 * inputs, a stage always runs.
 */
export function stageInputs(stage: string, inputs: string | undefined): { unchanged: boolean; ran(): void } {
  const key = `stage-${stage}`;
  const unchanged = inputs !== undefined && store !== undefined && store.get(key) === inputs;
  // Forgotten before the stage runs: a stage stopped half way has left files that no inputs describe.
  if (!unchanged) store?.set(key, null);
  return { unchanged, ran: () => (inputs === undefined ? undefined : store?.set(key, inputs)) };
}
