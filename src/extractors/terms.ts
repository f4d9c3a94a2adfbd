/**
 * The glossary: the corpus's curated terms (its terms.json) first, then the terms found in the
 * corpus itself (src/extract/found-glossary.ts), each with its definition from the text and every
 * mention. Each document's result is its curated terms' mentions, its term evidence and its
 * sentences; the merge ranks the found terms over the evidence and finds their mentions.
 */
import { corpusGlossary, documentGlossary, type DocumentGlossary, type GlossaryChange } from '../extract/found-glossary.ts';
import { termEntry, termMention } from '../generate/indexes.ts';
import { termPages } from '../generate/page-data.ts';
import { map } from '../lib/iterate.ts';
import { lazy } from '../lib/memo.ts';
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
  outputs: (entries, { location }) => {
    // Where each document's mentions are, the terms in the glossary's order: pairs of numbers, the
    // term's place and the mention's in its list (millions of mentions at 10,000 documents), found
    // when the first part that needs them is made.
    const byDocument = lazy(() => {
      const at = new Map<string, number[]>();
      entries.forEach((t, i) =>
        t.mentions.forEach((m, j) => {
          const list = at.get(m.doc);
          if (list) list.push(i, j);
          else at.set(m.doc, [i, j]);
        }),
      );
      return at;
    });
    const mentionsOf = function* (doc: string) {
      const at = byDocument().get(doc) ?? [];
      for (let k = 0; k < at.length; k += 2) yield termMention(entries[at[k]!]!.id, entries[at[k]!]!.mentions[at[k + 1]!]!, location);
    };
    return [
      // By the first letter of their ids, without their mentions.
      { path: 'data/terms', parts: { field: 'terms', items: map(entries, (t) => termEntry(t, location)), key: (t: { id: string }) => t.id.slice(0, 1) } },
      // Their mentions in parts by document: one document changed, one part made again (in the terms'
      // parts, every term it names would change). A document's mentions are found by the terms' names
      // alone. Twice as many documents a part as /data/figures/, and no CSV: the site stays under 4
      // files a document (1,000 documents: 3,986 files in the bench).
      {
        path: 'data/term-mentions',
        byDocument: { field: 'mentions', items: mentionsOf, depends: entries.map((t) => [t.id, t.term, t.synonyms]), documentsPerPart: 64 },
      },
      // What the glossary pages show of them (the data file is too long to read whole at 5,000 documents).
      { path: 'pages/terms.json', text: [JSON.stringify(termPages(entries))] },
    ];
  },
  entryPages: (entries) => entries.map((t) => ({ id: t.id, name: t.term })),
  // The model comparison takes the terms' definitions.
  shared: (entries) => entries.map((t) => ({ id: t.id, ...(t.definition ? { definition: t.definition } : {}) })),
  summary: (entries) => {
    const found = entries.filter((t) => t.found);
    return `[terms] ${entries.length} terms (${entries.filter((t) => t.definition).length} defined in the text), ${found.length} of them found in the corpus (${found.filter((t) => t.definition).length} defined)`;
  },
});
