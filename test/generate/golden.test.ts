/**
 * Golden files: the generated MDX of each seed is pinned. When a change alters it on purpose,
 * delete the golden file and run the tests once to write it anew (never on CI: there a missing
 * golden file fails).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentToMdx } from '../../src/generate/mdx.ts';
import { ROOT, seedCorpus } from '../helpers/seeds.ts';

const corpus = seedCorpus();

describe('generated MDX matches the golden files', () => {
  for (const d of corpus.documents) {
    const variants = [['', d.blocks], ...(d.simplifiedBlocks ? [['.simplified', d.simplifiedBlocks] as const] : [])] as const;
    for (const [suffix, blocks] of variants) {
      const name = `${d.source.slice(0, 3)}${suffix}.mdx`;
      it(name, () => {
        const file = join(ROOT, 'test', 'golden', name);
        const mdx = documentToMdx(blocks);
        if (!existsSync(file)) {
          if (process.env.CI) throw new Error(`golden file ${name} is missing (refused on CI)`);
          writeFileSync(file, mdx);
        }
        expect(mdx).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
