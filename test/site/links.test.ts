/** Every internal link and fragment resolves, at the site root and under a base path. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCopy } from '../helpers/build.ts';
import { checkLinks } from '../helpers/links.ts';
import { SEEDS } from '../helpers/seeds.ts';

describe('internal links', () => {
  it('all resolve with the site at the root of its host', () => {
    const out = buildCopy(SEEDS);
    const { checked, problems } = checkLinks(join(out.dir, 'dist'), '/');
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  it('all resolve, and stay under the base path, with the site under /kb/', () => {
    const out = buildCopy(SEEDS, { BASE_PATH: '/kb/', SITE_URL: 'https://reports.example.cn' });
    const dist = join(out.dir, 'dist');
    const { checked, problems } = checkLinks(dist, '/kb/');
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(300);
    const corpus = JSON.parse(readFileSync(join(dist, 'data', 'corpus.json'), 'utf8'));
    expect(corpus.documents[0].url).toMatch(/^https:\/\/reports\.example\.cn\/kb\/docs\/\w+\/$/);
    expect(readFileSync(join(dist, 'sitemap.xml'), 'utf8')).toContain('<loc>https://reports.example.cn/kb/docs/</loc>');
  });

  it('the link checker itself catches a broken link and a missing fragment', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kb-links-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'index.html'), '<a href="/a/">ok</a><a href="/b/">broken</a><a href="/a/#x">fragment</a><a href="#top">self</a><p id="top"></p>');
    writeFileSync(join(dir, 'a', 'index.html'), '<p id="y"></p>');
    expect(checkLinks(dir).problems).toEqual(['/: /b/ -> no such file', '/: /a/#x -> no element with id x']);
  });
});
