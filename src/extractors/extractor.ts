/**
 * What an extractor is: one record that says how to read one document (a pure function of the
 * document), how to merge every document's result into the corpus's (a pure function of the
 * results, in document id order), and which files the merged result becomes. The content build
 * (scripts/lib/extraction.ts) keeps each document's result between builds, runs the merges, and
 * writes the files; nothing here reads or writes a file.
 */
import type { Reading } from '../extract/reading.ts';
import type { SiteLocation } from '../generate/data.ts';
import type { Curation } from '../corpus/curation.ts';
import type { Listing } from '../generate/page-data.ts';

/** A file the content build writes under src/generated/ (`data/…` is served as /data/…). */
export type OutputFile =
  | { path: string; /** Written element by element: a list field may be a generator (scripts/lib/data-files.ts). */ json: Record<string, unknown> }
  | { path: string; /** Written piece by piece. */ text: Iterable<string> }
  | { /** A folder: a long list in parts, with an index (scripts/lib/data-files.ts writeParts). */ path: string; parts: PartsSpec }
  | { /** A folder: each document's own items, in parts by document, with an index. */ path: string; byDocument: DocumentPartsSpec }
  | { /** A folder of files, one per name (what each document's page shows): the folder holds these only. */ path: string; each: Iterable<[name: string, text: string]> };

/**
 * A list written as parts of at most a few megabytes each (a static host limits a file's size, and a
 * reader downloads what they need), `<path>/<part>.json` holding `{<field>: [...]}`, and an index,
 * `<path>/index.json`, that lists every part (its name, files, key, count and bytes).
 */
export interface PartsSpec {
  /** The list's name in each part (`events`). */
  field: string;
  items: Iterable<unknown>;
  /** Which part an item goes to (a year, a letter): parts of one key are numbered when one part would be too large. Without it, parts in order. */
  key?(item: never): string;
  /** Each part as CSV too: the lines of these items (header first). */
  csv?(items: Iterable<never>): Iterable<string>;
}

/**
 * A list of each document's own items (its figures), written as a PartsSpec keyed by the document's
 * part (src/generate/data.ts documentPart, as /data/documents/ is). The content build reads the
 * documents' results for it: a part whose documents' results, and the merge's settings, are those of
 * the last build is kept as it is, its documents not read again (one document added to 1,000: one
 * part of sixteen made).
 */
export interface DocumentPartsSpec {
  field: string;
  /** A document's items, from its result (read from the store when asked for): what it gives depends on the result, the merge's settings and `depends` only. */
  items(doc: string, result: () => never): Iterable<unknown>;
  /** What a document's items depend on besides its result and the merge's settings (the glossary's terms): part of every part's inputs. */
  depends?: unknown;
  /** Documents a part, about (by default PART_DOCUMENTS, as /data/documents/ and /data/figures/). */
  documentsPerPart?: number;
  csv?(items: Iterable<never>): Iterable<string>;
}

/** What a merge is given besides the documents' results. */
export interface MergeContext {
  curation: Curation;
  location: SiteLocation;
  /** How many documents the corpus has (a list in parts may group items by their document: src/generate/data.ts documentPart). */
  documents: number;
  /** The merged results of the extractors this one `needs`, by name. */
  merged: Readonly<Record<string, unknown>>;
  /** Report curation that no longer matches the corpus: the item is left out and the build goes on (or stops, in strict mode). */
  stale(file: string, item: string, problem: string): void;
  /**
   * What this extractor's last merge kept (`keep`), and the documents' results that went and came
   * since (a changed document's in both; each given again each time it is iterated): given when the
   * last merge kept something, read the same settings, and few documents changed, so that the merge
   * can start from it. The merged result must be the one it would be without.
   */
  since?: { kept: unknown; gone: Iterable<unknown>; came: Iterable<unknown> };
  /** Keep something (plain data) for the next build's merge, given back as `since.kept`. */
  keep?(value: unknown): void;
}

export interface Extractor<Result = unknown, Merged = unknown> {
  /** Names its per-document results in the cache, its log lines and, by convention, its data files. */
  name: string;
  /** What a document's result depends on besides the document and the code (a term list): part of its cache key. */
  documentSettings?(curation: Curation): unknown;
  /** How to read one document, given the curation (matchers are made once, not per document). */
  ofDocument(curation: Curation): (r: Reading) => Result;
  /** What the merge reads besides the results (chart specifications): part of its inputs. */
  corpusSettings?(curation: Curation): unknown;
  /** Other extractors whose merged results (what their `shared` gives) this one's merge reads. */
  needs?: readonly string[];
  /**
   * Its merge holds something of every document at once (every mention of the found terms, every
   * event to group): at 10,000 documents a gigabyte or more, so in a large corpus two such merges
   * do not run side by side (scripts/content-build.ts).
   */
  largeMerge?: boolean;
  /** What this one's merged result gives the extractors that need it (by default all of it). */
  shared?(merged: Merged): unknown;
  /**
   * Every document's result, in document id order, into the corpus's. `results` gives them again each
   * time it is iterated (read from the store each time): a merged result as large as the corpus
   * (every figure of 10,000 documents) need not be held, the merged result may keep `results` and
   * its outputs read them again as they write.
   */
  merge(results: Iterable<Result>, ctx: MergeContext): Merged;
  /** The files the merged result is written as. */
  outputs(merged: Merged, ctx: MergeContext): OutputFile[];
  /** What each document's reading page shows of the merged result (its events, its charts): part of the page's cache key. */
  shownOn?(merged: Merged): Iterable<[doc: string, shown: unknown]>;
  /**
   * Its entries with a page of their own at /<name>/<id>/. The registry keeps every one it has
   * given, so that the address of an entry no document names any more still has a page, saying so.
   */
  entryPages?(merged: Merged): Iterable<{ id: string; name: string }>;
  /** A line for the build log. */
  summary(merged: Merged): string;
  /**
   * A page of its own at /<name>/ listing what it found, for an extractor no page was written for
   * (src/pages/[page].astro draws it: each entry with its mentions in context).
   */
  listing?(merged: Merged): Listing;
}


/** An extractor of any result type, as the registry lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExtractor = Extractor<any, any>;

/** Declare an extractor (checks its types once, where it is written). */
export const extractor = <R, M>(x: Extractor<R, M>): Extractor<R, M> => x;
