/** Build-time access to the generated content (src/generated, written by scripts/build-content.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusEntry } from '../generate/data.ts';
import type { ChartsData, FiguresData } from '../generate/figures.ts';
import type { TimelineData } from '../generate/timeline.ts';
import type { Block, CleaningReport, SkippedFile } from '../pipeline/types.ts';

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
}

let corpus: CorpusData | undefined;

/** The corpus index, sorted by date (undated last), then title. */
export function loadCorpus(): CorpusData {
  corpus ??= JSON.parse(readFileSync(join(GENERATED, 'corpus.json'), 'utf8')) as CorpusData;
  return corpus;
}

/** One document's full data. */
export function loadDocument(id: string): DocumentData {
  return JSON.parse(readFileSync(join(GENERATED, 'documents', `${id}.json`), 'utf8')) as DocumentData;
}

/** Whether a traditional document has a simplified rendering. */
export function hasSimplified(id: string): boolean {
  return existsSync(join(GENERATED, 'html', `${id}.simplified.html`));
}

/** A reading page's body, rendered from its MDX by the content build (src/generate/render.ts). */
export function loadBody(id: string, variant: 'original' | 'simplified'): string {
  const file = join(GENERATED, 'html', `${id}${variant === 'simplified' ? '.simplified' : ''}.html`);
  if (!existsSync(file)) throw new Error(`missing ${file}: run npm run prepare-content`);
  return readFileSync(file, 'utf8');
}

/** Static paths for a page that every document id ever published must keep: live documents, then retired ones. */
export function documentPaths(live: (d: CorpusEntry) => boolean = () => true) {
  const { documents, retired } = loadCorpus();
  return [
    ...documents.filter(live).map((d) => ({ params: { id: d.id }, props: { retired: undefined } })),
    ...retired.map((r) => ({ params: { id: r.id }, props: { retired: r } })),
  ];
}

let timelineData: TimelineData | undefined;

/** The corpus timeline (src/generate/timeline.ts), events sorted by date. */
export function loadTimeline(): TimelineData {
  timelineData ??= JSON.parse(readFileSync(join(GENERATED, 'timeline.json'), 'utf8')) as TimelineData;
  return timelineData;
}

let figuresData: FiguresData | undefined;

/** Every figure the corpus quotes (src/extract/figures.ts), documents in id order. */
export function loadFigures(): FiguresData {
  figuresData ??= JSON.parse(readFileSync(join(GENERATED, 'figures.json'), 'utf8')) as FiguresData;
  return figuresData;
}

let chartsData: ChartsData | undefined;

/** The charts of content/charts.json with their figures, in the order written there. */
export function loadCharts(): ChartsData {
  chartsData ??= JSON.parse(readFileSync(join(GENERATED, 'charts.json'), 'utf8')) as ChartsData;
  return chartsData;
}
