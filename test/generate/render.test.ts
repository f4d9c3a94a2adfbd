/** renderMdx: the MDX we generate becomes HTML whose text is exactly the input, and nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksToHtml } from '../../src/generate/body.ts';
import { blocksToMdx, documentToMdx } from '../../src/generate/mdx.ts';
import { renderBlocks, renderMdx } from '../../src/generate/render.ts';
import { seed, seedCorpus } from '../helpers/seeds.ts';
import { normaliseLine } from '../../src/pipeline/normalise.ts';
import type { Block, BlockId, Mark } from '../../src/pipeline/types.ts';

const withoutSelfLinks = (s: string) => s.replace(/<a class="self-link"[^>]*><\/a>/g, "");
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const para = (text: string, i: number): Block => ({ type: 'paragraph', id: `b${i}` as BlockId, lines: [i], text, marks: [] });

const text = fc
  .array(fc.oneof(fc.constantFrom('import a from "b"', 'export {x}', '{1+1}', '<script>', '</p>', '<!--', '&amp;', '```', '医联体', '"', "'"), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 })
  // A line of a document, as the pipeline has it: split at line breaks, then normalised.
  .map((p) => normaliseLine(p.join('').split(/\r\n?|\n/)[0]!))
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
    const blocks = seed(await seedCorpus(), '000').blocks;
    const many = Array.from({ length: 40 }, () => blocks).flat();
    expect(await renderBlocks(blocksToMdx(many))).toBe(await renderMdx(documentToMdx(many)));
  });

  it('refuses elements and attributes the generator never writes', async () => {
    await expect(renderMdx('<script>alert(1)</script>')).rejects.toThrow(/refusing element <script>/);
    await expect(renderMdx('<p onclick="x">a</p>')).rejects.toThrow(/refusing attribute onclick/);
  });
});

/** Any block the pipeline can make: the four kinds, hostile text, marks anywhere (even overlapping or out of range). */
const block = (i: number) => {
  const id = `b${i}` as BlockId;
  const marks = (t: string) =>
    fc.array(
      fc.record({ kind: fc.constantFrom('correction' as const, 'damaged' as const), start: fc.nat(t.length), len: fc.nat(4), original: fc.option(text, { nil: undefined }), note: fc.option(fc.oneof(text, fc.constant('')), { nil: undefined }) }),
      { maxLength: 3 },
    ).map((ms) => ms.map(({ len, ...m }) => ({ ...m, end: m.start + len }) as Mark));
  return fc.oneof(
    text.chain((t) => marks(t).map((m): Block => ({ type: 'paragraph', id, lines: [i], text: t, marks: m }))),
    fc.tuple(text, fc.constantFrom(2 as const, 3 as const, 4 as const)).chain(([t, level]) => marks(t).map((m): Block => ({ type: 'heading', level, id, lines: [i], text: t, marks: m }))),
    fc.tuple(fc.array(text, { minLength: 1, maxLength: 3 }), fc.constantFrom('contents' as const, undefined)).map(([items, role]): Block => ({ type: 'list', id, lines: [i], items, ...(role ? { role } : {}) }) as Block),
    fc.tuple(fc.array(text, { minLength: 1, maxLength: 3 }), fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })).map(([header, rows]): Block => ({ type: 'table', id, lines: [i], header, rows })),
  );
};

describe('blocksToHtml (what the build writes)', () => {
  it('is exactly the HTML the MDX export renders to, on every seed', async () => {
    for (const d of (await seedCorpus()).documents) {
      for (const blocks of [d.blocks, ...(d.simplifiedBlocks ? [d.simplifiedBlocks] : [])]) {
        expect(blocksToHtml(blocks), d.source).toBe(await renderBlocks(blocksToMdx(blocks)));
      }
    }
  });

  it('is exactly the HTML the MDX export renders to, for any blocks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }).chain((ns) => fc.tuple(...ns.map((_, i) => block(i)))), async (blocks) => {
        expect(blocksToHtml(blocks)).toBe(await renderBlocks(blocksToMdx(blocks)));
      }),
      { numRuns: 300 },
    );
  });
});
