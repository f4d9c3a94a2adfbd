/**
 * normalise: line endings to LF, Unicode NFC, NBSP and ideographic spaces to plain spaces,
 * stray control and zero-width characters dropped, runs of spaces collapsed, lines trimmed (how far
 * a line was indented is kept: it marks paragraphs in hard-wrapped text).
 * Punctuation is left exactly as the text has it (ASCII `,` and full-width `,` both stay).
 */
import type { CleaningReport, Line } from './types.ts';
import { allMatches } from '../lib/matches.ts';

export type NormaliseStats = CleaningReport['normalised'];

export interface Normalised {
  lines: Line[];
  stats: NormaliseStats;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const NBSP = /\u00a0/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;

/** Normalise decoded text into numbered lines. */
export function normalise(text: string): Normalised {
  const stats: NormaliseStats = { lineEndings: 0, nbsp: 0, ideographicSpaces: 0, controlChars: 0, zeroWidth: 0 };
  stats.lineEndings = count(text, /\r\n?/g);
  const unified = text.replace(/\r\n?/g, '\n').normalize('NFC');
  stats.nbsp = count(unified, NBSP);
  stats.ideographicSpaces = count(unified, IDEOGRAPHIC_SPACE);
  stats.controlChars = count(unified, CONTROL);
  stats.zeroWidth = count(unified, ZERO_WIDTH);
  const lines = unified.split('\n').map((raw, i): Line => {
    const text = normaliseLine(raw);
    const indent = text === '' ? 0 : indentOf(raw);
    const cells = cellsOf(raw);
    return { n: i + 1, text, ...(indent > 0 ? { indent } : {}), ...(cells ? { cells } : {}) };
  });
  // A trailing newline does not make a line of its own.
  if (lines.length > 1 && lines[lines.length - 1]!.text === '' && unified.endsWith('\n')) lines.pop();
  return { lines, stats };
}

/** Normalise one line's whitespace and invisible characters. */
export function normaliseLine(raw: string): string {
  return raw
    .replace(ZERO_WIDTH, '')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(NBSP, ' ')
    .replace(IDEOGRAPHIC_SPACE, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * A tab, or two or more spaces of any width (plain, no-break, ideographic): what sets a text table's
 * cells apart. One space stays inside a cell (`清运量 (万吨)`), and so does one ideographic space
 * (`第一章　总则`).
 */
const CELL_GAP = /[ \u00a0\u3000]*\t[\t \u00a0\u3000]*|[ \u00a0\u3000]{2,}/;
/** A run of four or more characters each set apart by one space (letter-spaced text from a PDF, `2 0 2 1 .`): not a cell. */
const LETTER_SPACED = /(?:^|\s)\S(?: \S){3,}(?=\s|$)/;

/**
 * A raw line's cells, when it sets two or more parts apart as a text table's row does (a tab, or two
 * or more spaces, between them), none of them letter-spaced; otherwise undefined. Joined by one space
 * they are the line's normalised text. Whether lines of cells make a table is structure's to say.
 */
export function cellsOf(raw: string): string[] | undefined {
  const trimmed = raw.trim();
  if (!CELL_GAP.test(trimmed)) return undefined;
  const cells = trimmed.split(CELL_GAP).map(normaliseLine);
  if (cells.length < 2 || cells.some((c) => c === '' || LETTER_SPACED.test(c))) return undefined;
  return cells;
}

/** Columns of whitespace a raw line begins with (a full-width space is two): how plain text and PDF extractions mark a paragraph's first line. */
function indentOf(raw: string): number {
  let columns = 0;
  for (const c of raw) {
    if (c === ' ' || c === '\u00a0') columns++;
    else if (c === '\u3000') columns += 2;
    else if (c === '\t') columns += 4;
    else if (!ZERO_WIDTH_CHARS.has(c)) break;
  }
  return columns;
}
const ZERO_WIDTH_CHARS = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);

function count(s: string, re: RegExp): number {
  return allMatches(re, s).length;
}
