/**
 * Entry pages that stay: the registry keeps every entry that has had a page of its own
 * (/policies/<id>/, /terms/<id>/ …); an entry this build no longer finds is retired, and its
 * address keeps a page that says so (as a removed document's does).
 */
import type { Registry } from '../../src/pipeline/identify.ts';
import type { MergeDone } from './extraction.ts';

export type EntryPages = NonNullable<MergeDone['entryPages']>;
/** Retired entries by folder, each with the name it last had, in id order. */
export type RetiredEntries = Record<string, Array<{ id: string; name: string }>>;

export function keepEntryPages(before: Registry['entries'], found: readonly EntryPages[]): { entries: NonNullable<Registry['entries']>; retired: RetiredEntries } {
  const entries: NonNullable<Registry['entries']> = {};
  const retired: RetiredEntries = {};
  const now = new Map(found.map((f) => [f.folder, new Map(f.entries)]));
  for (const folder of [...new Set([...Object.keys(before ?? {}), ...now.keys()])].sort()) {
    const had = before?.[folder] ?? {};
    const has = now.get(folder) ?? new Map<string, string>();
    // Today's name wins (a curated term renamed keeps its id).
    entries[folder] = { ...had, ...Object.fromEntries(has) };
    const gone = Object.keys(had)
      .filter((id) => !has.has(id))
      .sort();
    if (gone.length > 0) retired[folder] = gone.map((id) => ({ id, name: had[id]! }));
  }
  return { entries, retired };
}
