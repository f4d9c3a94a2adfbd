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

/** A CSV document from a header and rows, with a byte-order mark so that spreadsheets read it as UTF-8. */
export function csv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
