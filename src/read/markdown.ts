/**
 * Markdown reader: YAML front matter as the file's metadata (title, date, author, source, …), the
 * body as structure (headings, paragraphs, lists with their task boxes, pipe tables, quotations,
 * code) with emphasis and links as their text. HTML comments are never text; other raw HTML is read
 * for its text only.
 */
import type { Content, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';
import { fromHtml } from 'hast-util-from-html';
import { decode } from './decode.ts';
import { isoDate } from './dates.ts';
import { toText } from './hast-text.ts';
import { CELL_SEPARATOR, cellText, excerpt, LineWriter, type Dropped, type FileMeta, type LineHint, type Reading, type Refusal } from './types.ts';

/** Read a Markdown file. */
export function readMarkdown(bytes: Uint8Array): Reading | Refusal {
  const decoded = decode(bytes);
  if (!decoded.ok) return { kind: decoded.kind, reason: decoded.reason };
  const tree = fromMarkdown(decoded.text, { extensions: [gfm(), frontmatter(['yaml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] });
  const out = new LineWriter();
  const dropped: Dropped[] = [];
  let meta: FileMeta = {};
  const ctx = { out, dropped, lists: 0, tables: 0 };
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      meta = frontMatter(node.value);
      dropped.push({ reason: 'front-matter', text: excerpt(node.value.replace(/\n/g, ' · '), 300) });
    } else block(node, ctx, {});
  }
  if (!meta.title) {
    const h1 = Object.entries(out.hints).find(([, h]) => h.heading === 1);
    if (h1) meta.title = out.lines[Number(h1[0]) - 1];
  }
  return { format: 'markdown', text: out.text, encoding: decoded.encoding, hints: out.hints, meta, dropped, parts: [], notes: [] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : undefined);
const isUrl = (s: string | undefined) => !!s && /^https?:\/\/\S+$/i.test(s);

/** The front matter's fields (data, parsed as YAML; a malformed block gives none). */
export function frontMatter(yamlText: string): FileMeta {
  let data: unknown;
  try {
    data = parseYaml(yamlText, { schema: 'core' });
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const d = data as Record<string, unknown>;
  const pick = (...keys: string[]) => keys.map((k) => str(d[k])).find(Boolean);
  const title = pick('title', '标题');
  const date = pick('date', 'published', 'pubdate', 'publish_date', '日期', '发布时间');
  const published = date ? isoDate(date) : null;
  const author = pick('author', 'authors', '作者') ?? (Array.isArray(d.author) ? str(d.author[0]) : undefined);
  const source = pick('source', 'url', 'link', 'canonical', 'original', '来源');
  const publisher = pick('publisher', 'site', '发布机构');
  const description = pick('description', 'summary', '摘要') ?? (source && !isUrl(source) ? source : undefined);
  return {
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
    ...(author ? { author } : {}),
    ...(publisher ? { publisher } : {}),
    ...(isUrl(source) ? { url: source } : {}),
    ...(description ? { description } : {}),
  };
}

interface Context {
  out: LineWriter;
  dropped: Dropped[];
  lists: number;
  tables: number;
}

/** The text of inline content: emphasis and links as their words, images and HTML comments as nothing. */
function inline(node: Content | Root, dropped: Dropped[]): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    case 'html':
      return htmlText(node.value, dropped);
    default:
      return 'children' in node ? (node.children as Content[]).map((c) => inline(c, dropped)).join('') : '';
  }
}

/** Raw HTML's visible text; a comment is recorded as left out. */
function htmlText(html: string, dropped: Dropped[]): string {
  for (const m of html.matchAll(/<!--([\s\S]*?)-->/g)) dropped.push({ reason: 'html-comment', text: excerpt(m[1]!) });
  return toText(fromHtml(html.replace(/<!--[\s\S]*?-->/g, ''), { fragment: true }));
}

function block(node: RootContent, ctx: Context, inherited: Pick<LineHint, 'quote'>): void {
  switch (node.type) {
    case 'heading':
      ctx.out.add(inline(node, ctx.dropped), { heading: node.depth, ...inherited });
      return;
    case 'paragraph':
      for (const line of inline(node, ctx.dropped).split('\n')) ctx.out.add(line, { paragraph: true, ...inherited });
      return;
    case 'blockquote':
      for (const c of node.children) block(c, ctx, { ...inherited, quote: true });
      return;
    case 'list': {
      const id = ++ctx.lists;
      for (const item of node.children) {
        const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
        const own = item.children.filter((c) => c.type !== 'list');
        const text = own.map((c) => inline(c, ctx.dropped)).join(' ');
        ctx.out.add(box + text, { list: id, ...inherited });
        for (const c of item.children) if (c.type === 'list') block(c, ctx, inherited);
      }
      return;
    }
    case 'table': {
      const id = ++ctx.tables;
      node.children.forEach((row, i) => {
        const cells = row.children.map((c) => cellText(inline(c, ctx.dropped)));
        ctx.out.add(cells.join(CELL_SEPARATOR), { table: id, ...(i === 0 ? { header: true } : {}) });
      });
      return;
    }
    case 'code':
      for (const line of node.value.split('\n')) ctx.out.add(line, { paragraph: true, ...inherited });
      return;
    case 'html':
      for (const line of htmlText(node.value, ctx.dropped).split('\n')) ctx.out.add(line, { paragraph: true, ...inherited });
      return;
    case 'yaml':
    case 'thematicBreak':
    case 'definition':
      return;
    default:
      if ('children' in node) for (const c of node.children as RootContent[]) block(c, ctx, inherited);
  }
}
