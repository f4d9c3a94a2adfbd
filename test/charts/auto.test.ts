import { describe, expect, it } from 'vitest';
import { DEV_WEB, expectedDocument, expectedDocuments, LONG_TERM_CARE } from '../../scripts/bench/labelled-corpus.ts';
import { autoCharts } from '../../src/charts/auto.ts';
import { chartSvg } from '../../src/charts/draw.ts';
import { figureAt, readFigures } from '../../src/charts/figure-reading.ts';
import { isValue, resolveCharts, type ChartSpec, type ResolvedChart } from '../../src/charts/spec.ts';
import { corpusFigures, documentFigures } from '../../src/extract/figures.ts';
import { readAll } from '../../src/extract/reading.ts';
import type { BlockId, DocumentId, DocumentText } from '../../src/pipeline/types.ts';

/** A document of these paragraphs, published on this date. */
function doc(paragraphs: string[], published = '2023-07-13', id = 'd1'): DocumentText {
  return {
    id: id as DocumentId,
    meta: { title: '', titleSource: 'title-line', author: null, published, publisher: null, editor: null, originalTitle: null, documentNumber: null },
    datesTrusted: true,
    blocks: paragraphs.map((text, i) => ({ id: `p${i}` as BlockId, lines: [], type: 'paragraph' as const, text, marks: [] })),
  };
}
/** The figures of documents, as the content build finds them. */
const figuresOf = (docs: DocumentText[]) => corpusFigures(readAll(docs, documentFigures));
const charts = (docs: DocumentText[]): ChartSpec[] => autoCharts(figuresOf(docs));
/** A chart as `type: label=written; …` (with its total or change). */
function show(c: ResolvedChart): string {
  const items = c.items.map((x) => `${x.label}=${isValue(x) ? x.written : x.missing}`).join('; ');
  return `${c.type}: ${items}${c.total ? ` | total ${c.total.written}` : ''}${c.change ? ` | ${c.change.label} ${c.change.written}` : ''}`;
}
const drawn = (docs: DocumentText[]) => {
  const figures = figuresOf(docs);
  return resolveCharts(autoCharts(figures), figures).charts.map(show);
};

describe('what a figure measures', () => {
  it('a figure without its own words takes the measure named before it; a list item its own label', () => {
    const readings = readFigures(figuresOf([doc(['从近三年的数据看，长护险参保人数2020年底为1.08亿人，2021年底为1.45亿人。分城区看，享受待遇人数西乡塘区1208人、青秀区1035人。'])]));
    expect(readings.map((r) => [r.figure.text, r.measure, r.label])).toEqual([
      ['近三年', '', ''],
      ['1.08亿人', '长护险参保人数', ''],
      ['1.45亿人', '长护险参保人数', ''],
      ['1208人', '享受待遇人数', '西乡塘区'],
      ['1035人', '享受待遇人数', '青秀区'],
    ]);
  });
});

describe('where a figure stands in its context', () => {
  it('not inside a longer number', () => {
    const context = '医院数：2020年 20；2021年 22；合计 1,200';
    expect(figureAt(context, '20')).toBe(context.indexOf('年 20') + 2);
    expect(figureAt(context, '1')).toBe(-1);
    expect(figureAt('增长12.5%，另有2.5万人', '2.5万人')).toBe(10);
    expect(figureAt('共523900人次', '523900人次')).toBe(1);
  });
});

