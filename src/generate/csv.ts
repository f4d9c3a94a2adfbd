/** CSV (RFC 4180) for the data downloads: every field quoted when it needs to be, CRLF line ends. */

/**
 * A text cell from the corpus. A spreadsheet runs a cell that starts with = + - @ as a formula,
 * so such text gets a leading apostrophe (the usual guard); numbers are written as they are.
 */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? String(value) : Array.isArray(value) ? value.join('; ') : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV document from a header and rows, line by line (a byte-order mark first, so that spreadsheets read it as UTF-8). */
export function* csvLines(header: readonly string[], rows: Iterable<readonly unknown[]>): Generator<string> {
  yield `\ufeff${header.map(cell).join(',')}\r\n`;
  for (const r of rows) yield `${r.map(cell).join(',')}\r\n`;
}

/** A CSV document from a header and rows, as one string. */
export const csv = (header: readonly string[], rows: Iterable<readonly unknown[]>): string => [...csvLines(header, rows)].join('');
