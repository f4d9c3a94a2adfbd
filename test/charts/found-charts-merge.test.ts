/**
 * The figures' merge never holds every figure of the corpus: the charts it gives (curated, then
 * found, the best FOUND_CHARTS), from each document's own found charts (worked out with the
 * document), are those of autoCharts and resolveCharts over all the figures at once.
 */
import { describe, expect, it } from 'vitest';
import { DEV_WEB, expectedDocument, expectedDocuments, LONG_TERM_CARE } from '../../scripts/bench/labelled-corpus.ts';
import { autoCharts } from '../../src/charts/auto.ts';
import { resolveCharts, type ChartSpec } from '../../src/charts/spec.ts';
import { NO_CURATION, type Curation } from '../../src/corpus/curation.ts';
import { corpusFigures } from '../../src/extract/figures.ts';
import { readAll } from '../../src/extract/reading.ts';
import { figures as figuresExtractor, FOUND_CHARTS, type DocumentFigures } from '../../src/extractors/figures.ts';
import type { MergeContext } from '../../src/extractors/extractor.ts';
import type { DocumentId, DocumentText } from '../../src/pipeline/types.ts';

const figuresOfChart = (c: ChartSpec) => [...c.items.map((x) => x.figure), c.total?.figure, c.change?.figure].filter((f): f is string => f !== undefined);

/** The charts as made from all the figures at once (as the merge did before it streamed). */
function whole(results: DocumentFigures[], curation: Curation) {
  const figures = corpusFigures(results.map((r) => r.figures));
  const curated = resolveCharts(curation.charts, figures);
  const drawn = new Set(curation.charts.flatMap(figuresOfChart));
  const ids = new Set(curation.charts.map((c) => c.id));
  const found = autoCharts(figures)
    .filter((c) => !ids.has(c.id) && !figuresOfChart(c).some((f) => drawn.has(f)))
    .slice(0, FOUND_CHARTS);
  return { charts: [...curated.charts, ...resolveCharts(found, figures).charts], problems: curated.problems, count: figures.length };
}

function merged(results: DocumentFigures[], curation: Curation) {
  const stale: string[] = [];
  const ctx: MergeContext = { curation, location: { site: '', base: '/' }, documents: results.length, merged: {}, stale: (file, item, problem) => stale.push(`${file}: ${item}: ${problem}`) };
  let reads = 0;
  const m = figuresExtractor.merge({ [Symbol.iterator]: () => (reads++, results[Symbol.iterator]()) }, ctx);
  return { ...m, stale, reads };
}

/** dev-web and long-term-care, each document `copies` times under other ids (more found charts than are kept). */
function corpus(copies: number): DocumentFigures[] {
  const docs = [DEV_WEB, LONG_TERM_CARE].flatMap((dir) => expectedDocuments(dir).map((e) => expectedDocument(e, dir)));
  const many: DocumentText[] = [];
  for (let k = 0; k < copies; k++) for (const d of docs) many.push({ ...d, id: `${d.id}k${k}` as DocumentId });
  return readAll(many, figuresExtractor.ofDocument(NO_CURATION));
}

describe('the figures merge, one document at a time', () => {
  it('gives the charts all the figures at once give: without curation, past FOUND_CHARTS', () => {
    const results = corpus(12);
    const expected = whole(results, NO_CURATION);
    expect(expected.charts.length).toBe(FOUND_CHARTS);
    const got = merged(results, NO_CURATION);
    expect(JSON.stringify(got.charts)).toBe(JSON.stringify(expected.charts));
    expect(got.count).toBe(expected.count);
    // It reads the results once (the outputs read them again as they write).
    expect(got.reads).toBe(1);
  });

  it('with curated charts: theirs first, no found chart drawing their figures, the same stale curation', () => {
    const results = corpus(2);
    const found = whole(results, NO_CURATION).charts;
    expect(found.length).toBeGreaterThan(4);
    const spec = (c: (typeof found)[number]): ChartSpec => ({ ...c, items: c.items.map((x) => ('figure' in x ? { label: x.label, figure: x.figure.id, text: x.figure.text } : x)), total: c.total ? { label: c.total.label, figure: c.total.figure.id } : undefined, change: c.change ? { label: c.change.label, figure: c.change.figure.id } : undefined }) as ChartSpec;
    const curatedOk = { ...spec(found[3]!), id: 'curated-ok' };
    // A chart citing a figure its paragraph does not have (stale curation naming that paragraph's figures).
    const first = curatedOk.items[0]!;
    const curatedStale = { ...curatedOk, id: 'curated-stale', items: [{ ...first, figure: `${first.figure}9` }, ...curatedOk.items.slice(1)] };
    const curation = { ...NO_CURATION, charts: [curatedOk, curatedStale] };
    const expected = whole(results, curation);
    const got = merged(results, curation);
    expect(JSON.stringify(got.charts)).toBe(JSON.stringify(expected.charts));
    expect(got.charts[0]!.id).toBe('curated-ok');
    expect(got.charts.some((c) => c.id === found[3]!.id)).toBe(false);
    expect(got.stale).toEqual(expected.problems.map((p) => `charts.json: chart "${p.chart}": ${p.problem}`));
    expect(got.stale.length).toBeGreaterThan(0);
  });
});
