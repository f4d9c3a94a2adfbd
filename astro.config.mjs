// The site's absolute URL (citations, canonical links) and base path come from the environment.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.org',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Corpus text is shown exactly as cleaned: no smart quotes, no GFM autolinks or strikethrough.
  markdown: { processor: unified({ smartypants: false, gfm: false }) },
  integrations: [mdx()],
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
