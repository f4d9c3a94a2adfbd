import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFigures, documentFigures } from '../../src/extract/figures.ts';
import { readAll } from '../../src/extract/reading.ts';
import { bareFigure, captionUnit, dateOfName, unitOfName } from '../../src/extract/table-cells.ts';
import type { BlockId, DocumentId, DocumentText } from '../../src/pipeline/types.ts';

const context = { published: '2024-01-01' };

describe('the unit a header names', () => {
  it.each([
    ['清运量（万吨）', { unit: '吨', scale: 1e4 }],
    ['床位数(张)', { unit: '张', scale: 1 }],
    ['卫生总费用（亿元）', { unit: '元', scale: 1e8 }],
    ['收入（百万元）', { unit: '元', scale: 1e6 }],
    ['诊疗人次（万人次）', { unit: '人次', scale: 1e4 }],
    ['占比/%', { unit: '%', scale: 1 }],
    ['增幅（％）', { unit: '%', scale: 1 }],
    ['人均费用（元/人）', { unit: '元/人', scale: 1 }],
    ['变化（百分点）', { unit: '个百分点', scale: 1 }],
    ['出口（单位：亿美元）', { unit: '美元', scale: 1e8 }],
    ['体重（千克）', { unit: '千克', scale: 1 }],
  ])('%s', (name, unit) => expect(unitOfName(name)).toEqual(unit));
  it.each(['清运量', '清运量（含县城）', '医院（公立）', '人数（2020年）', ''])('none in %s', (name) => expect(unitOfName(name)).toBeUndefined());
});

describe('the unit a line above a table gives', () => {
  it.each([
    ['（单位：个）', { unit: '个', scale: 1 }],
    ['单位：万元', { unit: '元', scale: 1e4 }],
    ['表1 2021年3月底全國醫療衛生機構數（單位：個）', { unit: '个', scale: 1 }],
  ])('%s', (line, unit) => expect(captionUnit(line)).toEqual(unit));
  it.each(['各单位：要加强管理。', '表1 全省卫生资源主要指标', '（万吨）', `${'很长的说明'.repeat(12)}（单位：个）`])('none in %s', (line) => expect(captionUnit(line)).toBeUndefined());
});

describe('a header or row that is a date', () => {
  it.each([
    ['2019', '2019'],
    ['2019年', '2019'],
    ['2020年底', '2020'],
    ['到2017年应达到的标准', '2017'],
    ['2021年3月', '2021-03'],
  ])('%s', (name, date) => expect(dateOfName(name, context)?.date).toBe(date));
  it.each(['比2020年3月底增减', '2019年和2020年', '清运量', '20190', '床位数'])('not %s', (name) => expect(dateOfName(name, context)).toBeUndefined());
});

describe('a bare number in a cell', () => {
  const cell = (text: string, column: string) => bareFigure(text, { measure: column, label: '甲区' }, column);
  it.each([
    ['35', '平均等待时间（分钟）', { value: 35, unit: '分钟' }],
    ['1200', '年度预算（万元）', { value: 12000000, unit: '元' }],
    ['-2.9', '增速', { value: -2.9, unit: '' }],
  ])('%s under %s is an amount', (text, column, figure) => expect(cell(text, column)).toEqual(figure));
  it.each([
    ['3', '序号'],
    ['100000', '邮政编码'],
    ['2015', '成立年份'],
    ['2019', '年度'],
    ['12', '排名'],
    ['—', '床位数'],
  ])('%s under %s is not', (text, column) => expect(cell(text, column)).toBeUndefined());
});

describe('untrusted tables', () => {
  const table = (header: string[], rows: string[][]): DocumentText => ({
    id: 'd1' as DocumentId,
    meta: { title: '', titleSource: 'title-line', author: null, published: '2024-01-01', publisher: null, editor: null, originalTitle: null, documentNumber: null },
    datesTrusted: true,
    blocks: [{ id: 't1' as BlockId, lines: [], type: 'table', header, rows }],
  });
  const cell = fc.array(fc.constantFrom(...'0123456789.,-—≥≤%％约万亿年月（）()/：;；元吨人张率数量合计全市甲乙区 '.split('')), { maxLength: 12 }).map((a) => a.join(''));
  it('never throws; each figure is in its context, with a finite value; one alone in its cell is that cell', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 5 }), fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { maxLength: 5 }), (header, rows) => {
        const figures = corpusFigures(readAll([table(header, rows)], documentFigures));
        expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
        for (const f of figures) {
          expect(Number.isFinite(f.value)).toBe(true);
          expect(f.context).toContain(f.text);
          if (f.measure !== undefined) expect(rows.some((r) => r.slice(1).some((c) => c.trim().includes(f.text) && c.trim().replace(f.text, '').replace(/[\s≥≤<>＞＜≈~～*※＊]/g, '') === ''))).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
