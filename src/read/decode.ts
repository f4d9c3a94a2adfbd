/**
 * decode: bytes -> text. Detects the encoding from evidence (BOM, UTF-16 zero-byte pattern,
 * strict UTF-8, GB2312-range byte pairs) rather than guessing, and refuses binary files.
 */
import type { Encoding } from './types.ts';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  | { ok: false; kind: 'empty' | 'binary' | 'too-large' | 'undecodable'; reason: string };

/** Files above this size are refused: they are not articles and would stall the build. */
export const MAX_BYTES = 64 * 1024 * 1024;

const decoder = (enc: string, fatal = true) => new TextDecoder(enc, { fatal, ignoreBOM: true });

/** Decode one file's bytes, or say why not. */
export function decode(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, kind: 'empty', reason: 'the file is empty (0 bytes)' };
  if (bytes.length > MAX_BYTES) {
    return { ok: false, kind: 'too-large', reason: `the file is ${bytes.length} bytes; the limit is ${MAX_BYTES}` };
  }
  const bom = detectBom(bytes);
  if (bom) return finish(bytes.subarray(bom.length), bom.encoding, true);

  const utf16 = detectUtf16(bytes);
  if (utf16) return finish(bytes, utf16, false);

  if (looksBinary(bytes)) {
    return { ok: false, kind: 'binary', reason: 'the file looks binary (NUL or control bytes), not text' };
  }
  if (isUtf8(bytes)) return finish(bytes, 'utf-8', false);

  const gb = gb2312PairShare(bytes);
  if (gb >= 0.8) return finish(bytes, 'gb18030', false);
  if (canDecode(bytes, 'big5')) return finish(bytes, 'big5', false);
  if (canDecode(bytes, 'gb18030')) return finish(bytes, 'gb18030', false);
  return { ok: false, kind: 'undecodable', reason: 'not valid UTF-8, UTF-16, GB18030 or Big5 text' };
}

function finish(bytes: Uint8Array, encoding: Encoding, bom: boolean): DecodeResult {
  let text: string;
  try {
    text = decoder(encoding).decode(bytes);
  } catch {
    return { ok: false, kind: 'undecodable', reason: `invalid ${encoding} byte sequence` };
  }
  const bad = countBadChars(text);
  if (text.length > 0 && bad / text.length > 0.1) {
    return { ok: false, kind: 'binary', reason: `decoded as ${encoding} but ${Math.round((100 * bad) / text.length)}% of characters are control characters` };
  }
  return { ok: true, text, encoding, bom };
}

function detectBom(b: Uint8Array): { encoding: Encoding; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without BOM: ASCII-heavy text has zero bytes at every other position. */
function detectUtf16(b: Uint8Array): Encoding | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05 && canDecode(b, 'utf-16le')) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05 && canDecode(b, 'utf-16be')) return 'utf-16be';
  return null;
}

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  return control / n > 0.05;
}

function isUtf8(b: Uint8Array): boolean {
  return canDecode(b, 'utf-8');
}

function canDecode(b: Uint8Array, enc: string): boolean {
  try {
    decoder(enc).decode(b);
    return true;
  } catch {
    return false;
  }
}

/**
 * Share of double-byte pairs that fall in the GB2312 block (both bytes 0xA1–0xFE).
 * Simplified text in GBK/GB18030 scores near 1; Big5 text, whose trail bytes are often
 * 0x40–0x7E, scores far lower.
 */
export function gb2312PairShare(b: Uint8Array): number {
  let pairs = 0;
  let inGb2312 = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    const t = b[i + 1];
    if (t === undefined) break;
    if (t >= 0x30 && t <= 0x39) {
      i += 3; // GB18030 four-byte sequence
      pairs++;
      continue;
    }
    pairs++;
    if (c >= 0xa1 && c <= 0xfe && t >= 0xa1 && t <= 0xfe) inGb2312++;
    i++;
  }
  return pairs === 0 ? 0 : inGb2312 / pairs;
}

function countBadChars(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad;
}
