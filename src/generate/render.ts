/**
 * Render a reading page's MDX to HTML, with the MDX compiler and a tiny JSX
 * runtime that writes escaped HTML strings. Only the elements our MDX generator writes are
 * allowed; anything else (which would mean corpus text became markup) stops the build.
 * Doing this here, not in Vite, keeps an 8 MB document from becoming an 8 MB JavaScript module.
 */
import { compile, run } from '@mdx-js/mdx';
import { correction, damaged, selfLink } from './body.ts';
import { escapeAttr, escapeText } from '../lib/html.ts';

/** HTML that is already safe, as opposed to a string that still needs escaping. */
class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

const ELEMENTS = new Set(['p', 'h2', 'h3', 'h4', 'ol', 'ul', 'li', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const ATTRIBUTES = new Set(['id', 'class', 'scope']);


type Props = { children?: unknown; [name: string]: unknown };

function children(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(children).join('');
  if (typeof value === 'string' || typeof value === 'number') return escapeText(String(value));
  throw new Error(`unexpected child of type ${typeof value}`);
}

const Fragment = Symbol('Fragment');

function jsx(type: unknown, props: Props): Html {
  if (type === Fragment) return new Html(children(props.children));
  if (typeof type === 'function') return (type as (p: Props) => Html)(props);
  if (typeof type !== 'string' || !ELEMENTS.has(type)) throw new Error(`refusing element <${String(type)}> in generated MDX`);
  let attrs = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children') continue;
    if (!ATTRIBUTES.has(name) || typeof value !== 'string') throw new Error(`refusing attribute ${name} on <${type}>`);
    attrs += ` ${name}="${escapeAttr(value)}"`;
  }
  return new Html(`<${type}${attrs}>${children(props.children)}${selfLinkOf(type, props.id)}</${type}>`);
}

/** The self link after a paragraph's or heading's text (body.ts). */
function selfLinkOf(type: string, id: unknown): string {
  return typeof id === 'string' && /^(p|h[2-4])$/.test(type) ? selfLink(id) : '';
}

const Correction = (props: Props) => new Html(correction(children(props.children), String(props.original ?? ''), props.note ? String(props.note) : undefined));
const Damaged = (props: Props) => new Html(damaged(children(props.children), props.note ? String(props.note) : undefined));

/** Compile and render one MDX page body to an HTML string. */
export async function renderMdx(mdx: string): Promise<string> {
  const code = await compile(mdx, { outputFormat: 'function-body', development: false });
  const mod = await run(code, { Fragment, jsx, jsxs: jsx, baseUrl: import.meta.url });
  const Content = mod.default as (props: { components: Record<string, unknown> }) => Html;
  return Content({ components: { Correction, Damaged } }).value;
}

/** Compiling is memory-hungry on huge inputs: compile a document's blocks in parts of this size. */
const PART_CHARS = 256 * 1024;

/** Render a document given as per-block MDX (from blocksToMdx), part by part. */
export async function renderBlocks(parts: readonly string[]): Promise<string> {
  const html: string[] = [];
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length) html.push(await renderMdx(batch.join('\n\n')));
    batch = [];
    size = 0;
  };
  for (const part of parts) {
    if (size + part.length > PART_CHARS) await flush();
    batch.push(part);
    size += part.length + 2;
  }
  await flush();
  return html.join('\n');
}
