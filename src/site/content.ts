/** Build-time access to the generated content (src/generated, written by scripts/build-content.ts). */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CorpusEntry } from '../generate/data.ts';
import type { ChartsData, FiguresData } from '../generate/figures.ts';
import type { ModelsData } from '../generate/indexes.ts';
import type { FigurePages, IndexPages, ListingPage, PageVariant, TermPages, TimelinePages } from '../generate/page-data.ts';
import { timelineCsv, type TimelineData, type TimelineEntry } from '../generate/timeline.ts';
import type { Block, CleaningReport, SkippedFile } from '../pipeline/types.ts';
import type { ReadingReport } from '../read/types.ts';
import type { ReadingCitations } from '../cite/page-citations.ts';
import { lazy } from '../lib/memo.ts';

const GENERATED = join(process.cwd(), 'src', 'generated');

export interface CorpusData {
  documents: CorpusEntry[];
  skipped: SkippedFile[];
  /** Ids that once had a page: removed documents, and copies merged into another. */
  retired: { id: string; source: string; removed?: true; mergedInto?: string }[];
}

export interface DocumentData extends Omit<CorpusEntry, 'cleaning' | 'blocks'> {
  blocks: (Block & { text: string; url: string })[];
  cleaning: CleaningReport;
  retired: Record<string, string | null>;
  sourceLines: string[];
  /** For a document read from HTML, Markdown, Word or PDF (src/read/). */
  reading?: ReadingReport;
}

/**
 * The digest of a generated file's bytes: the cache key of a page made from it alone (Astro's
 * incremental build renders a page without one every time).
 */
export function generatedDigest(file: string): string {
  return createHash('sha256').update(readFileSync(join(GENERATED, file))).digest('hex').slice(0, 16);
}

/** A generated JSON file, read once per build. */
function generated<T>(file: string): () => T {
  let data: T | undefined;
  return () => (data ??= JSON.parse(readFileSync(join(GENERATED, file), 'utf8')) as T);
}

/** A list the content build wrote in parts (scripts/lib/data-files.ts writeParts), whole, read once per build. */
function generatedParts<T>(dir: string, field: string): () => T[] {
  let data: T[] | undefined;
  return () => {
    if (data) return data;
    const index = JSON.parse(readFileSync(join(GENERATED, dir, 'index.json'), 'utf8')) as { parts: { json: string }[] };
    data = index.parts.flatMap((p) => (JSON.parse(gunzipSync(readFileSync(join(GENERATED, dir, p.json))).toString('utf8')) as Record<string, T[]>)[field]!);
    return data;
  };
}

/** Whether the content build wrote a list in parts under data/ (data/<name>/index.json). */
export const hasDataList = (name: string) => existsSync(join(GENERATED, 'data', name, 'index.json'));

const withCsv = new Map<string, boolean>();
/** Whether a list's parts come as CSV too (its index names a CSV file for a part: the timeline's and the figures' do). */
export function dataListHasCsv(name: string): boolean {
  let csv = withCsv.get(name);
  if (csv === undefined) {
    const index = hasDataList(name) ? (JSON.parse(readFileSync(join(GENERATED, 'data', name, 'index.json'), 'utf8')) as { parts?: Array<{ csv?: string }> }) : {};
    csv = (index.parts ?? []).some((p) => p.csv !== undefined);
    withCsv.set(name, csv);
  }
  return csv;
}

/** The corpus index, sorted by date (undated last), then title. */
export const loadCorpus = generated<CorpusData>('data/corpus.json');

/** Each document's title, by id (what a list of mentions names them by), made once per build. */
export const documentTitles = lazy((): Record<string, string> => Object.fromEntries(loadCorpus().documents.map((d) => [d.id, d.title])));

/** When the last document was added: the date a page about the whole corpus (an entry, a chart) was accessed, as a reference gives it. */
export const lastAdded = lazy((): string => loadCorpus().documents.map((d) => d.added).sort().at(-1) ?? '');

/** One document's full data (as in the parts of /data/documents/). */
export function loadDocument(id: string): DocumentData {
  return JSON.parse(readFileSync(join(GENERATED, 'documents', `${id}.json`), 'utf8')) as DocumentData;
}

/** What a reading page shows of a document besides its text (src/generate/page-data.ts readingData). */
export type ReadingData = Omit<DocumentData, 'blocks' | 'sourceLines'> & {
  headings: DocumentData['blocks'];
  citations: ReadingCitations;
  /** How many half-width marks beside Chinese the body shows full-width (src/lib/typography.ts), in each script it has. */
  punctuation: Partial<Record<PageVariant, number>>;
};

/** A reading page's data (src/generated/reading/<id>.json). */
export function loadReading(id: string): ReadingData {
  return JSON.parse(readFileSync(join(GENERATED, 'reading', `${id}.json`), 'utf8')) as ReadingData;
}

/** What a source page shows of a document: its reading page's data, and the lines of its original file. */
export type SourceData = ReadingData & Pick<DocumentData, 'sourceLines'>;

