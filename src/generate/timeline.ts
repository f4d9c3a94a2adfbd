/** /data/timeline.json and /data/timeline.csv: the events, with links to the paragraphs they come from. */
import type { TimelineEvent } from '../extract/events.ts';
import { csvLines } from './csv.ts';
import { paragraphUrl, type SiteLocation } from './data.ts';
import { map } from '../lib/iterate.ts';

/** One event in the public shape of the timeline (documented in README): with links to its paragraphs. */
export function timelineEntry(e: TimelineEvent, loc: SiteLocation) {
  return {
    ...e,
    url: paragraphUrl(loc, e.doc, e.paragraph),
    sources: e.sources.map((s) => ({ ...s, url: paragraphUrl(loc, s.doc, s.paragraph) })),
  };
}

export type TimelineEntry = ReturnType<typeof timelineEntry>;
/** /data/timeline.json. */
export interface TimelineData {
  events: TimelineEntry[];
}

/** /data/timeline.csv, line by line. */
export function timelineCsv(events: Iterable<TimelineEntry>): Generator<string> {
  const header = ['id', 'date', 'end', 'precision', 'qualifier', 'written', 'kind', 'trusted', 'text', 'doc', 'paragraph', 'url', 'policies', 'organisations', 'other_sources'];
  return csvLines(header, map(events, (e) => [e.id, e.date, e.end, e.precision, e.qualifier, e.written, e.kind, String(e.trusted), e.text, e.doc, e.paragraph, e.url, e.policies, e.organisations, e.sources.map((s) => s.url)]));
}

/** The filters an event is listed under (/timeline/<filter>/): its kind, its document and every document that also tells it. */
export const eventFilters = (e: TimelineEntry) => [`kind/${e.kind}`, `doc/${e.doc}`, ...e.sources.map((s) => `doc/${s.doc}`)];
