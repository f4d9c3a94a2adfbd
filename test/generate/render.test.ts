/** renderMdx: the MDX we generate becomes HTML whose text is exactly the input, and nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksToMdx, documentToMdx } from '../../src/generate/mdx.ts';
import { renderBlocks, renderMdx } from '../../src/generate/render.ts';
import { seed, seedCorpus } from '../helpers/seeds.ts';
import { normaliseLine } from '../../src/pipeline/normalise.ts';
import type { Block, BlockId } from '../../src/pipeline/types.ts';

const withoutSelfLinks = (s: string) => s.replace(/<a class="self-link"[^>]*><\/a>/g, "");
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const para = (text: string, i: number): Block => ({ type: 'paragraph', id: `b${i}` as BlockId, lines: [i], text, marks: [] });

const text = fc
  .array(fc.oneof(fc.constantFrom('import a from "b"', 'export {x}', '{1+1}', '<script>', '</p>', '<!--', '&amp;', '```', '医联体', '"', "'"), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 })
  .map((p) => normaliseLine(p.join('')))
  .filter(Boolean);

describe('renderMdx', () => {
  it('renders every paragraph as one <p> whose text is the input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 3 }), async (texts) => {
        const html = withoutSelfLinks(await renderMdx(documentToMdx(texts.map(para))));
        const ps = [...html.matchAll(/<p id="p-b\d+">(.*?)<\/p>/gs)].map((m) => unescape(m[1]!));
        expect(ps).toEqual(texts);
        expect(html.replace(/<\/?(p)( id="p-b\d+")?>/g, '')).not.toMatch(/<[a-z!/]/i);
      }),
      { numRuns: 200 },
    );
  });

  it('renders corrections and damage marks with their labels', async () => {
    const html = await renderMdx(documentToMdx([{ ...para('甲乙丙丁', 1), marks: [{ kind: 'correction', start: 1, end: 2, original: '<x>', note: '"n"' }, { kind: 'damaged', start: 3, end: 4 }] } as Block]));
    expect(html).toContain('<ins class="correction" title="编者校正:原文“&lt;x&gt;”,&quot;n&quot;">乙<span class="vh">');
    expect(html).toContain('<mark class="damaged" title="原文损毁">丁<span class="vh">');
    expect(html).toMatch(/<a class="self-link" href="#p-b1" aria-label="本段链接"><\/a><\/p>$/);
  });

  it('renders a document part by part exactly as in one piece', async () => {
    const blocks = seed(seedCorpus(), '000').blocks;
    const many = Array.from({ length: 40 }, () => blocks).flat();
    expect(await renderBlocks(blocksToMdx(many))).toBe(await renderMdx(documentToMdx(many)));
  });

  it('refuses elements and attributes the generator never writes', async () => {
    await expect(renderMdx('<script>alert(1)</script>')).rejects.toThrow(/refusing element <script>/);
    await expect(renderMdx('<p onclick="x">a</p>')).rejects.toThrow(/refusing attribute onclick/);
  });
});
