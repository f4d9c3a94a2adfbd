/**
 * The content build's corpus-wide stages: each merges every document's results (kept in the
 * per-document store) and writes a data file of the site, and what its pages show. The timeline
 * and the policy index (which dates policies by the timeline's events) run in the content build's
 * own thread; the rest, which need neither, in a worker thread beside them for a large corpus
 * (stage-worker.ts), or between them. A stage that reads only the documents' kept results runs
 * again only when they changed.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { parseChartSpecs, resolveCharts } from '../../src/charts/spec.ts';
import { documentEvents, EVENTS_RESULT, timeline, type TimelineEvent } from '../../src/extract/events.ts';
import { corpusFigures, documentFigures, FIGURES_RESULT } from '../../src/extract/figures.ts';
import { documentOrganisations, documentPlaces, ORGANISATIONS_RESULT, organisationIndex, placeIndex, PLACES_RESULT, policyIndex, type OrganisationEntry, type PlaceEntry, type PolicyEntry } from '../../src/extract/indexes.ts';
import { buildModels, type ModelsSpec } from '../../src/extract/models.ts';
import { documentTerms, glossary, termsResultName, type TermSpec } from '../../src/extract/terms.ts';
import { chartsJson, figureEntry, figuresCsv, type ChartsData, type LinkedChart } from '../../src/generate/figures.ts';
import { indexEntry, modelsJson, termEntry } from '../../src/generate/indexes.ts';
import { indexPage, termPages } from '../../src/generate/page-data.ts';
import { timelineCsv, timelineEntry } from '../../src/generate/timeline.ts';
import type { SiteLocation } from '../../src/generate/data.ts';
import { map } from '../../src/lib/iterate.ts';
import { digestOf, documentDigest, forgetReadings, keptFor, resultsDigest, stageInputs } from '../../src/lib/per-document.ts';
import type { DocumentText } from '../../src/pipeline/types.ts';
import { readJson, replaceFile, writeJson, writeText } from './data-files.ts';
import type { StageJob, StageMessage } from './stage-worker.ts';
import type { Stopwatch } from './stopwatch.ts';

/** Where the stages write and what they read besides the documents (a worker thread gets them as they are). */
export interface StagePaths {
  outDir: string;
  /** Chart specifications (content/charts.json); a missing file means no charts. */
  chartsPath: string;
  /** The model comparison (content/models.json); a missing file means none. */
  modelsPath: string;
  location: SiteLocation;
}
export type StageOptions = StagePaths & { log: (line: string) => void };

/**
 * /data/timeline.json and .csv; the events (the policy index dates policies by them). The merged
 * timeline is kept, and its files stay, while no document's events change.
 */
export async function timelineStage(o: StageOptions, docs: readonly DocumentText[]): Promise<TimelineEvent[]> {
  const data = join(o.outDir, 'data');
  const files = [join(data, 'timeline.json'), join(data, 'timeline.csv')];
  const results = resultsDigest(EVENTS_RESULT, docs, documentEvents);
  const events = keptFor('timeline', results, () => timeline(docs));
  const write = async () => {
    const entries = () => map(events, (e) => timelineEntry(e, o.location));
    await writeJson(files[0]!, { events: entries() });
    await writeText(files[1]!, timelineCsv(entries()));
  };
  await unlessUnchanged(o, 'timeline', results === undefined ? undefined : digestOf([o.location, results]), files, write, async () => {});
  const shared = events.filter((e) => e.sources.length > 0).length;
  o.log(`[timeline] ${events.length} events, ${shared} told by several documents, ${events.filter((e) => !e.trusted).length} from documents whose dates cannot be trusted`);
  return events;
}

/**
 * A stage that reads only documents' kept results (and `inputs` besides) runs again only when they
 * changed or one of its files is gone: a typical edit changes a document's text and not its figures
 * or term mentions. `made` is what the stage returns, read back from its files when it does not run.
 */
async function unlessUnchanged<T>(o: StageOptions, stage: string, inputs: string | undefined, files: string[], run: () => Promise<T>, made: () => Promise<T>): Promise<T> {
  const last = stageInputs(stage, inputs);
  if (last.unchanged && files.every((f) => existsSync(f))) {
    o.log(`[${stage}] unchanged since the last build (the documents' results it reads are the same)`);
    return made();
  }
  const result = await run();
  last.ran();
  return result;
}

/** A digest of a stage's inputs: the site's location, what else it reads, and its documents' results (`name`, worked out by `compute` where not kept yet); undefined without a store. */
function inputsOf(o: StageOptions, docs: readonly DocumentText[], name: string, compute: (d: DocumentText) => unknown, other: unknown): string | undefined {
  const results = resultsDigest(name, docs, compute);
  return results === undefined ? undefined : digestOf([o.location, other, results]);
}

