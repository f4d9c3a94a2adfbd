import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_LAYOUTS, chartSvg, textWidth } from '../../src/charts/draw.ts';
import { parseChartSpecs, resolveCharts, type ChartSpec } from '../../src/charts/spec.ts';
import { corpusFigures, documentFigures } from '../../src/extract/figures.ts';
import { readAll } from '../../src/extract/reading.ts';
import { chartCsv, chartsJson } from '../../src/generate/figures.ts';
import { splitAfter } from '../../src/lib/html.ts';
import { formatValue } from '../../src/site/format.ts';
import { KNOWN_UNITS, unitSlug } from '../../src/site/unit-names.ts';
import { expectGolden } from '../helpers/golden.ts';
import { ROOT, seedCorpus } from '../helpers/seeds.ts';

const figures = corpusFigures(readAll((await seedCorpus()).documents, documentFigures));
const specs = parseChartSpecs(JSON.parse(readFileSync(join(ROOT, 'content', 'charts.json'), 'utf8')));
const { charts } = resolveCharts(specs, figures);
const loc = { site: 'https://example.org', base: '/' };

describe('the charts of content/charts.json', () => {
  it('are the nine stories of the seeds, told with six kinds of chart', () => {
    expect(charts.map((c) => c.id)).toEqual(['dejiang-visits', 'chongyi-referrals', 'xinyi-consultations', 'referral-survey', 'doctor-obstacles', 'huaxi-effects', 'policies-per-year', 'province-consortia', 'yuancheng-network']);
    expect(new Set(charts.map((c) => c.type))).toEqual(new Set(['slope', 'grouped', 'stacked', 'bars', 'diverging', 'columns']));
  });

  for (const spec of specs) {
    for (const [name, layout] of Object.entries(CHART_LAYOUTS)) {
      it(`${spec.id} (${name}) matches its golden SVG`, () => {
        const c = charts.find((x) => x.id === spec.id)!;
        expectGolden(`charts/${spec.id}-${name}.svg`, `${chartSvg(c, { id: `${c.id}-${name}`, layout })}\n`);
      });
    }
  }

  it('draws accessible images that need no script, with every value in their description', () => {
    for (const c of charts) {
      const svg = chartSvg(c, { id: 'x', layout: CHART_LAYOUTS.narrow });
      expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="x-title x-desc"/);
      expect(svg).not.toMatch(/<script|<a |on\w+=/);
      const desc = /<desc id="x-desc">([^<]*)<\/desc>/.exec(svg)![1]!;
      for (const v of c.items) expect(desc).toContain('value' in v ? v.written : v.missing);
      // Nothing is drawn outside the image.
      const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
      for (const m of svg.matchAll(/<rect x="(-?[\d.]+)"[^>]*width="([\d.]+)"/g)) expect(Number(m[1]) + Number(m[2])).toBeLessThanOrEqual(width + 0.5);
    }
  });

  it('show what the source says: a fall as a negative bar, a lower bound, the part a total leaves unexplained', () => {
    const huaxi = charts.find((c) => c.id === 'huaxi-effects')!;
    expect(huaxi.items.map((v) => ('value' in v ? v.value : null))).toEqual([91, -22, -45.7, -32.2]);
    const network = chartSvg(charts.find((c) => c.id === 'yuancheng-network')!, { id: 'n', layout: CHART_LAYOUTS.wide });
    expect(network.match(/class="ch-more"/g)).toHaveLength(3); // 2000多家, 3000多家, 10000多家
    expect(network).toContain('单位：家');
    const xinyi = chartSvg(charts.find((c) => c.id === 'xinyi-consultations')!, { id: 'x', layout: CHART_LAYOUTS.wide });
    expect(xinyi.match(/原文未说明 416例（6\.9%）/g)).toHaveLength(4); // two bars, each with its title and legend
    const provinces = chartSvg(charts.find((c) => c.id === 'province-consortia')!, { id: 'p', layout: CHART_LAYOUTS.wide });
    expect(provinces).toMatch(/class="ch-bar ch-bound"/); // 不到50个: an outline up to the bound
  });

  it('never draw an axis line through a label', () => {
    for (const c of charts) {
      for (const layout of Object.values(CHART_LAYOUTS)) {
        const svg = chartSvg(c, { id: 'x', layout });
        const lines = [...svg.matchAll(/<line x1="([\d.]+)" x2="\1" y1="([\d.]+)" y2="([\d.]+)" class="ch-axis"/g)].map((m) => ({ x: Number(m[1]), y1: Number(m[2]), y2: Number(m[3]) }));
        const labels = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"( text-anchor="(\w+)")?[^>]*>([^<]*)</g)].map((m) => {
          const width = textWidth(m[6]!, Number(m[3]));
          const x = Number(m[1]);
          const from = m[5] === 'end' ? x - width : m[5] === 'middle' ? x - width / 2 : x;
          return { from, to: from + width, top: Number(m[2]) - Number(m[3]), bottom: Number(m[2]) + 2, text: m[6] };
        });
        for (const l of lines) for (const t of labels) {
          const crosses = l.x > t.from + 1 && l.x < t.to - 1 && l.y1 < t.bottom && l.y2 > t.top;
          expect(crosses, `${c.id}: the axis at x=${l.x} crosses "${t.text}"`).toBe(false);
        }
      }
    }
  });

  it('give each chart a CSV of what it draws, each value with its sentence and link', () => {
    const [dejiang] = chartsJson(charts, loc).charts;
    const rows = chartCsv(dejiang!).replace(/\r\n$/, '').split('\r\n');
    expect(rows[0]).toBe('\ufeffchart,label,group,series,value,upper,unit,approximate,bound,written,missing,figure,context,url');
    expect(rows[1]).toMatch(/^dejiang-visits,2016年,,,417403,,人次,false,,417403人次,,3yagu2-7njtz5-2,"以德江县.*",https:\/\/example\.org\/docs\/3yagu2\/#p-7njtz5$/);
    expect(rows).toHaveLength(4);
  });
});

