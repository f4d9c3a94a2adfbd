/** Concordances: what a page shows of an entry's mentions, from all of them or from only those shown. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concordance, shownMentions, type ConcordanceLimits } from '../../src/lib/concordance.ts';

const m = (doc: string, n: number) => ({ doc, n });

describe('concordance', () => {
  it('shows every document in order when they are few, each cut to its lines, and counts the rest', () => {
    const mentions = [m('b', 1), m('b', 2), m('b', 3), m('a', 4)];
    expect(concordance(mentions, { perDoc: 2, maxDocs: 5 })).toEqual({
      docs: [{ doc: 'b', count: 3, mentions: [m('b', 1), m('b', 2)] }, { doc: 'a', count: 1, mentions: [m('a', 4)] }],
      left: 1,
    });
  });

  it('keeps the documents with the most mentions when there are too many, ties by id', () => {
    const mentions = [m('a', 1), m('b', 2), m('b', 3), m('c', 4), m('c', 5), m('d', 6)];
    expect(concordance(mentions, { perDoc: 1, maxDocs: 2 }).docs.map((d) => d.doc)).toEqual(['b', 'c']);
    expect(concordance(mentions, { perDoc: 1, maxDocs: 2 }).left).toBe(4);
  });

  it('shows the first mentions up to a limit', () => {
    const mentions = [m('a', 1), m('b', 2), m('a', 3)];
    expect(concordance(mentions, { limit: 2 })).toEqual({ docs: [{ doc: 'a', count: 1, mentions: [m('a', 1)] }, { doc: 'b', count: 1, mentions: [m('b', 2)] }], left: 1 });
  });

  it('gives the same page from the mentions shown and the totals as from all the mentions', () => {
    const doc = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '123');
    // A term's concordance (lines per document, documents; the page gives the counts per document) or an index entry's (the first mentions).
    const limits: fc.Arbitrary<ConcordanceLimits> = fc.oneof(
      fc.record({ perDoc: fc.integer({ min: 1, max: 4 }), maxDocs: fc.integer({ min: 1, max: 8 }) }, { requiredKeys: [] }),
      fc.record({ limit: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 40 }), limits, (docs, lim) => {
        // Mentions come in document order, as every index lists them.
        const mentions = [...docs].sort().map((d, i) => m(d, i));
        const counts: Record<string, number> = {};
        for (const x of mentions) counts[x.doc] = (counts[x.doc] ?? 0) + 1;
        const shown = shownMentions(mentions, lim);
        const whole = lim.limit === undefined ? { total: mentions.length, counts } : { total: mentions.length };
        expect(concordance(shown, lim, whole)).toEqual(concordance(mentions, lim));
      }),
    );
  });
});
