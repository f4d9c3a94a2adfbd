/**
 * unwrap: text extracted from a PDF (or typed with hard line breaks) back into paragraphs.
 *
 * - Page numbers go: `— 3 —`, `- 3 -`, `第 3 页 共 12 页`, `3/12`, `Page 3 of 12`, and a bare
 *   number only when the numbers count pages (3, then 4 a page further on).
 * - Running headers and footers go: a line (its digits aside) that comes back beside the page
 *   boundaries of two or more pages. The same line elsewhere (a document number at the top of a
 *   notice) stays.
 * - Hard-wrapped lines are joined: when a text's lines mostly stop at one width (the page's), and
 *   most lines that reach it end in mid-sentence, a line that reaches it continues on the next, across a page's furniture, unless the next line is
 *   indented (a new paragraph: when the text indents at all), starts a heading or list item, or —
 *   in a text that does not indent — the line ended a sentence. Chinese needs no space at the join;
 *   two Latin words get one.
 *
 * Pure, over lines: the plain-text pipeline calls it from repair(), and a PDF reader can give it its
 * page boundaries. Every removal and every join is recorded.
 */
import type { Line, Removal, Repair } from './types.ts';

export interface UnwrapOptions {
  /** Line numbers at which a new page starts, when the reader knows them (a PDF's pages). */
  pageStarts?: readonly number[];
}

export interface Unwrapped {
  /** The lines left: a joined line keeps its first line's number and lists the others in `joined`. */
  lines: Line[];
  /** Page numbers and running headers and footers. */
  removed: Removal[];
  /** One `unwrap` repair per line joined onto the line before it. */
  repaired: Repair[];
}

/** How far (in columns, a Chinese character being two) lines that fill the page may fall short of each other. */
const TOLERANCE = 4;
/** Lines narrower than this are never taken for filled ones (headings, signatures, table cells). */
const MIN_FILLED = 24;
/** A page wider than this (about 90 Chinese characters) is a paragraph per line, not a wrapped page. */
const MAX_PAGE = 180;
/** How many non-blank lines from a page boundary a running header or footer may stand. */
const NEAR = 2;

const DASHES = '-—–－―~～·•';
const DECORATED = new RegExp(`^[${DASHES}]+\\s*(\\d{1,4})\\s*[${DASHES}]+$`);
const PAGE_FORMS = [
  /^第\s*(\d{1,4}|[一二三四五六七八九十百零〇]+)\s*页(?:\s*[,，/／]?\s*共\s*(\d{1,4}|[一二三四五六七八九十百零〇]+)\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，/／]?\s*第\s*\d{1,4}\s*页$/,
  /^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
  /^[-—–－]?\s*(\d{1,4})\s*[/／]\s*(\d{1,4})\s*[-—–－]?$/,
];
/** A number alone on its line: a page number when the next page's comes a page later and it stands by text (besideText). */
const BARE = /^\d{1,4}$/;
/** A line that starts a heading or a list item: never the continuation of the line before. */
const STARTS_ITEM = /^(?:[一二三四五六七八九十百]+、|[(（][一二三四五六七八九十百\d]{1,3}[)）]|第[一二三四五六七八九十百零\d]+[章节条款部分篇]|\d{1,2}(?:、|．|\.(?!\d))|[①-⑳❶-❿]|[•·●▪◆■□]\s*|附件\s*\d*\s*[:：])/;
const SENTENCE_END = /[。！？；!?;…]["”’」』）)]?$/;

/** Remove page furniture and join hard-wrapped lines. */
export function unwrap(lines: readonly Line[], options: UnwrapOptions = {}): Unwrapped {
  const removed: Removal[] = [];
  const furniture = new Set<number>();
  for (const i of pageNumberLines(lines)) {
    furniture.add(i);
    removed.push({ line: lines[i]!.n, text: lines[i]!.text, reason: 'page-number' });
  }
  const starts = new Set(options.pageStarts ?? []);
  for (const i of runningLines(lines, furniture, starts)) {
    furniture.add(i);
    removed.push({ line: lines[i]!.n, text: lines[i]!.text, reason: 'running-header' });
  }
  removed.sort((a, b) => a.line - b.line);

  const kept = lines.filter((_, i) => !furniture.has(i));
  const text = kept.filter((l) => l.text !== '');
  const widths = text.map(widthOf).filter((w) => w >= MIN_FILLED);
  const page = pageWidth(widths);
  const repaired: Repair[] = [];
  // Wrapped text breaks its lines in mid-sentence (most lines that fill the page end no sentence),
  // and hardly a line runs past the page's width.
  const filledLines = page === null ? [] : text.filter((l) => filled(widthOf(l), page));
  const broken = filledLines.filter((l) => !SENTENCE_END.test(l.text)).length;
  const wider = page === null ? 0 : widths.filter((w) => w > page + TOLERANCE).length;
  if (page === null || broken < 3 || broken < filledLines.length / 2 || wider > Math.max(1, widths.length / 10)) return { lines: kept, removed, repaired };
  const indents = text.filter((l) => (l.indent ?? 0) > 0).length >= 2;

  const out: Line[] = [];
  // The line being joined: its parts and the numbers of the lines joined to it, put together when it closes.
  let open: { line: Line; at: number; text: string[]; joined: number[]; lastWidth: number; lastText: string } | null = null;
  const close = () => {
    if (open && open.joined.length > 0) out[open.at] = { ...open.line, text: open.text.join(''), joined: open.joined };
  };
  // The blank lines since the last text line, and whether page furniture stood among them.
  let gap: { blanks: Line[]; furniture: boolean } = { blanks: [], furniture: false };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (furniture.has(i)) {
      gap.furniture = true;
      continue;
    }
    if (line.text === '') {
      gap.blanks.push(line);
      continue;
    }
    const continues =
      open !== null &&
      (gap.blanks.length === 0 || gap.furniture) &&
      filled(open.lastWidth, page) &&
      !(indents && (line.indent ?? 0) > 0) &&
      !STARTS_ITEM.test(line.text) &&
      !(!indents && SENTENCE_END.test(open.lastText));
    if (open && continues) {
      const space = /[A-Za-z]$/.test(open.text.at(-1)!) && /^[A-Za-z]/.test(line.text) ? ' ' : '';
      open.text.push(space + line.text);
      open.joined.push(line.n);
      repaired.push({ line: line.n, kind: 'unwrap', before: '', after: '', note: `接在第 ${open.line.n} 行之后` });
    } else {
      close();
      out.push(...gap.blanks, line);
      open = { line, at: out.length - 1, text: [line.text], joined: [], lastWidth: 0, lastText: '' };
    }
    open.lastWidth = widthOf(line);
    open.lastText = line.text;
    gap = { blanks: [], furniture: false };
  }
  close();
  out.push(...gap.blanks);
  return { lines: out, removed, repaired };
}

