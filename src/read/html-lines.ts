/**
 * The main content of an HTML page as lines with hints: headings at their levels, paragraphs (a
 * `<br>` starts a new one), list items, table rows (a data table stays a table; a layout table is
 * read as the blocks in its cells), quotations, alignment. Within the content, blocks that are
 * chrome by their names, link lists and photo captions are left out and recorded.
 */
import type { Element, ElementContent } from 'hast';
import { chromeReason, isHidden } from './html-content.ts';
import { BLOCK, collapse, INVISIBLE, linkDensity, textLength, toText } from './hast-text.ts';
import { CELL_SEPARATOR, cellText, excerpt, LineWriter, type Dropped, type LineHint } from './types.ts';

interface Context {
  out: LineWriter;
  dropped: Dropped[];
  lists: number;
  tables: number;
}
type Inherited = Pick<LineHint, 'quote'>;

const HEADING = /^h([1-6])$/;

/** Write the content elements' lines. */
export function contentLines(elements: readonly Element[], out: LineWriter, dropped: Dropped[]): void {
  const ctx: Context = { out, dropped, lists: 0, tables: 0 };
  for (const el of elements) block(el, ctx, {});
}

function alignOf(el: Element): LineHint['align'] | undefined {
  const style = String(el.properties.style ?? '').replace(/\s/g, '').toLowerCase();
  const align = /text-align:(right|center)/.exec(style)?.[1] ?? String(el.properties.align ?? '').toLowerCase();
  return align === 'right' || align === 'center' ? align : undefined;
}

/** Whether all the text of an element is bold (`<strong>`, `<b>`, font-weight). */
function allBold(el: Element): boolean {
  let plain = 0;
  const visit = (n: ElementContent, bold: boolean) => {
    if (n.type === 'text') {
      if (!bold && n.value.trim()) plain++;
    } else if (n.type === 'element') {
      const b = bold || n.tagName === 'strong' || n.tagName === 'b' || /font-weight:\s*(?:bold|[6-9]00)/i.test(String(n.properties.style ?? ''));
      for (const c of n.children) visit(c, b);
    }
  };
  visit(el, false);
  return plain === 0;
}

/** Why a block inside the content is left out, if it is. */
function leaveOut(el: Element, length: number): Dropped['reason'] | null {
  if (isHidden(el)) return 'hidden';
  const reason = chromeReason(el);
  if (reason && length < 300) return reason;
  // Link lists are short: a long block is read, whatever its links.
  if (length >= 300) return null;
  const density = linkDensity(el);
  if (density > 0.5 && (countLinks(el) >= 2 || el.tagName === 'ul' || el.tagName === 'ol')) return 'link-list';
  if (density > 0.9 && length < 30 && el.tagName !== 'li' && !HEADING.test(el.tagName)) return 'link-list';
  return null;
}

function countLinks(el: Element): number {
  let n = 0;
  const visit = (x: Element) => {
    for (const c of x.children) if (c.type === 'element') (c.tagName === 'a' ? n++ : visit(c));
  };
  visit(el);
  return n;
}

function block(el: Element, ctx: Context, inherited: Inherited): void {
  if (INVISIBLE.has(el.tagName) || el.tagName === 'img' || el.tagName === 'hr') return;
  const length = textLength(el);
  if (length === 0) return;
  const reason = leaveOut(el, length);
  if (reason) {
    ctx.dropped.push({ reason, text: excerpt(toText(el)) });
    return;
  }
  const h = HEADING.exec(el.tagName);
  if (h) {
    ctx.out.add(toText(el), { heading: Number(h[1]) as LineHint['heading'], ...inherited });
    return;
  }
  switch (el.tagName) {
    case 'ul':
    case 'ol':
      return list(el, ctx, inherited);
    case 'table':
      return isDataTable(el) ? table(el, ctx) : children(el, ctx, inherited);
    case 'blockquote':
      return children(el, ctx, { ...inherited, quote: true });
    case 'pre':
      for (const line of toText(el, { pre: true }).split('\n')) ctx.out.add(line, { paragraph: true, ...inherited });
      return;
    case 'figure': {
      const hasImage = find(el, (x) => x.tagName === 'img' || x.tagName === 'picture');
      for (const c of el.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'figcaption' && hasImage) ctx.dropped.push({ reason: 'figure-caption', text: excerpt(toText(c)) });
        else block(c, ctx, inherited);
      }
      return;
    }
    default:
      if (!el.children.some((c) => c.type === 'element' && BLOCK.has(c.tagName))) return paragraph(el, el.children, ctx, inherited);
      return children(el, ctx, inherited);
  }
}

