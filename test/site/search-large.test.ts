/**
 * Search at scale, opened from file://: a generated site of 2,000 documents (their data as the content
 * build writes it, the index built by scripts/search-index.ts, the search page as the site's), searched
 * in Chromium from disk. A query loads the index's meta, the buckets of its pairs of characters and a
 * few documents' units as classic scripts, never the whole corpus; its results are those the engine
 * gives in the terminal over the same files, in the same order.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../scripts/search.ts';
import { groupByDocument, openSearch } from '../../src/search/engine.ts';
import { PACK } from '../../src/search/index-format.ts';
import { batchAfter, fill, FIRST_BYTES, PAGE_DOCS, SCAN_BYTES } from '../../src/search/page.ts';
import { strings } from '../../src/i18n/zh-CN.ts';
import { hasChromium, launch } from '../helpers/browser.ts';
import { buildProject, cleanEnv, copyProject } from '../helpers/build.ts';
import { ROOT, seedCorpus } from '../helpers/seeds.ts';
import { blockText } from '../../src/pipeline/document.ts';
import { seededRandom as random } from '../../src/lib/random.ts';

const DOCUMENTS = 2000;
/** A query of eleven documents (77, 770 … 779), more than a batch of four: its first results are counted as partial, then exactly. */
const EXACT_AFTER_PARTIAL = '编号甲77';
let dir: string;
let site: string;


