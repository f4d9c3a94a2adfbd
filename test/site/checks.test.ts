/**
 * The built seeds site checked the way readers and hosts meet it: HTML validity, accessibility
 * (axe-core, both colour schemes), keyboard use, JavaScript off, print, and page weight.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../helpers/build.ts';
import { htmlFiles } from '../helpers/links.ts';
import { hasChromium, launch } from '../helpers/browser.ts';
import { useServer } from '../helpers/serve.ts';
import { ROOT } from '../helpers/seeds.ts';

const DIST = join(ROOT, 'dist');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let kinds: Record<string, string>;
beforeAll(() => {
  buildProject();
  const corpus = JSON.parse(readFileSync(join(DIST, 'data', 'corpus.json'), 'utf8'));
  const id = corpus.documents.find((d: { source: string }) => d.source.startsWith('000')).id;
  const trad = corpus.documents.find((d: { source: string }) => d.source.startsWith('003')).id;
  const table = corpus.documents.find((d: { source: string }) => d.source.startsWith('002')).id;
  kinds = {
    home: '',
    'document list': 'docs/',
    'reading page': `docs/${id}/`,
    'reading page (table)': `docs/${table}/`,
    'reading page (traditional)': `docs/${trad}/`,
    'simplified page': `docs/${trad}/simplified/`,
    'source page': `docs/${id}/source/`,
    about: 'about/',
    timeline: 'timeline/',
    'timeline (filtered)': 'timeline/kind/policy/',
    figures: 'figures/',
    'figures (filtered)': 'figures/unit/percent/',
    models: 'models/',
    terms: 'terms/',
    'term page': 'terms/yilianti/',
    policies: 'policies/',
    organisations: 'organisations/',
    places: 'places/',
    search: 'search/?q=%E5%8D%8E%E8%A5%BF%E5%8C%BB%E9%99%A2',
    'not found': '404.html',
  };
}, 300_000);

describe('HTML validity', () => {
  it('every page passes html-validate (recommended rules) with no errors or warnings', async () => {
    const hv = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    const files = htmlFiles(DIST);
    for (const f of files) {
      const report = await hv.validateString(readFileSync(f, 'utf8'), f);
      for (const r of report.results) for (const m of r.messages) problems.push(`${f.slice(DIST.length)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it('the validator catches what it guards (a duplicate id, a block in a paragraph)', async () => {
    const hv = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const r = await hv.validateString('<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><p id="a"><div>x</div></p><p id="a"></p></body></html>');
    expect(r.valid).toBe(false);
  });
});

describe('page weight', () => {
  it('keeps reading pages light: HTML, one stylesheet shared by every page, one tiny inline script, nothing else to fetch', () => {
    const rows = Object.entries(kinds).map(([kind, path]) => {
      path = path.split('?')[0]!;
      const file = path.endsWith('.html') ? join(DIST, path) : join(DIST, path, 'index.html');
      const html = readFileSync(file, 'utf8');
      // Each page links the sheet by a path relative to itself (it loads from disk too): the file it names.
      const page = new URL(path === '' || path.endsWith('/') || path.endsWith('.html') ? path : `${path}/`, 'http://site/').href;
      const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => new URL(m[1]!, page).pathname);
      const scripts = [...html.matchAll(/<script[^>]+src="[^"]+"/g)].length;
      const script = [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
      return { kind, bytes: statSync(file).size, gzipped: gzipSync(html, { level: 9 }).length, sheets, script, scripts };
    });
    // One stylesheet for the whole site (a reader's browser keeps it: at 10,000 documents inline CSS would be 500 MB of the site).
    const sheet = rows[0]!.sheets[0]!;
    const css = readFileSync(join(DIST, sheet.replace(/^\//, '')));
    console.log(`stylesheet ${sheet}: ${css.length} B, ${gzipSync(css, { level: 9 }).length} B gzipped`);
    console.log(rows.map((r) => `${r.kind.padEnd(28)} ${String(r.bytes).padStart(7)} B, ${String(r.gzipped).padStart(6)} B gzipped (inline script ${r.script} B)`).join('\n'));
    // Nothing else is fetched before the reader searches: the search page adds its script itself (a module over http, a classic script from disk).
    for (const r of rows) {
      expect(r.sheets, r.kind).toEqual([sheet]);
      expect(r.scripts, r.kind).toBe(0);
    }
    expect(readFileSync(join(DIST, 'search', 'index.html'), 'utf8')).toContain("'kb-search/search-page.js'");
    // The budgets: a reading page is at most 60 KB gzipped with its CSS, and carries at most 4 KB of inline script.
    const cssGzipped = gzipSync(css, { level: 9 }).length;
    for (const r of rows.filter((x) => x.kind.startsWith('reading page') || x.kind === 'simplified page')) {
      expect(r.gzipped + cssGzipped, r.kind).toBeLessThanOrEqual(60 * 1024);
      expect(r.script, r.kind).toBeLessThanOrEqual(4096);
    }
    expect(rows.find((r) => r.kind === 'home')!.gzipped + cssGzipped).toBeLessThan(20_000);
  });
});

describe.skipIf(!hasChromium)('in Chromium', () => {
  const base = useServer(DIST);

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe-core finds no accessibility violations on any kind of page (${scheme})`, async () => {
      const context = await launch({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const p = await context.newPage();
      const found: string[] = [];
      for (const [kind, path] of Object.entries(kinds)) {
        await p.goto(base() + path);
        if (kind === 'search') await p.waitForSelector('.result');
        await p.addScriptTag({ content: AXE });
        const result = await p.evaluate(async () => (await (window as unknown as { axe: { run: (o?: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] })));
        for (const v of result.violations) found.push(`${kind}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('fits every kind of page on a phone and a desktop, light and dark, with no console error and no failed request', async () => {
    const problems: string[] = [];
    for (const [scheme, width] of [['light', 390], ['dark', 390], ['light', 1280]] as const) {
      const context = await launch({ colorScheme: scheme, viewport: { width, height: 844 } });
      const p = await context.newPage();
      p.on('console', (m) => m.type() === 'error' && problems.push(`${scheme} ${width}: console: ${m.text()}`));
      p.on('requestfailed', (r) => problems.push(`${scheme} ${width}: failed request ${r.url()}`));
      p.on('response', (r) => r.status() >= 400 && problems.push(`${scheme} ${width}: ${r.status()} ${r.url()}`));
      for (const [kind, path] of Object.entries(kinds)) {
        if (kind === 'not found') continue;
        await p.goto(base() + path);
        if (kind === 'search') await p.waitForSelector('.result');
        const overflow = (await p.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
        if (overflow > 1) problems.push(`${scheme} ${width}: ${kind} scrolls sideways by ${overflow}px`);
        // Each navigation link on one line (squeezed, 时间线 broke into one character per line).
        const broken = (await p.evaluate('[...document.querySelectorAll(".site-nav li")].filter((li) => li.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(li).lineHeight)).map((li) => li.textContent)')) as string[];
        if (broken.length) problems.push(`${scheme} ${width}: ${kind} breaks navigation links over lines: ${broken.join(', ')}`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('is usable from the keyboard: the skip link comes first, focus is visible, copy buttons are reachable', async () => {
    const context = await launch({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await p.goto(base() + kinds.about);
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const outline = await p.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await p.keyboard.press('Tab');
      reached.add(await p.evaluate(() => document.activeElement?.tagName + '.' + (document.activeElement?.className ?? '')));
    }
    expect(reached).toContain('BUTTON.copy');
    await context.close();
  });

  it('works with JavaScript disabled: navigation, contents, anchors, the script switch, the cite panel', async () => {
    const context = await launch({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const p = await context.newPage();
    await p.goto(base());
    await p.getByRole('link', { name: '文献', exact: true }).first().click();
    await p.getByRole('link', { name: '遠程心界：以醫聯體助力分級診療' }).first().click();
    await p.getByRole('link', { name: '醫聯體助力分級診療' }).click();
    expect(await p.evaluate(() => document.querySelector(':target')?.textContent)).toBe('醫聯體助力分級診療');
    expect(await p.locator('#cite-first').isVisible()).toBe(true);
    expect(await p.locator('button.copy').first().isVisible()).toBe(false);
    // Without JavaScript the citation keeps the site-relative address, and says so.
    expect(await p.locator('#cite-first .cite-url').textContent()).toMatch(/^\/docs\/\w+\/$/);
    expect(await p.locator('.here-note').first().isVisible()).toBe(true);
    // The .ris and .bib downloads need no script either.
    expect(await p.locator('.cite-actions a[download$=".ris"]').getAttribute('href')).toMatch(/^data:application\/x-research-info-systems;charset=utf-8,TY%20%20-%20/);
    await context.close();
  });

  it('cites the whole corpus at the address it is read at, [EB/OL] left as it is (the site-relative address `/` stands in it too)', async () => {
    const context = await launch();
    const p = await context.newPage();
    await p.goto(base() + 'about/');
    const text = (await p.locator('#cite-corpus-first').textContent())!.trim();
    expect(text).toContain('[EB/OL]');
    expect(text.endsWith(`. ${new URL('/', p.url()).href}.`)).toBe(true);
    await context.close();
  });

  it('prints a reading page cleanly on A4: its address and page numbers on every sheet, paragraph numbers in the margin, closed sections left out', async () => {
    const context = await launch({ viewport: { width: 900, height: 1200 } });
    const p = await context.newPage();
    await p.goto(base() + kinds['reading page']);
    await p.emulateMedia({ media: 'print' });
    expect(await p.locator('.doc-aside').isVisible()).toBe(false);
    expect(await p.locator('.site-nav').isVisible()).toBe(false);
    expect(await p.locator('.print-only').isVisible()).toBe(true);
    // The address the page is read at (no site URL is configured), in the footer and at the foot of every sheet.
    const address = `${base()}${kinds['reading page']}`;
    expect(await p.locator('.print-only').textContent()).toBe(address);
    expect(await p.locator('#print-address').textContent()).toBe(`@page{@bottom-left{content:${JSON.stringify(address)}}}`);
    const rules = (await p.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'))) as string;
    expect(rules).toMatch(/@page\s*\{[^}]*size:\s*A4/i);
    expect(rules).toMatch(/counter\(page\)/);
    expect(await p.locator('#cite-first').isVisible()).toBe(true);
    // Paragraph numbers in the margin, counted as 引用本段 counts them.
    const first = p.locator('.body > p[id^="p-"]').first();
    expect(await first.evaluate((e) => getComputedStyle(e, '::before').content)).toBe('counter(para)');
    expect(await p.evaluate(() => getComputedStyle(document.querySelector('.body')!).counterReset)).toBe('para 0');
    expect(await p.evaluate(() => getComputedStyle(document.querySelector('.body > p[id^="p-"]')!, '::before').position)).toBe('absolute');
    // A closed section prints as nothing (its contents and its marker).
    for (const closed of await p.locator('details:not([open])').all()) expect(await closed.locator(':scope > :not(summary)').first().isVisible()).toBe(false);
    const pdf = await p.pdf({ preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    // A4 (595 x 842 points).
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    await context.close();
  });
});
