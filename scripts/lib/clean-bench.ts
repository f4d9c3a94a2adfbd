/** The corpora the cleaning benchmark scores, and the totals its test pins. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readLabelledCorpus, readSeedCorpus, totals, type CorpusScore, type LabelledCorpus, type Totals } from './clean-score.ts';

/** Where the numbers a test holds the cleaner to are kept (npm run bench:clean -- --pin writes them). */
export const PINNED = 'test/fixtures/clean-bench.json';

/**
 * The seeds, dev-web, and the project's own labelled web pages: test/fixtures/web-pages, and the
 * holdouts (holdout-pages, holdout-2, holdout-3), each written before the cleaner saw it; their
 * READMEs record the first, untouched run (the measure of how the rules generalise) and say when
 * rules were then tuned on them.
 */
export function cleanBenchCorpora(root: string): LabelledCorpus[] {
  const corpora = [readSeedCorpus(root), readLabelledCorpus('dev-web', join(root, 'test', 'fixtures', 'dev-web'))];
  for (const own of ['web-pages', 'holdout-pages', 'holdout-2', 'holdout-3']) {
    const dir = join(root, 'test', 'fixtures', own);
    if (existsSync(dir)) corpora.push(readLabelledCorpus(own, dir));
  }
  return corpora;
}

/** Per corpus: the totals over all its documents, and over those with labelled lines (plain text). */
export function cleanBenchTotals(scores: readonly CorpusScore[]): Record<string, { all: Totals; plainText: Totals }> {
  return Object.fromEntries(scores.map((c) => [c.name, { all: totals(c.documents), plainText: totals(c.documents, (d) => d.lines !== undefined) }]));
}
