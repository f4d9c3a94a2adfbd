/**
 * structure: cleaned lines -> blocks (headings at their levels, paragraphs, a source's own table of
 * contents as a list, a table set out in text with wide spaces or tabs, a flattened table recovered
 * as a table). The title and metadata lines left
 * the text in clean.ts; when the text gave no title, its first sentence stands in for one.
 */
import { PROSE_PUNCT, SENTENCE_END } from './clean-rules.ts';
import { titleFromFirstSentence } from './meta.ts';
import { recoverTable } from './table.ts';
import type { Block, Line } from './types.ts';
import { allMatches } from '../lib/matches.ts';

/** A block before it has an id and marks. */
export type DraftBlock = Block extends infer B ? (B extends Block ? Omit<B, 'id' | 'marks'> : never) : never;

export interface Structured {
  /** A title from the first sentence, for a text that gave none. */
  firstSentence: string;
  blocks: DraftBlock[];
  /** Whether the last block stops mid-sentence (a truncated source). */
  endsMidSentence: boolean;
}

type HeadingKind = 'chapter' | 'numbered' | 'plain';

const CHAPTER = /^第[一二三四五六七八九十百零\d]+[章编部分]/;
const NUMBERED = /^\d{1,2}[、..]\s*\S/;
const CONTENTS_INTRO = /目录(?:如下)?[:：]?$/;
const LONG_LINE = 200;
/** A heading embedded in a long line: after a sentence end, a short unpunctuated phrase, then a space. */
const INLINE_HEADING = /(?<=^|[。!?!?;;)〕])\s*((?:\d{1,2}[..、]\s?)?[^\s。,,、;;::!?!?“”"()()〔〕]{2,16})\s+(?=\S)/gu;

/** Turn one document's cleaned lines into blocks. */
export function structure(lines: Line[], removedLineNumbers: ReadonlySet<number> = new Set()): Structured {
  const rest = lines;
  // Each line's kind of heading, if it is one and not a cell of a table flattened into lines.
  const lineKinds = rest.map((l) => headingKind(l.text));
  const cells = tableCells(rest, lineKinds);
  const kindAt = (i: number) => (cells[i] ? null : lineKinds[i]!);
  const kinds = new Set(rest.map((_, i) => kindAt(i)).filter(Boolean));
  const textTables = textTablesIn(rest);
  const flattened = flattenedTablesIn(
    rest.map((l) => l.text.trim()),
    () => true,
    (j) => rest[j]!.n === rest[j - 1]!.n + 1,
  );
  // Levels follow the kinds the document uses; a kind seen only inside long lines goes one deeper.
  const order = (['chapter', 'numbered', 'plain'] as const).filter((k) => kinds.has(k));
  const levelOf = (kind: HeadingKind): 2 | 3 | 4 => {
    const at = order.indexOf(kind);
    return Math.min(4, 2 + (at >= 0 ? at : order.length)) as 2 | 3 | 4;
  };

  const blocks: DraftBlock[] = [];
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i]!;
    const text = line.text;
    const next = rest[i + 1];

    if (CONTENTS_INTRO.test(text)) {
      blocks.push({ type: 'paragraph', text, lines: sourceLines(line) });
      const items: Line[] = [];
      let maxChapter = 0;
      for (let j = i + 1; j < rest.length; j++) {
        const item = rest[j]!;
        if (!headingKind(item.text) || gapHasRemoval(rest[j - 1]!, item, removedLineNumbers)) break;
        const chapter = chapterNumber(item.text);
        if (chapter !== null && chapter <= maxChapter) break;
        if (chapter !== null) maxChapter = chapter;
        items.push(item);
      }
      if (items.length >= 2) {
        blocks.push({ type: 'list', role: 'contents', items: items.map((l) => l.text), lines: items.flatMap(sourceLines) });
        i += items.length;
      }
      continue;
    }

    const tableLines = textTables.get(i) ?? 0;
    if (tableLines > 0) {
      const [header, ...rows] = rest.slice(i, i + tableLines).map((l) => cellsIn(l)!);
      const note = `原文是以空格或制表符对齐的表格，按列拆成 ${rows.length} 行 ${header!.length} 列。`;
      blocks.push({ type: 'table', header: header!, rows, note, lines: rest.slice(i, i + tableLines).flatMap(sourceLines) });
      i += tableLines - 1;
      continue;
    }

    const cellLines = flattened.get(i);
    if (cellLines) {
      const taken = rest.slice(i, i + cellLines.length);
      blocks.push(flattenedTable(taken.map((l) => l.text.trim()), cellLines.width, taken.flatMap(sourceLines)));
      i += cellLines.length - 1;
      continue;
    }

    const table = text.length > LONG_LINE ? recoverTable(text) : null;
    if (table) {
      blocks.push({ type: 'table', header: table.header, rows: table.rows, note: table.citation ? `${table.note} 表格来源:${table.citation}` : table.note, lines: sourceLines(line) });
      if (table.rest) blocks.push(...splitLongLine(table.rest, sourceLines(line), levelOf));
      continue;
    }

    if (next && isSplitHeadingStart(text) && headingKind(next.text) === 'plain') {
      blocks.push({ type: 'heading', level: levelOf('plain'), text: text + next.text, lines: [...sourceLines(line), ...sourceLines(next)] });
      i++;
      continue;
    }

    const kind = kindAt(i);
    if (kind) {
      blocks.push({ type: 'heading', level: levelOf(kind), text, lines: sourceLines(line) });
      continue;
    }
    if (text.length > LONG_LINE) {
      blocks.push(...splitLongLine(text, sourceLines(line), levelOf));
      continue;
    }
    blocks.push({ type: 'paragraph', text, lines: sourceLines(line) });
  }

  return finishBlocks(blocks);
}

