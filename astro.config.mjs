// The site's absolute URL (citations, canonical links), base path and caches come from the corpus's configuration (src/corpus/config.ts).
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, rm, rmdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { linkTree } from './scripts/lib/link-tree.ts';
import { corpusConfig } from './src/corpus/config.ts';
import { enhanceScriptModule } from './src/layouts/enhance.ts';

const corpus = corpusConfig();

/**
 * The site's data files (/data/corpus.json, /data/terms.json, /data/documents/<id>.json …), written
 * by the content build in src/generated/data: put into the built site as they are (Astro would
 * otherwise read, parse and write hundreds of megabytes for a large corpus), as hard links where
 * the file system allows (540 MB at 1,000 documents; the content build replaces a data file by
 * renaming a new one into its place, so the site's link keeps the old one), and served from there by
 * the dev server.
 */
const DATA = join(process.cwd(), 'src', 'generated', 'data');
// Besides the data, the original files of documents read from other formats (an HTML page as text: it never runs here).
const TYPES = { json: 'application/json', csv: 'text/csv; charset=utf-8', pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', md: 'text/markdown; charset=utf-8', txt: 'text/plain; charset=utf-8' };

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/**
 * The pages under `dir` that `keep` refuses removed, then every folder left empty, deepest first, but
 * the search index's. One walk of the site: each folder's entries counted, a folder removed when
 * its count is 0 (its parent's count less one then), not every folder tried.
 */
async function prunePages(dir, keep) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const count = new Map();
  const folders = [];
  for (const e of entries) {
    const path = relative(dir, join(e.parentPath, e.name));
    if (e.isFile() && path.endsWith('.html') && !keep(path)) {
      await rm(join(dir, path));
      continue;
    }
    count.set(relative(dir, e.parentPath), (count.get(relative(dir, e.parentPath)) ?? 0) + 1);
    if (e.isDirectory() && !inSearchIndex(path)) folders.push(path);
  }
  for (const f of folders.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
    if ((count.get(f) ?? 0) > 0) continue;
    // (A folder at the top: its parent is `dir`, counted as '' like its entries.)
    const parent = dirname(f) === '.' ? '' : dirname(f);
    if (await rmdir(join(dir, f)).then(() => true, () => false)) count.set(parent, count.get(parent) - 1);
  }
}

/**
 * dist/ is kept from one build to the next: Astro's incremental build then leaves a page whose
 * cache key has not changed where it is (1,000 documents: 4,000 pages not copied back from its
 * cache). What a build does not make again goes: every file but the pages and the search index
 * when it starts (Astro writes its bundles, public/ and endpoints each time; the data files are
 * linked again at the end), and when it is done every page that is not one of this build's (a
 * removed document's, say). A build that stopped half way leaves a marker, and the next one
 * starts from an empty dist/. The search index (dist/kb-search/) is never touched: npm run build
 * puts it there itself, beside Astro.
 */
let outDir = '';
const MARKER = '.kb-building';

/**
 * Astro's incremental build also writes every page it renders into its cache (<cacheDir>/dist/), to
 * copy back a cached page that is missing from dist/. dist/ is kept here, so those copies would only
 * double the pages written (1,000 documents: 4,000 more folders and files, 590 MB): the cache's
 * folder is a link to dist/ itself. A cached page missing from dist/ (after a build that stopped half
 * way) is then rendered again; a page Astro prunes from its cache is one this build no longer makes.
 */
