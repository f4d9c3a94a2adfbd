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

/** An entry with the mentions a page shows of it, and how many it has in all. */
type Shown<T extends { mentions: Mention[] }> = T & { mentionCount: number };

const shown = <T extends { mentions: Mention[] }>(x: T, limits: ConcordanceLimits): Shown<T> => ({ ...x, mentions: shownMentions(x.mentions, limits), mentionCount: x.mentions.length });

/** Every term (there are tens), each with its concordance's lines and every mention counted (a found term keeps only some of its mentions: found-glossary.ts). */
export const termPages = <T extends TermEntry>(terms: readonly T[]) => ({
  terms: terms.map((t) => ({ ...shown(t, TERM_CONCORDANCE), mentionCount: Object.values(t.counts).reduce((n, c) => n + c, 0) })),
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

/**
 * What a reading page reads of its document's data file: all but the blocks (whose HTML the page
 * gets from the content build: src/generated/html/) and the source lines (the source page's); the
 * headings, for its contents. A tenth of the file: Astro parses each document's file once, for its
 * source page.
 */
export function readingData(doc: ReturnType<typeof documentJson>) {
  const { blocks, sourceLines: _, ...rest } = doc;
  return { ...rest, headings: blocks.filter((b) => b.type === 'heading') };
}