/** A block's children: runs of inline content are paragraphs, block children are read in turn. */
function children(el: Element, ctx: Context, inherited: Inherited): void {
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.length > 0) paragraph(el, run, ctx, inherited);
    run = [];
  };
  for (const c of el.children) {
    if (c.type === 'element' && BLOCK.has(c.tagName)) {
      flush();
      block(c, ctx, inherited);
    } else run.push(c);
  }
  flush();
}

/** Inline content as paragraphs, one per `<br>`-separated line. */
function paragraph(el: Element, content: ElementContent[], ctx: Context, inherited: Inherited): void {
  const holder: Element = { type: 'element', tagName: 'span', properties: {}, children: content };
  const bold = allBold(holder);
  const align = alignOf(el);
  for (const line of splitAtBreaks(holder)) {
    ctx.out.add(line, { paragraph: true, ...(bold ? { bold: true } : {}), ...(align ? { align } : {}), ...inherited });
  }
}

/** Lines of inline content split at `<br>` (the raw text marks them with `\n`; source line breaks are collapsed). */
function splitAtBreaks(holder: Element): string[] {
  const lines: string[] = [''];
  const visit = (n: ElementContent) => {
    if (n.type === 'text') lines[lines.length - 1] += n.value;
    else if (n.type === 'element' && !INVISIBLE.has(n.tagName)) {
      if (n.tagName === 'br') lines.push('');
      else for (const c of n.children) visit(c);
    }
  };
  for (const c of holder.children) visit(c);
  return lines.map(collapse).filter(Boolean);
}

function list(el: Element, ctx: Context, inherited: Inherited): void {
  const id = ++ctx.lists;
  for (const li of el.children) {
    if (li.type !== 'element') continue;
    if (li.tagName !== 'li') {
      block(li, ctx, inherited);
      continue;
    }
    const own = li.children.filter((c) => !(c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')));
    const text = toText({ type: 'element', tagName: 'span', properties: {}, children: own });
    if (text) ctx.out.add(text, { list: id, ...inherited });
    for (const c of li.children) if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')) list(c, ctx, inherited);
  }
}

function find(el: Element, test: (x: Element) => boolean): boolean {
  return el.children.some((c) => c.type === 'element' && (test(c) || find(c, test)));
}

const rowsOf = (table: Element): Element[] => {
  const rows: Element[] = [];
  const visit = (x: Element) => {
    for (const c of x.children) {
      if (c.type !== 'element' || c.tagName === 'table') continue;
      if (c.tagName === 'tr') rows.push(c);
      else visit(c);
    }
  };
  visit(table);
  return rows;
};
const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));

/** A table of data, not of layout: no nested tables or long blocks, at least two rows of two cells. */
function isDataTable(el: Element): boolean {
  if (find(el, (x) => x.tagName === 'table')) return false;
  const rows = rowsOf(el);
  if (rows.length < 2 || !rows.some((r) => cellsOf(r).length >= 2)) return false;
  const cells = rows.flatMap(cellsOf);
  const long = cells.filter((c) => toText(c).length > 200 || find(c, (x) => x.tagName === 'p' && toText(x).length > 100)).length;
  return long <= cells.length / 4;
}

function table(el: Element, ctx: Context): void {
  const id = ++ctx.tables;
  const caption = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  if (caption) ctx.out.add(toText(caption), { caption: true });
  for (const [i, tr] of rowsOf(el).entries()) {
    const cells = cellsOf(tr);
    const texts = cells.flatMap((c) => Array<string>(Math.max(1, Math.min(20, Number(c.properties.colSpan) || 1))).fill('').map((_, k) => (k === 0 ? cellText(toText(c)) : '')));
    if (texts.every((t) => t === '')) continue;
    const header = cells.every((c) => c.tagName === 'th') || (i === 0 && tr.properties && find(el, (x) => x.tagName === 'thead') && isInThead(el, tr));
    ctx.out.add(texts.join(CELL_SEPARATOR), { table: id, ...(header ? { header: true } : {}) });
  }
}

function isInThead(table: Element, tr: Element): boolean {
  const thead = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'thead');
  return !!thead && thead.children.includes(tr);
}
