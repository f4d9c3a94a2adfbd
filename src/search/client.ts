/** The search page over Pagefind: built by the index build into pagefind/search-page.js, loaded only on /search/ served over http. */
import type { PagefindApi } from './engine.ts';
import type { FoldTable } from './fold.ts';
import { startSearchPage } from './page.ts';

const base = document.documentElement.dataset.base ?? '/';

// From file:// this module does not load at all; the page's inline script starts the offline search instead.
startSearchPage(async () => {
  const tableLoad = fetch(`${base}pagefind/fold.json`).then((r) => r.json() as Promise<FoldTable>);
  const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi & { options(o: object): Promise<void>; init(): Promise<void> };
  await pf.options({ baseUrl: '/' });
  await pf.init();
  return { pf, table: await tableLoad };
});
