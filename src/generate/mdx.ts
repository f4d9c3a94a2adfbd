/**
 * Reading-page bodies as MDX, built as a syntax tree and serialised by mdast-util-to-markdown
 * with the MDX extensions: the reference that the body the build writes (body.ts, straight to
 * HTML) is held equal to, compiled and rendered, by a property test (test/generate/). Corpus text
 * only ever enters as `text` nodes and attribute values, which the serialiser escapes (`{`, `<`,
 * `*`, line-initial `import`/`export` …); nothing from the corpus is concatenated into the output.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { defaultHandlers, toMarkdown, type Handle, type Unsafe } from 'mdast-util-to-markdown';
import { memo } from '../lib/memo.ts';
import type { Block, Mark } from '../pipeline/types.ts';

/** A block element written on one line: `<p id="p-x">escaped text</p>`. */
interface LineElement {
  type: 'lineElement';
  tag: string;
  attributes: Record<string, string>;
  children: PhrasingContent[];
}
/** A block element whose children are line elements on lines of their own (lists, tables). */
interface ContainerElement {
  type: 'containerElement';
  tag: string;
  attributes: Record<string, string>;
  children: (LineElement | ContainerElement)[];
}

declare module 'mdast' {
  interface RootContentMap {
    lineElement: LineElement;
    containerElement: ContainerElement;
  }
}

const SAFE_ATTRIBUTE = /^[a-z][a-z0-9-]*$/;
const SAFE_VALUE = /^[\w -]*$/;

function openTag(tag: string, attributes: Record<string, string>): string {
  const attrs = Object.entries(attributes).map(([k, v]) => {
    // Our own attributes only (ids, class names): refuse anything that would need escaping.
    if (!SAFE_ATTRIBUTE.test(k) || !SAFE_VALUE.test(v)) throw new Error(`unsafe attribute ${k}=${JSON.stringify(v)}`);
    return ` ${k}="${v}"`;
  });
  return `<${tag}${attrs.join('')}>`;
}

const lineElement: Handle = (node: LineElement, _parent, state, info) => {
  const exit = state.enter('phrasing');
  const tracker = state.createTracker(info);
  const inner = state.containerPhrasing(node as never, { ...tracker.current(), before: '>', after: '<' });
  exit();
  return `${openTag(node.tag, node.attributes)}${inner}</${node.tag}>`;
};

const containerElement: Handle = (node: ContainerElement, _parent, state, info) => {
  const lines = node.children.flatMap((child) =>
    state.handle(child, node as never, state, info).split('\n').map((l) => `  ${l}`),
  );
  return [openTag(node.tag, node.attributes), ...lines, `</${node.tag}>`].join('\n');
};

/** Line-initial `import`/`export` would be read back as ESM and run at build time. */
const unsafe: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

/**
 * Text, escaped by the serialiser's own handler, which tries each of its forty escape rules on it
 * (most of the cost of writing MDX) given only the rules it can use: a rule matches at its
 * character, so a rule whose character is nowhere in the text or the characters around it can
 * match nothing, and leaving it out changes nothing.
 */
const text: Handle = (node, parent, state, info) => {
  const all = state.unsafe;
  // The rules' characters that are there: the text and its neighbours with every other character taken out.
  const present = `${info.before}${node.value}${info.after}`.replace(othersThan(all), '');
  state.unsafe = all.filter((rule) => present.includes(rule.character));
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};

/** An expression for every character none of the rules is about: the rules are those OPTIONS gives, the same in every call. */
const othersThan = memo((rules: Unsafe[]): RegExp => new RegExp(`[^${[...new Set(rules.map((r) => r.character))].join('').replace(/[\\\]^-]/g, '\\$&')}]+`, 'g'), 1);

/** Split text into plain runs and JSX elements for its marks. */
export function phrasing(text: string, marks: readonly Mark[] = []): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > text.length) continue;
    if (m.start > at) out.push({ type: 'text', value: text.slice(at, m.start) });
    const attributes: MdxJsxTextElement['attributes'] = [];
    // MDX decodes character references in attribute values (`&amp;` would come back as `&`): write `&` as one.
    if (m.original !== undefined) attributes.push({ type: 'mdxJsxAttribute', name: 'original', value: m.original.replaceAll('&', '&amp;') });
    if (m.note !== undefined) attributes.push({ type: 'mdxJsxAttribute', name: 'note', value: m.note.replaceAll('&', '&amp;') });
    out.push({
      type: 'mdxJsxTextElement',
      name: m.kind === 'correction' ? 'Correction' : 'Damaged',
      attributes,
      children: [{ type: 'text', value: text.slice(m.start, m.end) }],
    });
    at = m.end;
  }
  if (at < text.length || out.length === 0) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

const line = (tag: string, attributes: Record<string, string>, children: PhrasingContent[]): LineElement => ({ type: 'lineElement', tag, attributes, children });

function blockNode(b: Block): RootContent {
  const id = { id: `p-${b.id}` };
  switch (b.type) {
    case 'heading':
      return line(`h${b.level}`, id, phrasing(b.text, b.marks));
    case 'paragraph':
      return line('p', id, phrasing(b.text, b.marks));
    case 'list':
      return {
        type: 'containerElement',
        tag: 'ol',
        attributes: { ...id, class: b.role === 'contents' ? 'source-contents' : 'list' },
        children: b.items.map((item) => line('li', {}, phrasing(item))),
      };
    case 'table': {
      const head: ContainerElement = { type: 'containerElement', tag: 'thead', attributes: {}, children: [{ type: 'containerElement', tag: 'tr', attributes: {}, children: b.header.map((h) => line('th', { scope: 'col' }, phrasing(h))) }] };
      const body: ContainerElement = {
        type: 'containerElement',
        tag: 'tbody',
        attributes: {},
        children: b.rows.map((r) => ({ type: 'containerElement', tag: 'tr', attributes: {}, children: r.map((c, i) => line(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, phrasing(c))) })),
      };
      const table: ContainerElement = { type: 'containerElement', tag: 'table', attributes: id, children: [head, body] };
      return { type: 'containerElement', tag: 'div', attributes: { class: 'table-wrap' }, children: [table] } as ContainerElement;
    }
  }
}

/** Each block's MDX, separately (so a large document can be compiled in parts). */
export function blocksToMdx(blocks: readonly Block[]): string[] {
  return blocks.map((b) => {
    const tree: Root = { type: 'root', children: [blockNode(b)] };
    return toMarkdown(tree, OPTIONS).trimEnd();
  });
}
const OPTIONS = { extensions: [mdxToMarkdown()], handlers: { lineElement, containerElement, text } as never, unsafe };

/** The MDX body of a reading page: the blocks' MDX, a blank line between them (one serialisation for all, a third faster than one per block). */
export function documentToMdx(blocks: readonly Block[]): string {
  if (blocks.length === 0) return '\n';
  return toMarkdown({ type: 'root', children: blocks.map(blockNode) }, OPTIONS);
}
