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
});
