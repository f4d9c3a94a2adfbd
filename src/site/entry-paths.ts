/**
 * Static paths for entry pages (/policies/<id>/, /terms/<id>/ …): one per entry its index lists,
 * each rendered again only when its entry or a document title changes, then one per entry that
 * had a page and has none now (props.retired: its last name), so that its address keeps a page.
 */
import { loadCorpus, loadRetiredEntries } from './content.ts';
import { digestOf } from '../lib/digest.ts';

export function entryPaths<T extends { id: string }>(folder: string, entries: readonly T[], key: (e: T) => unknown = (e) => e) {
  const titles = digestOf(loadCorpus().documents.map((d) => [d.id, d.title, d.added]));
  return [
    ...entries.map((e) => ({ params: { id: e.id }, props: { retired: undefined }, cacheKey: `${titles}-${digestOf(key(e))}` })),
    ...(loadRetiredEntries()[folder] ?? []).map((r) => ({ params: { id: r.id }, props: { retired: r.name }, cacheKey: digestOf(r) })),
  ];
}
