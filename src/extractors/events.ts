/** The timeline: every dated clause an event, one event told by several documents merged (src/extract/events.ts). */
import { EVENT_KINDS, eventsOf, timeline, type TimelineEvent } from '../extract/events.ts';
import { eventFilters, timelineCsv, timelineEntry, type TimelineEntry } from '../generate/timeline.ts';
import { timelinePages } from '../generate/page-data.ts';
import { map } from '../lib/iterate.ts';
import type { SiteLocation } from '../generate/data.ts';
import { extractor } from './extractor.ts';

export const events = extractor({
  name: 'events',
  // The lexicon's event words and organisation endings tell each event's kind and organisations.
  documentSettings: (c) => c.lexicon,
  ofDocument: (c) => eventsOf(c.lexicon),
  merge: (results) => timeline(results),
  // (Every event, to be grouped with those told alike: 1.35 GB at 10,000 documents, run alone.)
  largeMerge: true,
  // Each output makes the events' public form as it writes them (never all at once: a large corpus's timeline is hundreds of megabytes so).
  outputs: (events, { location }) => {
    const entries = () => map(events, (e) => timelineEntry(e, location));
    return [
      // By year (a part per year, or more for a busy one), each also as CSV.
      { path: 'data/timeline', parts: { field: 'events', items: entries(), key: (e: TimelineEntry) => e.date.slice(0, 4), csv: timelineCsv } },
      // What the timeline pages show, and each document's page (they never read the data files).
      { path: 'pages/timeline.json', text: { *[Symbol.iterator]() { yield JSON.stringify(timelinePages(entries(), eventFilters)); } } },
      { path: 'pages/events', each: tellings(events, location) },
      // Each kind's events as CSV, what /timeline/kind/<kind>/events.csv gives (an Astro endpoint is
      // rendered at every build, and reading the whole timeline for it took 0.4 s of each rebuild at 1,000 documents).
      { path: 'pages/timeline-csv', each: kindCsvs(entries()) },
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

/**
 * Each document's own tellings of the events, in timeline order, as its page's file: the events it
 * gives, and those another gives that it tells too, in its own words. Which event each document tells
 * is found first (as numbers); each telling is made as its document's file is written.
 */
function* tellings(events: readonly TimelineEvent[], location: SiteLocation): Generator<[string, string]> {
  // Per document: [event, its source (-1: the document gives the event itself)].
  const byDoc = new Map<string, number[]>();
  const add = (doc: string, e: number, source: number) => {
    const list = byDoc.get(doc);
    if (list) list.push(e, source);
    else byDoc.set(doc, [e, source]);
  };
  events.forEach((e, i) => {
    add(e.doc, i, -1);
    const told = new Set([e.doc]);
    e.sources.forEach((s, j) => {
      if (told.has(s.doc)) return;
      told.add(s.doc);
      add(s.doc, i, j);
    });
  });
  for (const [doc, list] of byDoc) {
    const own: TimelineEntry[] = [];
    for (let k = 0; k < list.length; k += 2) {
      const e = events[list[k]!]!;
      const s = list[k + 1]! < 0 ? undefined : e.sources[list[k + 1]!]!;
      // (Without policies and organisations: the page shows none, and the merged event's are every
      // teller's, thousands of spellings of one title in a large corpus's files.)
      own.push(timelineEntry({ ...e, ...(s ?? {}), policies: [], organisations: [], sources: [] }, location));
    }
    yield [`${doc}.json`, JSON.stringify(own)];
  }
}

/**
 * Each kind's events as CSV (timelineCsv), a file a kind, every kind there is (a kind without events:
 * the header alone). Each event's row is made as it comes and only the rows are held: with every
 * event's public form held at once, the bench's 10,000-document peak was 4,352 MB (3,929 MB so).
 */
function* kindCsvs(entries: Iterable<TimelineEntry>): Generator<[string, string]> {
  const [header] = timelineCsv([]);
  const rows = new Map<string, string[]>(EVENT_KINDS.map((k) => [k, []]));
  for (const e of entries) {
    const list = rows.get(e.kind);
    if (!list) continue;
    const [, ...row] = timelineCsv([e]);
    list.push(...row);
  }
  for (const [kind, list] of rows) yield [`${kind}.csv`, header + list.join('')];
}
