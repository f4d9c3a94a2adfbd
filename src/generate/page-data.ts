/**
 * What pages read besides the data files. The glossary and index pages (src/generated/pages/…):
 * their entries with only the mentions the pages show, and how many there are (the full lists are
 * the data files, /data/terms.json …, which at 5,000 documents are too long for one JavaScript
 * string). A reading page (src/generated/reading/<id>.json): its document without the text.
 */
import type { documentJson } from './data.ts';
import type { OrganisationEntry, PlaceEntry, PolicyEntry } from '../extract/indexes.ts';
import type { Mention, TermEntry } from '../extract/terms.ts';
import type { GlossaryEntry } from '../extract/found-glossary.ts';
import { shownMentions, type ConcordanceLimits } from '../lib/concordance.ts';
import { INDEX_MENTIONS, LIST_LIMIT, TERM_CONCORDANCE } from '../lib/limits.ts';
import type { AxisEvent } from '../charts/timeline.ts';

/** An entry with the mentions a page shows of it, and how many it has in all. */
type Shown<T extends { mentions: Mention[] }> = T & { mentionCount: number };

const shown = <T extends { mentions: Mention[] }>(x: T, limits: ConcordanceLimits): Shown<T> => ({ ...x, mentions: shownMentions(x.mentions, limits), mentionCount: x.mentions.length });

/**
 * Every term (there are tens), each with its concordance's lines and every mention counted (a found
 * term keeps only some of its mentions: found-glossary.ts); of why a term was found, the reasons the
 * pages name, not its score (which any document changed moves a little: every page showing the term
 * would be made again).
 */
export const termPages = <T extends TermEntry & { found?: { why: readonly string[] } }>(terms: readonly T[]) => ({
  terms: terms.map((t) => ({ ...shown(t, TERM_CONCORDANCE), mentionCount: Object.values(t.counts).reduce((n, c) => n + c, 0), ...(t.found ? { found: { why: t.found.why } } : {}) })),
});

/** The entries an index's page lists, each with a page of its own: the first LIST_LIMIT, in the index's own order (organisations and places by mentions, policies by date). */
export const listedEntries = <T>(entries: readonly T[]): readonly T[] => entries.slice(0, LIST_LIMIT);

/** The entries an index's page lists, with the mentions shown; and how many there are. */
export function indexPage<T extends { mentions: Mention[] }>(entries: readonly T[]) {
  return { total: entries.length, entries: listedEntries(entries).map((e) => shown(e, INDEX_MENTIONS)) };
}

export type TermPages = ReturnType<typeof termPages<GlossaryEntry>>;

/** What an extractor's own page lists (src/extractors/extractor.ts `listing`): its entries, each with every mention. */
export interface Listing {
  title: string;
  intro?: string;
  entries: Array<{ id: string; name: string; mentions: Mention[] }>;
}

/** What an extractor's own page shows: its title and the entries the page lists, with the mentions it shows. */
export const listingPage = (l: Listing) => ({ title: l.title, ...(l.intro ? { intro: l.intro } : {}), ...indexPage(l.entries) });
export type ListingPage = ReturnType<typeof listingPage>;
export interface IndexPages {
  policies: ReturnType<typeof indexPage<PolicyEntry>>;
  organisations: ReturnType<typeof indexPage<OrganisationEntry>>;
  places: ReturnType<typeof indexPage<PlaceEntry>>;
}

/** A reading page's text: the document's own script, or its simplified rendering (a traditional document's). */
export type PageVariant = 'original' | 'simplified';

/**
 * What a reading page reads of its document's data file: all but the blocks (whose HTML the page
 * gets from the content build: src/generated/html/) and the source lines (the source page's); the
 * headings, for its contents; its citations (src/cite/page-citations.ts); how many half-width marks
 * its body shows full-width, in each script. A tenth of the file: Astro parses each document's file
 * once, for its source page.
 */
export function readingData<C>(doc: ReturnType<typeof documentJson>, citations: C, punctuation: Partial<Record<PageVariant, number>>) {
  const { blocks, sourceLines: _, ...rest } = doc;
  return { ...rest, headings: blocks.filter((b) => b.type === 'heading'), citations, punctuation };
}

