/** structure: whether a text ends cut off mid-sentence; what is a heading. */
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/pipeline/normalise.ts';
import { structure } from '../../src/pipeline/structure.ts';

const lines = (texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));

describe('a text cut off mid-sentence', () => {
  it('is one whose last paragraph stops after a comma or a word, not after a closing bracket of either width', () => {
    expect(structure(lines(['河长制是一项制度。', '据水利部介绍，全国共明确省、市、县、乡四级河湖长30万名，另设村级河湖长'])).endsMidSentence).toBe(true);
    for (const last of ['4. 水利部：全面建立河湖长制取得明显成效 ．人民网．2021-12-09［引用日期2024-03-05］', '见《关于全面推行河长制的意见》〔2016〕', '全文见附件【附件1】']) {
      expect(structure(lines(['河长制是一项制度。', last])).endsMidSentence, last).toBe(false);
    }
  });
});

describe('a heading', () => {
  it('has a letter: the cells of a flattened table, figures alone, stay in the text', () => {
    const blocks = structure(lines(['基层医疗卫生机构数', '2936', '-59', '從結構看，基層機構數量的增長主要來自診所。'])).blocks;
    expect(blocks.filter((b) => b.type === 'heading').map((b) => ('text' in b ? b.text : ''))).toEqual(['基层医疗卫生机构数']);
    expect(blocks.some((b) => 'text' in b && b.text.includes('-59'))).toBe(true);
  });

  it('heads text: a table flattened into lines, a cell a line, keeps its caption as the only heading', () => {
    const table = ['表1　2021年3月底全國醫療衛生機構數', '（單位：個）', '機構類別', '2021年3月底', '醫院', '3.6萬', '+1170', '民營醫院', '2.4萬', '+1246'];
    const blocks = structure(lines([...table, '從結構看，基層機構數量的增長主要來自診所和社區衛生服務站點。'])).blocks;
    expect(blocks.filter((b) => b.type === 'heading').map((b) => ('text' in b ? b.text : ''))).toEqual([table[0]]);
    expect(blocks.filter((b) => b.type === 'paragraph')).toHaveLength(table.length);
    // A document's own table of contents, then its first chapter: the chapter's heading stays.
    const contents = structure(lines(['报告目录如下：', '第一章 医联体的价值', '1、资源流动', '2、政策推进', '3、模式比较', '第二章 商业机会', '第一章 医联体的价值', '区域性医疗联合体，简称医联体，是一个区域内的医疗机构的联合。'])).blocks;
    expect(contents.map((b) => b.type)).toEqual(['paragraph', 'list', 'heading', 'paragraph']);
    // Two headings in a row are headings still.
    const two = structure(lines(['第一章 总则', '一、目的', '为规范医联体建设，制定本办法。'])).blocks;
    expect(two.filter((b) => b.type === 'heading')).toHaveLength(2);
  });
});

describe('a table set out in text', () => {
  /** Lines as normalise makes them from raw lines (their cells kept), numbered from `first`, blank ones left out as cleaning leaves them. */
  const raw = (texts: string[], first = 1) => normalise(texts.join('\n')).lines.filter((l) => l.text !== '').map((l) => ({ ...l, n: l.n + first - 1 }));
  const table = ['年份  清运量（万吨）  无害化处理率', '2019  24206  99.2%', '2020  23512  99.7%', '2021\t24869\t99.9%'];

  it('is a table: its first line the header, each line a row of the same cells, from the source lines it was', () => {
    const blocks = structure(raw(['全国城市生活垃圾清运情况', '来源：城乡建设统计年鉴  2024年8月', '', ...table, '', '从数据看，2020年清运量比2019年下降2.9%。'])).blocks;
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'table', 'paragraph']);
    const t = blocks[2]!;
    if (t.type !== 'table') throw new Error('not a table');
    expect(t.header).toEqual(['年份', '清运量（万吨）', '无害化处理率']);
    expect(t.rows).toEqual([['2019', '24206', '99.2%'], ['2020', '23512', '99.7%'], ['2021', '24869', '99.9%']]);
    expect(t.lines).toEqual([4, 5, 6, 7]);
    expect(t.note).toContain('3 行 3 列');
  });

  it('is not made of two lines, of lines apart in the source, of lines in other numbers of cells, or of words with no figures', () => {
    const tables = (lines: ReturnType<typeof raw>) => structure(lines).blocks.filter((b) => b.type === 'table');
    expect(tables(raw(table.slice(0, 2)))).toEqual([]);
    // A blank line between rows: each part is too short to be a table.
    expect(tables(raw([...table.slice(0, 2), '', table[2]!]))).toEqual([]);
    // A line cleaned away between them (its number skipped).
    expect(tables([...raw(table.slice(0, 2)), ...raw(table.slice(2, 4), 5)])).toEqual([]);
    expect(tables(raw([table[0]!, '2019  24206', '2020  23512  99.7%']))).toEqual([]);
    expect(tables(raw(['主任  副主任  秘书长', '张三  李四  王五', '赵六  孙七  周八']))).toEqual([]);
  });

  it('is read from cells only while the line is still their text (a later stage may join or change it)', () => {
    const lines = raw(table);
    lines[2] = { ...lines[2]!, text: '2020 23512 99.7%（修正）' };
    expect(structure(lines).blocks.filter((b) => b.type === 'table')).toEqual([]);
  });
});

