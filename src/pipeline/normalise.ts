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
    return indent > 0 ? { n: i + 1, text, indent } : { n: i + 1, text };
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