describe('charts that must be made', () => {
  it('one thing at three dates: columns in date order, each value citing its figure', () => {
    expect(drawn([doc(['从近三年的数据看，长护险参保人数2021年底为1.45亿人，2020年底为1.08亿人，2022年底增至1.69亿人。'])])).toEqual([
      'columns: 2020年底=1.08亿人; 2021年底=1.45亿人; 2022年底=1.69亿人',
    ]);
  });
  it('one thing at several places listed in a sentence: bars, sorted', () => {
    expect(drawn([doc(['分城区看，享受待遇人数西乡塘区1208人、青秀区1035人、江南区847人、兴宁区612人。'])])).toEqual([
      'bars: 西乡塘区=1208人; 青秀区=1035人; 江南区=847人; 兴宁区=612人',
    ]);
  });
  it('the parts of a stated total, the rest the text leaves out drawn as such', () => {
    const [c] = resolveCharts(charts([doc(['全市定点护理服务机构共126家，其中养老机构52家、医疗机构38家、居家护理服务机构29家。'])]), figuresOf([doc(['全市定点护理服务机构共126家，其中养老机构52家、医疗机构38家、居家护理服务机构29家。'])])).charts;
    expect(show(c!)).toBe('stacked: 养老机构=52家; 医疗机构=38家; 居家护理服务机构=29家 | total 126家');
    expect(chartSvg(c!, { id: 'c', layout: { width: 600, fontSize: 14 } })).toContain('ch-hatch');
  });
  it('parts written before their total (…，合计…)', () => {
    expect(drawn([doc(['截至2022年底，全国已布建A单位689处、B单位8,095处、C单位3,358处，合计1万2,142处。'])])).toEqual([
      'stacked: A单位=689处; B单位=8,095处; C单位=3,358处 | total 1万2,142处',
    ]);
  });
  it('a value at two dates with the change the text states: a slope', () => {
    expect(drawn([doc(['截至2022年12月底，全市参保人数达到163万人，比2021年底的151万人增长7.9%。'])])).toEqual(['slope: 2021年底=151万人; 2022年12月底=163万人 | 增长 7.9%']);
  });
  it('the changes of three items in a sentence: diverging bars, the whole’s own change left out', () => {
    expect(drawn([doc(['同2020年3月底相比，总数增加17273个：医院增加1170个，基层医疗卫生机构增加17572个，专业公共卫生机构则减少1624个。'])])).toEqual([
      'diverging: 医院=+1170个; 基层医疗卫生机构=+17572个; 专业公共卫生机构=−1624个',
    ]);
  });
  it('a table of items and one number each: bars', () => {
    const table: DocumentText = {
      ...doc([]),
      blocks: [{ id: 't1' as BlockId, lines: [], type: 'table', header: ['就醫層級', '部分負擔比例'], rows: [['基層診所', '20%'], ['地區醫院', '30%'], ['區域醫院', '40%'], ['醫學中心', '50%']] }],
    };
    expect(drawn([table])).toEqual(['bars: 醫學中心=50%; 區域醫院=40%; 地區醫院=30%; 基層診所=20%']);
  });
});

/** A document of one table (its first row the header). */
const tableDoc = (header: string[], rows: string[][]): DocumentText => ({ ...doc([]), blocks: [{ id: 't1' as BlockId, lines: [], type: 'table' as const, header, rows }] });

