/** The organisations' and places' indexes of a large corpus, made in passes over shares of the names: the same entries and page as in one pass. */
import { describe, expect, it } from 'vitest';
import { organisationIndex, placeIndex, type OrganisationMention, type PlaceMention } from '../../src/extract/indexes.ts';
import { organisations, places } from '../../src/extractors/indexes.ts';
import type { AnyExtractor, MergeContext, PartsSpec } from '../../src/extractors/extractor.ts';
import { indexEntry } from '../../src/generate/indexes.ts';
import { indexPage } from '../../src/generate/page-data.ts';
import { NO_CURATION } from '../../src/corpus/curation.ts';
import type { Mention } from '../../src/extract/terms.ts';

const location = { site: '', base: '/' };
const mention = (doc: string, i: number) => ({ doc, paragraph: `p${i}`, text: `句子${i}`, start: 0, end: 2 }) as unknown as Mention;

/** Documents naming some of `names` names each, a name of a few mentions, many of one (ties of counts, broken by name). */
function corpus<M>(documents: number, make: (name: string, doc: string, i: number) => M): M[][] {
  return Array.from({ length: documents }, (_, d) => {
    const doc = `d${String(d).padStart(5, '0')}`;
    return Array.from({ length: 1 + (d % 4) }, (_, i) => make(`名称${(d * 7 + i * 13) % 900}`, doc, i));
  });
}

/** An extractor's merge and outputs as the content build runs them: its data's entries and its page. */
function run(ex: AnyExtractor, results: unknown[][], documents: number) {
  const ctx: MergeContext = { curation: NO_CURATION, location, documents, merged: {}, stale: () => {} };
  const merged = ex.merge({ [Symbol.iterator]: () => results[Symbol.iterator]() }, ctx);
  const [data, page] = ex.outputs(merged, ctx) as unknown as [{ parts: PartsSpec }, { text: Iterable<string> }];
  const entries = [...data.parts.items] as Array<{ id: string }>;
  return { entries, page: JSON.parse([...page.text].join('')), summary: ex.summary(merged) };
}

describe('indexes in passes', () => {
  const cases = [
    ['organisations', organisations, organisationIndex, (name: string, doc: string, i: number): OrganisationMention => ({ name: `${name}有限公司`, kind: 'company', text: `${name}有限公司`, mention: mention(doc, i) })],
    ['places', places, placeIndex, (name: string, doc: string, i: number) => ({ name: `${name}市`, level: 'city', mention: mention(doc, i) }) as unknown as PlaceMention],
  ] as const;
  for (const [name, ex, index, make] of cases) {
    it(`${name}: at 6,000 documents (three passes), the entries and the page of one pass`, () => {
      const results = corpus(1000, make as (n: string, d: string, i: number) => unknown);
      const whole = (index as (r: Iterable<unknown[]>) => Array<{ id: string; mentions: unknown[] }>)(results);
      // The same results, read as if the corpus had 6,000 documents (three passes) and as it has (one).
      const inPasses = run(ex, results, 6000);
      const inOne = run(ex, results, 2000);
      const expected = whole.map((x) => indexEntry(x as never, location));
      const json = (x: unknown) => JSON.stringify(x);
      const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(json(inOne.entries)).toBe(json(expected));
      // Three passes: each entry once (in the passes' order), the page the one pass's.
      expect(inPasses.entries.length).toBe(expected.length);
      expect(json(inPasses.entries)).not.toBe(json(expected));
      expect(json(byId(inPasses.entries))).toBe(json(byId(expected)));
      expect(json(inPasses.page)).toBe(json(indexPage(whole as never)));
      expect(json(inOne.page)).toBe(json(indexPage(whole as never)));
      expect(inPasses.summary).toContain(`${whole.length} ${name}`);
    });
  }
});
