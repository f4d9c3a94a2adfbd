/**
 * Static paths for index entry pages: one per entry a listing shows, each rendered again only when
 * its entry, the titles of the documents it shows, or the corpus's date (its citation's) change: a
 * document added elsewhere renders none of them again.
 */
import { loadCorpus } from './content.ts';
import { digestOf } from '../lib/digest.ts';

export function entryPaths<T extends { id: string; mentions?: readonly { doc: string }[] }>(entries: readonly T[]) {
  const { documents } = loadCorpus();
  const titles = new Map<string, string>(documents.map((d) => [d.id, d.title]));
  const accessed = documents.map((d) => d.added).sort().at(-1) ?? '';
  return entries.map((e) => ({ params: { id: e.id }, cacheKey: digestOf([accessed, e, [...new Set((e.mentions ?? []).map((m) => m.doc))].map((d) => [d, titles.get(d) ?? null])]) }));
}
