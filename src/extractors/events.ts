/** The timeline: every dated clause an event, one event told by several documents merged (src/extract/events.ts). */
import { eventsOf, timeline } from '../extract/events.ts';
import { timelineCsv, timelineEntry } from '../generate/timeline.ts';
import { map } from '../lib/iterate.ts';
import { extractor } from './extractor.ts';

export const events = extractor({
  name: 'events',
  // The lexicon's event words and organisation endings tell each event's kind and organisations.
  documentSettings: (c) => c.lexicon,
  ofDocument: (c) => eventsOf(c.lexicon),
  merge: (results) => timeline(results),
  outputs: (events, { location }) => {
    const entries = () => map(events, (e) => timelineEntry(e, location));
    return [
      { path: 'data/timeline.json', json: { events: entries() } },
      { path: 'data/timeline.csv', text: timelineCsv(entries()) },
    ];
  },
  // Each document's page lists the events it tells, its own or another's.
  *shownOn(events) {
    for (const e of events) for (const doc of new Set([e.doc, ...e.sources.map((s) => s.doc)])) yield [doc, e];
  },
  // The policy index dates policies by the trusted policy events.
  shared: (events) => events.filter((e) => e.trusted && e.kind === 'policy'),
  summary: (events) =>
    `[timeline] ${events.length} events, ${events.filter((e) => e.sources.length > 0).length} told by several documents, ${events.filter((e) => !e.trusted).length} from documents whose dates cannot be trusted`,
});