describe('tables: each number read with its row and its header', () => {
  const yearly = tableDoc(['年份', '清运量（万吨）', '无害化处理率'], [['2019', '24206', '99.2%'], ['2020', '23512', '99.7%'], ['2021', '24,869', '99.9%'], ['合计', '72587', '—']]);
  it('a bare number takes its measure and unit from its header, its date from its row', () => {
    const readings = readFigures(figuresOf([yearly]));
    expect(readings.map((r) => [r.figure.text, r.figure.value, r.figure.unit, r.measure, r.label, r.figure.date ?? ''])).toEqual([
      ['24206', 242060000, '吨', '清运量（万吨）', '', '2019'],
      ['99.2%', 99.2, '%', '无害化处理率', '', '2019'],
      ['23512', 235120000, '吨', '清运量（万吨）', '', '2020'],
      ['99.7%', 99.7, '%', '无害化处理率', '', '2020'],
      ['24,869', 248690000, '吨', '清运量（万吨）', '', '2021'],
      ['99.9%', 99.9, '%', '无害化处理率', '', '2021'],
      ['72587', 725870000, '吨', '清运量（万吨）', '合计', ''],
    ]);
    // The row with its headers is the figure's context: what the figures page shows beside it.
    expect(readings[0]!.figure.context).toBe('2019：清运量（万吨） 24206；无害化处理率 99.2%');
  });
  it('a column over years: columns, one chart per measure; the total row is not a year', () => {
    expect(drawn([yearly])).toEqual(['columns: 2019=24206; 2020=23512; 2021=24,869', 'columns: 2019=99.2%; 2020=99.7%; 2021=99.9%']);
    expect(charts([yearly]).map((c) => c.title)).toEqual(['清运量（万吨），2019—2021', '无害化处理率，2019—2021']);
  });
  it('years across the top: the row names the measure', () => {
    const across = tableDoc(['指标', '2020年', '2021年', '2022年'], [['床位数（张）', '1200', '1350', '1500'], ['卫生技术人员（人）', '3400', '3600', '3900']]);
    expect(drawn([across])).toEqual(['columns: 2020年=1200; 2021年=1350; 2022年=1500', 'columns: 2020年=3400; 2021年=3600; 2022年=3900']);
    expect(readFigures(figuresOf([across]))[0]!.figure).toMatchObject({ value: 1200, unit: '张', measure: '床位数（张）', date: '2020', dateWritten: '2020年' });
  });
  it('one date column: its rows are items at that date (bars), unless their names are measures', () => {
    const places = tableDoc(['地区', '2023年'], [['甲市', '120家'], ['乙市', '95家'], ['丙市', '80家']]);
    expect(drawn([places])).toEqual(['bars: 甲市=120家; 乙市=95家; 丙市=80家']);
    // A bare number of an item at that date is a figure too; with no header and no unit, it is not.
    expect(figuresOf([tableDoc(['机构', '2021年3月底'], [['疾病预防控制中心', '3387']])]).map((f) => [f.text, f.label, f.date])).toEqual([['3387', '疾病预防控制中心', '2021-03']]);
    expect(figuresOf([tableDoc(['', ''], [['甲单位', '100000']])])).toEqual([]);
    expect(charts([places]).map((c) => c.title)).toEqual(['甲市、乙市、丙市（2023年）（原文表格）']);
    const targets = tableDoc(['指标', '2025年目标'], [['签约率', '75%'], ['医疗卫生机构数', '3600个']]);
    expect(readFigures(figuresOf([targets])).map((r) => [r.measure, r.label, r.figure.date])).toEqual([
      ['签约率', '', '2025'],
      ['医疗卫生机构数', '', '2025'],
    ]);
  });
  it('a column over items: sorted bars without the whole (合计, 全市), titled by its header', () => {
    const places = tableDoc(['地区', '家庭医生签约人数（万人）', '签约率'], [['全市', '120', '45%'], ['甲区', '50', '52%'], ['乙区', '40', '41%'], ['丙区', '30', '38%']]);
    expect(drawn([places])).toEqual(['bars: 甲区=50; 乙区=40; 丙区=30', 'bars: 甲区=52%; 乙区=41%; 丙区=38%']);
    expect(charts([places]).map((c) => c.title)).toEqual(['家庭医生签约人数（万人）（原文表格）', '签约率（原文表格）']);
  });
  it('numbers that are not amounts: numbering, codes, contacts, years of founding, empty cells; a numbered row is named by its next cell', () => {
    const listing = tableDoc(['序号', '机构', '邮编', '电话', '成立年份', '床位数'], [['1', '甲医院', '100000', '010-12345678', '2015', '—'], ['2', '乙医院', '200000', '021-12345678', '2016', '520']]);
    expect(readFigures(figuresOf([listing])).map((r) => [r.figure.text, r.measure, r.label])).toEqual([['520', '床位数', '乙医院']]);
  });
  it('the line above a table gives the unit of its bare numbers, where the header gives none', () => {
    const captioned: DocumentText = {
      ...doc([]),
      blocks: [
        { id: 'c1' as BlockId, lines: [], type: 'paragraph', text: '表1 各区医疗卫生机构数（單位：個）', marks: [] },
        { id: 't1' as BlockId, lines: [], type: 'table', header: ['地区', '机构数', '床位（万张）'], rows: [['甲区', '120', '1.2'], ['乙区', '95', '0.8']] },
        { id: 't2' as BlockId, lines: [], type: 'table', header: ['地区', '机构数'], rows: [['丙区', '70']] },
      ],
    };
    expect(figuresOf([captioned]).map((f) => [f.text, f.value, f.unit])).toEqual([
      ['120', 120, '个'],
      ['1.2', 12000, '张'],
      ['95', 95, '个'],
      ['0.8', 8000, '张'],
      // (A table the line is not right above.)
      ['70', 70, ''],
    ]);
  });
  it("a sign before a cell's figure: a bound, not a value (≥95% is at least 95%)", () => {
    const [f] = figuresOf([tableDoc(['考核指标', '到2017年应达到的标准'], [['达标率', '≥95%']])]);
    expect(f).toMatchObject({ text: '95%', bound: 'lower', measure: '达标率', date: '2017' });
  });
  it("a sentence in a cell keeps its own reading, and takes its row's date when it gives none", () => {
    const [f] = readFigures(figuresOf([tableDoc(['时间', '地点', '数据'], [['2017年5月19日', '枣庄市', '现场签约22330人']])]));
    expect([f!.figure.text, f!.figure.measure, f!.figure.date, f!.figure.context]).toEqual(['22330人', undefined, '2017-05-19', '2017年5月19日：枣庄市；现场签约22330人']);
  });
});

