/**
 * How much one page lists, so that a page stays readable and the build stays fast at any corpus
 * size. Beyond these, a page says how many it left out and where the rest are (a filtered page,
 * the document's own page, the data files); the data files always hold everything.
 */
import type { ConcordanceLimits } from './concordance.ts';

/** Items on one listing page (events, figures, organisations, places, policies). */
export const LIST_LIMIT = 500;
/** Other documents named beside an event. */
export const SOURCES_SHOWN = 5;
/** A term's concordance: lines per document, and documents. */
export const TERM_CONCORDANCE: ConcordanceLimits = { perDoc: 5, maxDocs: 50 };
/** Mentions shown under one organisation, place or policy. */
export const INDEX_MENTIONS: ConcordanceLimits = { limit: 20 };
/** Bars in a chart of counts per document (the table beside it has every document). */
export const CHART_BARS = 20;
/**
 * Documents named one by one in a filtered page's "by document" links. A larger corpus lists them on
 * the complete page only, and each filtered page links there: every page listing every document
 * would make the site grow with the square of the corpus.
 */
export const DOC_FILTERS_INLINE = 12;

/** The documents a page's "by document" filter row names: all of them, or on a filtered page of a large corpus only the chosen one. */
export function docFilterLinks<D extends { id: string }>(documents: readonly D[], filtered: boolean, chosen?: string): readonly D[] {
  return filtered && documents.length > DOC_FILTERS_INLINE ? documents.filter((d) => d.id === chosen) : documents;
}
