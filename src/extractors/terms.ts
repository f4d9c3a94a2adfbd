/** The glossary: the corpus's terms (its terms.json) found in the text, with definitions and every mention (src/extract/terms.ts). */
import { documentTerms, glossary } from '../extract/terms.ts';
import { termEntry } from '../generate/indexes.ts';
import { termPages } from '../generate/page-data.ts';
import { map } from '../lib/iterate.ts';
import { extractor } from './extractor.ts';

export const terms = extractor({
  name: 'terms',
  documentSettings: (c) => c.terms,
  ofDocument: (c) => documentTerms(c.terms),
  merge: (results, { curation }) => glossary(curation.terms, results),
  outputs: (entries, { location }) => [
    { path: 'data/terms.json', json: { terms: map(entries, (t) => termEntry(t, location)) } },
    // What the glossary pages show of them (the data file is too long to read whole at 5,000 documents).
    { path: 'pages/terms.json', text: [JSON.stringify(termPages(entries))] },
  ],
  // The model comparison takes the terms' definitions.
  shared: (entries) => entries.map((t) => ({ id: t.id, ...(t.definition ? { definition: t.definition } : {}) })),
  summary: (entries) => `[terms] ${entries.length} terms (${entries.filter((t) => t.definition).length} defined in the text)`,
});
