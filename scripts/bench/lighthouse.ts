/**
 * Lighthouse (with the machine's Chromium) on pages of the built site served on 127.0.0.1.
 * Prints one JSON line: {page: {performance, accessibility, best-practices, seo}}.
 * Usage: tsx scripts/bench/lighthouse.ts docs/<id>/ about/ …
 */
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from '../lib/serve.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const { url: base, server } = await serve(dist, '/', true);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const scores: Record<string, Record<string, number>> = {};
try {
  for (const page of process.argv.slice(2)) {
    const result = await lighthouse(`${base}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    const categories = result!.lhr.categories;
    scores[page] = Object.fromEntries(Object.entries(categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
    // Name what cost points, so a score below 100 says why.
    for (const c of Object.values(categories)) {
      for (const ref of c.auditRefs) {
        const audit = result!.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) console.error(`[lighthouse] ${page} ${c.id}: ${ref.id} (${audit.title})`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log(JSON.stringify(scores));
