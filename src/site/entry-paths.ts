/** Static paths for index entry pages: one per entry a listing shows, each rendered again only when its entry or a document title changes. */
import { loadCorpus } from './content.ts';
import { digestOf } from '../lib/digest.ts';

export function entryPaths<T extends { id: string }>(entries: readonly T[]) {
  const titles = digestOf(loadCorpus().documents.map((d) => [d.id, d.title, d.added]));
  return entries.map((e) => ({ params: { id: e.id }, cacheKey: `${titles}-${digestOf(e)}` }));
}
