/**
 * The rules of the site's design that a machine can see, on the built seeds: Chinese punctuation on
 * reading pages (and the original kept on source pages), where the reader is (aria-current,
 * breadcrumbs), the home page's numbers from the data, previous/next and related documents, index
 * entry pages, no placeholder domain anywhere, and search whose counts are the terminal's.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, cleanEnv } from '../helpers/build.ts';
import { hasChromium, launch } from '../helpers/browser.ts';
import { useServer } from '../helpers/serve.ts';
import { ROOT } from '../helpers/seeds.ts';
import { dataList, documentData } from '../helpers/data.ts';

const DIST = join(ROOT, 'dist');
const page = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const data = <T>(name: string): T => JSON.parse(readFileSync(join(DIST, 'data', name), 'utf8')) as T;
let corpus: { documents: { id: string; title: string; published: string | null; source: string }[] };

beforeAll(() => {
  buildProject();
  corpus = data('corpus.json');
});

/** The text of an HTML fragment, tags dropped. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
/** A half-width mark with a Han character on both sides. */
const BETWEEN_HAN = /\p{Script=Han}[,:;?!()]\p{Script=Han}/gu;

describe('Chinese punctuation', () => {
  it('reading pages set the marks between Chinese full-width; the source page keeps the original; the page reports how many', () => {
    let original = 0;
    for (const d of corpus.documents) {
      const html = page(`docs/${d.id}`);
      const body = html.slice(html.indexOf('<div class="body">'), html.indexOf('<div class="after-text">'));
      expect(textOf(body).match(BETWEEN_HAN) ?? [], d.source).toEqual([]);
      expect(textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!)).not.toMatch(BETWEEN_HAN);
      const source = textOf(page(`docs/${d.id}/source`));
      const found = source.match(BETWEEN_HAN)?.length ?? 0;
      original += found;
      if (found > 0) expect(html).toMatch(/阅读页把 \d+ 处夹在汉字间的半角标点排成全角/);
    }
    // The seeds write them half-width hundreds of times.
    expect(original).toBeGreaterThan(500);
    // The data files keep the text as cleaned.
    const doc = documentData<{ blocks: { text: string }[] }>(DIST, corpus.documents[0]!.id);
    expect(doc.blocks.map((b) => b.text).join('\n')).toMatch(BETWEEN_HAN);
  });

  it('quotes on other pages are set the same way: events, passages, concordances, figures', () => {
    for (const path of ['timeline', 'models', 'terms/yilianti', 'figures']) {
      const main = page(path).split('<main id="main">')[1]!.split('</main>')[0]!;
      // (Chart drawings aside: their own titles are set, their numbers are the text's.)
      expect(textOf(main.replace(/<svg[\s\S]*?<\/svg>/g, '')).match(BETWEEN_HAN) ?? [], path).toEqual([]);
    }
  });
});

