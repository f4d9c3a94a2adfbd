/**
 * What the read stage gives the text stages: a file of any format as lines of text, with what the
 * format says about each line (structure hints), what the file says about itself (metadata), and
 * what the reader left out and why (for the source view). Plain text is the degenerate case: its
 * lines, no hints, no metadata.
 */

/** Raw bytes of one corpus file, as read from disk. */
export interface SourceFile {
  /** File name relative to the corpus folder. */
  name: string;
  bytes: Uint8Array;
}

/** The encodings text is found in (decode.ts tells them apart). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** The formats a corpus file can be read as. */
export type Format = 'text' | 'html' | 'markdown' | 'docx' | 'pdf';

/** What a file's format says about one of its lines. Absent fields mean "the format does not say". */
export interface LineHint {
  /** A paragraph of the source (a `<p>`, a Word paragraph, a Markdown paragraph): not a heading unless its own words say so strongly (`一、…`, `第三条`). */
  paragraph?: true;
  /** A heading at this level of the source (1 is the document's own title line: `<h1>`, Word's Title style, a PDF's largest line). */
  heading?: 1 | 2 | 3 | 4 | 5 | 6;
  /** An item of a list; consecutive items of the same `list` make one list. */
  list?: number;
  /** A row of a table: its cells, in the line's text, are separated by CELL_SEPARATOR; consecutive rows of the same `table` make one table. */
  table?: number;
  /** Whether the row is the table's header row. */
  header?: true;
  /** A table's caption (a paragraph before it). */
  caption?: true;
  /** Quoted text (a blockquote). */
  quote?: true;
  /** How the line is aligned on its page, when the format says (the 落款 of an official notice is right-aligned, its 文号 centred). */
  align?: 'center' | 'right';
  /** The whole line is bold. */
  bold?: true;
  /** Its font size relative to the document's body text (PDF, Word), when larger. */
  size?: number;
  /** The page it is on (PDF). */
  page?: number;
  /** The line runs on into the next one (PDF: it reaches the right margin and the next line is not indented). */
  runsOn?: true;
}

/** What sets table cells apart in one line's text: a character no cell holds (the readers replace it inside cells). */
export const CELL_MARK = '│';
export const CELL_SEPARATOR = ` ${CELL_MARK} `;
/** Whether a line's text is a table's row as the readers write one (its cells set apart by CELL_MARK). */
export const isCellRow = (text: string) => text.includes(CELL_MARK);

/** What the file says about itself. Only what it states: nothing is guessed here. */
export interface FileMeta {
  title?: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY). */
  published?: string;
  /** The site, account or body that published it. */
  publisher?: string;
  /** A person (or handle) named as author. */
  author?: string;
  /** The original's own URL (canonical link, og:url, front matter `source`/`url`). */
  url?: string;
  description?: string;
  /** A document number such as 国办发〔2015〕70号. */
  number?: string;
}

/** Why a reader left part of a file out of the text. */
export type DropReason =
  | 'script'
  | 'style'
  | 'hidden'
  | 'navigation'
  | 'page-header'
  | 'page-footer'
  | 'sidebar'
  | 'form'
  | 'share'
  | 'advertisement'
  | 'comment'
  | 'link-list'
  | 'figure-caption'
  | 'outside-main-content'
  | 'front-matter'
  | 'html-comment'
  | 'tracked-deletion'
  | 'image'
  | 'running-header'
  | 'page-number';

/** A part of the file the reader left out, and why. */
export interface Dropped {
  reason: DropReason;
  /** Its text (shortened), or a description (`3 个脚本`). */
  text: string;
  /** Where it was: a page number, a part name (`页眉`, `<head>`). */
  where?: string;
}

/** Where a part of the source (a PDF page, a Word part) begins among the lines. */
export interface Part {
  /** 1-based line number of its first line. */
  line: number;
  label: string;
}

/** A file read: its text as lines, with hints, metadata and what was left out. */
export interface Reading {
  format: Format;
  /** The text, one line per `\n` (the text stages number the lines from 1). */
  text: string;
  /** The text's encoding as found in the file (for HTML, declared or sniffed; for Word and PDF their own Unicode). */
  encoding: Encoding;
  /** Hints by line number (1-based); lines without an entry have none. */
  hints: Record<number, LineHint>;
  meta: FileMeta;
  dropped: Dropped[];
  parts: Part[];
  /** Things the reader wants the maintainer to know (an extension that lies about the content). */
  notes: string[];
}

/** What a document keeps of its reading (all formats but plain text): for its pages, its data and the source view. */
export interface ReadingReport {
  format: Exclude<Format, 'text'>;
  /** The original's own URL, when the file names it. */
  url?: string;
  description?: string;
  dropped: Dropped[];
  parts: Part[];
}

/** Why a file cannot be read. */
export interface Refusal {
  kind: 'empty' | 'binary' | 'too-large' | 'undecodable' | 'no-content' | 'unsupported' | 'encrypted' | 'broken' | 'redirect' | 'no-text-layer';
  reason: string;
}

/** Lines with their hints, as the readers build them. */
export class LineWriter {
  readonly lines: string[] = [];
  readonly hints: Record<number, LineHint> = {};

  /** Add a line (its inner line breaks become spaces; empty lines are skipped), after `indent` columns of spaces (as a PDF sets it); returns its number or 0. */
  add(text: string, hint?: LineHint, indent = 0): number {
    const t = text.replace(/[\r\n]+/g, ' ').trim();
    if (t === '') return 0;
    this.lines.push(' '.repeat(indent) + t);
    const n = this.lines.length;
    if (hint && Object.keys(hint).length > 0) this.hints[n] = hint;
    return n;
  }

  /** The next line's number. */
  get next(): number {
    return this.lines.length + 1;
  }

  get text(): string {
    return this.lines.join('\n');
  }
}

/** Text of a table cell, made safe to join with CELL_SEPARATOR. */
export const cellText = (s: string) => s.replace(/\s+/g, ' ').replaceAll(CELL_MARK, '|').trim();

/** A dropped part's text, shortened for the source view. */
export function excerpt(s: string, max = 160): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max)}…`;
}
