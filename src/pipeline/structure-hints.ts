/**
 * structure for a document whose reader gave hints (HTML, Markdown, Word, PDF): the format's own
 * structure is followed (a heading stays a heading at its level, a table a table, a list a list),
 * lines that run on (a PDF's hard line breaks) are joined, and only where the format says nothing
 * (a PDF's lines, a `<p>` that reads `一、总体要求`) do the words and the typography decide.
 */
import { SENTENCE_END } from './clean-rules.ts';
import { finishBlocks, flattenedTable, flattenedTablesIn, sourceLines, type DraftBlock, type Structured } from './structure.ts';
import type { Line } from './types.ts';
import { CELL_MARK, type LineHint } from '../read/types.ts';
import { DOCUMENT_NUMBER, ISSUER_HEADER } from '../read/official.ts';

/** Heading words by kind, ranked as Chinese documents nest them: 第一章 > 一、 > （一） > 1. / 第一条 > emphasis alone. */
const HEADING_KINDS: [RegExp, number][] = [
  [/^第[一二三四五六七八九十百零\d]+[章编部分]/, 2.5],
  [/^[一二三四五六七八九十]{1,3}[、.．]\s*\S/, 3.5],
  [/^[（(][一二三四五六七八九十]{1,3}[)）]\s*\S/, 4.5],
  [/^\d{1,2}[、.．]\s*[^\d\s]/, 5.5],
  [/^第[一二三四五六七八九十百零\d]+[条節节]/, 5.5],
];
/** Ranks fall between the format's own levels (2-6) until a heading the format marks shows where its kind belongs. */
const EMPHASIS_RANK = 6.5;
const kindOf = (text: string) => HEADING_KINDS.find(([re]) => re.test(text))?.[1];
const MAX_HEADING = 40;
const CELLS = new RegExp(`\\s*${CELL_MARK}\\s*`);

/** A line or lines joined: its text, source lines and the first line's hint. */
interface Piece {
  text: string;
  lines: number[];
  hint: LineHint;
  joined: boolean;
}

const isCjk = (c: string | undefined) => !!c && /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u.test(c);

/** Join a line that runs on to the next: no space in Chinese, one between Latin words, none after a hyphen. */
function joinText(a: string, b: string): string {
  if (a.endsWith('-') && /^[a-z]/.test(b)) return a.slice(0, -1) + b;
  return isCjk(a.at(-1)) || isCjk(b[0]) ? a + b : `${a} ${b}`;
}

/** The rank of a piece as a heading (lower is higher up), or null for a paragraph. */
function headingRank(p: Piece): number | null {
  const h = p.hint;
  if (h.heading && h.heading >= 2) return h.heading;
  if (p.text.length > MAX_HEADING || SENTENCE_END.test(p.text) || /[:：,，;；、]$/.test(p.text) || p.joined) return null;
  const squeezed = p.text.replace(/\s/g, '');
  if (ISSUER_HEADER.test(squeezed) || DOCUMENT_NUMBER.test(squeezed) || h.table || h.list || h.caption || h.quote) return null;
  const kind = HEADING_KINDS.find(([re]) => re.test(p.text));
  // 第一条 opening a paragraph of its own is an article, not a heading.
  if (kind && !(kind[1] === 5.5 && /^第/.test(p.text) && p.text.length > 16)) return kind[1];
  if (h.align === 'right') return null;
  if ((h.bold || (h.size ?? 1) >= 1.15) && p.text.length <= 30 && !/[。，,；;]/.test(p.text)) return EMPHASIS_RANK;
  return null;
}