/**
 * A document's blocks as every reader of structure gives them (plain text here, a file's own
 * structure in structure-hints.ts): headings that never skip a level going down (a lede before the
 * first chapter becomes h2, not h4), the first sentence, and whether the text ends mid-sentence.
 */
export function finishBlocks(blocks: DraftBlock[]): Structured {
  let previous = 1;
  for (const b of blocks) {
    if (b.type !== 'heading') continue;
    b.level = Math.min(b.level, previous + 1) as 2 | 3 | 4;
    previous = b.level;
  }
  const first = blocks.find((b): b is Extract<DraftBlock, { type: 'paragraph' }> => b.type === 'paragraph');
  const firstSentence = first ? titleFromFirstSentence(first.text) : '(无标题)';
  return { firstSentence, blocks, endsMidSentence: endsMidSentence(blocks) };
}

/**
 * A text cut off in mid-sentence: its last block is a paragraph that stops where no sentence can
 * (after a comma, a character or a number), not at a sentence's end, a colon, a closing bracket or
 * quotation mark, or an emoji.
 */
function endsMidSentence(blocks: DraftBlock[]): boolean {
  const last = blocks.at(-1);
  if (last?.type !== 'paragraph') return false;
  const t = last.text.trim();
  if (SENTENCE_END.test(t) || /[:：!！?？。…）)》」』”"'’\]］】〕〉~～]$/u.test(t) || /\p{Extended_Pictographic}$/u.test(t)) return false;
  // A short line (a signature, a date, a name) is not a sentence left unfinished.
  return t.length >= 20;
}

/** A run of this many short unpunctuated lines in a row is a table or list flattened into lines (a cell a line), not headings. */
const HEADING_RUN = 4;

/** A line of figures and signs alone (`-59`, `2936`, `+1170`): a flattened table's cell, in any language. */
const figuresAlone = (text: string) => !/\p{L}/u.test(text);

/**
 * Which lines are the cells of a table flattened into lines: those after the first of a run of
 * HEADING_RUN or more lines that would each be a heading (`kinds`: headingKind of each), or are short
 * figures alone (the first may be its caption). A chapter's heading starts a run of its own: after a
 * document's own table of contents (found before this: CONTENTS_INTRO), its first chapter begins.
 */
function tableCells(lines: readonly Line[], kinds: ReadonlyArray<HeadingKind | null>): Uint8Array {
  const cells = new Uint8Array(lines.length);
  const inRun = (k: number) => kinds[k] !== null || (lines[k]!.text.length <= 30 && figuresAlone(lines[k]!.text));
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && (j === i || kinds[j] !== 'chapter') && inRun(j)) j++;
    if (j - i >= HEADING_RUN) cells.fill(1, i + 1, j);
    i = Math.max(j, i + 1);
  }
  return cells;
}

