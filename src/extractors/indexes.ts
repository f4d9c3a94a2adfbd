/** The indexes of what the documents name: policies, organisations, places (src/extract/indexes.ts). */
import type { TimelineEvent } from '../extract/events.ts';
import { organisationIndex, organisationsOf, placeIndex, placesOf, policiesOf, policyIndex, type OrganisationEntry, type PlaceEntry, type PolicyEntry } from '../extract/indexes.ts';
import { indexEntry } from '../generate/indexes.ts';
import { indexPage, listedEntries } from '../generate/page-data.ts';
import type { SiteLocation } from '../generate/data.ts';
import { map } from '../lib/iterate.ts';
import { extractor, type MergeContext, type OutputFile } from './extractor.ts';
import type { Mention } from '../extract/terms.ts';
import { LIST_LIMIT } from '../lib/limits.ts';

/** An index's data (/data/<name>/, in parts) and what its page shows (src/generated/pages/<name>.json). */
function indexFiles(name: string, entries: readonly (PolicyEntry | OrganisationEntry | PlaceEntry)[], location: SiteLocation): OutputFile[] {
  return [
    // By the first digit of their ids (a hash: an entry stays in its part as others come and go).
    { path: `data/${name}`, parts: { field: name, items: map(entries, (x) => indexEntry(x, location)), key: (x: { id: string }) => x.id.slice(0, 1) } },
    { path: `pages/${name}.json`, text: [JSON.stringify(indexPage(entries))] },
  ];
}

export const policies = extractor({
  name: 'policies',
  // The lexicon's organisation endings find the issuers.
  documentSettings: (c) => c.lexicon.organisationEndings,
  ofDocument: (c) => policiesOf(c.lexicon),
  // Dated by the timeline's policy events.
  needs: ['events'],
  merge: (results, { merged }) => policyIndex(results, merged.events as TimelineEvent[]),
  outputs: (entries, { location }) => indexFiles('policies', entries, location),
  entryPages: (entries) => listedEntries(entries).map((e) => ({ id: e.id, name: `《${e.title}》` })),
  summary: (entries) => `[indexes] ${entries.length} policies`,
});

/** What an index made in passes keeps of its merge: the results, read again by each pass, how many entries the passes wrote, and those its page lists. */
interface PassesState<M> {
  results: Iterable<M[]>;
  entries: number;
  /** The entries the index's page lists, each with a page of its own (known once the page is written). */
  listed: Array<{ id: string; name: string }>;
}

/** Documents whose mentions one pass of an index's merge holds: a larger corpus's names are indexed in passes, each over a share of them (by a hash of the name). */
const DOCUMENTS_PER_PASS = 2500;

/** A name's pass (FNV-1a of the name). */
function passOf(name: string, passes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h % passes;
}

/**
 * An index made in passes (organisations, places: every mention of every name, with its sentence, is
 * as large as the corpus): each pass reads every document's results again (the merge's `results`),
 * keeps the mentions of its share of the names, indexes them as the index does (`index`) and
 * writes them out; the index page's entries are the first of all passes' in the index's order
 * (most mentioned first, then by name). The merge itself keeps only the results to read again;
 * `state` counts the entries as they are written (for the build's log).
 */
function indexInPasses<M extends { name: string }, E extends { id: string; name: string; mentions: Mention[] }>(name: string, index: (results: Iterable<M[]>) => E[], state: PassesState<M>, ctx: MergeContext): OutputFile[] {
  const passes = Math.max(1, Math.ceil(ctx.documents / DOCUMENTS_PER_PASS));
  const first: ReturnType<typeof indexPage<E>>['entries'] = [];
  function* entries() {
    for (let pass = 0; pass < passes; pass++) {
      const mine = map(state.results, (named) => (passes === 1 ? named : named.filter((m) => passOf(m.name, passes) === pass)));
      const list = index(mine);
      first.push(...indexPage(list).entries);
      state.entries += list.length;
      yield* map(list, (x) => indexEntry(x as never, ctx.location));
    }
  }
  const page = () => {
    first.sort((a, b) => b.mentionCount - a.mentionCount || (a.name < b.name ? -1 : 1));
    const entries = first.slice(0, LIST_LIMIT);
    state.listed = entries.map((e) => ({ id: e.id, name: e.name }));
    return { total: state.entries, entries };
  };
  return [
    // By the first digit of their ids (a hash: an entry stays in its part as others come and go).
    { path: `data/${name}`, parts: { field: name, items: entries(), key: (x: { id: string }) => x.id.slice(0, 1) } },
    // Written after the data, whose passes found its entries.
    { path: `pages/${name}.json`, text: { *[Symbol.iterator]() { yield JSON.stringify(page()); } } },
  ];
}

export const organisations = extractor({
  name: 'organisations',
  documentSettings: (c) => c.lexicon.organisationEndings,
  ofDocument: (c) => organisationsOf(c.lexicon),
  corpusSettings: (c) => c.lexicon.notOrganisations,
  merge: (results) => ({ results, entries: 0, listed: [] }),
  outputs: (state, ctx) => indexInPasses('organisations', (r) => organisationIndex(r, ctx.curation.lexicon), state, ctx),
  entryPages: (state) => state.listed,
  summary: (state) => `[indexes] ${state.entries} organisations`,
});

export const places = extractor({
  name: 'places',
  documentSettings: (c) => c.lexicon.notPlaces,
  ofDocument: (c) => placesOf(c.lexicon),
  merge: (results) => ({ results, entries: 0, listed: [] }),
  outputs: (state, ctx) => indexInPasses('places', placeIndex, state, ctx),
  entryPages: (state) => state.listed,
  summary: (state) => `[indexes] ${state.entries} places`,
});
