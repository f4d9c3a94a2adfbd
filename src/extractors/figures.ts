/** The figures the documents quote (src/extract/figures.ts), and the charts of the corpus's charts.json drawn from them. */
import { resolveCharts, type ChartSpec } from '../charts/spec.ts';
import { documentFigures, type Figure } from '../extract/figures.ts';
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
  // Only the figures of the documents the charts name are held (a figure's id begins with its
  // document's): the outputs read every document's figures again as they write them (1.7 million at
  // 10,000 documents).
  merge: (results, { curation, stale }) => {
    const named = new Set(curation.charts.flatMap(figuresOfChart).map((id) => id.split('-')[0]!));
    let count = 0;
    const docs = new Set<string>();
    const held: Figure[] = [];
    for (const f of each(results)) {
      count++;
      docs.add(f.doc);
      if (named.has(f.doc)) held.push(f);
    }
    const { charts, problems } = resolveCharts(curation.charts, held);
    for (const p of problems) stale('charts.json', `chart "${p.chart}"`, p.problem);
    return { results, count, documents: docs.size, charts };
  },
  outputs: ({ results, charts }, { location, documents }) => {
    const entries = () => map(each(results), (f) => figureEntry(f, location));
    return [
      // In parts by document, as /data/documents/ is (a document changed, one part changes), each also as CSV.
      { path: 'data/figures', parts: { field: 'figures', items: entries(), key: (f: { doc: string }) => documentPart(f.doc, documents), csv: figuresCsv } },
      { path: 'charts.json', text: [JSON.stringify(chartsJson(charts, location))] },
      // What the figures pages show (they never read the data files: 600 MB at 10,000 documents).
      { path: 'pages/figures.json', text: { *[Symbol.iterator]() { yield JSON.stringify(figurePages(entries(), figureKeys, unitSlug)); } } },
    ];
  },
  // A chart is drawn on the reading page of its first figure's document.
  shownOn: ({ charts }) => map(charts, (c) => [c.doc, c] as [string, unknown]),
  summary: ({ count, documents, charts }) => `[figures] ${count} figures in ${documents} documents; ${charts.length} charts`,
});

/** Every figure a chart draws. */
const figuresOfChart = (c: ChartSpec) => [...c.items.map((x) => x.figure), c.total?.figure, c.change?.figure].filter((f): f is string => f !== undefined);

/** Every figure of the results, documents in id order (as corpusFigures gives them), one at a time. */
function* each(results: Iterable<Figure[]>): Generator<Figure> {
  for (const r of results) yield* r;
}
