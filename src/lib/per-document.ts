/**
 * Results worked out from one document alone (its events, figures, term mentions, index entries,
 * pages), remembered per document: in memory for the length of a build, and between builds in a
 * store the content build gives (.cache/documents), under the document's digest. So a rebuild
 * after one document changed works out again only that document's results, then the corpus-wide
 * steps (merging the timeline, counting, sorting) over everything.
 */
import { createHash } from 'node:crypto';

/** Where results are kept between builds; the store's owner makes its keys specific to the code that computed them. */
export interface DocumentStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

let store: DocumentStore | undefined;

/** Keep results between builds in this store (or, with none, only for this build). */
export function useDocumentStore(s: DocumentStore | undefined): void {
  store = s;
}

/** A short digest of any JSON data (what a result depends on besides its document: a term list …). */
export const digestOf = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);

const digests = new WeakMap<object, string>();

/** Give a document the digest it is known by (the pipeline's hash of everything it was made from). */
export function setDocumentDigest(d: object, digest: string): void {
  digests.set(d, digest);
}

/** A document's digest: the one it was given, or the hash of its data. */
export function documentDigest(d: object): string {
  let h = digests.get(d);
  if (h === undefined) digests.set(d, (h = createHash('sha256').update(JSON.stringify(d)).digest('hex').slice(0, 32)));
  return h;
}

const memo = new WeakMap<object, Map<string, unknown>>();

/**
 * `compute()` for this document, or what it gave before. `name` names the result and everything
 * else it depends on (a term list's digest, the base path); the value must survive JSON. With
 * `keep: false` the result is not kept in memory (for large results read once).
 */
export function perDocument<T>(name: string, d: object, compute: () => T, options: { keep?: boolean } = {}): T {
  let own = memo.get(d);
  if (!own) memo.set(d, (own = new Map()));
  if (own.has(name)) return own.get(name) as T;
  const key = `${name}-${documentDigest(d)}`;
  let value = store?.get(key) as T | undefined;
  if (value === undefined) {
    value = compute();
    store?.set(key, value);
  }
  // Large results read once (a document's pages) are not kept in memory.
  if (options.keep !== false) own.set(name, value);
  return value;
}