describe('chart specifications are checked at build time', () => {
  const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({ id: 'c', type: 'bars', title: 'T', items: [{ label: 'a', figure: '3yagu2-tbgraa-1', text: '9个' }], ...over });

  /** What resolving the charts reports, and which charts it keeps. */
  const resolve = (specs: ChartSpec[]) => {
    const { charts, problems } = resolveCharts(specs, figures);
    return { kept: charts.map((c) => c.id), problems: problems.map((p) => `chart "${p.chart}": ${p.problem}`) };
  };

  it('leave out a chart whose figure is gone, naming what that paragraph has now', () => {
    expect(resolve([spec({ items: [{ label: '2016年', figure: '3yagu2-tbgraa-7', text: '9个' }] }), spec({ id: 'fine' })])).toEqual({
      kept: ['fine'],
      problems: ['chart "c": "2016年": figure 3yagu2-tbgraa-7 ("9个") is not in the corpus any more. That paragraph\'s figures are now: 3yagu2-tbgraa-1 "9个", 3yagu2-tbgraa-2 "51个".'],
    });
    expect(resolve([spec({ items: [{ label: 'x', figure: 'nodoc-nopara-1' }] })]).problems).toEqual(['chart "c": "x": figure nodoc-nopara-1 is not in the corpus any more. That paragraph has no figures now.']);
  });

  it('leave out a chart whose figure now says something else', () => {
    expect(resolve([spec({ items: [{ label: 'a', figure: '3yagu2-tbgraa-1', text: '10个' }] })])).toEqual({ kept: [], problems: ['chart "c": "a": figure 3yagu2-tbgraa-1 is now "9个", the chart expects "10个" (the text changed: check the chart and update it).'] });
  });

  it('list every malformed chart at once', () => {
    const bad = { charts: [{ id: 'Bad Id', type: 'pie', items: [] }, { id: 'ok', type: 'slope', title: 't', items: [{ label: 'a', figure: 'x' }] }, { id: 'ok', type: 'stacked', title: 't', items: [{ label: 'b' }] }] };
    let message = '';
    try {
      parseChartSpecs(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'content/charts.json: chart "Bad Id": id must be lower-case letters, digits and hyphens',
      'content/charts.json: chart "Bad Id": type must be one of bars, columns, grouped, slope, stacked, diverging',
      'content/charts.json: chart "Bad Id": a title is required',
      'content/charts.json: chart "Bad Id": items must be a non-empty list',
      'content/charts.json: chart "ok": a slope chart has exactly two items',
      'content/charts.json: chart "ok": the id is used twice',
      'content/charts.json: chart "ok", item 1: give a figure id, or say why it is missing',
      'content/charts.json: chart "ok": a stacked chart needs a total figure',
    ]);
    expect(() => parseChartSpecs({})).toThrow('expected {"charts": [...]}');
  });
});

describe('helpers for figure pages', () => {
  it('cut a page body after a paragraph, nested elements included', () => {
    const html = '<p id="p-a">one <b>b</b></p><table id="p-t"><tr><td><table><tr><td>x</td></tr></table></td></tr></table><p id="p-c">c</p>';
    expect(splitAfter(html, ['p-t', 'p-a', 'p-missing'])).toEqual([
      { html: '<p id="p-a">one <b>b</b></p>', after: 'p-a' },
      { html: '<table id="p-t"><tr><td><table><tr><td>x</td></tr></table></td></tr></table>', after: 'p-t' },
      { html: '<p id="p-c">c</p>' },
    ]);
    expect(splitAfter(html, [])).toEqual([{ html }]);
  });

  it('name units in URLs and format values for tables', () => {
    expect(['%', '家', '人次', '', '個'].map(unitSlug)).toEqual(['percent', 'jia', 'renci', 'none', 'u500b']);
    expect(formatValue({ value: 523900, unit: '人次' })).toBe('523,900');
    expect(formatValue({ value: 7, upper: 10, unit: '%' })).toBe('7–10%');
    expect(formatValue({ value: 2, unit: 'ratio', parts: [6, 3, 1] })).toBe('6:3:1');
    expect(formatValue({ value: 2 / 3, unit: 'fraction' })).toBe('0.6667');
  });
});

describe('unit pages', () => {
  it('have a distinct ASCII slug for every unit the extractor gives', () => {
    const slugs = KNOWN_UNITS.map(unitSlug);
    expect(new Set(slugs).size).toBe(KNOWN_UNITS.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z]+$/);
  });
});
