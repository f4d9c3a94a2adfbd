/** The search page over Pagefind: built by the index build into pagefind/search-page.js, loaded only on /search/ served over http. */
import { pagefindIndex } from './documents.ts';
import type { PagefindApi } from './engine.ts';
import { unpackTable } from './fold.ts';
import { pageData, startSearchPage } from './page.ts';

/** The index's other shards (src/search/shards.ts), written in by the index build. */
declare const KB_SHARDS: string[];

const base = document.documentElement.dataset.base ?? '/';

// From file:// this module does not load at all; the page's inline script starts the offline search instead.
startSearchPage(async () => {
  const tableLoad = fetch(`${base}pagefind/fold.json`).then(async (r) => unpackTable((await r.json()) as string));
  const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi & { options(o: object): Promise<void>; init(): Promise<void>; mergeIndex(path: string, o: object): Promise<void> };
  // Pagefind searches in its worker: on the main thread the first query comes ~60 ms sooner, but the
  // page blocks while the index compiles (Lighthouse performance 89-93 instead of 100).
  await pf.options({ baseUrl: '/' });
  await pf.init();
  await Promise.all(KB_SHARDS.map((dir) => pf.mergeIndex(`${base}pagefind/${dir}`, { baseUrl: '/' })));
  return { index: pagefindIndex(pf, `${base}pagefind/`), table: await tableLoad };
}, pageData());
