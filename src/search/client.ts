/** The search page over Pagefind: built by the index build into pagefind/search-page.js, loaded only on /search/ served over http. */
import type { PagefindApi } from './engine.ts';
import type { FoldTable } from './fold.ts';
import { startSearchPage } from './page.ts';

const base = document.documentElement.dataset.base ?? '/';

// From file:// this module does not load at all; the page's inline script starts the offline search instead.
startSearchPage(async () => {
  const tableLoad = fetch(`${base}pagefind/fold.json`).then((r) => r.json() as Promise<FoldTable>);
  const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi & { options(o: object): Promise<void>; init(): Promise<void> };
  // On the main thread: the worker would fetch the wasm and the index again instead of using what the page preloaded.
  await pf.options({ baseUrl: '/', noWorker: true });
  await pf.init();
  return { pf, table: await tableLoad };
});