/** /data/figures.json and .csv, and the charts of content/charts.json with their figures (src/generated/charts.json). */
async function figuresStage(o: StageOptions, docs: readonly DocumentText[]): Promise<LinkedChart[]> {
  const data = join(o.outDir, 'data');
  const specs = await readJson(o.chartsPath, { charts: [] });
  const files = [join(data, 'figures.json'), join(data, 'figures.csv'), join(o.outDir, 'charts.json')];
  const run = async () => {
    const figures = corpusFigures(docs);
    const charts = resolveCharts(parseChartSpecs(specs, o.chartsPath), figures, o.chartsPath);
    const entries = () => map(figures, (f) => figureEntry(f, o.location));
    await writeJson(files[0]!, { figures: entries() });
    await writeText(files[1]!, figuresCsv(entries()));
    const chartData = chartsJson(charts, o.location);
    await replaceFile(files[2]!, JSON.stringify(chartData));
    o.log(`[figures] ${figures.length} figures in ${new Set(figures.map((f) => f.doc)).size} documents; ${charts.length} charts`);
    return chartData.charts;
  };
  return unlessUnchanged(o, 'figures', inputsOf(o, docs, FIGURES_RESULT, documentFigures, specs), files, run, async () => (await readJson<ChartsData>(files[2]!, { charts: [] })).charts);
}

/** The glossary and the model comparison: /data/terms.json, /data/models.json, and what the term pages show. */
async function glossaryStage(o: StageOptions, terms: TermSpec[], docs: readonly DocumentText[]): Promise<void> {
  const data = join(o.outDir, 'data');
  const spec = await readJson<ModelsSpec>(o.modelsPath, { forms: [], types: [], dimensions: [], practices: [] });
  const files = [join(data, 'terms.json'), join(data, 'models.json'), join(o.outDir, 'pages', 'terms.json')];
  // The model comparison quotes the documents' text: with a comparison to make, every document's digest is an input too.
  const modelled = spec.forms.length + spec.practices.length > 0 ? docs.map(documentDigest) : null;
  const run = async () => {
    const entries = glossary(terms, docs);
    const models = buildModels(spec, terms, entries, docs);
    await writeJson(files[0]!, { terms: map(entries, (t) => termEntry(t, o.location)) });
    await replaceFile(files[1]!, JSON.stringify(modelsJson(models, o.location)));
    // What the glossary pages show of them (the data file is too long to read whole at 5,000 documents).
    await replaceFile(files[2]!, JSON.stringify(termPages(entries)));
    const cells = Object.values(models.matrix).flatMap((row) => Object.values(row));
    o.log(`[terms] ${entries.length} terms (${entries.filter((t) => t.definition).length} defined in the text)`);
    o.log(`[models] ${models.forms.length} forms, ${cells.filter((c) => c.passages.length > 0).length} of ${cells.length} matrix cells filled from the text, ${models.practices.length} practices`);
  };
  await unlessUnchanged(o, 'terms', inputsOf(o, docs, termsResultName(terms), documentTerms(terms), [terms, spec, modelled]), files, run, async () => {});
}

/** An index (of policies, organisations or places): /data/<name>.json, and what its page shows. */
async function indexStage(o: StageOptions, name: string, entries: readonly (PolicyEntry | OrganisationEntry | PlaceEntry)[]): Promise<void> {
  await writeJson(join(o.outDir, 'data', `${name}.json`), { [name]: map(entries, (x) => indexEntry(x, o.location)) });
  await replaceFile(join(o.outDir, 'pages', `${name}.json`), JSON.stringify(indexPage(entries)));
  o.log(`[indexes] ${entries.length} ${name}`);
}

/** The indexes made from the documents' kept results alone: each with its documents' results. */
const MENTION_INDEXES = {
  organisations: { index: organisationIndex, result: ORGANISATIONS_RESULT, ofDocument: documentOrganisations },
  places: { index: placeIndex, result: PLACES_RESULT, ofDocument: documentPlaces },
};

/** The index of organisations or of places. */
async function mentionIndexStage(o: StageOptions, name: keyof typeof MENTION_INDEXES, docs: readonly DocumentText[]): Promise<void> {
  const { index, result, ofDocument } = MENTION_INDEXES[name];
  const files = [join(o.outDir, 'data', `${name}.json`), join(o.outDir, 'pages', `${name}.json`)];
  await unlessUnchanged(o, name, inputsOf(o, docs, result, ofDocument, null), files, () => indexStage(o, name, index(docs)), async () => {});
}

/**
 * What needs nothing from the timeline: the figures and charts, the glossary and the model
 * comparison, the indexes of organisations and places. Returns the charts (the documents' page
 * keys include them).
 */
export async function besideTheTimeline(o: StageOptions, terms: TermSpec[], docs: readonly DocumentText[], clock: Stopwatch): Promise<LinkedChart[]> {
  const charts = await figuresStage(o, docs);
  // The timeline and the figures share each document's dates; the glossary and the indexes its sentences.
  forgetReadings();
  clock.lap('figures');
  await glossaryStage(o, terms, docs);
  clock.lap('terms and models');
  await mentionIndexStage(o, 'organisations', docs);
  await mentionIndexStage(o, 'places', docs);
  clock.lap('organisations and places');
  return charts;
}

/** The index of policies, dated by the timeline's events. */
export async function policiesStage(o: StageOptions, docs: readonly DocumentText[], events: readonly TimelineEvent[]): Promise<void> {
  await indexStage(o, 'policies', policyIndex(docs, events));
}

/** `besideTheTimeline` in a worker thread (stage-worker.ts): the charts, and the per-document results it used and found kept. */
export function besideTheTimelineInWorker(job: StageJob, log: (line: string) => void): Promise<{ charts: LinkedChart[]; used: string[]; hits: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./stage-worker.ts', import.meta.url), { workerData: job });
    worker.on('message', (m: StageMessage) => ('log' in m ? log(m.log) : resolve(m)));
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the stages beside the timeline stopped (exit code ${code})`)));
  });
}
