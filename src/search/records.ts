/** What the index build makes of one generated document: its Pagefind record and its record for the file:// search. */
import type { SearchDocument, SearchUnit } from './engine.ts';
import { recordText, type FoldTable } from './fold.ts';
import type { OfflineRecord } from './offline.ts';

/** The parts of a generated document (src/generated/data/documents/<id>.json) that search reads. */
export interface SearchableDocument {
  id: string;
  title: string;
  published?: string | null;
  blocks: { id: string; type: string; text: string }[];
}

/** The document's title and blocks as search units. */
export function searchUnits(d: SearchableDocument): SearchUnit[] {
  return [['', 'title', d.title], ...d.blocks.map((b): SearchUnit => [b.id, b.type === 'heading' ? 'heading' : 'body', b.text])];
}

/**
 * The index's language tag. The text Pagefind gets is already split, one word per character, and
 * folded to one script: under `zh` Pagefind would run its Chinese word segmenter over it again at
 * build time (a third of the indexing time) and in the browser on every query, and put a
 * zero-width space between all the characters it stores, for the same words. `und` (BCP 47:
 * undetermined) makes it take the words as given; it is still one index for both scripts.
 */
export const INDEX_LANGUAGE = 'und';

/** The document as a search reads it from its units file (src/search/documents.ts): the other two records are made from it. */
export function searchDocument(d: SearchableDocument, base: string): SearchDocument {
  return { url: `${base}docs/${d.id}/`, title: d.title, doc: d.id, units: searchUnits(d) };
}

/** The document as Pagefind indexes it: folded text one character per word (its units are in the units file). */
export function pagefindRecord(doc: SearchDocument, published: string | null | undefined, table: FoldTable) {
  return {
    url: doc.url,
    content: recordText(doc.units.map((u) => u[2]), table),
    language: INDEX_LANGUAGE,
    meta: { title: doc.title },
    filters: { doc: [doc.doc], ...(published ? { year: [String(published).slice(0, 4)] } : {}) },
  };
}

/** The document as the file:// search reads it: its page's path under the site root instead of its URL. */
export function offlineRecord(doc: SearchDocument, base: string): OfflineRecord {
  return { path: doc.url.slice(base.length), title: doc.title, doc: doc.doc, units: doc.units };
}
