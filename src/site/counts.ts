/**
 * Items grouped by filter key (what each filter page lists, and how many, for the filter links),
 * worked out once per build: every filter page shows every count, and filtering or counting afresh
 * on each page costs documents × items per page.
 */
const memo = new WeakMap<object, Map<string, Map<string, unknown[]>>>();

/** The items that carry each key `keysOf` gives, in their order; `name` tells apart groupings of the same items. */
export function groupByKey<T>(name: string, items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  let byName = memo.get(items);
  if (!byName) memo.set(items, (byName = new Map()));
  let groups = byName.get(name) as Map<string, T[]> | undefined;
  if (!groups) {
    groups = new Map();
    for (const item of items) {
      for (const k of new Set(keysOf(item))) {
        const list = groups.get(k);
        if (list) list.push(item);
        else groups.set(k, [item]);
      }
    }
    byName.set(name, groups as Map<string, unknown[]>);
  }
  return groups;
}
