/** The figures the documents quote (src/extract/figures.ts), and the charts of the corpus's charts.json drawn from them. */
import { resolveCharts } from '../charts/spec.ts';
import { corpusFigures, documentFigures } from '../extract/figures.ts';
import { chartsJson, figureEntry, figuresCsv } from '../generate/figures.ts';
import { documentPart } from '../generate/data.ts';
import { map } from '../lib/iterate.ts';
import { figurePages } from '../generate/page-data.ts';
import { figureKeys, unitSlug } from '../site/unit-names.ts';
import { extractor } from './extractor.ts';

export const figures = extractor({
  name: 'figures',
  ofDocument: () => documentFigures,
  corpusSettings: (c) => c.charts,
  merge: (results, { curation, stale }) => {
    const figures = corpusFigures(results);
    const { charts, problems } = resolveCharts(curation.charts, figures);
    for (const p of problems) stale('charts.json', `chart "${p.chart}"`, p.problem);
    return { figures, charts };
  },
  outputs: ({ figures, charts }, { location, documents }) => {
    return [
      // In parts by document, as /data/documents/ is (a document changed, one part changes), each also as CSV.
      { path: 'data/figures', parts: { field: 'figures', items: map(figures, (f) => figureEntry(f, location)), key: (f: { doc: string }) => documentPart(f.doc, documents), csv: figuresCsv } },
      { path: 'charts.json', text: [JSON.stringify(chartsJson(charts, location))] },
      // What the figures pages show (they never read the data files: 600 MB at 10,000 documents).
      { path: 'pages/figures.json', text: [JSON.stringify(figurePages(map(figures, (f) => figureEntry(f, location)), figureKeys, unitSlug))] },
    ];
  },
  // A chart is drawn on the reading page of its first figure's document.
  shownOn: ({ charts }) => map(charts, (c) => [c.doc, c] as [string, unknown]),
  summary: ({ figures, charts }) => `[figures] ${figures.length} figures in ${new Set(figures.map((f) => f.doc)).size} documents; ${charts.length} charts`,
});
