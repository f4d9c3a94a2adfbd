/** The search page over http: built by the index build into kb-search/search-page.js, loaded only on /search/ served over http. */
import { fetchedFiles } from './index-files.ts';
import { openSearchIndex } from './index-reader.ts';
import { pageData, startSearchPage } from './page.ts';

const base = document.documentElement.dataset.base ?? '/';

// From file:// this module does not load at all; the page's inline script starts the offline search instead.
startSearchPage(() => openSearchIndex(fetchedFiles(`${base}kb-search/`), (doc) => `${base}docs/${doc}/`), pageData());