/** A text table's fewest lines: its header and two rows. */
const TEXT_TABLE_LINES = 3;
/** A cell that is a figure: a number, a share, a year (`24206`, `99.2%`, `1,234.5`, `2019年`). */
const FIGURE_CELL = /^[-+−]?\d[\d,，.]*(?:%|‰|年)?$/;

/** A line's cells (normalise.ts cellsOf), if its text is still them joined (no later stage changed or joined it). */
const cellsIn = (line: Line) => (line.cells && line.cells.join(' ') === line.text ? line.cells : undefined);

/**
 * The tables set out in text, by their first line: how many lines each takes. A table is three or
 * more lines next to each other in the source, each in the same number of cells, whose rows after
 * the first (the header) each have a figure, and at least half of whose rows' cells are figures. (A
 * line or two that happen to have wide spaces, `来源：…  2024年8月`, are not a table, nor are aligned
 * lines of words.) One pass: each run of such lines is looked at once, from its first line.
 */
function textTablesIn(lines: readonly Line[]): Map<number, number> {
  const cells = lines.map(cellsIn);
  const tables = new Map<number, number>();
  for (let i = 0; i < lines.length; ) {
    const width = cells[i]?.length;
    let j = i + 1;
    while (width && j < lines.length && lines[j]!.n === lines[j - 1]!.n + 1 && cells[j]?.length === width) j++;
    const rows = cells.slice(i + 1, j) as string[][];
    const figures = rows.flat().filter((c) => FIGURE_CELL.test(c)).length;
    if (width && j - i >= TEXT_TABLE_LINES && rows.every((r) => r.some((c) => FIGURE_CELL.test(c))) && figures * 2 >= rows.length * width) tables.set(i, j - i);
    i = j;
  }
  return tables;
}