describe('a table flattened into lines, a cell a line', () => {
  const cells = ['机构类别', '2021年3月底', '比2020年3月底增减', '医院', '3.6万', '+1170', '其中：公立医院', '1.2万', '-76', '民营医院', '2.4万', '+1246', '乡镇卫生院', '3.6万', '减少'];
  it('is a table again: its caption lines before it, as many columns as give the most figures, from the source lines it was', () => {
    const blocks = structure(lines(['截至2021年3月底，全国医疗卫生机构总数达102.6万个。', '表1 2021年3月底全国医疗卫生机构数', '（单位：个）', ...cells, '从结构看，基层机构数量的增长主要来自诊所。'])).blocks;
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'table', 'paragraph']);
    const t = blocks[3]!;
    if (t.type !== 'table') throw new Error('not a table');
    expect(t.header).toEqual(['机构类别', '2021年3月底', '比2020年3月底增减']);
    expect(t.rows).toEqual([['医院', '3.6万', '+1170'], ['其中：公立医院', '1.2万', '-76'], ['民营医院', '2.4万', '+1246'], ['乡镇卫生院', '3.6万', '减少']]);
    expect(t.lines).toEqual(Array.from({ length: 15 }, (_, k) => k + 4));
    expect(t.note).toContain('3 列');
  });
  it('is not made of short lines without figures, of a row or two, or of lines apart in the source', () => {
    const tables = (ls: Array<{ n: number; text: string }>) => structure(ls).blocks.filter((b) => b.type === 'table');
    expect(tables(lines(['首页', '新闻中心', '政务公开', '办事服务', '互动交流', '关于我们']))).toEqual([]);
    expect(tables(lines(cells.slice(0, 6)))).toEqual([]);
    expect(tables(lines(cells).map((l, k) => ({ ...l, n: l.n + k })))).toEqual([]);
  });
});

describe('untrusted lines', () => {
  it('never lose a line: every line is a block, or a cell of a recovered table, in order', async () => {
    const fc = (await import('fast-check')).default;
    const line = fc.oneof(
      fc.constantFrom('机构类别', '2021年', '医院', '其中：公立医院', '表1 机构数', '（单位：个）', '首页', '减少', '第一章 总则', '从数据看，数量有所增加。'),
      fc.integer({ min: -99999, max: 99999 }).map((n) => (n > 0 ? `+${n}` : String(n))),
      fc.float({ min: 0, max: 999, noNaN: true }).map((x) => `${Math.round(x * 10) / 10}万`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (texts) => {
        const out: string[] = [];
        for (const b of structure(lines(texts)).blocks) {
          if (b.type === 'table') out.push(...b.header, ...b.rows.flat());
          else if (b.type === 'list') out.push(...b.items);
          else out.push(b.text);
        }
        expect(out).toEqual(texts);
      }),
      { numRuns: 1500 },
    );
  });
});