describe('wayfinding', () => {
  it('the navigation marks the current section: the section page itself, and every page within it', () => {
    const current = (html: string) => [...html.matchAll(/<nav class="site-nav"[\s\S]*?<\/nav>/g)][0]![0].match(/<a href="([^"]+)" aria-current="(page|true)"/)?.slice(1);
    expect(current(page('docs'))).toEqual(['/docs/', 'page']);
    expect(current(page(`docs/${corpus.documents[0]!.id}`))).toEqual(['/docs/', 'true']);
    expect(current(page('timeline'))).toEqual(['/timeline/', 'page']);
    expect(current(page('timeline/kind/policy'))).toEqual(['/timeline/', 'true']);
    expect(current(page('policies'))).toEqual(['/terms/', 'true']);
    expect(current(page('about'))).toEqual(['/about/', 'page']);
    expect(current(page(''))).toBeUndefined();
    expect(page('')).toMatch(/<a class="wordmark" href="\/" aria-current="page">/);
  });

  it('breadcrumbs lead from the home page to the page itself', () => {
    const d = corpus.documents[0]!;
    const crumbs = /<nav class="crumbs"[^>]*>([\s\S]*?)<\/nav>/.exec(page(`docs/${d.id}`))![1]!;
    expect(crumbs).toMatch(/<li><a href="\/">首页<\/a><\/li>\s*<li><a href="\/docs\/">文献<\/a><\/li>\s*<li aria-current="page"[^>]*>/);
    expect(/<nav class="crumbs"[^>]*>([\s\S]*?)<\/nav>/.exec(page('terms/yilianti'))![1]).toMatch(/href="\/terms\/">术语与索引<\/a><\/li>\s*<li aria-current="page">医联体<\/li>/);
  });

  it('every reading page links its previous and next document in the list, and related documents', () => {
    const list = [...page('docs').matchAll(/<h2[^>]*><a href="\/docs\/(\w+)\/">/g)].map((m) => m[1]!);
    expect(list).toHaveLength(corpus.documents.length);
    for (const [i, id] of list.entries()) {
      const html = page(`docs/${id}`);
      const prev = /<a href="\/docs\/(\w+)\/" rel="prev"/.exec(html)?.[1];
      const next = /<a href="\/docs\/(\w+)\/" rel="next"/.exec(html)?.[1];
      expect(prev).toBe(list[i - 1]);
      expect(next).toBe(list[i + 1]);
      expect(html).toMatch(/<h2 id="related-title">相关文献<\/h2>/);
    }
  });

  it('a reading page links the index entries and terms it names, each an own page listing its mentions', () => {
    const d = corpus.documents.find((x) => x.source.startsWith('000'))!;
    const html = page(`docs/${d.id}`);
    const links = [...html.matchAll(/<a class="chip" href="\/(policies|organisations|places|terms)\/(\w[\w-]*)\/">/g)].map((m) => `${m[1]}/${m[2]}`);
    for (const kind of ['policies', 'organisations', 'places', 'terms']) expect(links.some((l) => l.startsWith(kind)), kind).toBe(true);
    for (const l of links) {
      const entry = page(l);
      expect(entry, l).toContain(`href="/docs/${d.id}/#p-`);
      if (!l.startsWith('terms')) expect(entry, l).toContain('id="cite-first"');
    }
    expect(html).toContain('href="#doc-events-title"');
  });

  it('the contents column lists the page\'s charts, events and citation', () => {
    const d = corpus.documents.find((x) => x.source.startsWith('000'))!;
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(page(`docs/${d.id}`))![0];
    expect(toc).toContain('href="#chart-dejiang-visits"');
    expect(toc).toContain('href="#doc-events-title"');
    expect(toc).toContain('href="#cite"');
  });
});

