/**
 * The glossary: the corpus's curated terms (its terms.json) first, then the terms found in the
 * corpus itself (src/extract/found-glossary.ts), each with its definition from the text and every
 * mention. Each document's result is its curated terms' mentions, its term evidence and its
 * sentences; the merge ranks the found terms over the evidence and finds their mentions.
 */
import { corpusGlossary, documentGlossary, type DocumentGlossary, type GlossaryChange } from '../extract/found-glossary.ts';
import { termEntry } from '../generate/indexes.ts';
import { termPages } from '../generate/page-data.ts';
import { map } from '../lib/iterate.ts';
import { extractor } from './extractor.ts';

export const terms = extractor({
  name: 'terms',
  documentSettings: (c) => c.terms,
  ofDocument: (c) => documentGlossary(c.terms),
  corpusSettings: (c) => c.terms,
  // Starts from what the last build's merge counted and found, when few documents changed (what it kept is its own).
  merge: (results: Iterable<DocumentGlossary>, { curation, since, keep }) => {
    const { entries, kept } = corpusGlossary(curation.terms, results, {}, since as GlossaryChange | undefined);
    keep?.(kept);
    return entries;
  },
  // (Every distinct string's counts, then the found terms' mentions: 2.5 GB at 10,000 documents, run alone.)
  largeMerge: true,
  outputs: (entries, { location }) => [
    // By the first letter of their ids.
    { path: 'data/terms', parts: { field: 'terms', items: map(entries, (t) => termEntry(t, location)), key: (t: { id: string }) => t.id.slice(0, 1) } },
    // What the glossary pages show of them (the data file is too long to read whole at 5,000 documents).
    { path: 'pages/terms.json', text: [JSON.stringify(termPages(entries))] },
  ],
  entryPages: (entries) => entries.map((t) => ({ id: t.id, name: t.term })),
  // The model comparison takes the terms' definitions.
  shared: (entries) => entries.map((t) => ({ id: t.id, ...(t.definition ? { definition: t.definition } : {}) })),
  summary: (entries) => {
    const found = entries.filter((t) => t.found);
    return `[terms] ${entries.length} terms (${entries.filter((t) => t.definition).length} defined in the text), ${found.length} of them found in the corpus (${found.filter((t) => t.definition).length} defined)`;
  },
});
