/**
 * What a file really is, from its bytes: the extension is a claim, the bytes are evidence. A PDF
 * starts with `%PDF-`, a Word file is a ZIP archive holding `word/document.xml`, an HTML page starts
 * (after a BOM and blanks) with its doctype or `<html>`. Markdown is text; only its name says so.
 */
import { unzipSync } from 'fflate';
import type { Format } from './types.ts';

/** What the bytes are: a format we read, or something we can name but not read. */
export type Sniffed = { format: Format } | { unreadable: string };

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));
const startsWith = (b: Uint8Array, bytes: number[]) => bytes.every((x, i) => b[i] === x);

/** Other formats named by their magic bytes, so a file refused says what it is. */
const KNOWN: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an OLE compound file (an old .doc/.xls/.ppt, or a password-protected Office file); save it as an unprotected .docx'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7z archive'],
  [[0x1f, 0x8b], 'a gzip file'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document (save it as .docx)'],
];

/** The format a file's name claims. */
export function claimedFormat(name: string): Format | null {
  const ext = /\.([^./]+)$/.exec(name.toLowerCase())?.[1];
  switch (ext) {
    case 'html':
    case 'htm':
    case 'xhtml':
    case 'shtml':
      return 'html';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'docx':
      return 'docx';
    case 'pdf':
      return 'pdf';
    case 'txt':
    case 'text':
      return 'text';
    default:
      return null;
  }
}

/** Human names of the formats, for messages. */
export const FORMAT_NAMES: Record<Format, string> = { text: 'plain text', html: 'an HTML page', markdown: 'Markdown', docx: 'a Word document (.docx)', pdf: 'a PDF' };

/** What the bytes are. `claimed` decides only between formats the bytes cannot tell apart (text and Markdown). */
export function sniff(bytes: Uint8Array, claimed: Format | null): Sniffed {
  // A PDF may have a few bytes of junk before its header (the specification allows 1,024).
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  for (const [magic, name] of KNOWN) if (startsWith(bytes, magic)) return { unreadable: name };
  if (looksLikeHtml(bytes)) return { format: 'html' };
  if (claimed === 'markdown' || claimed === 'html') return { format: claimed };
  return { format: 'text' };
}

/** A ZIP archive: a Word file if it holds the main document part, else say what it holds. */
function zipKind(bytes: Uint8Array): Sniffed {
  let names: string[] = [];
  try {
    // Only the names: nothing is inflated.
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch {
    return { unreadable: 'a damaged ZIP archive' };
  }
  if (names.includes('word/document.xml')) return { format: 'docx' };
  if (names.some((n) => n.startsWith('xl/'))) return { unreadable: 'an Excel workbook (.xlsx)' };
  if (names.some((n) => n.startsWith('ppt/'))) return { unreadable: 'a PowerPoint presentation (.pptx)' };
  if (names.includes('content.xml') && names.includes('mimetype')) return { unreadable: 'an OpenDocument file (save it as .docx)' };
  return { unreadable: `a ZIP archive of ${names.length} files, none of them a Word document` };
}

/** HTML by its first tag: a doctype, `<html>`, `<head>` or an XML declaration before `<html`. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = ascii(bytes, 0, 2048).replace(/^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '');
  // UTF-16 text has a zero byte after each ASCII character.
  if (head.includes('\0')) head = head.replaceAll('\0', '');
  head = head.replace(/^\s+/, '').replace(/^<\?xml[^>]*>\s*/i, '');
  while (head.startsWith('<!--')) {
    const end = head.indexOf('-->');
    if (end < 0) return false;
    head = head.slice(end + 3).replace(/^\s+/, '');
  }
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>])/i.test(head);
}
