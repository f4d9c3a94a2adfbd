/** The timeline: every dated clause an event, one event told by several documents merged (src/extract/events.ts). */
import { documentEvents, timeline, type TimelineEvent } from '../extract/events.ts';
import { eventFilters, timelineCsv, timelineEntry, type TimelineEntry } from '../generate/timeline.ts';
import { timelinePages } from '../generate/page-data.ts';
import { map } from '../lib/iterate.ts';
import { extractor } from './extractor.ts';

export const events = extractor({
  name: 'events',
  ofDocument: () => documentEvents,
  merge: (results) => timeline(results),
  outputs: (events, { location }) => {
    const entries = events.map((e) => timelineEntry(e, location));
    return [
      // By year (a part per year, or more for a busy one), each also as CSV.
      { path: 'data/timeline', parts: { field: 'events', items: entries, key: (e: TimelineEntry) => e.date.slice(0, 4), csv: timelineCsv } },
      // What the timeline pages show, and each document's page (they never read the data files).
      { path: 'pages/timeline.json', text: [JSON.stringify(timelinePages(entries, eventFilters))] },
      { path: 'pages/events', each: map(tellings(entries), ([doc, list]) => [`${doc}.json`, JSON.stringify(list)] as [string, string]) },
    ];
  },
  // Each document's page lists the events it tells, its own or another's, in its own words (not who else tells them: a document added elsewhere changes no page).
  *shownOn(events) {
    const shown = (e: TimelineEvent, own: { doc: string; paragraph: string; written: string; text: string }) => [e.id, e.date, e.end, e.precision, e.qualifier, e.part, e.kind, e.trusted, own.paragraph, own.written, own.text];
    for (const e of events) {
      yield [e.doc, shown(e, e)];
      for (const s of e.sources) yield [s.doc, shown(e, s)];
    }
  },
  // The policy index dates policies by the trusted policy events.
  shared: (events) => events.filter((e) => e.trusted && e.kind === 'policy'),
  summary: (events) =>
    `[timeline] ${events.length} events, ${events.filter((e) => e.sources.length > 0).length} told by several documents, ${events.filter((e) => !e.trusted).length} from documents whose dates cannot be trusted`,
});

/** Each document's own tellings of the events, in timeline order: the events it gives, and those another gives that it tells too, in its own words. */
function tellings(entries: Iterable<TimelineEntry>): Map<string, TimelineEntry[]> {
  const byDoc = new Map<string, TimelineEntry[]>();
  const add = (doc: string, e: TimelineEntry) => {
    const list = byDoc.get(doc);
    if (list) list.push(e);
    else byDoc.set(doc, [e]);
  };
  for (const e of entries) {
    add(e.doc, { ...e, sources: [] });
    const told = new Set([e.doc]);
    for (const s of e.sources) {
      if (told.has(s.doc)) continue;
      told.add(s.doc);
      add(s.doc, { ...e, ...s, sources: [] });
    }
  }
  return byDoc;
}
