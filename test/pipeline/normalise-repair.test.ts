/** normalise and repair: whitespace, line endings, ruby, entities, damaged spans. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsOf, normalise, normaliseLine } from '../../src/pipeline/normalise.ts';
import { findDamage, repair } from '../../src/pipeline/repair.ts';

const lines = (text: string) => normalise(text).lines.map((l) => l.text);

describe('normalise', () => {
  it('turns CRLF and CR into LF and counts them', () => {
    const r = normalise('一\r\n二\r三\n');
    expect(r.lines.map((l) => l.text)).toEqual(['一', '二', '三']);
    expect(r.stats.lineEndings).toBe(2);
  });
  it('turns NBSP and U+3000 runs into one space, trims, and drops control and zero-width characters', () => {
    expect(lines('\u00a0\u00a0医联体\u3000\u3000建设\u200b\u0007 ')).toEqual(['医联体 建设']);
  });
  it('keeps the cells of a line set out as a table row (a tab, or two or more spaces of any width between parts), its text them joined by one space', () => {
    const [header, row, source, heading, spaced] = normalise('年份  清运量 (万吨)\t无害化处理率\n　　2019　　24206  99.2%\n来源：统计年鉴  2024年8月\n第一章　总则\n[ 1 ]   湿地资源   2 0 2 1 .').lines;
    expect(header!.cells).toEqual(['年份', '清运量 (万吨)', '无害化处理率']);
    expect(row!.cells).toEqual(['2019', '24206', '99.2%']);
    expect(row!.text).toBe('2019 24206 99.2%');
    // Two parts are cells too: whether lines of cells make a table is structure's to say.
    expect(source!.cells).toEqual(['来源：统计年鉴', '2024年8月']);
    // One ideographic space is inside a heading; letter-spaced text (a PDF's) is not a row.
    expect(heading!.cells).toBeUndefined();
    expect(spaced!.cells).toBeUndefined();
  });
  it("gives cells, if any, that are never empty and joined by one space are the line's text, for any line (property)", () => {
    const piece = fc.constantFrom('医联体', '2019', '99.2%', ' ', '  ', '\t', '\u3000', '\u3000\u3000', '\u00a0', '\u200b', 'a', '(万吨)');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.string({ maxLength: 8 }), (pieces, noise) => {
        const raw = pieces.join('') + noise;
        const cells = cellsOf(raw);
        if (!cells) return;
        expect(cells.length).toBeGreaterThanOrEqual(2);
        for (const c of cells) expect(c).not.toBe('');
        expect(cells.join(' ')).toBe(normaliseLine(raw));
      }),
      { numRuns: 500 },
    );
  });
  it('applies NFC and keeps punctuation of both widths', () => {
    expect(lines('e\u0301, 医联体,(HMO)“是”?')).toEqual(['é, 医联体,(HMO)“是”?']);
  });
});

describe('repair', () => {
  const fix = (text: string) => repair([{ n: 1, text }]);
  it('removes flattened ruby after characters and keeps Latin in parentheses', () => {
    const r = fix('醫(yī)聯(lián)體與HMO(HMO)和(vcbeat)');
    expect(r.lines[0]!.text).toBe('醫聯體與HMO(HMO)和(vcbeat)');
    expect(r.repaired.map((x) => x.before)).toEqual(['(yī)', '(lián)']);
  });
  it('restores whole and broken HTML entities, and leaves unknown ones', () => {
    expect(fix('遠程#8220;醫&#8221; &amp; &#x201C; &bogus; #12').lines[0]!.text).toBe('遠程“醫” & “ &bogus; #12');
    expect(fix('他说&amp;ldquo;好&amp;#8221;，又&ldquo不&rdquo&nbsp;行 A&B &ampersand').lines[0]!.text).toBe('他说“好”，又“不” 行 A&B &ampersand');
  });

  it('removes flattened pinyin in every style: tone marks, no tones with a trailing space, full-width brackets, tone numbers', () => {
    expect(fix('行動計(jì)劃(huà)提出').lines[0]!.text).toBe('行動計劃提出');
    expect(fix('從(cong) 統(tong) 籌(chou) 地區(qu) 、醫(yi) 療(liao) 機構').lines[0]!.text).toBe('從統籌地區、醫療機構');
    expect(fix('醫（yi）療（liao）機（ji）構（gou）層面').lines[0]!.text).toBe('醫療機構層面');
    expect(fix('医(yi1)疗(liao2)机构').lines[0]!.text).toBe('医疗机构');
  });

  it('keeps Latin in brackets that is no pinyin, and a lone toneless word that may be English', () => {
    for (const text of ['医保(HMO)和(DRG)付费', '试点城市(pilot)名单', '这种做法(an)很少见', '版本(v2)发布', 'WeChat(wei)小程序']) {
      expect(fix(text).lines[0]!.text, text).toBe(text);
    }
    // Three across a document are pinyin, one to a line.
    const r = repair([1, 2, 3].map((n) => ({ n, text: `第${n}行医(yi)疗` })));
    expect(r.lines.map((l) => l.text)).toEqual(['第1行医疗', '第2行医疗', '第3行医疗']);
  });
  it('flags runs of question marks and the debris after them, not ordinary question marks', () => {
    expect(findDamage('遠程式??茖2♂t聯體').map((d) => d.text)).toEqual(['??茖2♂t']);
    expect(findDamage('當?shù)鼗鶎俞t生').map((d) => d.text)).toEqual(['?shù)鼗鶎俞t']);
    expect(findDamage('忘记密码?')).toEqual([]);
    expect(findDamage('医联体是如何重构医疗生态?它带来了什么?')).toEqual([]);
    expect(findDamage('What? Yes')).toEqual([]);
    expect(findDamage('坏\ufffd字')).toHaveLength(1);
  });
});
