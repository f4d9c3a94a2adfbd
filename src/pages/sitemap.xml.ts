/**
 * /sitemap.xml: every page a reader or a search engine should find (absolute URLs, base path
 * included). A sitemap holds absolute addresses only: with no site URL configured it is empty and
 * says why, rather than listing a made-up domain.
 */
import type { APIContext } from 'astro';
import { loadCorpus } from '../site/content.ts';
import { href } from '../site/paths.ts';

export function GET({ site }: APIContext) {
  const { documents } = loadCorpus();
  const paths = ['', 'docs/', 'about/', ...documents.flatMap((d) => [`docs/${d.id}/`, `docs/${d.id}/source/`])];
  const urls = site ? paths.map((p) => `  <url><loc>${new URL(href(p), site).href}</loc></url>`).join('\n') : '  <!-- no site URL configured (SITE_URL): a sitemap lists absolute addresses only -->';
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}
