/**
 * An HTML page's text: the bytes' own evidence first (BOM, UTF-16, valid UTF-8: Chinese sites often
 * declare one charset and send another), then the charset the page declares in its first 1,024 bytes
 * (which tells GBK from Big5 where the bytes are ambiguous), then decode.ts's sniffing.
 */
import { decode, type DecodeResult } from './decode.ts';
import type { Encoding } from './types.ts';

const LABELS: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'chinese': 'gb18030', 'csgb2312': 'gb18030', 'iso-ir-58': 'gb18030', 'windows-936': 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-x-big5': 'big5', 'cn-big5': 'big5', csbig5: 'big5',
  'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
};

/** The charset a page declares (`<meta charset>` or `http-equiv` Content-Type), as one of our encodings. */
export function declaredCharset(bytes: Uint8Array): Encoding | null {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? (LABELS[m[1]!.toLowerCase()] ?? null) : null;
}

/** Decode an HTML page's bytes. */
export function decodeHtml(bytes: Uint8Array): DecodeResult {
  const sniffed = decode(bytes);
  const declared = declaredCharset(bytes);
  // The bytes decide when they can: a BOM, UTF-16, or valid UTF-8 (which GBK or Big5 text almost never is).
  if (!sniffed.ok || sniffed.bom || sniffed.encoding === 'utf-8' || sniffed.encoding.startsWith('utf-16') || !declared || declared === sniffed.encoding) return sniffed;
  try {
    return { ok: true, text: new TextDecoder(declared, { fatal: true }).decode(bytes), encoding: declared, bom: false };
  } catch {
    return sniffed;
  }
}
