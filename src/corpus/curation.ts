/**
 * A corpus's curation: what its editors add to what the engine finds by itself — the glossary's
 * terms, the model comparison, the charts, the errata, the words particular to its field (its
 * lexicon). Each is a JSON file of the corpus's curation folder (scripts/lib/corpus-files.ts reads
 * them); a missing file means none.
 */
import { parseChartSpecs, type ChartSpec } from '../charts/spec.ts';
import type { ModelsSpec } from '../extract/models.ts';
import type { TermSpec } from '../extract/terms.ts';
import { parseErrata, type ErrataFile } from '../pipeline/errata.ts';
import { NO_LEXICON, parseLexicon, type Lexicon } from '../extract/lexicon.ts';

export interface Curation {
  /** terms.json: the glossary's terms. */
  terms: TermSpec[];
  /** models.json: the model comparison (forms, types, dimensions, practices); empty when there is none. */
  models: ModelsSpec;
  /** charts.json: charts of the figures the documents quote. */
  charts: ChartSpec[];
  /** errata.json: corrections no rule can make. */
  errata: ErrataFile;
  /** lexicon.json: the words particular to the corpus's field (src/extract/lexicon.ts). */
  lexicon: Lexicon;
}

/** No curation at all: what a corpus without a curation folder gets. */
export const NO_CURATION: Curation = {
  terms: [],
  models: { forms: [], types: [], dimensions: [], practices: [] },
  charts: [],
  errata: { documents: {} },
  lexicon: NO_LEXICON,
};

/** Whether the corpus has a model comparison to show. */
export const hasModels = (c: Curation) => c.models.forms.length + c.models.types.length + c.models.practices.length > 0;

/** The curation files as read (undefined: no such file), checked for shape; `where(name)` names a file in messages. */
export function parseCuration(files: { terms?: unknown; models?: unknown; charts?: unknown; errata?: unknown; lexicon?: unknown }, where: (file: string) => string): Curation {
  return {
    terms: (files.terms as { terms?: TermSpec[] } | undefined)?.terms ?? NO_CURATION.terms,
    models: { ...NO_CURATION.models, ...(files.models as Partial<ModelsSpec> | undefined) },
    charts: files.charts === undefined ? [] : parseChartSpecs(files.charts, where('charts.json')),
    errata: files.errata === undefined ? NO_CURATION.errata : parseErrata(files.errata, where('errata.json')),
    lexicon: parseLexicon(files.lexicon, where('lexicon.json')),
  };
}