/** A flattened table's cell that is a figure: a number with a sign, a share or a scale (`102.6萬`, `+17273`, `35%`). */
const FIGURE_LIKE = /^[-+−]?\d[\d,，.]*\s*(?:%|％|‰|万|萬|亿|億)?$/;
/** A table's caption or its unit (`表1 …`, `（单位：个）`): never a cell of its header. */
const CAPTION_LIKE = /^表\s*\d|^[（(]?\s*[单單]位\s*[:：]/;
/** A line that could be a cell of a flattened table: short, not a sentence. */
const isCellLine = (text: string) => text.length <= 30 && !SENTENCE_END.test(text) && !/[，,、]$/.test(text);
/** The most lines before a flattened table's header that may be its caption (`表1 …`, `（单位：个）`), and after its last row that may be something else. */
const CAPTION_LINES = 3;
const AFTER_LINES = 2;

/**
 * The tables flattened into lines, a cell a line (a page's table scraped or copied cell by cell),
 * by their header's first line: how many columns and how many lines each takes. In a run of short
 * lines next to each other in the source, a table is a header of words, then two or more rows of
 * the same number of cells, each row's first cell a name (not a figure) and every other column at
 * least half figures (`102.6萬`, `+17273`): the number of columns, the caption lines before the
 * header and the lines after the last row are the ones that give the most figures in the columns.
 * A run of short lines with no figures (a menu, a list of names) is never a table. `free`: the line
 * may be a cell (nothing in the format says it is something else); `adjacent`: it directly follows
 * the line before it in the source.
 */
export function flattenedTablesIn(texts: readonly string[], free: (j: number) => boolean, adjacent: (j: number) => boolean): Map<number, { width: number; length: number }> {
  const tables = new Map<number, { width: number; length: number }>();
  for (let i = 0; i < texts.length; ) {
    let j = i;
    while (j < texts.length && isCellLine(texts[j]!) && free(j) && (j === i || adjacent(j))) j++;
    let best: { start: number; width: number; length: number; share: number } | undefined;
    // (Fewer lines than a header and two rows of two cells are never a table.)
    for (let before = 0; j - i >= 6 && before <= CAPTION_LINES; before++) {
      for (let after = 0; after <= AFTER_LINES; after++) {
        const cells = texts.slice(i + before, j - after);
        for (let width = 2; width <= 8; width++) {
          const share = flattenedShare(cells, width);
          if (share !== undefined && (!best || share > best.share)) best = { start: i + before, width, length: cells.length, share };
        }
      }
    }
    if (best) tables.set(best.start, { width: best.width, length: best.length });
    i = Math.max(j, i + 1);
  }
  return tables;
}

/** A flattened table's block from its cells, `width` to a row (the first row its header), with a note saying how it was recovered. */
export function flattenedTable(cells: readonly string[], width: number, lines: number[]): DraftBlock {
  const [header, ...rows] = rowsOf(cells, width);
  return { type: 'table', header: header!, rows, note: `原文的表格每格占一行，按 ${width} 列重排成 ${rows.length} 行。`, lines };
}

/** Cells read `width` to a row. */
const rowsOf = (cells: readonly string[], width: number) => Array.from({ length: cells.length / width }, (_, r) => cells.slice(r * width, (r + 1) * width));

/** The share of figures in the columns after the first, if `cells` read `width` to a row make a flattened table (flattenedTablesIn); else undefined. */
function flattenedShare(cells: readonly string[], width: number): number | undefined {
  if (cells.length % width !== 0 || cells.length < width * 3) return undefined;
  const [header, ...body] = rowsOf(cells, width);
  if (header!.some((c) => FIGURE_LIKE.test(c) || CAPTION_LIKE.test(c)) || body.some((r) => FIGURE_LIKE.test(r[0]!) || !r.slice(1).some((c) => FIGURE_LIKE.test(c)))) return undefined;
  let figures = 0;
  for (let col = 1; col < width; col++) {
    const inColumn = body.filter((r) => FIGURE_LIKE.test(r[col]!)).length;
    if (inColumn * 2 < body.length) return undefined;
    figures += inColumn;
  }
  return figures / (body.length * (width - 1));
}

/** Which kind of heading a line is, if it is one. */
export function headingKind(text: string): HeadingKind | null {
  if (text.length > 60 || SENTENCE_END.test(text) || /[:：,，、]$/.test(text) || figuresAlone(text)) return null;
  if (CHAPTER.test(text) && text.length <= 40) return 'chapter';
  if (NUMBERED.test(text) && text.length <= 40 && !PROSE_PUNCT.test(text)) return 'numbered';
  if (text.length <= 30 && !PROSE_PUNCT.test(text) && !/[?？]/.test(text)) return 'plain';
  return null;
}

/** The first half of a heading split over two lines: short, ending with a comma. */
function isSplitHeadingStart(text: string): boolean {
  return text.length <= 20 && /[,，]$/.test(text) && !PROSE_PUNCT.test(text);
}

function chapterNumber(text: string): number | null {
  const m = /^第([一二三四五六七八九十\d]+)章/.exec(text);
  if (!m) return null;
  const digits = m[1]!;
  if (/^\d+$/.test(digits)) return Number(digits);
  const units: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (digits === '十') return 10;
  if (digits.startsWith('十')) return 10 + (units[digits[1]!] ?? 0);
  if (digits.includes('十')) return (units[digits[0]!] ?? 0) * 10 + (units[digits[2] ?? ''] ?? 0);
  return units[digits] ?? null;
}

/** The source lines a line stands for: its own, and those hard-wrapped lines joined to it (unwrap.ts). */
export const sourceLines = (line: Line): number[] => (line.joined ? [line.n, ...line.joined] : [line.n]);

function gapHasRemoval(a: Line, b: Line, removed: ReadonlySet<number>): boolean {
  for (let n = a.n + 1; n < b.n; n++) if (removed.has(n)) return true;
  return false;
}

/** Split a very long line at headings embedded in it (`…。医联体分类 从医联体内部…`). */
function splitLongLine(text: string, n: number[], levelOf: (k: HeadingKind) => 2 | 3 | 4): DraftBlock[] {
  const out: DraftBlock[] = [];
  let last = 0;
  for (const m of allMatches(INLINE_HEADING, text)) {
    // `降到了8 天` is a number and its unit, not a heading.
    if (/[\dA-Za-z]$/.test(m[1]!)) continue;
    const start = m.index! + m[0].indexOf(m[1]!);
    const before = text.slice(last, start).trim();
    if (before) out.push({ type: 'paragraph', text: before, lines: n });
    out.push({ type: 'heading', level: levelOf(/^\d/.test(m[1]!) ? 'numbered' : 'plain'), text: m[1]!.trim(), lines: n });
    last = m.index! + m[0].length;
  }
  const tail = text.slice(last).trim();
  if (tail) out.push({ type: 'paragraph', text: tail, lines: n });
  return out;
}
