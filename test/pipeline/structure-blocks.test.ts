/** structure: whether a text ends cut off mid-sentence; what is a heading. */
import { describe, expect, it } from 'vitest';
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
