/**
 * A PDF's text items (pdf.js: string, position, size) -> lines in reading order, page by page, with
 * what the geometry tells: running headers and footers (lines in a page's top or bottom band that come
 * back on other pages, page numbers), the body's margins, a line that runs on into the next one
 * (it reaches the right margin and the next is not indented: a PDF breaks lines mid-sentence),
 * alignment (the 落款 of a notice is right-aligned), font size against the body's, and rows of a
 * table (cells apart by wide gaps, in columns). Pure: the reader (pdf.ts) gives it the items.
 */
import { CELL_SEPARATOR, cellText, excerpt, LineWriter, type Dropped, type LineHint } from './types.ts';

/** One text item: its string, baseline origin (x, y from the bottom), width and font size, in PDF units. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageItems {
  width: number;
  height: number;
  items: TextItem[];
}

interface Line {
  page: number;
  y: number;
  x: number;
  right: number;
  size: number;
  /** Its text, and its cells where wide gaps split it. */
  cells: string[];
}

/** Share of the page's height at top and bottom where running headers and footers live. */
const BAND = 0.1;
/** Page numbers as printed: `— 1 —`, `- 2 -`, `3`, `第 4 页`, `5/12`, `Page 6`. */
const PAGE_NUMBER = /^(?:[—–\-−_·\s]*\d{1,4}[—–\-−_·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** Group a page's items into lines, top to bottom, left to right. */
function pageLines(page: PageItems, n: number): Line[] {
  const items = page.items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const item of items) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < Math.max(2, 0.35 * Math.min(l.size, item.size)));
    if (line) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const sorted = l.items.sort((a, b) => a.x - b.x);
      const cells: string[] = [''];
      let end = sorted[0]!.x;
      for (const item of sorted) {
        // A gap wider than two characters separates cells of a table (or columns of a form).
        if (item.x - end > 2 * item.size && cells.at(-1) !== '') cells.push('');
        const gap = item.x - end > 0.25 * item.size && /[A-Za-z0-9]$/.test(cells.at(-1)!) && /^[A-Za-z0-9]/.test(item.str) ? ' ' : '';
        cells[cells.length - 1] += gap + item.str;
        end = Math.max(end, item.x + item.width);
      }
      return { page: n, y: l.y, x: sorted[0]!.x, right: end, size: l.size, cells: cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean) };
    });
}

const textOf = (l: Line) => l.cells.join(' ');
/** A running line's identity across pages: its text with digits as one mark (`— 1 —`, `— 2 —`). */
const shape = (s: string) => s.replace(/\d+/g, '#').replace(/\s+/g, '');

/** The most common value, weighted (the body's font size, its left margin). */
function mode(values: [number, number][]): number {
  const counts = new Map<number, number>();
  for (const [v, w] of values) counts.set(v, (counts.get(v) ?? 0) + w);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

export interface LaidOut {
  out: LineWriter;
  dropped: Dropped[];
  parts: { line: number; label: string }[];
}

/** Lay the pages out as lines with hints, leaving out running headers, footers and page numbers. */
export function layOut(pages: readonly PageItems[]): LaidOut {
  const all = pages.map((p, i) => pageLines(p, i + 1));
  const dropped: Dropped[] = [];
  // Running lines: in a page's top or bottom band, a page number, or the same shape on another page's band.
  const inBand = (l: Line) => {
    const h = pages[l.page - 1]!.height;
    return l.y > h * (1 - BAND) || l.y < h * BAND;
  };
  const bandShapes = new Map<string, number>();
  for (const lines of all) for (const s of new Set(lines.filter(inBand).map((l) => shape(textOf(l))))) bandShapes.set(s, (bandShapes.get(s) ?? 0) + 1);
  const running = (l: Line) => inBand(l) && (PAGE_NUMBER.test(textOf(l)) || (pages.length > 1 && (bandShapes.get(shape(textOf(l))) ?? 0) >= 2));
  const body = all.map((lines) =>
    lines.filter((l) => {
      if (!running(l)) return true;
      const text = textOf(l);
      dropped.push({ reason: PAGE_NUMBER.test(text) ? 'page-number' : 'running-header', text: excerpt(text), where: `第 ${l.page} 页` });
      return false;
    }),
  );
  const flat = body.flat();
  const bodySize = mode(flat.map((l) => [Math.round(l.size * 2) / 2, textOf(l).length]));
  const left = mode(flat.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => [Math.round(l.x), textOf(l).length]));
  const rightEdges = flat.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => l.right);
  const right = rightEdges.length > 0 ? Math.max(...rightEdges) : 0;
  // The first-line indent of paragraphs (two characters in Chinese typesetting): an indented short line is not centred.
  const indent = mode(flat.filter((l) => Math.abs(l.size - bodySize) < 0.5 && l.x > left + 0.5 * l.size).map((l) => [Math.round(l.x), 1]));
  const reachesRight = (l: Line) => l.right >= right - 1.5 * l.size;
  const atLeft = (l: Line) => Math.abs(l.x - left) <= 0.5 * l.size;

  const out = new LineWriter();
  const parts: LaidOut['parts'] = [];
  let tables = 0;
  for (const [p, lines] of body.entries()) {
    if (lines.length > 0) parts.push({ line: out.next, label: `第 ${p + 1} 页` });
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      // Rows of a table: consecutive lines of two or more cells starting in the same columns.
      if (l.cells.length >= 2) {
        let j = i + 1;
        while (j < lines.length && lines[j]!.cells.length === l.cells.length) j++;
        if (j - i >= 2) {
          tables++;
          for (let k = i; k < j; k++) out.add(lines[k]!.cells.map(cellText).join(CELL_SEPARATOR), { table: tables, page: p + 1, ...(k === i ? { header: true } : {}) });
          i = j - 1;
          continue;
        }
      }
      const next = lines[i + 1] ?? body[p + 1]?.[0];
      const hint: LineHint = { page: p + 1 };
      const size = l.size / bodySize;
      if (size > 1.15) hint.size = Math.round(size * 100) / 100;
      const mid = (left + right) / 2;
      if (l.x > left + 2 * l.size && l.right < right - l.size && Math.abs(l.x - indent) > 0.5 * l.size && Math.abs((l.x + l.right) / 2 - mid) < 1.5 * l.size) hint.align = 'center';
      else if (l.x > mid && Math.abs(l.right - right) < 1.5 * l.size) hint.align = 'right';
      if (next && next.cells.length < 2 && reachesRight(l) && atLeft(next) && Math.abs(next.size - l.size) < 0.5 && !hint.align) hint.runsOn = true;
      // A title set over two lines: both larger than the body, centred or not, the first reaching its own line's end.
      if (next && size > 1.15 && Math.abs(next.size - l.size) < 0.5 && next.y < l.y && l.page === next.page && l.y - next.y < 2 * l.size && !PAGE_NUMBER.test(textOf(next))) hint.runsOn = true;
      out.add(textOf(l), hint);
    }
  }
  return { out, dropped, parts };
}