let cacheCopies = '';
async function cacheCopiesInDist() {
  const target = relative(dirname(cacheCopies), outDir);
  const link = await lstat(cacheCopies).then((s) => (s.isSymbolicLink() ? readlink(cacheCopies) : null), () => undefined);
  if (link === target) return;
  // A folder of copies from a build before this link, or a link elsewhere.
  if (link !== undefined) await rm(cacheCopies, { recursive: true, force: true });
  await mkdir(dirname(cacheCopies), { recursive: true });
  await symlink(target, cacheCopies);
}
/** Whether a path in dist/ is in the search index's folder: npm run build puts the index there beside Astro (scripts/build.ts). */
const inSearchIndex = (path) => path === 'kb-search' || path.startsWith('kb-search/');
const keptDist = {
  name: 'kb-kept-dist',
  hooks: {
    'astro:config:done': ({ config }) => {
      outDir = fileURLToPath(config.outDir);
      cacheCopies = fileURLToPath(new URL('dist', config.cacheDir));
    },
    'astro:build:start': async () => {
      const stopped = existsSync(join(outDir, MARKER));
      for (const f of await filesUnder(outDir)) if ((stopped || !f.endsWith('.html')) && !inSearchIndex(f)) await rm(join(outDir, f));
      await mkdir(outDir, { recursive: true });
      await writeFile(join(outDir, MARKER), '');
      await cacheCopiesInDist();
    },
    'astro:build:done': async ({ dir, assets }) => {
      const root = fileURLToPath(dir);
      const made = new Set([...assets.values()].flat().map((url) => relative(root, fileURLToPath(url))));
      // (The data files' folders, emptied when the build started, go too: linked again just after.)
      await prunePages(root, (page) => made.has(page));
      await linkTree(DATA, join(root, 'data'));
      await rm(join(root, MARKER));
    },
    'astro:server:setup': ({ server }) => {
      server.middlewares.use(async (req, res, next) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^.*?\/data\//, '');
        if (!req.url?.includes('/data/') || path.includes('..') || !/\.(json|csv|pdf|docx|md|txt)$/.test(path)) return next();
        const body = await readFile(join(DATA, normalize(path))).catch(() => null);
        if (!body) return next();
        res.setHeader('Content-Type', TYPES[path.split('.').at(-1)]);
        res.end(body);
      });
    },
  },
};

/**
 * Started by npm run build before the content build is done (KB_WAIT_FOR_CONTENT, scripts/build.ts),
 * Astro starts and bundles the site's code meanwhile, and renders no page before it is told that the
 * content build is done: a Vite plugin whose last step of the build (buildApp, after every bundle,
 * before Astro's own, which renders the pages) waits for the message. (The message may come first.)
 */
const contentDone =
  process.env.KB_WAIT_FOR_CONTENT && process.send
    ? new Promise((resolve) => {
        const told = (m) => {
          if (!m?.contentDone) return;
          // (Without a listener the channel no longer keeps Astro running when it is done.)
          process.off('message', told);
          resolve();
        };
        process.on('message', told);
      })
    : null;
const waitForContent = {
  name: 'kb-wait-for-content',
  buildApp: { order: 'post', handler: () => contentDone },
};

export default defineConfig({
  // With none configured there is none (never a placeholder domain): pages then leave out what needs one.
  site: corpus.site ?? undefined,
  base: corpus.base,
  trailingSlash: 'always',
  // Four pages at a time: Astro then renders one page while another is written (1,000 documents:
  // 41 s instead of 52; eight or sixteen at a time are no faster).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Corpus text is shown exactly as cleaned: no smart quotes, no GFM autolinks or strikethrough.
  markdown: { processor: unified({ smartypants: false, gfm: false }) },
  integrations: [mdx(), keptDist],
  devToolbar: { enabled: false },
  // Caches live in the project, not in node_modules, so that builds with another base path or
  // corpus (tests build copies of the project that share node_modules) never reuse each other's;
  // each corpus has its own.
  cacheDir: join(corpus.cacheDir, 'astro'),
  // dist/ is kept between builds and tidied by keptDist, not emptied.
  vite: { cacheDir: '.cache/vite', build: { emptyOutDir: false, cssCodeSplit: false }, plugins: [enhanceScriptModule, ...(contentDone ? [waitForContent] : [])] },
  compressHTML: true,
  // Document pages carry a cache key (src/lib/content.ts): a rebuild renders only the pages whose
  // documents, events or charts changed, and the pages whose code changed.
  // Pages rendered in worker threads when scripts/build.ts asks (a smaller corpus's site built from
  // nothing: each thread holds its own copy of the corpus's data), so that rendering has both cores
  // once the search index is done.
  experimental: { incrementalBuild: true, parallelPrerender: Number(process.env.KB_RENDER_THREADS) > 0 ? { workers: Number(process.env.KB_RENDER_THREADS) } : false },
});
