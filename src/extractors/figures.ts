/**
 * The figures the documents quote (src/extract/figures.ts), and the charts drawn from them: the
 * corpus's charts.json first, then the charts the figures themselves give (src/charts/auto.ts)
 * that draw none of the figures a curated chart draws.
 */
import { autoCharts } from '../charts/auto.ts';
import { resolveCharts, type ChartSpec, type ResolvedChart } from '../charts/spec.ts';
import { figuresOf, type Figure } from '../extract/figures.ts';
import { chartCsv, chartsJson, figureEntry, figuresCsv } from '../generate/figures.ts';
import { map } from '../lib/iterate.ts';
import { figurePages } from '../generate/page-data.ts';
import { figureKeys, unitSlug } from '../site/unit-names.ts';
import { extractor } from './extractor.ts';

/** At most this many charts made from the figures (those with the most points first). */
export const FOUND_CHARTS = 60;

/** Every figure a chart draws. */
const figuresOfChart = (c: ChartSpec) => [...c.items.map((x) => x.figure), c.total?.figure, c.change?.figure].filter((f): f is string => f !== undefined);

/** A chart a document's figures give by themselves (autoCharts), resolved against them (none when they do not resolve it). */
export interface FoundChart {
  spec: ChartSpec;
  chart?: ResolvedChart;
}
/**
 * A document's figures, and the charts they give by themselves: found with the document (in the
 * documents' threads, kept with its result), not again by every merge (1,000 documents: 1.5 s of
 * the merge's 5, on the build's longest path once a document is added or removed).
 */
export interface DocumentFigures {
  figures: Figure[];
  found: FoundChart[];
}

/** A found chart's place among the others (autoCharts' order): the most points first, then by id. */
const before = (a: ChartSpec, b: ChartSpec) => b.items.length - a.items.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const figures = extractor({
  name: 'figures',
  // The lexicon's counted nouns say what each figure counts.
  documentSettings: (c) => c.lexicon.countedNouns,
  ofDocument: (c) => {
    const read = figuresOf(c.lexicon);
    return (r): DocumentFigures => {
      const figures = read(r);
      return { figures, found: autoCharts(figures).map((spec) => ({ spec, chart: resolveCharts([spec], figures).charts[0] })) };
    };
  },
  corpusSettings: (c) => c.charts,
  // The figures are never all held (1.7 million at 10,000 documents): the curated charts are resolved
  // against the figures of the documents they name (a figure's id begins with its document's); each
  // found chart, a series one document gives, came resolved with its document's result (the best
  // FOUND_CHARTS kept); the data files' parts read the figures of the documents of each part made
  // again (scripts/lib/extraction.ts writeByDocument).
  merge: (results: Iterable<DocumentFigures>, { curation, location, stale }) => {
    const named = new Set(curation.charts.flatMap(figuresOfChart).map((id) => id.split('-')[0]!));
    // A found chart repeats none of a curated chart's figures, nor its id.
    const drawn = new Set(curation.charts.flatMap(figuresOfChart));
    const ids = new Set(curation.charts.map((c) => c.id));
    let count = 0;
    const docs = new Set<string>();
    const held: Figure[] = [];
    let found: FoundChart[] = [];
    const keepBest = () => (found = found.sort((a, b) => before(a.spec, b.spec)).slice(0, FOUND_CHARTS));
    // What the figures pages show, in the same pass.
    const pages = figurePages(figureKeys, unitSlug, (f: Figure) => figureEntry(f, location));
    for (const { figures, found: own } of results) {
      if (figures.length === 0) continue;
      count += figures.length;
      for (const f of figures) pages.add(f);
      docs.add(figures[0]!.doc);
      if (named.has(figures[0]!.doc)) held.push(...figures);
      for (const f of own) if (!ids.has(f.spec.id) && !figuresOfChart(f.spec).some((id) => drawn.has(id))) found.push(f);
      if (found.length > 4 * FOUND_CHARTS) keepBest();
    }
    const curated = resolveCharts(curation.charts, held);
    for (const p of curated.problems) stale('charts.json', `chart "${p.chart}"`, p.problem);
    const charts = [...curated.charts, ...keepBest().flatMap((x) => (x.chart ? [x.chart] : []))];
    return { count, documents: docs.size, charts, pages: pages.pages };
  },
  outputs: ({ charts, pages }, { location }) => {
    const linked = chartsJson(charts, location);
    return [
      // In parts by document, as /data/documents/ is (a document changed, one part made again), each also as CSV.
      { path: 'data/figures', byDocument: { field: 'figures', items: (_, result: () => DocumentFigures) => result().figures.map((f) => figureEntry(f, location)), csv: figuresCsv } },
      { path: 'charts.json', text: [JSON.stringify(linked)] },
      // What each chart draws, /data/charts/<id>.csv: written here, not by an Astro endpoint, which Astro
      // renders again at every build (it caches pages only): 3.4 s of a rebuild's rendering at 1,000 documents.
      { path: 'data/charts', each: map(linked.charts, (c): [string, string] => [`${c.id}.csv`, chartCsv(c)]) },
      // What the figures pages show (they never read the data files: 600 MB at 10,000 documents).
      { path: 'pages/figures.json', text: [JSON.stringify(pages)] },
    ];
  },
  // A chart is drawn on the reading page of its first figure's document.
  shownOn: ({ charts }) => map(charts, (c) => [c.doc, c] as [string, unknown]),
  summary: ({ count, documents, charts }) => `[figures] ${count} figures in ${documents} documents; ${charts.length} charts (${charts.filter((c) => c.found).length} made from the figures)`,
});