describe('charts that must be refused (a reader would call them misleading)', () => {
  it.each([
    ['different things at different dates', '2020年底参保人数为1.08亿人，2021年享受待遇人数108.7万人，2022年基金支出108.4亿元。'],
    ['a share and a count of one thing', '2020年参保人数为1.08亿人，2021年参保人数占比为16.6%，2022年参保人数为1.69亿人。'],
    ['two points with no stated change', '2021年底参保人数为1.45亿人，2022年底参保人数为1.69亿人。'],
    ['a period overlapping its years', '2019—2021年参保人数累计为3亿人，2020年参保人数为1.08亿人，2021年参保人数为1.45亿人，2022年参保人数为1.69亿人。'],
    ['bounds, not values', '2020年参保人数超过1亿人，2021年参保人数近1.5亿人，2022年参保人数超过1.6亿人。'],
    ['a stated change that does not follow from its two values', '截至2022年12月底，全市参保人数达到163万人，比2021年底的151万人增长17.9%。'],
    ['parts that add up to more than their total', '全市定点护理服务机构共126家，其中养老机构72家、医疗机构38家、居家护理服务机构29家。'],
    ['a table of different measures, not items of one', ''],
    ['ratios', '2020年医护比为1:1.2，2021年医护比为1:1.5，2022年医护比为1:1.8。'],
    ['two changes only', '同2020年3月底相比，医院增加1170个，专业公共卫生机构则减少1624个。'],
    ['changes in different units', '同2020年相比，医院增加1170个，床位增加3万张，医生增加2000名。'],
  ])('%s', (_, text) => {
    const docs = text
      ? [doc([text])]
      : [{ ...doc([]), blocks: [{ id: 't1' as BlockId, lines: [], type: 'table' as const, header: ['指标', '标准'], rows: [['基层医疗卫生机构建设达标率', '95%'], ['县域内就诊率', '90%'], ['签约服务覆盖率', '30%']] }] }];
    expect(drawn(docs)).toEqual([]);
  });
  it('two places under one name at one date', () => {
    expect(drawn([doc(['2020年参保人数为1.08亿人，2021年参保人数为1.45亿人，2022年参保人数为1.69亿人。', '2022年参保人数为163万人。'])])).toEqual([]);
  });
  it('the same measure in two documents is two places or two sources: never one series', () => {
    expect(drawn([doc(['2020年参保人数为1.08亿人。'], '2023-01-01', 'a1'), doc(['2021年参保人数为1.45亿人。'], '2023-01-01', 'b1'), doc(['2022年参保人数为1.69亿人。'], '2023-01-01', 'c1')])).toEqual([]);
  });
  it('dates a document cannot vouch for', () => {
    expect(drawn([{ ...doc(['2020年参保人数为1.08亿人，2021年参保人数为1.45亿人，2022年参保人数为1.69亿人。']), datesTrusted: false }])).toEqual([]);
  });
});

describe('the corpora, with no charts.json', () => {
  const make = (dir: string) => {
    const docs = expectedDocuments(dir).map((e) => expectedDocument(e, dir));
    const figures = figuresOf(docs);
    return resolveCharts(autoCharts(figures), figures).charts;
  };
  it('long-term-care: at least three charts, each correct by its cited figures', () => {
    const made = make(LONG_TERM_CARE).map(show);
    for (const c of [
      'columns: 2020年底=1.08亿人; 2021年底=1.45亿人; 2022年底=1.69亿人',
      'columns: 2020年=83.5万人; 2021年=108.7万人; 2022年=120.8万人',
      'columns: 107年（2018）=18萬660人; 108年（2019）=28萬4,208人; 109年（2020）=35萬7,457人; 110年（2021）=38萬8,866人; 111年（2022）=44萬381人',
      'bars: 西乡塘区=1208人; 青秀区=1035人; 江南区=847人; 兴宁区=612人; 良庆区=356人; 邕宁区=201人',
      'stacked: 养老机构=52家; 医疗机构=38家; 居家护理服务机构=29家 | total 126家',
      'slope: 2021年底=1.45亿人; 2022年底=1.69亿人 | 增长 16.6%',
      'slope: 2021年底=151万人; 2022年12月底=163万人 | 增长 7.9%',
    ])
      expect(made).toContain(c);
    // Not a chart: the shares of different costs (90%/10%, 85%/15%), the yearly count beside the cumulative one.
    expect(made.some((c) => c.includes('90%') || c.includes('136万人'))).toBe(false);
  });
  it('dev-web: a table of items, the changes of three kinds of institution, the parts of a total', () => {
    expect(make(DEV_WEB).map(show)).toEqual([
      'bars: 醫學中心=50%; 區域醫院=40%; 地區醫院=30%; 基層診所=20%',
      'diverging: 醫院=+1170個; 基層醫療衛生機構=+17572個; 專業公共衛生機構=−1624個',
      'stacked: 公立醫院=1.2萬個; 民營醫院=2.4萬個 | total 3.6萬個',
    ]);
  });
  it('every chart is drawn (an accessible SVG giving every value)', () => {
    for (const c of make(LONG_TERM_CARE)) {
      const svg = chartSvg(c, { id: c.id, layout: { width: 640, fontSize: 14 } });
      expect(svg).toContain('role="img"');
      for (const x of c.items) if (isValue(x)) expect(svg).toContain(x.written);
    }
  });
});
