/**
 * Static paths for entry pages (/policies/<id>/, /terms/<id>/ …): one per entry its index lists,
 * each rendered again only when what it shows changes (`key`: by default the entry), the titles of
 * the documents it quotes, or the corpus's date (its citation's) change: a document added elsewhere
 * renders none of them again; then one per entry that had a page and has none now (props.retired:
 * its last name), so that its address keeps a page.
 */
import { documentTitles, lastAdded, loadRetiredEntries } from './content.ts';
import { digestOf } from '../lib/digest.ts';

export function entryPaths<T extends { id: string; mentions?: readonly { doc: string }[] }>(folder: string, entries: readonly T[], key: (e: T) => unknown = (e) => e) {
  const titles = documentTitles();
  const accessed = lastAdded();
  const quoted = (e: T) => [...new Set((e.mentions ?? []).map((m) => m.doc))].map((d) => [d, titles[d] ?? null]);
  return [
    ...entries.map((e) => ({ params: { id: e.id }, props: { retired: undefined }, cacheKey: digestOf([accessed, key(e), quoted(e)]) })),
    ...(loadRetiredEntries()[folder] ?? []).map((r) => ({ params: { id: r.id }, props: { retired: r.name }, cacheKey: digestOf(r) })),
  ];
}