/**
 * A source page's data: the reading page's (reading/<id>.json) and the lines (source/<id>.json), not
 * the document's whole data (documents/<id>.json, with its paragraphs: reading and decoding its
 * 160 KB took 6 ms a page at 1,000 documents, the most of any page's data).
 */
export function loadSource(id: string): SourceData {
  return { ...loadReading(id), sourceLines: JSON.parse(readFileSync(join(GENERATED, 'source', `${id}.json`), 'utf8')) as string[] };
}

/** Whether a traditional document has a simplified rendering. */
export function hasSimplified(id: string): boolean {
  return existsSync(join(GENERATED, 'html', `${id}.simplified.html`));
}

/** A reading page's body as it shows it, rendered from its blocks by the content build (src/generate/body.ts, scripts/lib/document-files.ts). */
export function loadBody(id: string, variant: PageVariant): string {
  const file = join(GENERATED, 'html', `${id}${variant === 'simplified' ? '.simplified' : ''}.html`);
  if (!existsSync(file)) throw new Error(`missing ${file}: run npm run prepare-content`);
  return readFileSync(file, 'utf8');
}

/**
 * Static paths for a page that every document id ever published must keep: live documents, then
 * retired ones. Each carries a cache key (a hash of everything the document's pages are made of,
 * from the content build), so Astro's incremental build renders again only what changed.
 */
export function documentPaths(live: (d: CorpusEntry) => boolean = () => true) {
  const { documents, retired } = loadCorpus();
  const keys = loadPageKeys();
  return [
    ...documents.filter(live).map((d) => ({ params: { id: d.id }, props: { retired: undefined }, cacheKey: keys[d.id] })),
    ...retired.map((r) => ({ params: { id: r.id }, props: { retired: r }, cacheKey: JSON.stringify(r) })),
  ];
}

/** The corpus timeline (src/generate/timeline.ts), events sorted by date. */
const timelineEvents = generatedParts<TimelineEntry>('data/timeline', 'events');
export const loadTimeline = (): TimelineData => ({ events: timelineEvents() });

/**
 * A document's own tellings of the timeline's events, in timeline order: the events it gives, and
 * those another document gives that it tells too, in its own words (the content build writes each
 * document's: src/generated/pages/events/<id>.json).
 */
export function eventsToldBy(id: string): TimelineEntry[] {
  const file = join(GENERATED, 'pages', 'events', `${id}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TimelineEntry[]) : [];
}

/** A kind's events as CSV (/timeline/kind/<kind>/events.csv), as the content build wrote them. */
export function timelineKindCsv(kind: string): string {
  const file = join(GENERATED, 'pages', 'timeline-csv', `${kind}.csv`);
  // (None when the timeline's merge failed: its header alone, as for a kind without events.)
  return existsSync(file) ? readFileSync(file, 'utf8') : [...timelineCsv([])].join('');
}

/** What the timeline pages show: counts per filter, the axis's events, each page's first events (src/generate/page-data.ts timelinePages). */
export const loadTimelinePages = generated<TimelinePages<TimelineEntry>>('pages/timeline.json');
/** Every figure the corpus quotes (src/extract/figures.ts), documents in id order: all the data files' parts (an editor's page quoting one figure; the figures pages read loadFigurePages). */
const allFigures = generatedParts<FiguresData['figures'][number]>('data/figures', 'figures');
export const loadFigures = (): FiguresData => ({ figures: allFigures() });
/** What the figures pages show: counts per filter, and each page's first figures (src/generate/page-data.ts figurePages). */
export const loadFigurePages = generated<FigurePages<FiguresData['figures'][number]>>('pages/figures.json');
/** The charts of content/charts.json with their figures, in the order written there. */
export const loadCharts = generated<ChartsData>('charts.json');
/** The glossary (content/terms.json) with definitions, counts, and the mentions its pages show (src/generate/page-data.ts). */
export const loadTerms = generated<TermPages>('pages/terms.json');
export type TermPage = TermPages['terms'][number];
/** The model comparison (content/models.json) filled from the corpus. */
export const loadModels = generated<ModelsData>('data/models.json');
/** The indexes: the entries their pages list, with the mentions shown, and how many entries there are. */
export const loadPolicies = generated<IndexPages['policies']>('pages/policies.json');
export const loadOrganisations = generated<IndexPages['organisations']>('pages/organisations.json');
export const loadPlaces = generated<IndexPages['places']>('pages/places.json');
/** Entries that had a page of their own and have none now, by folder (policies, organisations, places, terms), each with its last name. */
export const loadRetiredEntries = generated<Record<string, Array<{ id: string; name: string }>>>('pages/retired-entries.json');
/** The pages extractors list by themselves (src/extractors/extractor.ts `listing`), by name. */
export function loadListings(): Array<{ name: string } & ListingPage> {
  const dir = join(GENERATED, 'listings');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.json'.length), ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as ListingPage) }));
}

/** Per document, the hash of what its pages are made of (scripts/content-build.ts). */
export const loadPageKeys = generated<Record<string, string>>('keys.json');
