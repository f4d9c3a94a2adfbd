/**
 * A corpus with no curation at all explains itself: long-term-care (ten documents on 长期护理保险 and
 * Taiwan's 長照, test/fixtures/corpora/long-term-care), built as a maintainer would drop a folder in,
 * gets its own glossary (its central terms, with the definitions its text gives), charts made from
 * its figures (each drawing what its cited figures say), the national bodies its documents name,
 * and places from its text, never from its pages' chrome. Checked on the built site.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCopy } from '../helpers/build.ts';
import { dataList, documentData } from '../helpers/data.ts';
import { ROOT } from '../helpers/seeds.ts';

const LTC = join(ROOT, 'test', 'fixtures', 'corpora', 'long-term-care', 'docs');

interface Mention {
  doc: string;
  paragraph: string;
  text: string;
}
interface Term {
  id: string;
  term: string;
  synonyms?: string[];
  definition?: { text: string };
  counts: Record<string, number>;
  found?: { why: string[] };
}
interface ChartValue {
  label: string;
  value: number;
  written: string;
  figure: { id: string; doc: string; paragraph: string };
}
interface Chart {
  id: string;
  type: string;
  found?: boolean;
  items: Array<ChartValue | { label: string; missing: string }>;
  total?: ChartValue;
  change?: ChartValue;
}

let dist = '';
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

beforeAll(() => {
  // A bare folder of documents, as a maintainer would point at it: no kb.json, no curation.
  const corpus = join(mkdtempSync(join(tmpdir(), 'kb-explain-')), 'long-term-care');
  cpSync(LTC, corpus, { recursive: true });
  dist = join(buildCopy(corpus).dir, 'dist');
}, 900_000);

describe('long-term-care, built with no curation', () => {
  it('has a glossary of its own central terms, with the definitions its text gives, each marked as found, each with its page', () => {
    const terms = dataList<Term>(dist, 'terms');
    const find = (name: string) => terms.find((t) => t.term === name || t.synonyms?.includes(name));
    for (const name of ['长期护理保险', '长护险', '失能', '失能等级评估', '定点护理服务机构', '长期照顾', '长照', '长照2.0', '喘息服务', '护理服务']) expect(find(name), name).toBeDefined();
    expect(find('长护险')).toBe(find('长期护理保险'));
    expect(find('长照')).toBe(find('长期照顾'));
    for (const [name, defined] of [
      ['长护险', '长期护理保险制度是以'],
      ['失能', '本细则所称失能，是指'],
      ['失能等级评估', '失能等级评估是指'],
      ['定点护理服务机构', '定点护理服务机构，即'],
      ['长照', '是指身心失能'],
      ['喘息服务', '喘息服務，即'],
    ] as Array<[string, string]>) {
      expect(find(name)!.definition?.text, name).toContain(defined);
    }
    // Its central term in almost every document.
    expect(Object.keys(find('长护险')!.counts).length).toBeGreaterThanOrEqual(7);
    expect(terms.every((t) => t.found && t.found.why.length > 0)).toBe(true);
    for (const t of terms) expect(existsSync(join(dist, 'terms', t.id, 'index.html')), t.term).toBe(true);
    expect(page('terms')).toContain('自动发现');
    // Not terms: bodies, places, times.
    for (const name of ['国家医保局', '南宁市', '年底']) expect(find(name), name).toBeUndefined();
  });

  it('draws at least three charts from its figures, each value what its cited figure says in its paragraph, each with its data table and CSV', () => {
    const { charts } = JSON.parse(readFileSync(join(dist, '..', 'src', 'generated', 'charts.json'), 'utf8')) as { charts: Chart[] };
    expect(charts.length).toBeGreaterThanOrEqual(3);
    const figures = new Map(dataList<{ id: string; value: number; text: string; doc: string; paragraph: string }>(dist, 'figures').map((f) => [f.id, f]));
    const blocks = (doc: string) => new Map((documentData<{ blocks: Array<{ id: string; text?: string; rows?: string[][] }> }>(dist, doc).blocks).map((b) => [b.id, b.text ?? JSON.stringify(b.rows)]));
    for (const c of charts) {
      expect(c.found, c.id).toBe(true);
      for (const v of [...c.items, c.total, c.change]) {
        if (!v || !('value' in v)) continue;
        const f = figures.get(v.figure.id)!;
        expect(f, `${c.id}: ${v.figure.id}`).toBeDefined();
        expect(Math.abs(v.value)).toBe(f.value);
        expect(v.written.replace(/^[+−]/, '')).toBe(f.text);
        // The figure is in the paragraph the chart links to.
        expect(blocks(f.doc).get(f.paragraph), `${c.id}: ${f.text}`).toContain(f.text);
      }
      expect(existsSync(join(dist, 'data', 'charts', `${c.id}.csv`)), c.id).toBe(true);
    }
    const shown = (c: Chart) =>
      `${c.type}: ${c.items.map((x) => `${x.label}=${'written' in x ? x.written : x.missing}`).join('; ')}${c.total ? ` | total ${c.total.written}` : ''}${c.change ? ` | change ${c.change.written}` : ''}`;
    const made = charts.map(shown);
    for (const expected of [
      'columns: 2020年底=1.08亿人; 2021年底=1.45亿人; 2022年底=1.69亿人',
      'bars: 西乡塘区=1208人; 青秀区=1035人; 江南区=847人; 兴宁区=612人; 良庆区=356人; 邕宁区=201人',
      'stacked: 养老机构=52家; 医疗机构=38家; 居家护理服务机构=29家 | total 126家',
      'slope: 2021年底=151万人; 2022年12月底=163万人 | change 7.9%',
    ])
      expect(made).toContain(expected);
    const figuresPage = page('figures');
    expect(figuresPage).toContain('自动生成');
    for (const c of charts) expect(figuresPage).toContain(`id="chart-${c.id}"`);
  });

  it('names the national bodies its documents name, under one name with their other forms', () => {
    const organisations = dataList<{ name: string; kind: string; forms: string[]; mentions: Mention[] }>(dist, 'organisations');
    const nhsa = organisations.find((o) => o.name === '国家医保局')!;
    expect(nhsa.kind).toBe('government');
    expect(nhsa.forms).toEqual(expect.arrayContaining(['国家医保局', '国家医疗保障局']));
    expect(new Set(nhsa.mentions.map((m) => m.doc)).size).toBeGreaterThanOrEqual(4);
    for (const name of ['财政部', '人社部', '民政部']) expect(organisations.map((o) => o.name), name).toContain(name);
  });

  it('takes its places from the text, with the counties of a list of pilot cities, never from an address, a byline or a location tag', () => {
    const places = dataList<{ name: string; level: string; mentions: Mention[] }>(dist, 'places');
    const names = places.map((p) => p.name);
    for (const name of ['青岛', '南宁', '上海', '石景山区', '黔西南', '甘南', '乌鲁木齐']) expect(names, name).toContain(name);
    expect(places.find((p) => p.name === '石景山区')!.level).toBe('county');
    // 台北 is named only in the legislature's footer address (地址：10051臺北市中正區中山南路1號), 中山 only as its street.
    for (const name of ['台北', '中山']) expect(names, name).not.toContain(name);
    for (const p of places) for (const m of p.mentions) expect(m.text, p.name).not.toMatch(/地址|来源：|發布日期|来自.{2,4}·|电话|總機/);
  });

  it('files one policy once, with or without its issuers, dated by its own date', () => {
    const policies = dataList<{ title: string; variants: string[]; issuer?: string; date?: string }>(dist, 'policies');
    const expansion = policies.filter((p) => [p.title, ...p.variants].some((t) => t.endsWith('关于扩大长期护理保险制度试点的指导意见')));
    expect(expansion).toHaveLength(1);
    expect(expansion[0]).toMatchObject({ date: '2020' });
  });

  it('keeps the retired event kind’s page, pointing to where its events went', () => {
    const retired = page('timeline/kind/consortium');
    expect(retired).toContain('timeline/kind/institution/');
    expect(retired).toContain('并入');
    expect(existsSync(join(dist, 'timeline', 'kind', 'consortium', 'events.csv'))).toBe(true);
  });
});
