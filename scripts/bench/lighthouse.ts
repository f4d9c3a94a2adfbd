/**
 * Lighthouse (with the machine's Chromium) on pages of the built site served on 127.0.0.1.
 * Prints one JSON line: {page: {performance, accessibility, best-practices, seo}}.
 * Usage: tsx scripts/bench/lighthouse.ts docs/<id>/ about/ …
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.js': 'text/javascript', '.css': 'text/css', '.xml': 'application/xml' };
const server = createServer((req, res) => {
  let file = normalize(join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'max-age=3600' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const scores: Record<string, Record<string, number>> = {};
try {
  for (const page of process.argv.slice(2)) {
    const result = await lighthouse(`http://127.0.0.1:${port}/${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
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
