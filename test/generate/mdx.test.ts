/**
 * MDX generation is safe: any text the pipeline can produce renders back as exactly that text,
 * and nothing in it becomes code (ESM, expressions) or markup.
 */
import { evaluate } from '@mdx-js/mdx';
import fc from 'fast-check';
import type { Node } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { describe, expect, it } from 'vitest';
import { blocksToMdx, documentToMdx } from '../../src/generate/mdx.ts';
import { normaliseLine } from '../../src/pipeline/normalise.ts';
import type { Block, BlockId, Mark } from '../../src/pipeline/types.ts';

/** A JSX runtime that builds plain objects, so rendering needs no React. */
interface El {
  type: unknown;
  props: { children?: unknown; [k: string]: unknown };
}
const Fragment = Symbol('Fragment');
const jsx = (type: unknown, props: El['props']): El => ({ type, props });
const runtime = { Fragment, jsx, jsxs: jsx };

/** Render a document's MDX and return the elements with an id, with their text. */
async function render(mdx: string): Promise<{ tag: string; id: string; text: string; marks: string[] }[]> {
  const mod = await evaluate(mdx, { ...runtime, baseUrl: import.meta.url });
  // Components stay uncalled in this runtime: an element's type is the component function itself.
  const components = { Correction: function Correction() {}, Damaged: function Damaged() {} };
  const tree = (mod.default as (p: unknown) => El)({ components });
  const out: { tag: string; id: string; text: string; marks: string[] }[] = [];
  const textOf = (n: unknown, marks: string[]): string => {
    if (typeof n === 'string') return n;
    if (Array.isArray(n)) return n.map((c) => textOf(c, marks)).join('');
    if (n && typeof n === 'object' && 'props' in n) {
      const el = n as El;
      if (el.type === components.Correction || el.type === components.Damaged) {
        marks.push(`${(el.type as { name: string }).name}:${textOf(el.props.children, [])}`);
      }
      return textOf(el.props.children, marks);
    }
    return '';
  };
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object' || !('props' in n)) return;
    const el = n as El;
    if (typeof el.props.id === 'string') {
      const marks: string[] = [];
      out.push({ tag: String(el.type), id: el.props.id, text: textOf(el.props.children, marks), marks });
    }
    walk(el.props.children);
  };
  walk(tree);
  return out;
}

/** The MDX parse must hold no ESM and no expressions: nothing that would run. */
function codeNodes(mdx: string): string[] {
  const tree = fromMarkdown(mdx, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  const found: string[] = [];
  const visit = (n: Node & { children?: Node[] }) => {
    if (/^mdx(js)?(Esm|FlowExpression|TextExpression)$/.test(n.type)) found.push(n.type);
    n.children?.forEach(visit);
  };
  visit(tree as never);
  return found;
}

const HOSTILE = [
  'import fs from "node:fs"', 'export const a = 1', 'export default function X() {}', '{', '}', '{process.exit(1)}', '{{detail.x}}',
  '<script>alert(1)</script>', '<iframe src=x>', '<style>body{}</style>', '<img onerror=alert(1) src=x>', '</p>', '<p>', '<!--', '-->',
  '```', '~~~', '$$x$$', '---', '# ', '> ', '- ', '1. ', '|a|b|', '*', '_', '[x](javascript:alert(1))', '![i](data:text/html,x)',
  '\\', '&', '&amp;', '&#123;', '<', '>', '"', "'", '`', '医联体', '醫聯體', 'HMO', '??茖2♂t', ' ', ':', '〞',
];
const pipelineText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 12 })
  // A line of a document, as the pipeline has it: split at line breaks, then normalised.
  .map((parts) => normaliseLine(parts.join('').split(/\r\n?|\n/)[0]!))
  .filter((s) => s.length > 0);

const para = (text: string, i: number, marks: Mark[] = []): Block => ({ type: 'paragraph', id: `p${i}` as BlockId, lines: [i], text, marks });

describe('MDX generation', () => {
  it('renders any pipeline text back exactly, with nothing executable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pipelineText, { minLength: 1, maxLength: 4 }), async (texts) => {
        const blocks = texts.map((t, i) => para(t, i));
        const mdx = documentToMdx(blocks);
        // One serialisation of the whole body writes what one per block writes (the parts a large document is compiled in).
        expect(mdx).toBe(`${blocksToMdx(blocks).join('\n\n')}\n`);
        expect(codeNodes(mdx)).toEqual([]);
        const rendered = await render(mdx);
        expect(rendered.map((r) => r.text)).toEqual(texts);
        expect(rendered.every((r) => r.tag === 'p')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('renders hostile text in headings, list items and table cells literally', async () => {
    const evil = 'import x from "y" {a} <script>alert(1)</script> <!-- c ``` $$';
    const blocks: Block[] = [
      { type: 'heading', level: 2, id: 'h1' as BlockId, lines: [1], text: evil, marks: [] },
      { type: 'list', id: 'l1' as BlockId, lines: [2], items: [evil, 'export const a = 1'] },
      { type: 'table', id: 't1' as BlockId, lines: [3], header: ['{x}', '<b>'], rows: [[evil, '}']] },
    ];
    const mdx = documentToMdx(blocks);
    expect(mdx).toBe(`${blocksToMdx(blocks).join('\n\n')}\n`);
    expect(codeNodes(mdx)).toEqual([]);
    const rendered = await render(mdx);
    expect(rendered.map((r) => [r.tag, r.id])).toEqual([['h2', 'p-h1'], ['ol', 'p-l1'], ['table', 'p-t1']]);
    expect(rendered[0]!.text).toBe(evil);
    expect(rendered[1]!.text).toBe(evil + 'export const a = 1');
    expect(rendered[2]!.text).toContain(evil);
  });

  it('renders corrections and damaged spans as marked elements around the right text', async () => {
    const text = '走出一條專科專病醫聯體戰略,{x}??茖';
    const marks: Mark[] = [
      { kind: 'correction', start: 4, end: 11, original: '??茖2♂t聯體', note: '据下文推定 "{y}"' },
      { kind: 'damaged', start: 17, end: 20 },
    ];
    const [r] = await render(documentToMdx([para(text, 1, marks)]));
    expect(r!.text).toBe(text);
    expect(r!.marks).toEqual(['Correction:專科專病醫聯體', 'Damaged:??茖']);
  });

  it('refuses attribute values it did not make itself', () => {
    expect(() => documentToMdx([{ ...para('x', 1), id: 'a" onclick="x' as BlockId }])).toThrow(/unsafe attribute/);
  });
});
