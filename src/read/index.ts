/**
 * read: a corpus file's bytes -> a Reading (text lines, structure hints, metadata, what was left
 * out), by the format its bytes show, whatever its name says; or why it cannot be read. One reader
 * per format, all behind this one function.
 */
import { decode, MAX_BYTES } from './decode.ts';
import type { SourceFile } from './types.ts';
import { claimedFormat, FORMAT_NAMES, sniff } from './sniff.ts';
import { officialMeta } from './official.ts';
import type { Format, Reading, Refusal } from './types.ts';

type Reader = (bytes: Uint8Array) => Reading | Refusal | Promise<Reading | Refusal>;

/** The readers, each loaded when a file first needs it (a corpus of plain text loads none: their parsers take ~0.4 s to load). */
const READERS: Record<Format, () => Promise<Reader>> = {
  text: async () => readText,
  html: async () => (await import('./html.ts')).readHtml,
  markdown: async () => (await import('./markdown.ts')).readMarkdown,
  docx: async () => (await import('./docx.ts')).readDocx,
  pdf: async () => (await import('./pdf.ts')).readPdf,
};

/** Whether a read gave a refusal. */
export const isRefusal = (r: Reading | Refusal): r is Refusal => 'reason' in r;

/** Read one file by what its bytes are. */
export async function read(file: SourceFile): Promise<Reading | Refusal> {
  const { bytes } = file;
  if (bytes.length === 0) return { kind: 'empty', reason: 'the file is empty (0 bytes)' };
  if (bytes.length > MAX_BYTES) return { kind: 'too-large', reason: `the file is ${bytes.length} bytes; the limit is ${MAX_BYTES}` };
  const claimed = claimedFormat(file.name);
  const sniffed = sniff(bytes, claimed);
  const real = 'format' in sniffed ? sniffed.format : null;
  // A name that says Word or PDF over other bytes is worth a line (.txt over Markdown or HTML is how pages get saved).
  const lie = claimed === 'docx' && real !== 'docx' ? 'not a Word .docx (not a ZIP archive holding word/document.xml)' : claimed === 'pdf' && real !== 'pdf' ? 'not a PDF (no %PDF- header)' : null;
  const named = lie ?? (claimed ? `named as ${FORMAT_NAMES[claimed]}, but` : '');
  if (real === null) return { kind: 'unsupported', reason: `${named}${lie ? ':' : ''} it is ${(sniffed as { unreadable: string }).unreadable}, which is not read`.trim() };
  const result = await (await READERS[real]())(bytes);
  if (isRefusal(result)) {
    if (!lie) return result;
    return { ...result, reason: real === 'text' ? `${lie}, and not text either: ${result.reason}` : `${lie}; its bytes are ${FORMAT_NAMES[real]}, which cannot be read: ${result.reason}` };
  }
  if (lie) result.notes.unshift(`${lie}; its bytes are ${FORMAT_NAMES[real]}, read as such`);
  // What an official document's own parts say (版头, 文号, 落款), where the file's metadata says nothing.
  if (result.format !== 'text') result.meta = { ...officialMeta(result.text.split('\n'), result.hints), ...result.meta };
  return result;
}

/** Plain text: decoded, nothing else (the text stages do the rest). */
export function readText(bytes: Uint8Array): Reading | Refusal {
  const decoded = decode(bytes);
  if (!decoded.ok) return { kind: decoded.kind, reason: decoded.reason };
  return { format: 'text', text: decoded.text, encoding: decoded.encoding, hints: {}, meta: {}, dropped: [], parts: [], notes: [] };
}
