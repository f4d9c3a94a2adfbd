/**
 * A mixed corpus as a reader meets it: dev-web's HTML, Markdown and Word documents, a PDF printed by
 * Chromium and plain text, built into a site. Each labelled document's reading page has the right
 * title and date, every string that must show and none that must not, its tables as tables and a link
 * to its original file, served byte for byte; the cite panel offers the original URL when the file
 * names one; and search finds text from every format as readily as from plain text.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../scripts/search.ts';
import { search } from '../../src/search/engine.ts';
import { buildIn, copyProject, type BuildOutput } from '../helpers/build.ts';
import { ROOT } from '../helpers/seeds.ts';

const DEV_WEB = join(ROOT, 'test', 'fixtures', 'dev-web');
const hasDevWeb = (() => {
  try {
    return readdirSync(join(DEV_WEB, 'docs')).length > 0;
  } catch {
    return false;
  }
})();
const PDF = join(ROOT, 'test', 'fixtures', 'formats', 'pdf', 'notice.pdf');

interface Labels {
  title: string;
  published: string | null;
  publisher: string | null;
  author: string | null;
  must_show: string[];
  must_not_show: string[];
}
interface Entry {
  id: string;
  source: string;
  title: string;
  published: string | null;
  publisher: string | null;
  author: string | null;
  format?: string;
}

let out: BuildOutput;
let corpusDir: string;
let docs: Entry[];
const dist = () => join(out.dir, 'dist');
const page = (id: string, sub = '') => readFileSync(join(dist(), 'docs', id, sub, 'index.html'), 'utf8');
/** What a reader sees of a page: its text without tags (a term's link splits the words it names). */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, '').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
const bySource = (name: string) => docs.find((d) => d.source === name)!;

beforeAll(() => {
  if (!hasDevWeb) return;
  corpusDir = mkdtempSync(join(tmpdir(), 'kb-formats-'));
  for (const f of readdirSync(join(DEV_WEB, 'docs'))) if (/^(0[12]|1[1-4])-/.test(f)) copyFileSync(join(DEV_WEB, 'docs', f), join(corpusDir, f));
  copyFileSync(PDF, join(corpusDir, '15-notice.pdf'));
  out = buildIn(copyProject(), corpusDir);
  docs = JSON.parse(readFileSync(join(dist(), 'data', 'corpus.json'), 'utf8')).documents;
}, 600_000);

const labelled = hasDevWeb ? readdirSync(join(DEV_WEB, 'labels')).filter((f) => f.endsWith('.json')) : [];

