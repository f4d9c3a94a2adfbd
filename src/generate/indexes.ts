/**
 * /data/terms/, /data/term-mentions/, /data/policies/, /data/organisations/, /data/places/ and
 * /data/models.json: the glossary, the indexes and the model comparison, every mention and passage
 * with the URL of its paragraph.
 */
import type { OrganisationEntry, PlaceEntry, PolicyEntry } from '../extract/indexes.ts';
import type { Models, Passage } from '../extract/models.ts';
import type { Mention, TermEntry } from '../extract/terms.ts';
import { paragraphUrl, type SiteLocation } from './data.ts';

type Linked<T> = T & { url: string };
const link = <T extends { doc: string; paragraph: string }>(loc: SiteLocation, x: T): Linked<T> => ({ ...x, url: paragraphUrl(loc, x.doc, x.paragraph) });
const withMentions = <T extends { mentions: Mention[] }>(loc: SiteLocation, x: T) => ({ ...x, mentions: x.mentions.map((m) => link(loc, m)) });

/** One term of /data/terms/: all but its mentions (those are /data/term-mentions/, by document). */
export function termEntry<T extends TermEntry>(t: T, loc: SiteLocation) {
  const { mentions: _, ...entry } = t;
  return { ...entry, ...(t.definition ? { definition: link(loc, t.definition) } : {}) };
}

/** One mention of /data/term-mentions/: its term's id, and the mention with the URL of its paragraph. */
export const termMention = (term: string, m: Mention, loc: SiteLocation) => ({ term, ...link(loc, m) });

/** One entry of /data/policies.json, /data/organisations.json or /data/places.json. */
export const indexEntry = <T extends PolicyEntry | OrganisationEntry | PlaceEntry>(x: T, loc: SiteLocation) => withMentions(loc, x);

export function modelsJson(m: Models, loc: SiteLocation) {
  const passages = (xs: readonly Passage[]) => xs.map((x) => link(loc, x));
  const byDoc = (r: Record<string, Passage[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, passages(v)]));
  const maybe = <T extends Passage>(x: T | undefined) => (x ? link(loc, x) : undefined);
  return {
    labels: m.labels,
    forms: m.forms.map((f) => ({ ...f, definition: maybe(f.definition), summary: maybe(f.summary), byDoc: byDoc(f.byDoc) })),
    types: m.types.map((t) => ({ ...t, definition: maybe(t.definition), example: { ...t.example, passages: passages(t.example.passages) }, byDoc: byDoc(t.byDoc) })),
    dimensions: m.dimensions,
    matrix: Object.fromEntries(
      Object.entries(m.matrix).map(([type, row]) => [type, Object.fromEntries(Object.entries(row).map(([dim, cell]) => [dim, { passages: passages(cell.passages), summary: maybe(cell.summary) }]))]),
    ),
    practices: m.practices.map((p) => ({ ...p, passages: passages(p.passages) })),
  };
}

export type ModelsData = ReturnType<typeof modelsJson>;