/** Turn the lines of a document read with hints into blocks, and the title line the format marks, if any. */
export function structureWithHints(lines: Line[], hints: Readonly<Record<number, LineHint>>, fileTitle?: string): Structured & { title: string | null } {
  const rest = lines;

  // Join lines that run on, and the lines of a title set over several lines.
  const pieces: Piece[] = [];
  for (const l of rest) {
    const hint = hints[l.n] ?? {};
    const last = pieces.at(-1);
    const lastHint = last ? (hints[last.lines.at(-1)!] ?? {}) : undefined;
    if (last && lastHint?.runsOn && !hint.table && !hint.list && !hint.heading === !lastHint.heading) {
      last.text = joinText(last.text, l.text);
      last.lines.push(...sourceLines(l));
      last.joined = last.joined || !hint.heading;
      continue;
    }
    pieces.push({ text: l.text, lines: sourceLines(l), hint, joined: (l.joined?.length ?? 0) > 0 });
  }

  // The title: the first heading the format marks as the document's (h1, Title style, a PDF's largest lines).
  let title: string | null = null;
  const squeeze = (s: string) => s.replace(/\s/g, '');
  const titleAt = pieces.findIndex((p) => p.hint.heading === 1);
  if (titleAt >= 0) {
    const text = pieces[titleAt]!.text;
    const same = !fileTitle || squeeze(fileTitle).includes(squeeze(text)) || squeeze(text).includes(squeeze(fileTitle));
    if (same) {
      title = text;
      pieces.splice(titleAt, 1);
    } else pieces[titleAt]!.hint = { ...pieces[titleAt]!.hint, heading: 2 };
  } else if (fileTitle && pieces[0] && squeeze(pieces[0].text) === squeeze(fileTitle)) {
    title = pieces.shift()!.text;
  }

  // A heading of a kind the format marks elsewhere (Word's Heading 1 on 一、…) is at that heading's level.
  const marked = new Map<number, number>();
  for (const p of pieces) {
    const kind = p.hint.heading && p.hint.heading >= 2 ? kindOf(p.text) : undefined;
    if (kind !== undefined && !marked.has(kind)) marked.set(kind, p.hint.heading!);
  }
  const ranks = pieces.map((p) => {
    const rank = headingRank(p);
    return rank !== null && !p.hint.heading ? (marked.get(rank) ?? rank) : rank;
  });
  const levels = [...new Set(ranks.filter((r): r is number => r !== null))].sort((a, b) => a - b);
  const levelOf = (rank: number) => Math.min(4, 2 + levels.indexOf(rank)) as 2 | 3 | 4;

  // Tables a page set out a cell a paragraph (its own table lost in the scrape).
  const plain = (p: Piece) => p.hint.table === undefined && p.hint.list === undefined && !p.hint.heading && !p.hint.caption && !p.hint.quote;
  const flattened = flattenedTablesIn(
    pieces.map((p) => p.text.trim()),
    (j) => plain(pieces[j]!),
    (j) => pieces[j]!.lines[0]! === pieces[j - 1]!.lines.at(-1)! + 1,
  );

  const blocks: DraftBlock[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const cellPieces = flattened.get(i);
    if (cellPieces) {
      const taken = pieces.slice(i, i + cellPieces.length);
      blocks.push(flattenedTable(taken.map((x) => x.text.trim()), cellPieces.width, taken.flatMap((x) => x.lines)));
      i += cellPieces.length - 1;
      continue;
    }
    if (p.hint.table !== undefined) {
      const rows: Piece[] = [p];
      while (pieces[i + 1]?.hint.table === p.hint.table) rows.push(pieces[++i]!);
      const cells = rows.map((r) => r.text.split(CELLS));
      if (cells.length < 2) {
        blocks.push({ type: 'paragraph', text: cells[0]!.filter(Boolean).join(' '), lines: p.lines });
        continue;
      }
      const width = Math.max(...cells.map((c) => c.length));
      const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
      blocks.push({ type: 'table', header: pad(cells[0]!), rows: cells.slice(1).map(pad), lines: rows.flatMap((r) => r.lines) });
      continue;
    }
    if (p.hint.list !== undefined) {
      const items: Piece[] = [p];
      while (pieces[i + 1]?.hint.list === p.hint.list) items.push(pieces[++i]!);
      blocks.push({ type: 'list', items: items.map((x) => x.text), lines: items.flatMap((x) => x.lines) });
      continue;
    }
    const rank = ranks[i];
    if (rank !== null && rank !== undefined) blocks.push({ type: 'heading', level: levelOf(rank), text: p.text, lines: p.lines });
    else blocks.push({ type: 'paragraph', text: p.text, lines: p.lines });
  }

  return { title, ...finishBlocks(blocks) };
}
