/** The documents a term's page counts its mentions in (its chart of counts and the table beside it). */
import { CHART_BARS } from '../lib/limits.ts';

/**
 * Every document when they are few (CHART_BARS or fewer: a bar each, none left out), otherwise only
 * those that name the term, in the corpus's order: at 10,000 documents a table of every document on
 * every term's page would be most of the site, and any document added would change every such page.
 */
export function countedDocuments<D extends { id: string }>(documents: readonly D[], counts: Readonly<Record<string, number>>): D[] {
  return documents.length <= CHART_BARS ? [...documents] : documents.filter((d) => (counts[d.id] ?? 0) > 0);
}

/** The documents the chart draws: the counted ones, or the CHART_BARS with the most mentions of them. */
export function chartedDocuments<D extends { id: string }>(counted: readonly D[], counts: Readonly<Record<string, number>>): D[] {
  return counted.length <= CHART_BARS ? [...counted] : [...counted].sort((a, b) => (counts[b.id] ?? 0) - (counts[a.id] ?? 0)).slice(0, CHART_BARS);
}
