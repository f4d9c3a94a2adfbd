/**
 * A reader's first search, measured in Chromium: open /search/?q=… in a fresh browser context
 * (empty cache) and time from navigation to results shown; count every response, the search
 * as served and as a host that compresses text would send it. Used by `npm run bench:search` (the seeds) and by the scale
 * benchmark (each corpus size).
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface FirstQuery {
  /** Median over the runs, milliseconds from navigation start. */
  ms: number;
  raw: number;
  gzip: number;
  requests: number;
}

export async function firstQuery(browser: Browser, base: string, query: string, runs: number): Promise<FirstQuery> {
  const times: number[] = [];
  let bytes = { raw: 0, gzip: 0, requests: 0 };
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    // A new window: Chromium 156 builds its own interface (its omnibox pop-up, a page of its own)
    // in the first few hundred milliseconds, ~400 ms of CPU on two cores beside our page. The
    // window settles on about:blank first, as a reader's browser has long been open when they search.
    await fresh.goto('about:blank');
    await fresh.waitForTimeout(1000);
    const bodies: Promise<{ raw: number; gzip: number }>[] = [];
    fresh.on('response', (r) => {
      bodies.push(
        r.body().then(
          (b) => ({ raw: b.length, gzip: gzipSync(b).length }),
          () => ({ raw: 0, gzip: 0 }),
        ),
      );
    });
    await fresh.goto(`${base}search/?q=${encodeURIComponent(query)}`);
    // Evaluated as a string (tsx would add helpers the page lacks).
    times.push(
      (await fresh.evaluate(`new Promise((resolve) => {
        const status = document.querySelector('#search-status');
        const poll = () => (/处结果|没有找到/.test(status.textContent) ? resolve(performance.now()) : requestAnimationFrame(poll));
        poll();
      })`)) as number,
    );
    await fresh.waitForLoadState('networkidle');
    const sizes = await Promise.all(bodies);
    bytes = { raw: sizes.reduce((n, x) => n + x.raw, 0), gzip: sizes.reduce((n, x) => n + x.gzip, 0), requests: sizes.length };
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, ...bytes };
}

/**
 * Later queries, typed one after another into a search page that has answered a first one:
 * milliseconds each, sorted. Each is typed `pauseMs` after the last one's results were shown: at
 * once (0), while the page still loads the last query's next documents, or after a reader's glance
 * at them.
 */
export async function laterQueries(browser: Browser, base: string, first: string, queries: readonly string[], pauseMs = 0): Promise<number[]> {
  const page = await browser.newPage();
  await page.goto(`${base}search/`);
  await page.waitForLoadState('networkidle');
  // Evaluated as a string (tsx would add helpers the page lacks); done when the status names this query's results.
  const timeQuery = (q: string) =>
    page.evaluate(`new Promise((resolve) => {
      const input = document.querySelector('#search-q');
      const status = document.querySelector('#search-status');
      const start = performance.now();
      input.value = ${JSON.stringify(q)};
      input.form.requestSubmit();
      const poll = () => (status.textContent.includes(${JSON.stringify(q)}) && /处结果|没有找到/.test(status.textContent) ? resolve(performance.now() - start) : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    })`) as Promise<number>;
  await timeQuery(first);
  const times: number[] = [];
  for (const q of queries) {
    if (pauseMs) await page.waitForTimeout(pauseMs);
    times.push(await timeQuery(q));
  }
  await page.close();
  return times.sort((a, b) => a - b);
}
