/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
 * code are unchanged is copied from the last build instead of rendered. A filter page's key is the
 * digest of what all pages of its kind show (counts, titles, totals) joined to the digest of its
 * own items, so one changed document re-renders the filter pages that list it, and all of them
 * only when a count or a title changes.
 */
import { createHash } from 'node:crypto';
import { digestOf } from '../lib/digest.ts';

/** Each item's digest, worked out once (an item is on several filter pages). */
const itemDigests = new WeakMap<object, string>();
const itemDigest = (item: object) => {
  let d = itemDigests.get(item);
  if (d === undefined) itemDigests.set(item, (d = digestOf(item)));
  return d;
};

/**
 * The key of one filter page: what every page of its kind shows, and its own items, each known by
 * its digest or by a key that decides it (a figure by its document's page key: a document's
 * figures are worked out from it alone; a run of items with the same key counts once).
 */
export function filterPageKey<T extends object>(shared: string, items: readonly T[], keyOf: (item: T) => string = itemDigest): string {
  const h = createHash('sha256');
  let last: string | undefined;
  for (const item of items) {
    const key = keyOf(item);
    if (key !== last) h.update(key);
    last = key;
  }
  return `${shared}-${h.digest('hex').slice(0, 16)}`;
}
