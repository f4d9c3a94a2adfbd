import { describe, expect, it } from 'vitest';
import { corpusFigures, documentFigures } from '../../src/extract/figures.ts';
import { readAll, reading } from '../../src/extract/reading.ts';
import type { Block, BlockId } from '../../src/pipeline/types.ts';
import { seed, seedCorpus } from '../helpers/seeds.ts';

const corpus = await seedCorpus();
const figures = corpusFigures(readAll(corpus.documents, documentFigures));
const byText = (doc: string, text: string) => figures.filter((f) => f.doc === seed(corpus, doc).id && f.text === text);

describe('figures of the seeds', () => {
  it('gives every figure a unique id made of its document, paragraph and place in that paragraph', () => {
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
    for (const f of figures) expect(f.id).toMatch(new RegExp(`^${f.doc}-${f.paragraph}-\\d+$`));
    const d = seed(corpus, '000');
    expect(d.blocks.some((b) => b.id === byText('000', '523900人次')[0]!.paragraph)).toBe(true);
  });

  it('keeps the sentence as context, a table row with its first cell', () => {
    const [f] = byText('000', '417403人次');
    expect(f!.context).toBe('以德江县“医共体”为例,2017年,基层医疗卫生机构门急诊人次523900人次,较去年同期417403人次同比增长25.51%,群众满意度达100%。');
    expect(byText('002', '297家')[0]!.context.startsWith('北京：')).toBe(true);
  });

  it('dates a figure by its sentence: a baseline (去年同期) dates only the figure it introduces', () => {
    const date = (doc: string, text: string) => byText(doc, text).map((f) => [f.date, f.dateWritten]);
    expect(date('000', '523900人次')).toEqual([['2017', '2017年']]);
    expect(date('000', '417403人次')).toEqual([['2016', '去年同期']]);
    expect(date('000', '25.51%')).toEqual([['2017', '2017年']]);
    expect(byText('001', '1312例')[0]).toMatchObject({ date: '2015', dateEnd: '2017-04', dateWritten: '2015年-2017年4月' });
    // A sentence with no date gives none (其中大足医院上转患者54例 …).
    expect(byText('001', '54例')[0]!.date).toBeUndefined();
  });

  it('marks the dates of a document whose dates cannot be trusted', () => {
    expect(byText('002', '297家')[0]).toMatchObject({ date: '2023-12', dateTrusted: false });
    expect(byText('003', '60億元')[0]).toMatchObject({ value: 6e9, unit: '元', date: '2016', dateTrusted: true });
  });

  it('numbers figures per paragraph, so an edit elsewhere leaves ids alone', () => {
    const d = seed(corpus, '001');
    const before = documentFigures(reading(d));
    const added: Block = { type: 'paragraph', id: 'new001' as BlockId, lines: [], text: '前面加了一段,有3家医院。', marks: [] };
    const edited = { ...d, blocks: [added, ...d.blocks] };
    const after = documentFigures(reading(edited));
    expect(after[0]!.id).toBe(`${d.id}-new001-1`);
    for (const f of before) expect(after.find((g) => g.id === f.id)?.text).toBe(f.text);
  });
});
