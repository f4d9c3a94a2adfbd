/**
 * Chart specifications (content/charts.json): which figures a chart shows, how, and with what title.
 * Every item names a figure by its id and the text it expects that figure to have, so a chart whose
 * figure disappeared or changed fails the build with a message that says which and what is there now.
 */
import type { Figure } from '../extract/figures.ts';

export const CHART_TYPES = ['bars', 'columns', 'grouped', 'slope', 'stacked', 'diverging'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ChartItemSpec {
  label: string;
  /** A figure id (src/extract/figures.ts); absent for a value the source does not give (`missing`). */
  figure?: string;
  /** The figure's text as written, checked at build time. */
  text?: string;
  /** grouped: the group (a question); stacked: the bar (会诊方式). */
  group?: string;
  /** grouped: the series (医生, 患者); stacked: unused. */
  series?: string;
  /** diverging: the source says the quantity fell (下降 22%). */
  negate?: boolean;
  /** Why a value is missing (原文未给出). */
  missing?: string;
}

export interface ChartSpec {
  id: string;
  type: ChartType;
  title: string;
  /** What the chart shows, in the reader's words: the caption. */
  note?: string;
  items: ChartItemSpec[];
  /** stacked: the whole the parts add up to (5993例远程会诊). */
  total?: { label: string; figure: string; text?: string };
  /** slope: the change between the two values, as the source gives it. */
  change?: { label: string; figure: string; text?: string };
  /** bars: one panel per unit, each with its own scale (家 and 例 side by side). */
  panels?: 'unit';
  /** Made from the figures by the build (src/charts/auto.ts), not written by the corpus's editors. */
  found?: true;
}

export interface ChartValue {
  label: string;
  group?: string;
  series?: string;
  /** Signed for a diverging chart. */
  value: number;
  upper?: number;
  unit: string;
  approximate: boolean;
  bound?: 'lower' | 'upper';
  /** As written, with a sign for a diverging chart (−22%). */
  written: string;
  figure: Figure;
}

export interface ChartMissing {
  label: string;
  group?: string;
  series?: string;
  missing: string;
}

export interface ResolvedChart extends Omit<ChartSpec, 'items' | 'total' | 'change'> {
  items: Array<ChartValue | ChartMissing>;
  total?: ChartValue;
  change?: ChartValue;
  /** Where the chart goes on a reading page: the paragraph of its first figure. */
  doc: string;
  paragraph: string;
}

/** What a drawing needs of a chart: its values, whatever their figure carries. */
export type ChartPoint = Omit<ChartValue, 'figure'>;
export interface DrawableChart extends Omit<ResolvedChart, 'items' | 'total' | 'change'> {
  items: Array<ChartPoint | ChartMissing>;
  total?: ChartPoint;
  change?: ChartPoint;
}

export const isValue = <T extends ChartPoint>(x: T | ChartMissing): x is T => 'value' in x;

const str = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

/** The chart specifications, checked for shape; throws with every problem listed. */
export function parseChartSpecs(json: unknown, file = 'content/charts.json'): ChartSpec[] {
  const problems: string[] = [];
  const charts = (json as { charts?: unknown })?.charts;
  if (!Array.isArray(charts)) throw new Error(`${file}: expected {"charts": [...]}`);
  const seen = new Set<string>();
  charts.forEach((c: Partial<ChartSpec>, i) => {
    const where = `${file}: chart ${str(c?.id) ? `"${c.id}"` : `#${i + 1}`}`;
    if (!str(c?.id) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id)) problems.push(`${where}: id must be lower-case letters, digits and hyphens`);
    else if (seen.has(c.id)) problems.push(`${where}: the id is used twice`);
    else seen.add(c.id);
    if (!CHART_TYPES.includes(c?.type as ChartType)) problems.push(`${where}: type must be one of ${CHART_TYPES.join(', ')}`);
    if (!str(c?.title)) problems.push(`${where}: a title is required`);
    if (!Array.isArray(c?.items) || c.items.length === 0) problems.push(`${where}: items must be a non-empty list`);
    else
      c.items.forEach((it, j) => {
        if (!str(it?.label)) problems.push(`${where}, item ${j + 1}: a label is required`);
        if (!str(it?.figure) && !str(it?.missing)) problems.push(`${where}, item ${j + 1}: give a figure id, or say why it is missing`);
      });
    if (c?.type === 'stacked' && !str(c.total?.figure)) problems.push(`${where}: a stacked chart needs a total figure`);
    if (c?.type === 'slope' && Array.isArray(c.items) && c.items.length !== 2) problems.push(`${where}: a slope chart has exactly two items`);
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return charts as ChartSpec[];
}

/**
 * The charts with their figures, and a problem for each figure that is missing or changed (its
 * chart is left out: a chart drawn from the wrong figure would mislead).
 */
export function resolveCharts(specs: readonly ChartSpec[], figures: readonly Figure[]): { charts: ResolvedChart[]; problems: Array<{ chart: string; problem: string }> } {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const problems: Array<{ chart: string; problem: string }> = [];
  const value = (chart: ChartSpec, it: { label: string; figure: string; text?: string; group?: string; series?: string; negate?: boolean }): ChartValue | undefined => {
    const f = byId.get(it.figure);
    const report = (problem: string) => problems.push({ chart: chart.id, problem: `"${it.label}": ${problem}` });
    if (!f) {
      const paragraph = it.figure.split('-').slice(0, 2).join('-');
      const nearby = figures.filter((x) => x.id.startsWith(`${paragraph}-`)).map((x) => `${x.id} "${x.text}"`);
      report(`figure ${it.figure}${it.text ? ` ("${it.text}")` : ''} is not in the corpus any more.${nearby.length ? ` That paragraph's figures are now: ${nearby.join(', ')}.` : ' That paragraph has no figures now.'}`);
      return undefined;
    }
    if (it.text !== undefined && f.text !== it.text) {
      report(`figure ${it.figure} is now "${f.text}", the chart expects "${it.text}" (the text changed: check the chart and update it).`);
      return undefined;
    }
    const sign = it.negate ? -1 : 1;
    return {
      label: it.label,
      ...(it.group ? { group: it.group } : {}),
      ...(it.series ? { series: it.series } : {}),
      value: sign * f.value,
      ...(f.upper !== undefined ? { upper: sign * f.upper } : {}),
      unit: f.unit,
      approximate: f.approximate,
      ...(f.bound ? { bound: f.bound } : {}),
      written: chart.type === 'diverging' ? `${it.negate ? '−' : '+'}${f.text}` : f.text,
      figure: f,
    };
  };
  const charts: ResolvedChart[] = [];
  for (const spec of specs) {
    const items = spec.items.map((it) =>
      it.figure ? value(spec, { ...it, figure: it.figure }) : { label: it.label, ...(it.group ? { group: it.group } : {}), ...(it.series ? { series: it.series } : {}), missing: it.missing! },
    );
    const total = spec.total ? value(spec, spec.total) : undefined;
    const change = spec.change ? value(spec, spec.change) : undefined;
    const first = items.find((x): x is ChartValue => !!x && isValue(x));
    if (items.some((x) => !x) || (spec.total && !total) || (spec.change && !change) || !first) continue;
    const { total: _total, change: _change, ...rest } = spec;
    charts.push({
      ...rest,
      items: items as Array<ChartValue | ChartMissing>,
      ...(total ? { total } : {}),
      ...(change ? { change } : {}),
      doc: first.figure.doc,
      paragraph: first.figure.paragraph,
    });
  }
  return { charts, problems };
}
