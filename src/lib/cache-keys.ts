/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
 * code are unchanged is copied from the last build instead of rendered. A filter page's key is the
 * digest of what all pages of its kind show (counts, titles, totals) joined to the digest of its
 * own items, so one changed document re-renders the filter pages that list it, and all of them
 * only when a count or a title changes.
 */
import { createHash } from 'node:crypto';
import { digestOf } from './per-document.ts';

/** Each item's digest, worked out once (an item is on several filter pages). */
const itemDigests = new WeakMap<object, string>();
const itemDigest = (item: object) => {
  let d = itemDigests.get(item);
  if (d === undefined) itemDigests.set(item, (d = digestOf(item)));
  return d;
};

/** The key of one filter page: what every page of its kind shows, and its own items. */
export function filterPageKey(shared: string, items: readonly object[]): string {
  const h = createHash('sha256');
  for (const item of items) h.update(itemDigest(item));
  return `${shared}-${h.digest('hex').slice(0, 16)}`;
}
