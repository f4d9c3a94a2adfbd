/**
 * Search finds exactly what the reader typed: for every query of the query set, the results are
 * the paragraphs (and titles) that contain it after folding, computed from the cleaned text;
 * the terminal command gives the same results; and a reader can search in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../scripts/search.ts';
import { groupByDocument, search } from '../../src/search/engine.ts';
import { fold, queryParts, type FoldTable } from '../../src/search/fold.ts';
import { buildProject, cleanEnv, copyProject } from '../helpers/build.ts';
import { hasChromium, launch } from '../helpers/browser.ts';
import { useServer } from '../helpers/serve.ts';
import { copySeeds, ROOT } from '../helpers/seeds.ts';

const DIST = join(ROOT, 'dist');
const queries = readFileSync(join(ROOT, 'test', 'fixtures', 'search-queries.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));

interface Unit {
  url: string;
  text: string;
}
let units: Unit[];
let index: Awaited<ReturnType<typeof openIndex>>;

beforeAll(async () => {
  buildProject();
  index = await openIndex(join(DIST, 'pagefind'));
  const dir = join(ROOT, 'src', 'generated', 'data', 'documents');
  units = readdirSync(dir).flatMap((f) => {
    const d = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    return [{ url: `/docs/${d.id}/`, text: d.title }, ...d.blocks.map((b: { id: string; text: string }) => ({ url: `/docs/${d.id}/#p-${b.id}`, text: b.text }))];
  });
}, 300_000);

/** What a correct search returns: every title or paragraph containing every part of the query. */
function expected(query: string, table: FoldTable): Set<string> {
  const parts = queryParts(query, table);
  return new Set(units.filter((u) => parts.every((p) => fold(u.text, table).includes(p))).map((u) => u.url));
}

describe('search precision and recall', () => {
  it(`is 1.0 and 1.0 on all ${queries.length} queries`, async () => {
    const rows: string[] = [];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const q of queries) {
      const want = expected(q, index.table);
      const got = new Set((await search(index.index, index.table, q)).map((r) => r.url));
      const hit = [...got].filter((u) => want.has(u)).length;
      tp += hit;
      fp += got.size - hit;
      fn += want.size - hit;
      rows.push(`${q.padEnd(24)} expected ${String(want.size).padStart(3)}  found ${String(got.size).padStart(3)}  precision ${(got.size ? hit / got.size : 1).toFixed(2)}  recall ${(want.size ? hit / want.size : 1).toFixed(2)}`);
    }
    console.log(rows.join('\n'));
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect({ fp, fn }).toEqual({ fp: 0, fn: 0 });
    expect(tp).toBeGreaterThan(300);
  });

  it('finds traditional text with a simplified query and the reverse, and shows each in its own script', async () => {
    const simplified = await search(index.index, index.table, '远程心界');
    const traditional = await search(index.index, index.table, '遠程心界');
    expect(simplified.map((r) => r.url)).toEqual(traditional.map((r) => r.url));
    expect(simplified[0]!.excerpt).toContain('<mark>遠程心界</mark>');
    const back = await search(index.index, index.table, '醫聯體');
    expect(back.some((r) => r.text.includes('医联体'))).toBe(true);
  });

  it('ranks a title match first, then headings, then body text, and highlights every query word in the excerpt', async () => {
    const r = await search(index.index, index.table, '互联网医联体');
    expect(r[0]!.where).toBe('title');
    const firstBody = r.findIndex((x) => x.where === 'body');
    expect(r.slice(0, firstBody).every((x) => x.where !== 'body')).toBe(true);
    for (const x of r) {
      const marks = [...x.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!);
      expect(marks.length).toBeGreaterThanOrEqual(1);
      for (const m of marks) expect(fold(m, index.table)).toBe('互联网医联体');
    }
    // Two words: both marked wherever they are in the excerpt.
    for (const x of await search(index.index, index.table, '华西 远程')) {
      const marks = new Set([...x.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => fold(m[1]!, index.table)));
      const shown = fold(x.excerpt.replace(/<[^>]*>/g, ''), index.table);
      for (const w of ['华西', '远程']) if (shown.includes(w)) expect(marks).toContain(w);
    }
  });

  it('groups results by document: each document once, its best result first, the others in reading order, nothing lost', async () => {
    const r = await search(index.index, index.table, '医联体');
    const groups = groupByDocument(r);
    expect(new Set(groups.map((g) => g.doc)).size).toBe(groups.length);
    expect(groups.reduce((n, g) => n + 1 + g.others.length, 0)).toBe(r.length);
    for (const g of groups) {
      expect(g.best).toBe(r.find((x) => x.doc === g.doc));
      expect(g.others.map((x) => x.position)).toEqual([...g.others.map((x) => x.position)].sort((a, b) => a - b));
    }
  });

  it('never returns scattered single-character matches', async () => {
    for (const r of await search(index.index, index.table, '县域医共体')) expect(fold(r.text, index.table)).toContain('县域医共体');
  });

  it('gives the same results from the terminal, as JSON', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/search.ts', '华西', '远程', '--json', '--limit', '5'], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8' });
    const json = JSON.parse(out.slice(out.indexOf('{')));
    expect(json.results.length).toBeGreaterThan(0);
    expect(json.results[0]).toMatchObject({ url: expect.stringMatching(/^\/docs\/\w+\/#p-/), title: expect.any(String), excerpt: expect.stringContaining('<mark>') });
  });
});

