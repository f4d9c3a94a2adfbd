/**
 * The extractors, in one list: everything that reads the documents after the pipeline (the content
 * build's per-document work, its corpus-wide merges, the data files they write, what the pages
 * read) is derived from it. Adding an extractor is a file beside these (src/extractors/extractor.ts
 * says what it holds), a line here, its page and strings, and its test.
 */
import type { AnyExtractor } from './extractor.ts';
import { events } from './events.ts';
import { figures } from './figures.ts';
import { organisations, places, policies } from './indexes.ts';
import { models } from './models.ts';
import { terms } from './terms.ts';

export const EXTRACTORS: readonly AnyExtractor[] = [events, figures, terms, models, policies, organisations, places];
