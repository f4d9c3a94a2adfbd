/**
 * A PDF's text items (pdf.js: string, position, size) -> lines in reading order, page by page, with
 * what the geometry tells: each line's indent from the body's left margin, alignment (the 落款 of a
 * notice is right-aligned), font size against the body's, a title set over two lines, and rows of a
 * table (cells apart by wide gaps). Pure: the reader (pdf.ts) gives it the items.
 */
import { CELL_SEPARATOR, cellText, LineWriter, type Dropped, type LineHint } from './types.ts';

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

/**
 * Lay the pages out as lines with hints, page by page, each indented as it stands on the page (in
 * columns, a Chinese character being two): joining hard-wrapped lines and removing page numbers and
 * running headers is unwrap.ts's work, on these lines and the pages' first lines.
 */
export function layOut(pages: readonly PageItems[]): LaidOut {
  const all = pages.map((p, i) => pageLines(p, i + 1));
  const flat = all.flat();
  const bodySize = mode(flat.map((l) => [Math.round(l.size * 2) / 2, textOf(l).length]));
  const body = flat.filter((l) => Math.abs(l.size - bodySize) < 0.5);
  const left = mode(body.map((l) => [Math.round(l.x), textOf(l).length]));
  const right = body.length > 0 ? mode(body.map((l) => [Math.round(l.right), 1])) : 0;
  // The first-line indent of paragraphs (two characters in Chinese typesetting): an indented short line is not centred.
  const indent = mode(body.filter((l) => l.x > left + 0.5 * l.size).map((l) => [Math.round(l.x), 1]));

  const out = new LineWriter();
  const parts: LaidOut['parts'] = [];
  let tables = 0;
  for (const [p, lines] of all.entries()) {
    if (lines.length > 0) parts.push({ line: out.next, label: `第 ${p + 1} 页` });
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const columns = (x: number, size: number) => Math.max(0, Math.round((x - left) / size)) * 2;
      // Rows of a table: consecutive lines of two or more cells.
      if (l.cells.length >= 2) {
        let j = i + 1;
        while (j < lines.length && lines[j]!.cells.length === l.cells.length) j++;
        if (j - i >= 2) {
          tables++;
          for (let k = i; k < j; k++) out.add(lines[k]!.cells.map(cellText).join(CELL_SEPARATOR), { table: tables, page: p + 1, ...(k === i ? { header: true } : {}) }, columns(lines[k]!.x, lines[k]!.size));
          i = j - 1;
          continue;
        }
      }
      const next = lines[i + 1];
      const hint: LineHint = { page: p + 1 };
      const size = l.size / bodySize;
      if (size > 1.15) hint.size = Math.round(size * 100) / 100;
      const mid = (left + right) / 2;
      if (l.x > left + 2 * l.size && l.right < right - l.size && Math.abs(l.x - indent) > 0.5 * l.size && Math.abs((l.x + l.right) / 2 - mid) < 1.5 * l.size) hint.align = 'center';
      else if (l.x > mid && Math.abs(l.right - right) < 1.5 * l.size) hint.align = 'right';
      // A title set over two lines: both larger than the body, close together.
      if (next && size > 1.15 && Math.abs(next.size - l.size) < 0.5 && l.y - next.y < 2 * l.size) hint.runsOn = true;
      out.add(textOf(l), hint, columns(l.x, l.size));
    }
  }
  return { out, dropped: [], parts };
}
