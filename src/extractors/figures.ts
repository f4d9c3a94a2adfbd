/** The figures the documents quote (src/extract/figures.ts), and the charts of the corpus's charts.json drawn from them. */
import { resolveCharts } from '../charts/spec.ts';
import { corpusFigures, figuresOf } from '../extract/figures.ts';
import { chartsJson, figureEntry, figuresCsv } from '../generate/figures.ts';
import { map } from '../lib/iterate.ts';
import { extractor } from './extractor.ts';

export const figures = extractor({
  name: 'figures',
  // The lexicon's counted nouns say what each figure counts.
  documentSettings: (c) => c.lexicon.countedNouns,
  ofDocument: (c) => figuresOf(c.lexicon),
  corpusSettings: (c) => c.charts,
  merge: (results, { curation, stale }) => {
    const figures = corpusFigures(results);
    const { charts, problems } = resolveCharts(curation.charts, figures);
    for (const p of problems) stale('charts.json', `chart "${p.chart}"`, p.problem);
    return { figures, charts };
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
  summary: ({ figures, charts }) => `[figures] ${figures.length} figures in ${new Set(figures.map((f) => f.doc)).size} documents; ${charts.length} charts`,
});