beforeAll(async () => {
  // The site's search page, as the seeds' build makes it.
  if (!existsSync(join(ROOT, 'dist', 'search', 'index.html'))) buildProject();
  dir = copyProject();
  site = join(dir, 'dist');
  mkdirSync(site, { recursive: true });
  // (and the stylesheet it links)
  for (const folder of ['search', '_astro']) cpSync(join(ROOT, 'dist', folder), join(site, folder), { recursive: true });
  // 2,000 documents of the seeds' paragraphs, each with a sentence of its own (编号 n), as the content build writes their data.
  const paragraphs = (await seedCorpus()).documents.flatMap((d) => d.blocks.filter((b) => b.type === 'paragraph').map(blockText));
  const out = join(dir, 'src', 'generated', 'documents');
  mkdirSync(out, { recursive: true });
  const made: Record<string, string> = {};
  for (let i = 0; i < DOCUMENTS; i++) {
    const rand = random(i + 1);
    const id = `g${String(i).padStart(5, '0')}`;
    const blocks = Array.from({ length: 12 }, (_, j) => ({ id: `${id}p${j}`, type: 'paragraph', text: paragraphs[Math.floor(rand() * paragraphs.length)]! }));
    blocks.splice(6, 0, { id: `${id}own`, type: 'paragraph', text: `这是生成文献第${i}号独有的一句话，编号甲${i}乙。` });
    writeFileSync(join(out, `${id}.json`), JSON.stringify({ id, title: `生成文献${i}：医联体观察`, blocks }));
    made[id] = `k${i}`;
  }
  writeFileSync(join(dir, 'src', 'generated', 'documents.json'), JSON.stringify(made));
  execFileSync('npx', ['tsx', 'scripts/search-index.ts'], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)(`search from file:// on a generated site of ${DOCUMENTS} documents`, () => {
  /** Search from disk: the results' document links and the index files the page loaded. */
  async function searchFromDisk(query: string) {
    const context = await launch();
    const p = await context.newPage();
    const loaded: string[] = [];
    p.on('request', (r) => r.url().includes('/kb-search/') && loaded.push(r.url().replace(/^.*\/kb-search\//, '')));
    const errors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await p.goto(`${pathToFileURL(join(site, 'search', 'index.html')).href}?q=${encodeURIComponent(query)}`);
    await p.waitForFunction(() => /处结果|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const links = await p.locator('.result > a.result-title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href.replace(/^.*\/docs\//, '/docs/').replace('index.html', '')));
    const status = await p.locator('#search-status').textContent();
    await context.close();
    return { links, loaded, status, errors };
  }

  it('finds the one document with a rare phrase, loading a handful of files', async () => {
    const { links, loaded, errors } = await searchFromDisk('编号甲1234乙');
    expect(links).toEqual(['/docs/g01234/#p-g01234own']);
    expect(errors).toEqual([]);
    // The search script, the meta, a bucket per pair of characters, the units of its few candidates (documents that have all its pairs of characters somewhere): not the corpus.
    const { index, table } = await openIndex(join(site, 'kb-search'));
    const candidates = (await openSearch(index, table, '编号甲1234乙')).candidates;
    expect(candidates).toBeLessThanOrEqual(5);
    expect(loaded.filter((f) => f.startsWith('u/')).length).toBeLessThanOrEqual(candidates);
    expect(loaded.length).toBeLessThanOrEqual(10 + candidates);
  });

  it('shows a common word\'s first results as the engine gives them, loading a few documents of the thousands that have it', async () => {
    const { links, loaded, status } = await searchFromDisk('医联体');
    const { index, table } = await openIndex(join(site, 'kb-search'));
    const s = await openSearch(index, table, '医联体');
    expect(s.candidates).toBe(DOCUMENTS);
    const units = loaded.filter((f) => f.startsWith('u/'));
    expect(units.length).toBeGreaterThan(0);
    expect(units.length).toBeLessThanOrEqual(6);
    // The engine's first batches, as the page checked them (the page's loop: one, then four at a time until enough).
    while (s.checked < links.length) await s.more(batchAfter(s.checked));
    expect(links).toEqual(groupByDocument(s.results).map((g) => g.url).slice(0, links.length));
    expect(status).toMatch(new RegExp(`可能含有此词的文献共 ${DOCUMENTS} 篇`));
    expect(readdirSync(join(site, 'kb-search', 'u')).length).toBe(Math.ceil(DOCUMENTS / PACK));
  });

  /**
   * The statuses the page writes for a query, with its files loaded side by side as script elements,
   * and its documents once it is done: the engine's, checked as the page checks them (the first
   * candidates that have it shown at once, the first alone, then four at a time until a page of documents is checked
   * or FIRST_BYTES of text loaded), each count true of the candidates checked when it is written.
   */
  async function statusesFromDisk(query: string) {
    const { index, table } = await openIndex(join(site, 'kb-search'));
    const s = await openSearch(index, table, query);
    const from = index.loaded!();
    const t = strings.search.results;
    const line = () => (s.done ? fill(t.count, query, s.results.length, groupByDocument(s.results).length) : fill(t.countPartial, query, s.results.length, s.checked, s.candidates));
    while (!s.done && s.results.length === 0 && index.loaded!() - from < SCAN_BYTES) await s.more(batchAfter(s.checked));
    const expected = [line()];
    while (!s.done && s.checked < PAGE_DOCS && index.loaded!() - from < FIRST_BYTES) {
      await s.more(batchAfter(s.checked));
      expected.push(line());
    }
    const context = await launch();
    const p = await context.newPage();
    // Every text the status is given (a text node each time), in order.
    await p.addInitScript(() => {
      const w = window as unknown as { statuses: string[] };
      w.statuses = [];
      document.addEventListener('DOMContentLoaded', () => {
        const observer = new MutationObserver((records) => w.statuses.push(...records.flatMap((r) => [...r.addedNodes].map((n) => n.textContent ?? ''))));
        observer.observe(document.querySelector('#search-status')!, { childList: true });
      });
    });
    await p.goto(`${pathToFileURL(join(site, 'search', 'index.html')).href}?q=${encodeURIComponent(query)}`);
    const written = () => p.evaluate(() => (window as unknown as { statuses: string[] }).statuses.filter((x) => /处结果/.test(x)));
    await expect.poll(written, { timeout: 20_000 }).toEqual(expected);
    const links = await p.locator('.result > a.result-title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href.replace(/^.*\/docs\//, '/docs/').replace('index.html', '')));
    await context.close();
    return { expected, links, shown: groupByDocument(s.results).slice(0, PAGE_DOCS).map((g) => g.best.url) };
  }

  it('shows the first documents that have a common word as soon as they are checked, then fills the page, every count true when written', async () => {
    const { expected, links, shown } = await statusesFromDisk('医联体');
    // Checked four at a time, each time said so: never a total it has not counted.
    expect(expected.length).toBeGreaterThan(1);
    for (const x of expected) expect(x).toMatch(/已查看的 \d+ 篇文献中有 \d+ 处结果；可能含有此词的文献共 2000 篇/);
    expect(links).toEqual(shown);
    expect(links.length).toBe(PAGE_DOCS);
  });

  it('stops looking for a first result after a bounded part of the corpus, says how far it looked, and looks further when asked', async () => {
    // Each word is in every document (its title; its own sentence), never both in one title or paragraph: every document a candidate, none a result.
    const query = '医联体观察 独有的一句话';
    const { index, table } = await openIndex(join(site, 'kb-search'));
    const s = await openSearch(index, table, query);
    expect(s.candidates).toBe(DOCUMENTS);
    const t = strings.search.results;
    const context = await launch();
    const p = await context.newPage();
    const loaded: string[] = [];
    p.on('request', (r) => r.url().includes('/kb-search/u/') && loaded.push(r.url()));
    await p.goto(`${pathToFileURL(join(site, 'search', 'index.html')).href}?q=${encodeURIComponent(query)}`);
    const status = p.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/处结果/);
    const first = (await status.textContent())!;
    const checked = Number(/已查看的 (\d+) 篇/.exec(first)?.[1]);
    expect(first).toBe(fill(t.countPartial, query, 0, checked, DOCUMENTS));
    // A bounded part: the documents of about SCAN_BYTES of text (a generated document's units are 2–4 KB of JSON), not the corpus.
    expect(checked).toBeGreaterThan(50);
    expect(checked).toBeLessThan(DOCUMENTS / 2);
    expect(loaded.length).toBeLessThanOrEqual(Math.ceil(checked / PACK) + 1);
    expect(await p.locator('.result').count()).toBe(0);
    // What to try: each word on its own, among other things.
    const help = p.locator('#search-help');
    expect(await help.isVisible()).toBe(true);
    expect(await help.locator('a').allTextContents()).toEqual(expect.arrayContaining(['医联体观察', '独有的一句话']));
    const more = p.locator('#search-more');
    expect(await more.textContent()).toBe(fill(t.moreSearch, DOCUMENTS - checked));
    // Right under the count and the advice, where a reader looks (not below the room kept for results).
    const [helpBox, moreBox] = [await help.boundingBox(), await more.boundingBox()];
    expect(moreBox!.y - (helpBox!.y + helpBox!.height)).toBeLessThan(80);
    // Asked: the next part is checked, and the count says so.
    await more.click();
    await expect.poll(async () => Number(/已查看的 (\d+) 篇/.exec((await status.textContent())!)?.[1]), { timeout: 20_000 }).toBeGreaterThan(checked + 50);
    expect(await p.locator('.result').count()).toBe(0);
    await context.close();
  });

  it('says the exact count once every candidate is checked, and only then', async () => {
    const { expected, links, shown } = await statusesFromDisk(EXACT_AFTER_PARTIAL);
    expect(expected.at(-1)).toMatch(/：共 \d+ 处结果，分布在 \d+ 篇文献中。$/);
    expect(expected.slice(0, -1).length).toBeGreaterThan(0);
    for (const x of expected.slice(0, -1)) expect(x).toMatch(/已查看的/);
    expect(expected.at(-1)).toBe('“编号甲77”：共 11 处结果，分布在 11 篇文献中。');
    expect(links).toEqual(shown);
  });
});
