// The site's absolute URL (citations, canonical links) and base path come from the environment.
import { copyFile, link, mkdir, readdir, readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

/**
 * The site's data files (/data/corpus.json, /data/terms.json, /data/documents/<id>.json …), written
 * by the content build in src/generated/data: put into the built site as they are (Astro would
 * otherwise read, parse and write hundreds of megabytes for a large corpus), as hard links where
 * the file system allows (540 MB at 1,000 documents; the content build replaces a data file by
 * renaming a new one into its place, so the site's link keeps the old one), and served from there by
 * the dev server.
 */
async function linkTree(from, to) {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [src, dst] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(src, dst);
    else if (!entry.name.endsWith('.partial')) await link(src, dst).catch(() => copyFile(src, dst));
  }
}
const DATA = join(process.cwd(), 'src', 'generated', 'data');
const TYPES = { json: 'application/json', csv: 'text/csv; charset=utf-8' };
const dataFiles = {
  name: 'kb-data-files',
  hooks: {
    'astro:build:done': async ({ dir }) => linkTree(DATA, join(fileURLToPath(dir), 'data')),
    'astro:server:setup': ({ server }) => {
      server.middlewares.use(async (req, res, next) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^.*?\/data\//, '');
        if (!req.url?.includes('/data/') || path.includes('..') || !/\.(json|csv)$/.test(path)) return next();
        const body = await readFile(join(DATA, normalize(path))).catch(() => null);
        if (!body) return next();
        res.setHeader('Content-Type', TYPES[path.split('.').at(-1)]);
        res.end(body);
      });
    },
  },
};

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.org',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // Four pages at a time: Astro then renders one page while another is written (1,000 documents:
  // 41 s instead of 52; eight or sixteen at a time are no faster).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  // Corpus text is shown exactly as cleaned: no smart quotes, no GFM autolinks or strikethrough.
  markdown: { processor: unified({ smartypants: false, gfm: false }) },
  integrations: [mdx(), dataFiles],
  devToolbar: { enabled: false },
  // Caches live in the project, not in node_modules, so that builds with another base path or
  // corpus (tests build copies of the project that share node_modules) never reuse each other's.
  cacheDir: '.cache/astro',
  vite: { cacheDir: '.cache/vite' },
  compressHTML: true,
  // Document pages carry a cache key (src/lib/content.ts): a rebuild renders only the pages whose
  // documents, events or charts changed, and the pages whose code changed.
  experimental: { incrementalBuild: true },
});
