/**
 * Counts for filter links (how many items each filter shows), worked out once per build: every
 * filter page shows every count, and counting afresh on each page costs documents × items per page.
 */
const memo = new WeakMap<object, Map<string, Map<string, number>>>();

/** How many of `items` carry each key that `keysOf` gives; `name` tells apart countings of the same items. */
export function countByKey<T>(name: string, items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, number> {
  let byName = memo.get(items);
  if (!byName) memo.set(items, (byName = new Map()));
  let counts = byName.get(name);
  if (!counts) {
    counts = new Map();
    for (const item of items) for (const k of new Set(keysOf(item))) counts.set(k, (counts.get(k) ?? 0) + 1);
    byName.set(name, counts);
  }
  return counts;
}
