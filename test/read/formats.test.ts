/**
 * Each format's fixtures (test/fixtures/formats/<format>/): the file through the whole pipeline, its
 * metadata and blocks against <name>.expected.json (checked by hand; written when missing, never on
 * CI), and what the format must never let through.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processCorpus } from '../../src/pipeline/corpus.ts';
import { blockText } from '../../src/pipeline/document.ts';
import type { ProcessedDocument } from '../../src/pipeline/types.ts';
import { ROOT } from '../helpers/seeds.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'formats');

async function processFile(path: string): Promise<ProcessedDocument> {
  const name = path.split('/').at(-1)!;
  const r = await processCorpus([{ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, path))) }], { documents: [] }, { documents: {} }, { today: '2026-01-01' });
  if (r.documents.length !== 1) throw new Error(`${path}: ${JSON.stringify(r.skipped)}`);
  return r.documents[0]!;
}

/** What a fixture is checked on: the metadata and the blocks, without ids. */
function outline(d: ProcessedDocument) {
  return {
    format: d.reading?.format ?? 'text',
    encoding: d.encoding,
    meta: d.meta,
    url: d.reading?.url ?? null,
    blocks: d.blocks.map((b) => {
      switch (b.type) {
        case 'heading':
          return { heading: b.level, text: b.text };
        case 'paragraph':
          return { paragraph: b.text };
        case 'list':
          return { list: b.items };
        case 'table':
          return { table: [b.header, ...b.rows] };
      }
    }),
    dropped: d.reading?.dropped.map((x) => x.reason) ?? [],
  };
}

function expectFixture(path: string, d: ProcessedDocument): void {
  const file = join(FIXTURES, `${path}.expected.json`);
  const actual = `${JSON.stringify(outline(d), null, 1)}\n`;
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`${file} is missing (refused on CI)`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const text = (d: ProcessedDocument) => [d.meta.title, ...d.blocks.map(blockText)].join('\n');

describe('HTML', () => {
  it('reads a GB2312 page: its main content as blocks, a table as a table, the title less the site name, the byline and canonical URL', async () => {
    const d = await processFile('html/gbk-notice.html');
    expectFixture('html/gbk-notice.html', d);
    expect(d.encoding).toBe('gb18030');
    expect(d.meta).toMatchObject({ title: '关于公布2023年度县级农村公路养护考核结果的通知', published: '2024-03-05' });
    expect(d.blocks.some((b) => b.type === 'table' && b.rows.length === 3)).toBe(true);
    for (const chrome of ['首页', '您当前的位置', '分享到', '打印此页', 'ICP备', '_paq', '机构职能', '浏览次数']) expect(text(d)).not.toContain(chrome);
  });
});

describe('HTML data tables', () => {
  it("keeps a statistics bulletin's tables whole (rows of figures ending in a decimal are not dated links), and reads their cells as figures", async () => {
    const d = await processFile('html/stats-bulletin.html');
    expectFixture('html/stats-bulletin.html', d);
    const tables = d.blocks.filter((b) => b.type === 'table');
    expect(tables.map((t) => (t.type === 'table' ? t.rows.length : 0))).toEqual([4, 5]);
    expect(d.cleaning.removed.map((r) => r.reason)).not.toContain('link-list');
    const { documentFigures } = await import('../../src/extract/figures.ts');
    const { reading } = await import('../../src/extract/reading.ts');
    const beds = documentFigures(reading(d)).filter((f) => f.measure === '床位数（万张）');
    expect(beds.map((f) => [f.text, f.value, f.unit, f.date])).toEqual([
      ['38.6', 386000, '张', '2021'],
      ['40.2', 402000, '张', '2022'],
      ['41.9', 419000, '张', '2023'],
    ]);
  });
});

describe('HTML tables set out a cell a paragraph', () => {
  it('are tables again, their caption above them; paragraphs of words stay paragraphs', async () => {
    const cells = ['机构类别', '2021年3月底', '比2020年3月底增减', '医院', '3.6万', '+1170', '其中：公立医院', '1.2万', '-76', '民营医院', '2.4万', '+1246'];
    const page = (ps: string[]) => `<html><head><meta charset="utf-8"><title>全国医疗卫生机构数</title></head><body><article><h1>全国医疗卫生机构数</h1><p>截至2021年3月底，全国医疗卫生机构总数达102.6万个。</p>${ps.map((x) => `<p>${x}</p>`).join('')}<p>从结构看，基层机构数量的增长主要来自诊所。</p></article></body></html>`;
    const read = async (html: string) => (await processCorpus([{ name: 'p.html', bytes: new TextEncoder().encode(html) }], { documents: [] }, { documents: {} }, { today: '2026-01-01' })).documents[0]!;
    const d = await read(page(['（单位：个）', ...cells]));
    expect(d.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
    expect(d.blocks[2]).toMatchObject({ header: cells.slice(0, 3), rows: [cells.slice(3, 6), cells.slice(6, 9), cells.slice(9, 12)] });
    const words = await read(page(['机构类别', '所在地区', '联系方式', '医院', '东城区', '电话咨询', '诊所', '西城区', '网上咨询']));
    expect(words.blocks.filter((b) => b.type === 'table')).toEqual([]);
  });
});

describe('Markdown', () => {
  it('takes the front matter as metadata and the body as structure; comments never show', async () => {
    const d = await processFile('markdown/note.md');
    expectFixture('markdown/note.md', d);
    expect(d.meta).toMatchObject({ title: '长期护理保险试点：三个城市的做法', author: '李明', published: '2024-11-02', titleSource: 'file' });
    expect(d.reading?.url).toBe('https://example.org/notes/ltc-pilots');
    expect(d.blocks.some((b) => b.type === 'list' && b.items.length === 3)).toBe(true);
    for (const hidden of ['待核对', 'tags', '---', '**', '|']) expect(text(d)).not.toContain(hidden);
  });
});

describe('Word', () => {
  it('keeps tracked insertions, drops deletions, moved-away and hidden text, headers and footers; styles give headings, lists and tables', async () => {
    const d = await processFile('docx/report.docx');
    expectFixture('docx/report.docx', d);
    expect(text(d)).toContain('全区现有社区卫生服务中心十四家');
    for (const gone of ['十二家', '旧的移动文字', '隐藏的批注', '内部资料', '第 1 页']) expect(text(d)).not.toContain(gone);
    expect(d.meta).toMatchObject({ title: '关于社区卫生服务能力评估的调研报告', author: '张晓东', published: '2024-01-16' });
    expect(d.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? [b.level, b.text] : null))).toEqual([
      [2, '一、基本情况'],
      [3, '（一）人员配备'],
      [2, '二、存在的问题'],
      [2, '三、下一步建议'],
    ]);
  });
});