/** What the figures pages show (/figures/ and /figures/unit/<unit>/): how many each filter has, the units by slug, and the first LIST_LIMIT figures of each page. */
export interface FigurePages<F> {
  total: number;
  /** Figures per filter key (`doc/<id>`, `unit/<slug>`). */
  counts: Record<string, number>;
  /** Each unit's slug, to the unit. */
  units: Record<string, string>;
  /** Each page's figures ('' the unfiltered page, `unit/<slug>`), the first LIST_LIMIT, in the corpus's order. */
  lists: Record<string, F[]>;
}

/**
 * The figures pages' data, gathered a figure at a time (the figures merge's one pass over every
 * document's figures; the data files hold them all, and the pages never read those). A figure
 * becomes the entry a page lists (`entry`) only when a page lists it.
 */
export function figurePages<R extends { doc: string; unit: string }, F>(keys: (f: R) => string[], slug: (unit: string) => string, entry: (f: R) => F) {
  const pages: FigurePages<F> = { total: 0, counts: {}, units: {}, lists: { '': [] } };
  const add = (f: R) => {
    pages.total++;
    let made: F | undefined;
    const listed = (list: F[]) => list.length < LIST_LIMIT && list.push((made ??= entry(f)));
    listed(pages.lists['']!);
    pages.units[slug(f.unit)] = f.unit;
    for (const k of keys(f)) {
      pages.counts[k] = (pages.counts[k] ?? 0) + 1;
      if (k.startsWith('unit/')) listed((pages.lists[k] ??= []));
    }
  };
  return { add, pages };
}

/** How many of an event's other sources a timeline page keeps (it names SOURCES_SHOWN and counts the rest). */
export const SOURCES_KEPT = 50;

/** An event as a timeline page lists it: its sources cut to SOURCES_KEPT, with how many it has. */
export type ListedEvent<E> = E & { sourceCount: number };

/** What the timeline pages show (/timeline/ and /timeline/kind/<kind>/). */
export interface TimelinePages<E> {
  total: number;
  /** Events told by several documents. */
  shared: number;
  /** Events per filter key (`kind/<kind>`, `doc/<id>`). */
  counts: Record<string, number>;
  /**
   * Every trusted event as the axis draws it (charts/timeline.ts): whole for a milestone (a policy
   * dated to the month or day) or a period; else its id, date and kind only (a bar counts it).
   */
  axis: Array<Pick<E & AxisFields, 'id' | 'date' | 'kind' | 'precision'> & Partial<AxisFields>>;
  /** Each page's first LIST_LIMIT trusted events, and as many untrusted ones as leave room: '' the unfiltered page, `kind/<kind>`. */
  lists: Record<string, { trusted: ListedEvent<E>[]; untrusted: ListedEvent<E>[]; count: number }>;
}

/** What the timeline's axis draws of an event (src/charts/timeline.ts). */
type AxisFields = AxisEvent;

/** The timeline pages' data, from every event (sorted by date), with the filter keys each is listed under. */
export function timelinePages<E extends AxisFields & { trusted: boolean; sources: unknown[] }>(events: Iterable<E>, keys: (e: E) => string[]): TimelinePages<E> {
  const out: TimelinePages<E> = { total: 0, shared: 0, counts: {}, axis: [], lists: {} };
  const listed = (e: E): ListedEvent<E> => ({ ...e, sources: e.sources.slice(0, SOURCES_KEPT), sourceCount: e.sources.length });
  const add = (page: string, e: E) => {
    const list = (out.lists[page] ??= { trusted: [], untrusted: [], count: 0 });
    list.count++;
    if (e.trusted && list.trusted.length < LIST_LIMIT) list.trusted.push(listed(e));
    else if (!e.trusted && list.untrusted.length < LIST_LIMIT) list.untrusted.push(listed(e));
  };
  for (const e of events) {
    out.total++;
    if (e.sources.length > 0) out.shared++;
    for (const k of new Set(keys(e))) out.counts[k] = (out.counts[k] ?? 0) + 1;
    if (e.trusted) {
      const whole = (e.kind === 'policy' && (e.precision === 'day' || e.precision === 'month')) || e.end !== undefined;
      out.axis.push(whole ? { id: e.id, date: e.date, ...(e.end !== undefined ? { end: e.end } : {}), precision: e.precision, kind: e.kind, written: e.written, text: e.text } : { id: e.id, date: e.date, kind: e.kind, precision: e.precision });
    }
    add('', e);
    add(`kind/${e.kind}`, e);
  }
  // Untrusted events fill what room the trusted ones leave.
  for (const list of Object.values(out.lists)) list.untrusted = list.untrusted.slice(0, Math.max(0, LIST_LIMIT - list.trusted.length));
  return out;
}
