/** Golden files: the generated MDX of each seed is pinned (test/helpers/golden.ts says how to renew one). */
import { describe, it } from 'vitest';
import { documentToMdx } from '../../src/generate/mdx.ts';
import { expectGolden } from '../helpers/golden.ts';
import { seedCorpus } from '../helpers/seeds.ts';

const corpus = await seedCorpus();

describe('generated MDX matches the golden files', () => {
  for (const d of corpus.documents) {
    const variants = [['', d.blocks], ...(d.simplifiedBlocks ? [['.simplified', d.simplifiedBlocks] as const] : [])] as const;
    for (const [suffix, blocks] of variants) {
      const name = `${d.source.slice(0, 3)}${suffix}.mdx`;
      it(name, () => expectGolden(name, documentToMdx(blocks)));
    }
  }
});
