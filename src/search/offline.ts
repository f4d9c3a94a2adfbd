/**
 * Search from a site opened straight from disk (file://), where browsers refuse modules and fetch.
 * The index build writes the documents' searchable units into a classic script (offline-data.js);
 * this file, bundled as a classic script too (offline-search.js), serves them through the same
 * engine as Pagefind does over http, so the results and their order are the same.
 */
import { recordText, unpackTable, type FoldTable } from './fold.ts';
import type { SearchIndex, SearchUnit } from './engine.ts';
import { pageData, startSearchPage } from './page.ts';

export interface OfflineRecord {
  /** The page's path under the site root, e.g. docs/abc/. */
  path: string;
  title: string;
  doc: string;
  units: SearchUnit[];
}

export interface OfflineData {
  table: FoldTable;
  records: OfflineRecord[];
}

/** A stand-in for Pagefind over the records: a phrase matches a record whose folded text contains it. */
export function offlineIndex(data: OfflineData, urlOf: (path: string) => string): SearchIndex {
  const texts = data.records.map((r) => recordText(r.units.map((u) => u[2]), data.table).replaceAll(' ', ''));
  return {
    async find(phrase) {
      const wanted = phrase.replaceAll(' ', '');
      return texts.flatMap((text, i) => (text.includes(wanted) ? [String(i)] : []));
    },
    async documents(id) {
      const r = data.records[Number(id)]!;
      return [{ url: urlOf(r.path), title: r.title, doc: r.doc, units: r.units }];
    },
  };
}

declare global {
  interface Window {
    /** offline-data.js: the records, and the fold table packed (fold.ts packTable). */
    KB_SEARCH?: Omit<OfflineData, 'table'> & { table: string };
  }
}

if (typeof window !== 'undefined' && window.KB_SEARCH) {
  const data: OfflineData = { ...window.KB_SEARCH, table: unpackTable(window.KB_SEARCH.table) };
  // The search page is <root>/search/index.html; pages are folders with an index.html.
  const root = new URL('../', location.href).href;
  startSearchPage(async () => ({ index: offlineIndex(data, (path) => `${root}${path}index.html`), table: data.table }), pageData());
}