describe('the home page', () => {
  it('shows the corpus at a glance, every number from the data', () => {
    const html = page('');
    const events = dataList<{ trusted: boolean }>(DIST, 'timeline');
    const figures = dataList(DIST, 'figures');
    const terms = dataList(DIST, 'terms');
    const stat = (label: string) => new RegExp(`<strong>([\\d,]+)</strong>${label}`).exec(html)?.[1]?.replaceAll(',', '');
    expect(stat('篇文献')).toBe(String(corpus.documents.length));
    expect(stat('个带日期的事件')).toBe(String(events.filter((e) => e.trusted).length));
    expect(stat('个数字')).toBe(String(figures.length));
    expect(stat('个术语')).toBe(String(terms.length));
    const publishers = new Set(corpus.documents.map((d) => (d as { publisher?: string }).publisher).filter(Boolean));
    expect(stat('个来源')).toBe(String(publishers.size));
    const years = corpus.documents.map((d) => d.published?.slice(0, 4)).filter(Boolean).sort();
    expect(html).toContain(`<strong>${years[0] === years.at(-1) ? years[0] : `${years[0]}–${years.at(-1)}`}</strong>时间跨度`);
    // A small timeline, a chart, a card for each part, the newest documents.
    expect(html).toMatch(/<svg[^>]*id="home-tl-wide"/);
    expect(html).toMatch(/<figure class="chart-figure" id="chart-/);
    for (const part of ['docs', 'timeline', 'figures', 'models', 'terms', 'policies', 'about']) expect(html, part).toMatch(new RegExp(`<li class="card"><h3><a href="/${part}/">`));
    expect((html.split('id="home-newest"')[1]!.match(/<h3[^>]*><a href="\/docs\//g) ?? []).length).toBe(Math.min(6, corpus.documents.length));
  });
});

describe('no placeholder domain', () => {
  it('no file of the built site names example.org (or any made-up address)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir)) {
        const f = join(dir, e);
        if (statSync(f).isDirectory()) walk(f);
        else if (/\.(html|json|csv|xml|js|txt)$/.test(e) && /example\.(org|com|cn)|site\.invalid/.test(readFileSync(f, 'utf8'))) offenders.push(f.slice(DIST.length));
      }
    };
    walk(DIST);
    expect(offenders).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('search in Chromium', () => {
  const base = useServer(DIST);
  const terminal = (q: string) => {
    const out = execFileSync('npx', ['tsx', 'scripts/search.ts', q, '--json', '--limit', '1'], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8' });
    return JSON.parse(out.slice(out.indexOf('{'))) as { total: number; documents: number; results: { text: string }[] };
  };

  it('says the true number of results, the terminal\'s, and shows all of them, grouped by document', async () => {
    const { total, documents } = terminal('医联体');
    expect(total).toBeGreaterThan(100);
    const context = await launch({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await p.goto(`${base()}search/?q=${encodeURIComponent('医联体')}`);
    await expect.poll(() => p.locator('#search-status').textContent()).toBe(`“医联体”：共 ${total} 处结果，分布在 ${documents} 篇文献中。`);
    // Every result is on the page, under its document: the best paragraph, the others under it (the rest of a document's written when opened).
    expect(await p.locator('.result').count()).toBe(documents);
    for (const summary of await p.locator('.result details > summary').all()) await summary.click();
    // (A details element's toggle event, on which the page writes the rest, comes as a task after the click.)
    const hits = () => p.evaluate(() => [...document.querySelectorAll('.result')].reduce((n, r) => n + 1 + r.querySelectorAll('.result-more li:not(:has(details))').length, 0));
    await expect.poll(hits).toBe(total);
    // Every query word is highlighted, in every excerpt.
    const marks = await p.locator('#search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(documents);
    for (const m of marks) expect(['医联体', '醫聯體']).toContain(m);
    // All documents fit one page here: no "more" button.
    expect(await p.locator('#search-more').isVisible()).toBe(false);
    // The header's box keeps the query.
    expect(await p.locator('#site-q').inputValue()).toBe('医联体');
    // A glossary term: its page first, and its other names one click away (still exact).
    expect(await p.locator('#search-offer a[href="/terms/yilianti/"]').count()).toBe(1);
    await p.locator('#search-offer a[href*="variants=1"]').click();
    await expect.poll(() => p.locator('#search-status').textContent()).toMatch(/^“医联体”及其他写法：共 \d+ 处结果/);
    const withVariants = Number(/共 (\d+) 处/.exec((await p.locator('#search-status').textContent())!)![1]);
    expect(withVariants).toBeGreaterThanOrEqual(total);
    await context.close();
  });

  it('finds 6:3:1 written 6∶3∶1, and helps when nothing matches', async () => {
    const context = await launch({ viewport: { width: 390, height: 844 } });
    const p = await context.newPage();
    const ratio = terminal('6:3:1');
    expect(ratio.total).toBe(1);
    expect(ratio.results[0]!.text).toContain('6∶3∶1');
    await p.goto(`${base()}search/?q=${encodeURIComponent('6:3:1')}`);
    await expect.poll(() => p.locator('.result mark').first().textContent()).toBe('6∶3∶1');
    await p.goto(`${base()}search/?q=${encodeURIComponent('医联体 不存在的说法')}`);
    await expect.poll(() => p.locator('#search-status').textContent()).toBe('没有找到包含“医联体 不存在的说法”的段落。');
    expect(await p.locator('#search-help').isVisible()).toBe(true);
    expect(await p.locator('#search-help a', { hasText: '医联体' }).getAttribute('href')).toMatch(/q=%E5%8C%BB%E8%81%94%E4%BD%93$/);
    expect(await p.locator('#search-help a[href="/terms/"]').count()).toBe(1);
    expect(await p.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(1);
    await context.close();
  });
});
