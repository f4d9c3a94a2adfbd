/**
 * Links never break: build, change the corpus as a maintainer would (insert a paragraph at the
 * top of one document, edit a sentence in another, rename a third file, delete a fourth),
 * rebuild, and check that every URL and paragraph anchor of the first build still resolves to
 * the right content.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCopy, cleanEnv } from '../helpers/build.ts';
import { dataList } from '../helpers/data.ts';
import { copySeeds, ROOT } from '../helpers/seeds.ts';

interface Page {
  url: string;
  anchors: Map<string, string>;
}

/** Every HTML page of a dist/ folder, with the text of each `p-…` anchor (or the element after it). */
function readSite(dist: string): Map<string, Page> {
  const pages = new Map<string, Page>();
  const walk = (dir: string, url: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${url}${e.name}/`);
      else if (e.name === 'index.html') {
        const html = readFileSync(join(dir, e.name), 'utf8');
        const anchors = new Map<string, string>();
        for (const m of html.matchAll(/<(p|h[2-4]|span|ol|table)[^>]* id="(p-[^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
          const text = m[1] === 'span' ? html.slice(m.index! + m[0].length, m.index! + m[0].length + 400) : m[3]!;
          anchors.set(m[2]!, text.replace(/<[^>]+>/g, '').trim());
        }
        pages.set(url, { url, anchors });
      }
    }
  };
  walk(dist, '/');
  return pages;
}

let before: Map<string, Page>;
let after: Map<string, Page>;
let log = '';
let site = '';
let chartFailure = '';
let curationDir = '';
const ids: Record<string, string> = {};

beforeAll(() => {
  const corpus = copySeeds({ without: ['charts.json', 'models.json', 'pages'] });
  const curation = join(corpus, '..', 'content');
  curationDir = curation;
  const first = buildCopy(corpus);
  site = first.dir;
  before = readSite(join(first.dir, 'dist'));
  for (const d of JSON.parse(readFileSync(join(first.dir, 'dist', 'data', 'corpus.json'), 'utf8')).documents) ids[d.source.slice(0, 3)] = d.id;

  // The maintainer's changes.
  const f000 = join(corpus, '000_0a541419aa7a6cf2.txt');
  writeFileSync(f000, readFileSync(f000, 'utf8').replace('产业生态重构必然会带来商业机会', '编者按:这段导语是后来加在最前面的,用来检验段落编号是否稳定。\n\n产业生态重构必然会带来商业机会'));
  const f001 = join(corpus, '001_22c9feea7e663964.txt');
  writeFileSync(f001, readFileSync(f001, 'utf8').replace('华西远程网络联盟医院目前有633家联盟医院', '华西远程网络联盟医院目前共有633家联盟医院'));
  renameSync(join(corpus, '004_9d2e712977508075.txt'), join(corpus, '004 微医互联网医联体(重命名).txt'));
  rmSync(join(corpus, '003_2661a36daf5af6af.txt'));

  // Rebuild in the same project copy, so the registry of the first build is the one carried forward.
  const env = cleanEnv({ CORPUS_DIR: corpus });
  // With the seeds' charts, the build stops (the bundled corpus is built strictly): a chart's figures left with the deleted document.
  cpSync(join(ROOT, 'content', 'charts.json'), join(curation, 'charts.json'));
  try {
    execFileSync('npx', ['tsx', 'scripts/build-content.ts'], { cwd: first.dir, env, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    chartFailure = `${(e as { stdout?: string }).stdout}${(e as { stderr?: string }).stderr}`;
  }
  rmSync(join(curation, 'charts.json'));
  log = execFileSync('npx', ['tsx', 'scripts/build-content.ts'], { cwd: first.dir, env, encoding: 'utf8' });
  execFileSync('npx', ['astro', 'build'], { cwd: first.dir, env, encoding: 'utf8' });
  after = readSite(join(first.dir, 'dist'));
}, 600_000);

describe('links after the corpus changed', () => {
  it('stops the build when a chart lost its figures, naming the chart and the figure', () => {
    expect(chartFailure).toContain('stale curation item(s), and this corpus is built strictly');
    expect(chartFailure).toContain(`content/charts.json: chart "yuancheng-network": "合作医院": figure ${ids['003']}-ik6v6x-1 ("2000多家") is not in the corpus any more. That paragraph has no figures now.`);
    // Only the charts drawn from the deleted document fail.
    expect(chartFailure).not.toMatch(/chart "(dejiang-visits|chongyi-referrals)"/);
  });

  it('explains what changed in the registry', () => {
    expect(log).toContain(`[registry] changed ${ids['000']} 000_0a541419aa7a6cf2.txt`);
    expect(log).toContain(`[registry] changed ${ids['001']} 001_22c9feea7e663964.txt`);
    expect(log).toContain(`[registry] renamed ${ids['004']} 004_9d2e712977508075.txt -> 004 微医互联网医联体(重命名).txt`);
    expect(log).toContain(`[registry] removed ${ids['003']} 003_2661a36daf5af6af.txt`);
  });

  it('keeps every page URL of the first build, an index entry\'s and a term\'s too', () => {
    expect([...before.keys()].filter((u) => !after.has(u))).toEqual([]);
  });

  it('leaves a page at an entry no document names any more, saying so, with a search for its name and its index', () => {
    // Entries only the removed document named (its 远程視界 group, its found terms …) have left the indexes.
    const live = (kind: string) => new Set<string>(dataList<{ id: string }>(join(site, 'dist'), kind).map((e) => e.id));
    const retired = [...before.keys()].filter((u) => {
      const m = /^\/(policies|organisations|places|terms)\/([^/]+)\/$/.exec(u);
      return m && !live(m[1]!).has(m[2]!);
    });
    expect(retired.length).toBeGreaterThan(0);
    for (const u of retired) {
      const page = readFileSync(join(site, 'dist', u, 'index.html'), 'utf8');
      expect(page, u).toContain('这个条目曾有自己的页面，现在没有了');
      expect(page, u).toMatch(/href="\/search\/\?q=[^"]+"/);
      expect(page, u).toContain(`href="/${u.split('/')[1]}/"`);
    }
    // The registry keeps them, so the next build leaves them too.
    const registry = JSON.parse(readFileSync(join(curationDir, 'registry.json'), 'utf8'));
    for (const u of retired) expect(registry.entries[u.split('/')[1]!].some((line: string) => line.startsWith(`${u.split('/')[2]} `)), u).toBe(true);
  });

  it('keeps every paragraph anchor, with the same text (or the edited text), except in the removed document', () => {
    const problems: string[] = [];
    for (const [url, page] of before) {
      if (url.includes(ids['003']!)) continue;
      const now = after.get(url)!;
      for (const [anchor, text] of page.anchors) {
        const found = now.anchors.get(anchor);
        if (found === undefined) problems.push(`${url}#${anchor} is gone`);
        else if (found !== text && !(url.includes(ids['001']!) && found.replace('共有', '有') === text)) problems.push(`${url}#${anchor}: "${text.slice(0, 20)}" became "${found.slice(0, 20)}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves a page at the removed document saying so and pointing to the rest', () => {
    const page = readFileSync(join(site, 'dist', 'docs', ids['003']!, 'index.html'), 'utf8');
    expect(page).toContain('文献已移除');
    expect(page).toContain('href="/docs/"');
  });

  it('gives the inserted paragraph a new id, never one used before', () => {
    const old = before.get(`/docs/${ids['000']}/`)!;
    const now = after.get(`/docs/${ids['000']}/`)!;
    const added = [...now.anchors].filter(([a]) => !old.anchors.has(a));
    expect(added).toHaveLength(1);
    expect(added[0]![1]).toContain('编者按');
  });
});
