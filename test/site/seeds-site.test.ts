/** The seeds site as readers get it: the built HTML and data files, and a real browser. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataCsv, dataList, documentData } from '../helpers/data.ts';
import { buildProject } from '../helpers/build.ts';
import { hasChromium, launch } from '../helpers/browser.ts';
import { useServer } from '../helpers/serve.ts';
import { ROOT } from '../helpers/seeds.ts';

const DIST = join(ROOT, 'dist');
let log = '';
let corpus: { documents: { id: string; title: string; url: string; source: string }[] };
const REGISTRY = join(ROOT, 'content', 'registry.json');
let registryBefore = '';

beforeAll(() => {
  registryBefore = readFileSync(REGISTRY, 'utf8');
  log = buildProject().log;
  corpus = JSON.parse(readFileSync(join(DIST, 'data', 'corpus.json'), 'utf8'));
});

const page = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const idOf = (prefix: string) => corpus.documents.find((d) => d.source.startsWith(prefix))!.id;

describe('the built seeds site', () => {
  it('leaves the committed registry as it was: its documents, and its entries with pages of their own (run npm run prepare-content and commit it when this fails)', () => {
    expect(readFileSync(REGISTRY, 'utf8')).toBe(registryBefore);
    expect(registryBefore).toContain('"entries"');
  });
  it('reports progress and builds one reading page per seed', () => {
    expect(log).toMatch(/\[decode\] 5\/5/);
    expect(log).toMatch(/\[clean\] 5\/5/);
    // No site URL is configured: the build says so, and nothing links a made-up domain.
    expect(log).toMatch(/\[site\] no site URL configured/);
    expect(corpus.documents).toHaveLength(5);
    for (const d of corpus.documents) {
      expect(existsSync(join(DIST, 'docs', d.id, 'index.html'))).toBe(true);
      expect(existsSync(join(DIST, 'docs', d.id, 'source', 'index.html'))).toBe(true);
      expect(d.url).toBe(`/docs/${d.id}/`);
    }
  });

  it('writes reading pages with paragraph ids, the right language and no script', () => {
    for (const d of corpus.documents) {
      const html = page(`docs/${d.id}`);
      // One small inline script (the / shortcut, copy buttons, links that work from disk, the contents' marker); no script file is loaded.
      expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
      expect((html.match(/<script/g) ?? []).length).toBeLessThanOrEqual(1);
      const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
      expect(Buffer.byteLength(inline)).toBeLessThanOrEqual(4096);
      expect(html).toMatch(/<html lang="zh-(CN|Hant)"/);
      expect((html.match(/<p id="p-[a-z2-9-]+"/g) ?? []).length).toBeGreaterThan(5);
    }
    const html = page(`docs/${idOf('000')}`);
    expect(html).toContain('夏宇豪');
    expect(html).toContain('2018年6月9日');
    expect(html).not.toContain('获取验证码');
    expect(html).not.toContain('image.png');
    expect(html).not.toContain('{{detail');
  });

  it('offers the simplified rendering of the traditional seed', () => {
    const id = idOf('003');
    expect(page(`docs/${id}`)).toMatch(/<html lang="zh-Hant"/);
    const simplified = page(`docs/${id}/simplified`);
    expect(simplified).toContain('医联体');
    // It cites the original page (there is no canonical link without a site URL: see links.test.ts for one with it).
    expect(simplified).toContain(`data-path="/docs/${id}/"`);
    expect(simplified).not.toContain('rel="canonical"');
  });

  it('shows the original text with removed lines and their reasons on the source page', () => {
    const html = page(`docs/${idOf('000')}/source`);
    expect(html).toContain('获取验证码');
    expect(html).toContain('用户协议 / 隐私条款');
    expect(html).toMatch(/<tr id="l77"/);
  });

  it('publishes the data files', () => {
    const doc = documentData<{ blocks: unknown[]; cleaning: { removed: unknown[] } }>(DIST, idOf('000'));
    expect(doc).toMatchObject({ title: '重构医疗生产关系,带来商业新机会——医联体商业价值报告', author: '夏宇豪', published: '2018-06-09', script: 'simplified' });
    expect(doc.blocks[0]).toMatchObject({ id: expect.any(String), type: expect.any(String), text: expect.any(String) });
    expect(doc.cleaning.removed[0]).toEqual({ line: 1, text: '动脉网知识库', reason: 'site-chrome' });
  });
});

describe.skipIf(!hasChromium)('a reader in Chromium', () => {
  const base = useServer(DIST);

  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    it(`reads a document and follows a paragraph link at ${viewport.width}px`, async () => {
      const context = await launch({ viewport });
      const p = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      p.on('requestfailed', (r) => errors.push(`failed ${r.url()}`));
      p.on('request', (r) => requests.push(r.resourceType()));
      await p.goto(base());
      await p.getByRole('link', { name: '文献', exact: true }).first().click();
      await p.getByRole('link', { name: '重构医疗生产关系，带来商业新机会——医联体商业价值报告' }).click();
      await expect.poll(() => p.locator('h1').textContent()).toBe('重构医疗生产关系，带来商业新机会——医联体商业价值报告');
      const tocLink = p.locator('.doc-aside a', { hasText: '4、六个维度' });
      if (viewport.width >= 1024) await tocLink.click();
      else await p.goto(new URL((await tocLink.getAttribute('href'))!, p.url()).href);
      const target = await p.evaluate(() => document.querySelector(':target')?.textContent);
      expect(target).toBe('4、六个维度，分析各型医联体差异');
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      expect(requests).not.toContain('script');
      expect(errors).toEqual([]);
      await p.screenshot({ path: join(ROOT, 'test-results', `reading-${viewport.width}.png`) });
      await context.close();
    });
  }

  it('copies a citation and a paragraph link, and the link leads back to the paragraph', async () => {
    const context = await launch({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const p = await context.newPage();
    const id = idOf('000');
    await p.goto(`${base()}docs/${id}/`);
    const meta = await p.evaluate(() => Object.fromEntries([...document.querySelectorAll('meta[name^="citation_"], meta[property^="og:"], link[rel="canonical"]')].map((m) => [m.getAttribute('name') ?? m.getAttribute('property') ?? 'canonical', m.getAttribute('content') ?? m.getAttribute('href')])));
    // A web page as Zotero files it (og:type website); without a site URL, no address of its own in the metadata.
    expect(meta).toMatchObject({
      citation_title: '重构医疗生产关系,带来商业新机会——医联体商业价值报告',
      citation_author: '夏, 宇豪',
      citation_publication_date: '2018/06/09',
      citation_language: 'zh',
      'og:type': 'website',
    });
    expect(meta).not.toHaveProperty('canonical');
    expect(meta).not.toHaveProperty('citation_public_url');
    expect(meta).not.toHaveProperty('citation_technical_report_institution');
    await p.locator('button.copy[data-copy="cite-first"]').click();
    const citation = await p.evaluate(() => navigator.clipboard.readText());
    // The address the page is read at, in place of the site-relative path the page was built with.
    expect(citation).toBe(`[1] 夏宇豪. 重构医疗生产关系,带来商业新机会——医联体商业价值报告[EB/OL]. （2018-06-09）[${citation.match(/\[(\d{4}-\d{2}-\d{2})\]/)![1]}]. ${base()}docs/${id}/.`);
    expect(await p.locator('.here-note').count()).toBe(0);
    const paragraph = p.locator('p[id^="p-"]', { hasText: '以德江县“医共体”为例' });
    await paragraph.hover();
    await paragraph.locator('a.self-link').click();
    const link = await p.evaluate(() => navigator.clipboard.readText());
    const pid = await paragraph.getAttribute('id');
    expect(link).toContain(`/docs/${id}/#${pid}:~:text=`);
    // 引用本段: the cite panel now cites that paragraph, by its number and its address.
    const n = await p.evaluate((pid) => [...document.querySelectorAll('.body > p[id^="p-"], .body > ol[id^="p-"], .body table[id^="p-"]')].findIndex((e) => e.id === pid) + 1, pid);
    await expect.poll(() => p.locator('#cite-paragraph h3').textContent()).toBe(`引用第 ${n} 段`);
    expect(await p.locator('#cite-paragraph-text').textContent()).toContain(`${base()}docs/${id}/#${pid}.`);
    const p2 = await context.newPage();
    await p2.goto(link);
    // The browser applies the fragment (and strips the text directive) after load: wait for it.
    await expect.poll(() => p2.evaluate(() => document.querySelector(':target')?.textContent ?? ''), { timeout: 5000 }).toContain('以德江县“医共体”为例');
    expect(await p2.evaluate(() => location.hash)).toBe(`#${pid}`);
    await context.close();
  });

  it('works in the dark colour scheme and with JavaScript disabled', async () => {
    const context = await launch({ colorScheme: 'dark', javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
    const p = await context.newPage();
    await p.goto(`${base()}docs/${idOf('003')}/`);
    const bg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(22, 24, 27)');
    await p.getByRole('link', { name: '简体' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toContain('远程心界');
    await p.screenshot({ path: join(ROOT, 'test-results', 'simplified-dark.png') });
    await context.close();
  });
});

describe('the timeline', () => {
  const timeline = () => ({ events: dataList<{ id: string; date: string; kind: string; trusted: boolean; url: string; text: string; doc: string; paragraph: string; sources: { url: string }[] }>(DIST, 'timeline') });

  it('publishes the timeline (data/timeline/, by year) as JSON and CSV with the same events', () => {
    const { events } = timeline();
    expect(events.length).toBe(73);
    const e = events.find((x) => x.date === '2017-04-23')!;
    expect(e).toMatchObject({ precision: 'day', kind: 'policy', trusted: true, url: `/docs/${idOf('000')}/#p-${e.paragraph}` });
    expect(e.sources).toHaveLength(3);
    const csv = dataCsv(DIST, 'timeline');
    expect(csv.startsWith('\ufeffid,date,end,precision')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(events.length + 1);
  });

  it('draws the axis as static SVG with a title, a description and the data as a table, and lists every event', () => {
    const html = page('timeline');
    // A group of links (the policy milestones), each to its event in the list below.
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="tl-wide-title tl-wide-desc"/);
    expect(html).toMatch(/<desc id="tl-wide-desc">1990年至2020年共 46 个事件；/);
    const milestones = [...html.matchAll(/<a href="#(e-[^"]+)" class="tl-milestone"/g)].map((m) => m[1]!);
    expect(milestones.length).toBeGreaterThan(3);
    for (const id of milestones) expect(html).toContain(`<li id="${id}"`);
    expect((html.match(/<li id="e-/g) ?? []).length).toBe(73);
    expect(html).toContain('<th scope="row"><a href="#y-2017">2017</a></th><td>17</td>');
    // Filter pages work without JavaScript; a document's filter link leads to its reading page's events.
    const policies = page('timeline/kind/policy');
    expect((policies.match(/<li id="e-/g) ?? []).length).toBe(timeline().events.filter((e) => e.kind === 'policy').length);
    expect(html).toContain(`href="/docs/${idOf('003')}/#doc-events-title"`);
    expect(page(`docs/${idOf('003')}`)).toContain('今年4月');
  });

  it("shows a document's own events on its reading page, linked to its paragraphs", () => {
    const html = page(`docs/${idOf('001')}`);
    expect(html).toContain('id="doc-events-title"');
    const links = [...html.matchAll(/<p class="event-text"><a href="#p-(\w+)">/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const id of links) expect(html).toContain(`id="p-${id}"`);
  });
});

describe('figures and charts', () => {
  const figures = () => ({ figures: dataList<{ id: string; text: string; value: number; unit: string; doc: string; paragraph: string; url: string; context: string }>(DIST, 'figures') });

  it('publishes the figures (data/figures/) as JSON and CSV with the same figures, each linked to its paragraph', () => {
    const all = figures().figures;
    expect(all).toHaveLength(186);
    const f = all.find((x) => x.text === '1.72亿' || x.text === '超过1.72亿')!;
    expect(f).toMatchObject({ value: 172000000, unit: '', doc: idOf('001') });
    expect(f.url).toBe(`/docs/${f.doc}/#p-${f.paragraph}`);
    expect(page(`docs/${f.doc}`)).toContain(`id="p-${f.paragraph}"`);
    const csv = dataCsv(DIST, 'figures');
    expect(csv.startsWith('\ufeffid,value,upper,unit,')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(all.length + 1);
  });

  it('shows every chart and every figure on /figures/, and filtered pages by document and unit', () => {
    const html = page('figures');
    expect(html.match(/<figure class="chart-figure" id="chart-/g)).toHaveLength(9);
    expect(html.match(/<tr id="f-/g)).toHaveLength(186);
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(18); // a wide and a narrow drawing of each
    for (const id of ['dejiang-visits', 'huaxi-effects']) expect(existsSync(join(DIST, 'data', 'charts', `${id}.csv`))).toBe(true);
    const percent = page('figures/unit/percent');
    expect(percent.match(/<tr id="f-/g)).toHaveLength(figures().figures.filter((f) => f.unit === '%').length);
    // A document's filter link leads to its reading page (its figures are in its text, its chart beside them).
    expect(html).toContain(`href="/docs/${idOf('003')}/"`);
    expect(page(`docs/${idOf('003')}`)).toContain('id="chart-yuancheng-network"');
    // A unit with no figure today still has its page (links never break).
    expect(page('figures/unit/gongli')).toContain('没有符合条件的数字');
  });

  it('puts each chart on its reading page right after the paragraph it illustrates', () => {
    const html = page(`docs/${idOf('000')}`);
    const paragraph = html.indexOf('id="p-7njtz5"');
    const chart = html.indexOf('id="chart-dejiang-visits"');
    expect(paragraph).toBeGreaterThan(0);
    expect(chart).toBeGreaterThan(paragraph);
    expect(html.slice(paragraph, chart)).not.toMatch(/<p id=/);
    expect(html.match(/<figure class="chart-figure"/g)).toHaveLength(5); // 德江, the survey, the obstacles, policies per year, provinces
  });
});

describe.skipIf(!hasChromium)('a reader on /figures/', () => {
  const base = useServer(DIST);

  it('reads the charts on a phone and a desktop, filters by unit, and follows a value to its sentence', async () => {
    const context = await launch({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await p.goto(`${base()}figures/`);
    const chart = p.getByRole('img', { name: '华西医院医联体的效果：合作后各项比例与人次的变化' }).first();
    await expect.poll(() => chart.isVisible()).toBe(true);
    expect(await p.locator('.chart-wide .chart-diverging .ch-neg').count()).toBe(3);
    await p.screenshot({ path: join(ROOT, 'test-results', 'figures-1280.png'), fullPage: true });
    // Filter by unit (a static page), then all again.
    await p.locator('.filters a', { hasText: '百分比' }).click();
    await expect.poll(() => p.locator('tbody tr[id^="f-"]:visible').count()).toBe(21);
    expect(p.url()).toMatch(/figures\/unit\/percent\/$/);
    expect(await p.locator('#chart-dejiang-visits').isVisible()).toBe(true); // its change is a percentage
    expect(await p.locator('#chart-chongyi-referrals').isVisible()).toBe(false);
    await p.locator('.filter-status a').click();
    // Minor figures (counts of the text's own points, page counts) are folded away; opened, all 186 show.
    const minor = await p.locator('.minor-figures tbody tr[id^="f-"]').count();
    expect(minor).toBeGreaterThan(0);
    await expect.poll(() => p.locator('tbody tr[id^="f-"]:visible').count()).toBe(186 - minor);
    await p.locator('.minor-figures summary').click();
    await expect.poll(() => p.locator('tbody tr[id^="f-"]:visible').count()).toBe(186);
    // A value in a chart's table leads to its sentence.
    await p.locator('#chart-dejiang-visits .chart-data a', { hasText: '417403人次' }).click();
    await expect.poll(() => p.evaluate('document.querySelector(":target") && document.querySelector(":target").textContent')).toContain('较去年同期417403人次');
    expect(await p.locator('#chart-dejiang-visits').isVisible()).toBe(true); // the chart sits right below that paragraph
    expect(errors).toEqual([]);
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto(`${base()}figures/`);
    expect(await p.locator('#chart-xinyi-consultations .chart-narrow svg').isVisible()).toBe(true);
    expect(await p.locator('#chart-xinyi-consultations .chart-wide svg').isVisible()).toBe(false);
    expect(await p.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(1);
    await p.screenshot({ path: join(ROOT, 'test-results', 'figures-390.png'), fullPage: true });
    await context.close();
  });
});

describe('models, terms and indexes', () => {
  // models.json whole, the other lists in parts.
  const data = (name: string) => (name === 'models' ? JSON.parse(readFileSync(join(DIST, 'data', 'models.json'), 'utf8')) : dataList(DIST, name));
  /** Every paragraph link a data file gives, found anywhere in it. */
  const urls = (x: unknown): string[] => (typeof x === 'string' ? (/^\/docs\/[^/]+\/#p-/.test(x) ? [x] : []) : x && typeof x === 'object' ? Object.values(x).flatMap(urls) : []);

  it('links every mention and passage to a paragraph that exists', () => {
    const all = ['terms', 'term-mentions', 'models', 'policies', 'organisations', 'places'].flatMap((n) => urls(data(n)));
    expect(all.length).toBeGreaterThan(1000);
    for (const url of new Set(all)) {
      const [, doc, paragraph] = /docs\/([^/]+)\/#(p-.+)$/.exec(url)!;
      expect(page(`docs/${doc}`), url).toContain(`id="${paragraph}"`);
    }
  });

  it('publishes the glossary, the indexes and the filled matrix', () => {
    const terms = dataList<{ id: string; definition: { text: string }; counts: Record<string, number> }>(DIST, 'terms');
    expect(terms.length).toBeGreaterThanOrEqual(25);
    const yilianti = terms.find((t) => t.id === 'yilianti')!;
    expect(yilianti.definition.text).toMatch(/^区域性医疗联合体,简称医联体,主要是指/);
    expect(Object.keys(yilianti.counts)).toHaveLength(5);
    for (const t of terms) expect(existsSync(join(DIST, 'terms', t.id, 'index.html'))).toBe(true);
    const models = data('models');
    const cells = Object.values(models.matrix as Record<string, Record<string, { passages: unknown[] }>>).flatMap((row) => Object.values(row));
    expect(cells.filter((c) => c.passages.length > 0)).toHaveLength(18);
    expect(page('models').match(/class="matrix-cell"/g)).toHaveLength(18);
    expect(dataList(DIST, 'policies').length).toBeGreaterThanOrEqual(7);
    expect(page('organisations')).toContain('2018年改组为国家卫生健康委员会');
  });

  it('links each term where it first occurs on a reading page', () => {
    const html = page(`docs/${idOf('000')}`);
    expect(html.match(/<a class="term-link" href="\/terms\/yilianti\/"/g)).toHaveLength(1);
    const first = html.indexOf('class="term-link" href="/terms/yilianti/"');
    expect(html.slice(html.indexOf('<div class="prose">'), first)).not.toMatch(/<p id="p-[^"]+">[^<]*医联体/);
  });
});

