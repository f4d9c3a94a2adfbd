/** The model comparison of the corpus's models.json, filled with the clauses that speak to each cell (src/extract/models.ts). */
import { buildModels, documentModelText } from '../extract/models.ts';
import type { TermEntry } from '../extract/terms.ts';
import { modelsJson } from '../generate/indexes.ts';
import { extractor } from './extractor.ts';

export const models = extractor({
  name: 'models',
  documentSettings: (c) => [c.models, c.terms],
  ofDocument: (c) => documentModelText(c.models, c.terms),
  corpusSettings: (c) => [c.models, c.terms],
  needs: ['terms'],
  merge: (results, { curation, merged, stale }) =>
    buildModels(curation.models, curation.terms, merged.terms as TermEntry[], results, (item, problem) => stale('models.json', item, problem)),
  outputs: (models, { location }) => [{ path: 'data/models.json', text: [JSON.stringify(modelsJson(models, location))] }],
  summary: (models) => {
    const cells = Object.values(models.matrix).flatMap((row) => Object.values(row));
    return `[models] ${models.forms.length} forms, ${cells.filter((c) => c.passages.length > 0).length} of ${cells.length} matrix cells filled from the text, ${models.practices.length} practices`;
  },
});
