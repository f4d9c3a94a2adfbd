/**
 * The figures the documents quote (src/extract/figures.ts), and the charts drawn from them: the
 * corpus's charts.json first, then the charts the figures themselves give (src/charts/auto.ts)
 * that draw none of the figures a curated chart draws.
 */
import { autoCharts } from '../charts/auto.ts';
import { resolveCharts, type ChartSpec } from '../charts/spec.ts';
import { corpusFigures, figuresOf } from '../extract/figures.ts';
import { chartsJson, figureEntry, figuresCsv } from '../generate/figures.ts';
import { map } from '../lib/iterate.ts';
import { extractor } from './extractor.ts';

/** At most this many charts made from the figures (those with the most points first). */
export const FOUND_CHARTS = 60;

/** Every figure a chart draws. */
const figuresOfChart = (c: ChartSpec) => [...c.items.map((x) => x.figure), c.total?.figure, c.change?.figure].filter((f): f is string => f !== undefined);

export const figures = extractor({
  name: 'figures',
  // The lexicon's counted nouns say what each figure counts.
  documentSettings: (c) => c.lexicon.countedNouns,
  ofDocument: (c) => figuresOf(c.lexicon),
  corpusSettings: (c) => c.charts,
  merge: (results, { curation, stale }) => {
    const figures = corpusFigures(results);
    const curated = resolveCharts(curation.charts, figures);
    for (const p of curated.problems) stale('charts.json', `chart "${p.chart}"`, p.problem);
    // A found chart repeats none of a curated chart's figures, nor its id.
    const drawn = new Set(curation.charts.flatMap(figuresOfChart));
    const ids = new Set(curation.charts.map((c) => c.id));
    const found = autoCharts(figures)
      .filter((c) => !ids.has(c.id) && !figuresOfChart(c).some((f) => drawn.has(f)))
      .slice(0, FOUND_CHARTS);
    return { figures, charts: [...curated.charts, ...resolveCharts(found, figures).charts] };
  },
  outputs: ({ figures, charts }, { location }) => {
    const entries = () => map(figures, (f) => figureEntry(f, location));
    return [
      { path: 'data/figures.json', json: { figures: entries() } },
      { path: 'data/figures.csv', text: figuresCsv(entries()) },
      { path: 'charts.json', text: [JSON.stringify(chartsJson(charts, location))] },
    ];
  },
  // A chart is drawn on the reading page of its first figure's document.
  shownOn: ({ charts }) => map(charts, (c) => [c.doc, c] as [string, unknown]),
  summary: ({ figures, charts }) => `[figures] ${figures.length} figures in ${new Set(figures.map((f) => f.doc)).size} documents; ${charts.length} charts (${charts.filter((c) => c.found).length} made from the figures)`,
});