describe('a large corpus: the index in shards', () => {
  it('gives the same results in the same order as one index, and rebuilds only the shard whose document changed', async () => {
    const dir = copyProject();
    const corpus = copySeeds();
    const env = cleanEnv({ CORPUS_DIR: corpus, SEARCH_SHARD_DOCS: '2' });
    const run = (script: string) => execFileSync('npx', ['tsx', script], { cwd: dir, env, encoding: 'utf8' });
    const report = (log: string) => {
      const m = /in (\d+) shard\(s\) \((\d+) built, (\d+) unchanged\)/.exec(log)!;
      return { shards: Number(m[1]), built: Number(m[2]), unchanged: Number(m[3]) };
    };
    try {
      run('scripts/build-content.ts');
      const first = report(run('scripts/search-index.ts'));
      expect(first.shards).toBeGreaterThan(1);
      expect(first.built).toBe(first.shards);
      const sharded = await openIndex(join(dir, 'dist', 'pagefind'));
      for (const q of queries) {
        const urls = async (i: typeof index) => (await search(i.index, i.table, q)).map((r) => r.url);
        expect(await urls(sharded), q).toEqual(await urls(index));
      }
      expect(report(run('scripts/search-index.ts'))).toEqual({ shards: first.shards, built: 0, unchanged: first.shards });
      // One document changes: only its shard is indexed again, and the change is found.
      // (A paragraph in the article's text, past the page's chrome at the top.)
      const file = join(corpus, readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[0]!);
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = Math.floor(lines.length * 0.6);
      writeFileSync(file, [...lines.slice(0, at), '', '这一段是分片检索测试时加上的。', '', ...lines.slice(at)].join('\n'));
      run('scripts/build-content.ts');
      expect(report(run('scripts/search-index.ts'))).toEqual({ shards: first.shards, built: 1, unchanged: first.shards - 1 });
      // (From the terminal: this process has the first index's module loaded.)
      const out = execFileSync('npx', ['tsx', 'scripts/search.ts', '分片检索测试', '--json'], { cwd: dir, env, encoding: 'utf8' });
      expect(JSON.parse(out.slice(out.indexOf('{'))).results).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(corpus, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!hasChromium)('searching in Chromium', () => {
  const base = useServer(DIST);

  it('keyboard only: / focuses the box, Enter searches, a result leads to the highlighted paragraph', async () => {
    const context = await launch({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    const scripts: string[] = [];
    p.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await p.goto(`${base()}docs/`);
    expect(scripts).toEqual([]);
    await p.keyboard.press('/');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('site-q');
    await p.keyboard.type('华西医院');
    await p.keyboard.press('Enter');
    await p.waitForSelector('.result a');
    expect(new URL(p.url()).searchParams.get('q')).toBe('华西医院');
    expect(await p.locator('#search-status').textContent()).toMatch(/处结果/);
    await p.locator('.result a').first().focus();
    await p.keyboard.press('Enter');
    await p.waitForURL(/#p-/);
    await expect.poll(() => p.evaluate(() => document.querySelector(':target')?.textContent ?? ''), { timeout: 5000 }).toContain('华西医院');
    await context.close();
  });

  it('opened from file://, searches with the offline files: the same results, in the same order, linked to pages that open', async () => {
    const context = await launch();
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const home = pathToFileURL(join(DIST, 'index.html')).href;
    await p.goto(home);
    // Keyboard only: / focuses the box, Enter searches (the form goes to search/index.html on disk).
    await p.keyboard.press('/');
    await p.keyboard.type('醫聯體 華西');
    await p.keyboard.press('Enter');
    await p.waitForSelector('.result a');
    expect(p.url()).toMatch(/\/search\/index\.html\?q=/);
    // The same results as the served engine, grouped the same way: each document's best result first.
    const offline = await p.locator('.result > a.result-title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const served = groupByDocument(await search(index.index, index.table, '醫聯體 華西')).map((g) => g.best.url);
    expect(offline.map((u) => u.replace(/^.*\/dist\//, '/').replace('index.html', ''))).toEqual(served);
    await p.locator('.result a').first().focus();
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/docs\/[^/]+\/index\.html#p-/);
    await expect.poll(() => p.evaluate(() => document.querySelector(':target')?.textContent ?? '')).toContain('华西');
    // The site's own links work from disk too.
    await p.getByRole('link', { name: '时间线', exact: true }).first().click();
    await p.waitForURL(/\/timeline\/index\.html$/);
    expect(await p.locator('h1').textContent()).toBe('时间线');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opened from file:// without the offline files, the search page says clearly what to do', async () => {
    const context = await launch();
    const p = await context.newPage();
    await p.route(/offline-data\.js$/, (r) => r.abort());
    await p.goto(pathToFileURL(join(DIST, 'search', 'index.html')).href + '?q=医联体');
    await expect.poll(() => p.locator('#search-status').textContent()).toMatch(/本地服务器/);
    await context.close();
  });
});
