/** The indexes of what the documents name: policies, organisations, places (src/extract/indexes.ts). */
import type { TimelineEvent } from '../extract/events.ts';
import { organisationIndex, organisationsOf, placeIndex, placesOf, policiesOf, policyIndex, type OrganisationEntry, type PlaceEntry, type PolicyEntry } from '../extract/indexes.ts';
import { indexEntry } from '../generate/indexes.ts';
import { indexPage, listedEntries } from '../generate/page-data.ts';
import type { SiteLocation } from '../generate/data.ts';
import { map } from '../lib/iterate.ts';
import { extractor, type OutputFile } from './extractor.ts';

/** An index's data file (/data/<name>.json) and what its page shows (src/generated/pages/<name>.json). */
function indexFiles(name: string, entries: readonly (PolicyEntry | OrganisationEntry | PlaceEntry)[], location: SiteLocation): OutputFile[] {
  return [
    { path: `data/${name}.json`, json: { [name]: map(entries, (x) => indexEntry(x, location)) } },
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

export const organisations = extractor({
  name: 'organisations',
  documentSettings: (c) => c.lexicon.organisationEndings,
  ofDocument: (c) => organisationsOf(c.lexicon),
  corpusSettings: (c) => c.lexicon.notOrganisations,
  merge: (results, { curation }) => organisationIndex(results, curation.lexicon),
  outputs: (entries, { location }) => indexFiles('organisations', entries, location),
  entryPages: listedEntries,
  summary: (entries) => `[indexes] ${entries.length} organisations`,
});

export const places = extractor({
  name: 'places',
  documentSettings: (c) => c.lexicon.notPlaces,
  ofDocument: (c) => placesOf(c.lexicon),
  merge: (results) => placeIndex(results),
  outputs: (entries, { location }) => indexFiles('places', entries, location),
  entryPages: listedEntries,
  summary: (entries) => `[indexes] ${entries.length} places`,
});