describe('PDF', () => {
  it('reads a Chinese notice printed by Chromium: title, 文号, 落款, headings, a table, lines joined across pages, no running headers or page numbers', async () => {
    const d = await processFile('pdf/notice.pdf');
    expectFixture('pdf/notice.pdf', d);
    expect(d.meta).toMatchObject({ title: '江北市教育局关于做好2024年义务教育招生入学工作的通知', published: '2024-03-15', publisher: '江北市教育局' });
    expect(d.meta.documentNumber).toBe('江教发〔2024〕12号');
    // A paragraph that runs from page 1 to page 2 is one paragraph again.
    expect(text(d)).toContain('各区要根据学龄人口变化情况，提前做好学位供给测算');
    expect(text(d)).not.toMatch(/— \d —/);
    expect(d.blocks.filter((b) => b.type === 'heading').map(blockText)).toEqual(['一、总体要求', '二、招生对象和范围', '三、时间安排', '四、工作要求']);
    expect(d.blocks.find((b) => b.type === 'table')).toMatchObject({ header: ['阶段', '时间', '主要工作'], rows: [['信息采集', '5月6日至5月20日', '网上登记入学信息'], expect.anything(), expect.anything()] });
    expect(d.reading?.parts.map((p) => p.label)).toEqual(['第 1 页', '第 2 页', '第 3 页']);
  });
});

describe('Word notes', () => {
  it('numbers footnotes and endnotes as the text refers to them, and lists them after the text', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const { readDocx } = await import('../../src/read/docx.ts');
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const ref = (kind: string, id: number) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="${id}"/></w:r>`;
    const body = `<w:p><w:r><w:t>试点城市扩大到49个</w:t></w:r>${ref('footnote', 2)}<w:r><w:t>，参保人数超过1.3亿</w:t></w:r>${ref('endnote', 1)}<w:r><w:t>。</w:t></w:r></w:p>`;
    const note = (kind: string, id: number, text: string) => `<w:${kind} w:id="${id}"><w:p><w:r><w:${kind}Ref/></w:r><w:r><w:t xml:space="preserve"> ${text}</w:t></w:r></w:p></w:${kind}>`;
    const bytes = zipSync({
      'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
      'word/footnotes.xml': strToU8(`<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>${note('footnote', 2, '国家医保局2020年通知。')}</w:footnotes>`),
      'word/endnotes.xml': strToU8(`<w:endnotes ${W}>${note('endnote', 1, '据2023年统计公报。')}</w:endnotes>`),
    });
    const r = readDocx(bytes);
    if ('reason' in r) throw new Error(r.reason);
    expect(r.text.split('\n')).toEqual(['试点城市扩大到49个[1]，参保人数超过1.3亿[2]。', '[1] 国家医保局2020年通知。', '[2] 据2023年统计公报。']);
    expect(r.hints[2]?.list).toBe(r.hints[3]?.list);
  });
});

describe('Word files that are ZIP bombs', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const small = async () => {
    const { zipSync, strToU8 } = await import('fflate');
    return zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>`) });
  };
  /** The archive with its central directory saying the document unpacks to `size` bytes. */
  const declaring = (bytes: Uint8Array, size: number) => {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    for (let i = out.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) !== 0x02014b50) continue; // a central directory header
      view.setUint32(i + 24, size, true);
    }
    return out;
  };

  it('refuses one whose parts say they unpack to more than 256 MB, before unpacking them', async () => {
    const { readDocx } = await import('../../src/read/docx.ts');
    const r = readDocx(declaring(await small(), 0xfffffff0));
    expect(r).toMatchObject({ kind: 'too-large' });
    expect((r as { reason: string }).reason).toContain('ZIP bomb');
  });

  it('refuses one whose part unpacks to more than it says, as damaged', async () => {
    const { readDocx } = await import('../../src/read/docx.ts');
    expect(readDocx(declaring(await small(), 10))).toMatchObject({ kind: 'broken' });
  });
});
