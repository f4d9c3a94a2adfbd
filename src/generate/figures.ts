/** /data/figures.json, /data/figures.csv and one CSV per chart: the figures, with links to their paragraphs. */
import { isValue, type ChartMissing, type ChartValue, type ResolvedChart } from '../charts/spec.ts';
import type { Figure } from '../extract/figures.ts';
import { csv, csvLines } from './csv.ts';
import { paragraphUrl, type SiteLocation } from './data.ts';
import { map } from '../lib/iterate.ts';

/** One figure in the public shape of the figures (documented in README): with the link to its paragraph. */
export const figureEntry = (f: Figure, loc: SiteLocation) => ({ ...f, url: paragraphUrl(loc, f.doc, f.paragraph) });

export type FigureEntry = ReturnType<typeof figureEntry>;
/** /data/figures.json. */
export interface FiguresData {
  figures: FigureEntry[];
}

/** /data/figures.csv, line by line. */
export function figuresCsv(figures: Iterable<FigureEntry>): Generator<string> {
  const header = ['id', 'value', 'upper', 'unit', 'approximate', 'bound', 'text', 'counted', 'date', 'date_end', 'date_written', 'date_trusted', 'context', 'doc', 'paragraph', 'url'];
  return csvLines(header, map(figures, (f) => [f.id, f.value, f.upper, f.unit, String(f.approximate), f.bound, f.text, f.counted, f.date, f.dateEnd, f.dateWritten, f.dateTrusted === undefined ? '' : String(f.dateTrusted), f.context, f.doc, f.paragraph, f.url]));
}

interface FigureLink {
  id: string;
  doc: string;
  paragraph: string;
  context: string;
  url: string;
}
export type LinkedValue = Omit<ChartValue, 'figure'> & { figure: FigureLink };
export interface LinkedChart extends Omit<ResolvedChart, 'items' | 'total' | 'change'> {
  items: Array<LinkedValue | ChartMissing>;
  total?: LinkedValue;
  change?: LinkedValue;
}

/** The charts as the pages use them: each value keeps its figure's id, sentence and link. */
export function chartsJson(charts: readonly ResolvedChart[], loc: SiteLocation): { charts: LinkedChart[] } {
  const linked = (v: ChartValue): LinkedValue => ({ ...v, figure: { id: v.figure.id, doc: v.figure.doc, paragraph: v.figure.paragraph, context: v.figure.context, url: paragraphUrl(loc, v.figure.doc, v.figure.paragraph) } });
  return {
    charts: charts.map(({ items, total, change, ...c }) => ({
      ...c,
      items: items.map((v) => (isValue(v) ? linked(v) : v)),
      ...(total ? { total: linked(total) } : {}),
      ...(change ? { change: linked(change) } : {}),
    })),
  };
}

export type ChartsData = ReturnType<typeof chartsJson>;
export type ChartEntry = LinkedChart;

/** One chart's data as CSV: what the chart draws, each value with its sentence and link. */
export function chartCsv(c: ChartEntry): string {
  const rows = [...(c.total ? [c.total] : []), ...c.items, ...(c.change ? [c.change] : [])];
  return csv(
    ['chart', 'label', 'group', 'series', 'value', 'upper', 'unit', 'approximate', 'bound', 'written', 'missing', 'figure', 'context', 'url'],
    rows.map((v: LinkedValue | ChartMissing) =>
      'figure' in v
        ? [c.id, v.label, v.group, v.series, v.value, v.upper, v.unit, String(v.approximate), v.bound, v.written, '', v.figure.id, v.figure.context, v.figure.url]
        : [c.id, v.label, v.group, v.series, '', '', '', '', '', '', v.missing, '', '', ''],
    ),
  );
}
