/** What the index build makes of one generated document: its Pagefind record and its record for the file:// search. */
import type { SearchUnit } from './engine.ts';
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

/** The document as Pagefind indexes it: folded text one character per word, its units as metadata. */
export function pagefindRecord(d: SearchableDocument, base: string, table: FoldTable) {
  const units = searchUnits(d);
  return {
    url: `${base}docs/${d.id}/`,
    content: recordText(units.map((u) => u[2]), table),
    language: 'zh',
    meta: { title: d.title, doc: d.id, units: JSON.stringify(units) },
    filters: { doc: [d.id], ...(d.published ? { year: [String(d.published).slice(0, 4)] } : {}) },
  };
}

/** The document as the file:// search reads it. */
export function offlineRecord(d: SearchableDocument): OfflineRecord {
  return { path: `docs/${d.id}/`, title: d.title, doc: d.id, units: searchUnits(d) };
}
