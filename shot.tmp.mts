// Usage: tsx shot.mts <distDir> <outPrefix> <path> [width]
import { chromium } from 'playwright-core';
import { serve } from './scripts/lib/serve.ts';
const [dist, out, ...paths] = process.argv.slice(2);
const { url, server } = await serve(dist!);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const p of paths) {
  const [path, w] = p.split('@');
  const page = await browser.newPage({ viewport: { width: Number(w ?? 1280), height: 900 } });
  await page.goto(url + path.replace(/^\//, ''));
  const name = `${out}-${path.replace(/[^a-z0-9]+/gi, '_')}-${w ?? 1280}.png`;
  await page.screenshot({ path: name, fullPage: false });
  console.log(name);
  await page.close();
}
await browser.close();
server.close();
