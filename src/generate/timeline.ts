/** /data/timeline.json and /data/timeline.csv: the events, with links to the paragraphs they come from. */
import type { TimelineEvent } from '../extract/events.ts';
import { csv } from './csv.ts';
import { paragraphUrl, type SiteLocation } from './data.ts';

/** The public shape of the timeline (documented in README). */
export function timelineJson(events: readonly TimelineEvent[], loc: SiteLocation) {
  return {
    events: events.map((e) => ({
      ...e,
      url: paragraphUrl(loc, e.doc, e.paragraph),
      sources: e.sources.map((s) => ({ ...s, url: paragraphUrl(loc, s.doc, s.paragraph) })),
    })),
  };
}

export type TimelineData = ReturnType<typeof timelineJson>;
export type TimelineEntry = TimelineData['events'][number];

export function timelineCsv(data: TimelineData): string {
  const header = ['id', 'date', 'end', 'precision', 'qualifier', 'written', 'kind', 'trusted', 'text', 'doc', 'paragraph', 'url', 'policies', 'organisations', 'other_sources'];
  return csv(
    header,
    data.events.map((e) => [e.id, e.date, e.end, e.precision, e.qualifier, e.written, e.kind, String(e.trusted), e.text, e.doc, e.paragraph, e.url, e.policies, e.organisations, e.sources.map((s) => s.url)]),
  );
}

/** The filters an event is listed under (/timeline/<filter>/): its kind, its document and every document that also tells it. */
export const eventFilters = (e: TimelineEntry) => [`kind/${e.kind}`, `doc/${e.doc}`, ...e.sources.map((s) => `doc/${s.doc}`)];