/** A line's width in columns as it stood on the page: its indent, then two for each wide character. */
export function widthOf(line: Line): number {
  let w = line.indent ?? 0;
  for (const c of line.text) w += isWide(c) ? 2 : 1;
  return w;
}

function isWide(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000;
}

const filled = (width: number, page: number) => width >= page - TOLERANCE && width <= page + TOLERANCE;

/**
 * The width most lines stop at, when they do: the widest window of TOLERANCE columns holding at
 * least three lines and a third of the lines that could be filled ones.
 */
export function pageWidth(widths: readonly number[]): number | null {
  const sorted = [...widths].sort((a, b) => a - b);
  let best = 0;
  let at = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! > TOLERANCE) i++;
    if (j - i + 1 >= best) {
      best = j - i + 1;
      at = sorted[j]!;
    }
  }
  if (best < 3 || best < sorted.length / 3 || at > MAX_PAGE) return null;
  return at;
}

/** Indices of page-number lines: decorated or spelled-out forms, and bare numbers that count pages. */
function pageNumberLines(lines: readonly Line[]): number[] {
  const found: number[] = [];
  const bare: { i: number; value: number }[] = [];
  lines.forEach((l, i) => {
    const t = l.text;
    if (t === '' || t.length > 24) return;
    if (DECORATED.test(t) || PAGE_FORMS.some((re) => re.test(t))) found.push(i);
    else if (BARE.test(t) && besideText(lines, i)) bare.push({ i, value: Number(t) });
  });
  // A bare number is a page number only beside the next page's (one more, a page's worth of lines on).
  const at = new Map<number, number[]>();
  for (const b of bare) {
    const list = at.get(b.value);
    if (list) list.push(b.i);
    else at.set(b.value, [b.i]);
  }
  const counted = new Set<number>();
  for (const a of bare) {
    const next = (at.get(a.value + 1) ?? []).find((i) => i - a.i >= 8);
    if (next === undefined) continue;
    counted.add(a.i);
    counted.add(next);
  }
  return [...found, ...counted].sort((x, y) => x - y);
}

/** A bare number at the foot or head of a page stands next to the page's text, not among a table's short cells. */
function besideText(lines: readonly Line[], i: number): boolean {
  const near = (step: number) => {
    for (let k = i + step; k >= 0 && k < lines.length; k += step) if (lines[k]!.text !== '') return lines[k]!.text;
    return null;
  };
  return [near(-1), near(1)].some((t) => t === null || [...t].length >= 15);
}

/**
 * Indices of running headers and footers: short lines that end no sentence, compared with their digits masked, standing
 * within NEAR non-blank lines of two or more page boundaries (page numbers, or page starts given).
 */
function runningLines(lines: readonly Line[], pageNumbers: ReadonlySet<number>, pageStarts: ReadonlySet<number>): number[] {
  const nonBlank = lines.flatMap((l, i) => (l.text === '' ? [] : [i]));
  const position = new Map(nonBlank.map((i, k) => [i, k]));
  const boundaries: number[] = [];
  nonBlank.forEach((i, k) => {
    if (pageNumbers.has(i)) boundaries.push(k);
    else if (pageStarts.has(lines[i]!.n)) boundaries.push(k - 0.5);
  });
  if (boundaries.length === 0) return [];
  const near = new Map<string, { i: number; boundary: number }[]>();
  for (const i of nonBlank) {
    // A header is a label, never a sentence of the text.
    if (pageNumbers.has(i) || lines[i]!.text.length > 50 || SENTENCE_END.test(lines[i]!.text)) continue;
    const k = position.get(i)!;
    const boundary = nearest(boundaries, k);
    if (boundary < 0) continue;
    const key = lines[i]!.text.replace(/\d+/g, '#');
    const group = near.get(key);
    if (group) group.push({ i, boundary });
    else near.set(key, [{ i, boundary }]);
  }
  const out: number[] = [];
  for (const group of near.values()) {
    if (new Set(group.map((g) => g.boundary)).size >= 2) out.push(...group.map((g) => g.i));
  }
  return out;
}

/** The index of a boundary (sorted) within NEAR of position k and not at it, or -1. */
function nearest(boundaries: readonly number[], k: number): number {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boundaries[mid]! < k - NEAR) lo = mid + 1;
    else hi = mid;
  }
  for (let b = lo; b < boundaries.length && boundaries[b]! <= k + NEAR; b++) if (boundaries[b] !== k) return b;
  return -1;
}
