/**
 * Search from a site opened straight from disk (file://), where browsers refuse modules and fetch:
 * this file, bundled as a classic script (kb-search/offline-search.js), loads the same index's files
 * as classic scripts, each when a query needs it, and serves them through the same engine, so the
 * results and their order are those of the site served over http.
 */
import { scriptFiles } from './index-files.ts';
import { openSearchIndex } from './index-reader.ts';
import { pageData, startSearchPage } from './page.ts';

if (typeof window !== 'undefined') {
  // The search page is <root>/search/index.html; pages are folders with an index.html.
  const root = new URL('../', location.href).href;
  startSearchPage(() => openSearchIndex(scriptFiles(`${root}kb-search/`), (doc) => `${root}docs/${doc}/index.html`), pageData());
}