describe.skipIf(!hasChromium)('a reader on /models/', () => {
  const base = useServer(DIST);

  it('reads the matrix on a phone without sideways scrolling, and follows a quote to its paragraph', async () => {
    const context = await launch({ viewport: { width: 390, height: 844 } });
    const p = await context.newPage();
    await p.goto(`${base()}models/`);
    expect(await p.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(1);
    // On a phone the cells of a dimension stack: each type's cell is as wide as the text column.
    const widths = (await p.evaluate('[...document.querySelectorAll("#dim-management + .matrix-cells .matrix-cell")].map((c) => c.getBoundingClientRect().width)')) as number[];
    expect(widths).toHaveLength(3);
    for (const w of widths) expect(w).toBeGreaterThan(300);
    await p.screenshot({ path: join(ROOT, 'test-results', 'models-390.png') });
    await p.locator('#cell-loose-management .passage-source').first().click();
    await expect.poll(() => p.evaluate('document.querySelector(":target") && document.querySelector(":target").textContent')).toContain('山东青州医联体（松散型）');
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.goto(`${base()}models/`);
    const row = (await p.evaluate('[...document.querySelectorAll("#dim-management + .matrix-cells .matrix-cell")].map((c) => Math.round(c.getBoundingClientRect().top))')) as number[];
    expect(new Set(row).size).toBe(1); // side by side on a desktop
    await context.close();
  });
});

describe.skipIf(!hasChromium)('a reader on the timeline', () => {
  const base = useServer(DIST);

  it('reads the chart, filters by kind, and follows an event to its paragraph', async () => {
    const context = await launch({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await p.goto(`${base()}timeline/`);
    const chart = p.getByRole('group', { name: '事件时间轴' }).first();
    await expect.poll(() => chart.isVisible()).toBe(true);
    expect(await p.locator('.chart-wide .tl-bar').count()).toBeGreaterThan(10);
    // Each policy milestone names its event and links to it in the list below; none covers another.
    const milestone = (await p.locator('.chart-wide .tl-milestone title').first().textContent())!;
    expect(milestone).toMatch(/^2016年8月：2016年8月，卫计委/);
    expect(await p.locator('li.event', { hasText: '卫计委（后改名卫健委）' }).count()).toBe(1);
    const boxes = (await p.locator('.chart-wide .tl-marker').evaluateAll((ms) => ms.map((m) => m.getBoundingClientRect().toJSON()))) as DOMRect[];
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5).toBe(true);
    await p.locator('.chart-wide a.tl-milestone').first().click();
    await expect.poll(() => p.evaluate('location.hash')).toMatch(/^#e-/);
    expect(await p.evaluate('document.querySelector(":target").tagName')).toBe('LI');
    await p.goto(`${base()}timeline/`);
    // Filtering in place (JavaScript) shows the policies only and says so.
    await p.locator('.filters a[data-filter="kind/policy"]').click();
    await expect.poll(() => p.locator('li.event:visible').count()).toBe(await p.locator('li.event[data-filters~="kind/policy"]').count());
    expect(p.url()).toMatch(/timeline\/kind\/policy\/$/);
    expect(await p.locator('.filter-status').textContent()).toContain('政策文件');
    // Follow the guidance of 2017-04-23 to the paragraph that tells it.
    const item = p.locator('li.event', { has: p.locator('time[datetime="2017-04-23"]') });
    await item.locator('.event-sources a').first().click();
    await expect.poll(() => p.evaluate('document.querySelector(":target") && document.querySelector(":target").textContent')).toContain('当月23日，国务院办公厅发布了');
    // Back on the filtered timeline (restored or reloaded, it shows the same), then all events again.
    await p.goBack();
    // Restored, the complete page shows only its policies; reloaded, the filtered page lists only policies.
    const visible = p.locator('li.event:visible');
    await expect.poll(async () => (await visible.count()) > 0 && (await visible.count()) === (await p.locator('li.event:visible:has(.kind-policy)').count())).toBe(true);
    await p.locator('.filter-status a').click();
    await expect.poll(() => p.locator('li.event:visible').count()).toBe(73);
    expect(await p.locator('h1').textContent()).toBe('时间线');
    expect(errors).toEqual([]);
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto(`${base()}timeline/`);
    expect(await p.locator('.chart-narrow svg').isVisible()).toBe(true);
    expect(await p.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(1);
    await p.screenshot({ path: join(ROOT, 'test-results', 'timeline-390.png') });
    await context.close();
  });
});

describe.skipIf(!hasChromium)('a reader following an old link', () => {
  const base = useServer(DIST);

  it('to a document\'s timeline or figures page lands on its reading page (its events, its top); to a corpus-wide data file, on its index of parts; to an index entry that never had a page, on the 404 page pointing to the index', async () => {
    const context = await launch({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    const id = idOf('000');
    await p.goto(`${base()}timeline/doc/${id}/`);
    await expect.poll(() => p.url()).toBe(`${base()}docs/${id}/#doc-events-title`);
    await p.goto(`${base()}figures/doc/${id}/`);
    await expect.poll(() => p.url()).toBe(`${base()}docs/${id}/`);
    await p.goto(`${base()}data/timeline.json`);
    await expect.poll(() => p.url()).toBe(`${base()}data/timeline/index.json`);
    await p.goto(`${base()}policies/never-was/`);
    await expect.poll(() => p.locator('#not-found-text a').getAttribute('href')).toBe('/policies/');
    await context.close();
  });
});