describe.skipIf(!hasDevWeb)('dev-web documents of other formats, as reading pages', () => {
  for (const file of labelled) {
    const source = file.replace(/\.json$/, '');
    it(`${source}: title, date, publisher and author; every must_show and no must_not_show; a link to the original`, () => {
      const labels = JSON.parse(readFileSync(join(DEV_WEB, 'labels', file), 'utf8')) as Labels;
      const d = bySource(source);
      expect({ title: d.title, published: d.published, publisher: d.publisher, author: d.author }).toEqual({ title: labels.title, published: labels.published, publisher: labels.publisher, author: labels.author });
      const html = page(d.id);
      expect(html).toContain(`<h1>${labels.title}</h1>`);
      const [y, m, day] = labels.published!.split('-').map(Number);
      expect(visible(html)).toContain(`${y}年${m}月${day}日`);
      for (const s of labels.must_show) expect(visible(html), s).toContain(s);
      for (const s of labels.must_not_show) expect(html, s).not.toContain(s);
      // The original, served from the site as it is, and linked as 下载原文件.
      const link = /<a href="\/data\/documents\/([^"]+)" download="([^"]+)"[^>]*>下载原文件<\/a>/.exec(html);
      expect(link?.[2]).toBe(source);
      expect(readFileSync(join(dist(), 'data', 'documents', link![1]!)).equals(readFileSync(join(corpusDir, source)))).toBe(true);
    });
  }

  it('keeps tables as tables', () => {
    const cells = (source: string) => [...page(bySource(source).id).matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((m) => m[1]);
    expect(cells('11-gov-fenji-zhenliao-2015.html')).toEqual(expect.arrayContaining(['考核指标', '城市全科医生签约服务覆盖率', '≥30%']));
    expect(cells('12-news-tw-fenji-yiliao.html')).toEqual(expect.arrayContaining(['就醫層級', '區域醫院', '40%']));
    expect(cells('13-notes-jiating-yisheng.md')).toEqual(expect.arrayContaining(['时间', '景德镇市', '现场签约1000余人']));
  });

  it('offers the original web page in the cite panel when the file names its URL, and this archive’s copy', () => {
    const html = page(bySource('11-gov-fenji-zhenliao-2015.html').id);
    expect(html).toContain('引用本库存档');
    expect(html).toMatch(/<section class="cite" id="cite-original" aria-labelledby="cite-original-title">[\s\S]*http:\/\/www\.gov\.cn\/zhengce\/content\/2015-09\/11\/content_10158\.htm/);
    expect(page(bySource('14-hk-jiceng-lantu.docx').id)).not.toContain('cite-original');
  });

  it('gives reading and source pages that pass html-validate', async () => {
    const hv = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const d of docs.filter((x) => x.format)) {
      for (const sub of ['', 'source']) {
        const report = await hv.validateString(page(d.id, sub), `${d.source}/${sub}`);
        for (const r of report.results) for (const m of r.messages) problems.push(`${d.source}/${sub}:${m.line} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows in the source view what the reader left out, and why', () => {
    const source = visible(page(bySource('11-gov-fenji-zhenliao-2015.html').id, 'source'));
    expect(source).toContain('京ICP备05070218号');
    expect(source).toContain('侧栏');
    const docx = visible(page(bySource('14-hk-jiceng-lantu.docx').id, 'source'));
    expect(docx).toContain('修订中删除的文字');
    expect(docx).toContain('約1,200億');
    expect(docx).toContain('第 4 頁');
  });
});

describe.skipIf(!hasDevWeb)('a PDF printed by Chromium with a CJK font', () => {
  it('is a reading page with its title, date, headings, table and a link to the PDF', () => {
    const d = bySource('15-notice.pdf');
    expect(d).toMatchObject({ title: '江北市教育局关于做好2024年义务教育招生入学工作的通知', published: '2024-03-15', publisher: '江北市教育局', format: 'pdf' });
    const html = page(d.id);
    expect(visible(html)).toContain('2024年3月15日');
    expect(html).toMatch(/<h2 id="p-[a-z0-9]+">一、总体要求/);
    expect(html).toMatch(/<th scope="col">阶段<\/th>/);
    expect(visible(html)).not.toMatch(/— \d —/);
    expect(html).toContain(`href="/data/documents/${d.id}.pdf" download="15-notice.pdf"`);
  });
});

describe.skipIf(!hasDevWeb)('search over the mixed corpus', () => {
  it('finds text from PDF, Word, HTML and Markdown as readily as from plain text: the document first', async () => {
    const index = await openIndex(join(dist(), 'pagefind'));
    const queries: [string, string][] = [
      ['02-pdf-yibaofa-2021-48-drg-dip.txt', '技术指导、监测评估'],
      ['11-gov-fenji-zhenliao-2015.html', '每万名城市居民拥有2名以上全科医生'],
      ['12-news-tw-fenji-yiliao.html', '假日急症中心'],
      ['13-notes-jiating-yisheng.md', '兴城社区卫生服务中心'],
      ['14-hk-jiceng-lantu.docx', '阿拉木圖宣言'],
      ['15-notice.pdf', '学位供给测算'],
      // A table's cell.
      ['15-notice.pdf', '审核户籍和居住材料'],
    ];
    for (const [source, q] of queries) {
      const results = await search(index.index, index.table, q);
      expect(results[0]?.url, `${q} -> ${source}`).toMatch(new RegExp(`/docs/${bySource(source).id}/`));
    }
  });
});
